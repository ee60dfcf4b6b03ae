//! Layers: how a change is cut into them, their bytes, and stacking them (against a
//! plain model of applying the same operations one by one).

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::domain::{HistoryEvent, HistoryKind, Interval, JourneyEntry, Timestamp};
use crate::persist::StoreError;

fn key(contact: u64, at: i64, id: u64) -> JournalKey {
    JournalKey { contact: ContactId::new(contact), at: Timestamp::from_millis(at), id }
}

fn edited(contact: u64, at: i64, field: &str) -> JourneyEntry {
    JourneyEntry::History(HistoryEvent { contact: ContactId::new(contact), at: Timestamp::from_millis(at), kind: HistoryKind::Edited { fields: vec![field.into()] } })
}

#[test]
fn a_change_becomes_one_layer_per_page_and_clears_are_cut_at_page_edges() {
    let change = Change {
        journal_put: vec![edited(1, 50, "b"), edited(1, 10, "a"), edited(600, 5, "c")],
        journal_deleted: vec![key(1_100, 1, 2)],
        journal_cleared: (500..=1_100).map(ContactId::new).collect(),
        ..Change::default()
    };
    let layers = of_change(&change);
    assert_eq!(layers.keys().copied().collect::<Vec<_>>(), [0, 1, 2]);
    let runs = |page: u64| layers[&page].cleared.iter().map(|(a, b)| (a.get(), b.get())).collect::<Vec<_>>();
    assert_eq!((runs(0), runs(1), runs(2)), (vec![(500, 511)], vec![(512, 1_023)], vec![(1_024, 1_100)]));
    assert!(layers[&1].clears_page(1) && !layers[&0].clears_page(0) && !layers[&2].clears_page(2));
    let times: Vec<i64> = layers[&0].puts.iter().map(|(k, _)| k.at.millis()).collect();
    assert_eq!(times, [10, 50], "puts are stored in key order");
    assert_eq!(layers[&2].deleted, [key(1_100, 1, 2)]);
}

#[test]
fn a_layer_reads_back_what_was_encoded_and_one_contact_without_the_others() {
    let layer = Layer {
        cleared: vec![(ContactId::new(3), ContactId::new(7))],
        puts: vec![(key(2, -5, 1), vec![9, 9]), (key(2, 8, u64::MAX), vec![]), (key(4, 1, 1), vec![1, 2, 3])],
        deleted: vec![key(511, i64::MIN, 0)],
    };
    let bytes = encode_layer(&layer);
    let view = LayerView::parse(&bytes).expect("parse");
    assert_eq!(view.cleared().collect::<Vec<_>>(), layer.cleared);
    assert_eq!(view.deleted().collect::<Vec<_>>(), layer.deleted);
    let all: Vec<(JournalKey, Vec<u8>)> = view.puts(None).expect("puts").into_iter().map(|(k, b)| (k, b.to_vec())).collect();
    assert_eq!(all, layer.puts);
    let four: Vec<JournalKey> = view.puts(Some(ContactId::new(4))).expect("puts").into_iter().map(|(k, _)| k).collect();
    assert_eq!(four, [key(4, 1, 1)]);
    assert!(view.puts(Some(ContactId::new(5))).expect("puts").is_empty());
}

#[test]
fn damaged_layers_are_refused_in_words_at_every_length() {
    let layer = Layer { cleared: vec![(ContactId::new(1), ContactId::new(2))], puts: vec![(key(1, 1, 1), vec![7; 30])], deleted: vec![key(1, 0, 0)] };
    let bytes = encode_layer(&layer);
    for cut in 0..bytes.len() {
        let outcome = LayerView::parse(&bytes[..cut]).and_then(|v| v.puts(None).map(|p| p.len()));
        assert!(matches!(outcome, Err(StoreError::Corrupt(ref m)) if m.contains("page of the journal")), "cut at {cut}: {outcome:?}");
    }
    assert_eq!(LayerView::parse(&[2]).err(), Some(StoreError::NewerVersion));
    assert!(matches!(LayerView::parse(&[0]), Err(StoreError::Corrupt(m)) if m.contains("unknown format 0")));
    // Counts that promise more than there is.
    assert!(LayerView::parse(&[1, 255, 255, 255, 255]).is_err());
}

#[test]
fn legacy_entries_are_the_oldest_layer() {
    let legacy = vec![(key(1, 1, 1), vec![1]), (key(1, 2, 2), vec![2]), (key(3, 1, 1), vec![3])];
    let clear_one = encode_layer(&Layer { cleared: vec![(ContactId::new(1), ContactId::new(1))], puts: vec![(key(1, 5, 5), vec![5])], ..Layer::default() });
    let delete_three = encode_layer(&Layer { deleted: vec![key(3, 1, 1)], puts: vec![(key(3, 1, 1), vec![33])], ..Layer::default() });
    let layers = vec![clear_one, delete_three];
    let live: Vec<(JournalKey, Vec<u8>)> = stack(&legacy, &layers, None).expect("stack").into_iter().map(|(k, b)| (k, b.to_vec())).collect();
    assert_eq!(live, [(key(1, 5, 5), vec![5])], "the clear went over the legacy entries, the deletion after the put");
    let only_three = stack(&legacy, &layers, Some(ContactId::new(3))).expect("stack");
    assert!(only_three.is_empty());
}

#[test]
fn a_journey_is_the_contacts_entries_in_the_interval_both_ends_included() {
    // 2026-06-01 00:00 UTC, and the day's last millisecond.
    let (june_1, last) = (1_780_272_000_000, 1_780_272_000_000 + 86_400_000 - 1);
    let entries = [edited(2, june_1 - 1, "a"), edited(2, june_1, "b"), edited(2, last, "c"), edited(2, last + 1, "e"), edited(3, june_1, "d")];
    let puts = entries.iter().map(|e| (JournalKey::of(e), crate::domain::codec::encode_journal_entry(e)));
    let layer = layers(&[], puts, &[]).remove(&0).expect("page 0");
    let bytes = vec![encode_layer(&layer)];
    let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let interval = Interval::from_dates(day, day, 0).expect("interval");
    assert_eq!(journal_of(ContactId::new(2), Some(interval), &[], &bytes).expect("read"), entries[1..3]);
    assert_eq!(journal_of(ContactId::new(2), None, &[], &bytes).expect("read"), entries[..4]);
    assert_eq!(entries_after(&[], &bytes, Some(JournalKey::of(&entries[1])), 5).expect("after"), entries[2..]);
    assert_eq!(entries_after(&[], &bytes, None, 2).expect("after"), entries[..2]);
}

/// One operation of a random history on contacts 0..6 of page 0.
#[derive(Clone, Debug)]
enum Op {
    Clear(u64, u64),
    Put(u64, i64, u8),
    Delete(u64, i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6u64, 0..6u64).prop_map(|(a, b)| Op::Clear(a.min(b), a.max(b))),
        (0..6u64, 0..4i64, any::<u8>()).prop_map(|(c, at, v)| Op::Put(c, at, v)),
        (0..6u64, 0..4i64).prop_map(|(c, at)| Op::Delete(c, at)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Commits of random operations, each stored as its layer, stack to what applying
    /// them one by one gives; flattened, they read the same.
    #[test]
    fn stacked_layers_match_applying_every_commit_in_turn(commits in prop::collection::vec(prop::collection::vec(op(), 0..6), 0..10), legacy_values in prop::collection::vec((0..6u64, 0..4i64), 0..5)) {
        let legacy: Vec<(JournalKey, Vec<u8>)> = legacy_values.iter().map(|&(c, at)| (key(c, at, 0), vec![200])).collect::<BTreeMap<_, _>>().into_iter().collect();
        let mut model: BTreeMap<JournalKey, Vec<u8>> = legacy.iter().cloned().collect();
        let mut stored = Vec::new();
        for ops in &commits {
            // A commit is a merged change: clears, then puts, then deletions.
            let (mut cleared, mut puts, mut deleted) = (Vec::new(), BTreeMap::new(), Vec::new());
            for op in ops {
                match *op {
                    Op::Clear(a, b) => {
                        cleared.push((ContactId::new(a), ContactId::new(b)));
                        puts.retain(|k: &JournalKey, _| !(a..=b).contains(&k.contact.get()));
                        deleted.retain(|k: &JournalKey| !(a..=b).contains(&k.contact.get()));
                    }
                    Op::Put(c, at, v) => {
                        deleted.retain(|k| *k != key(c, at, 0));
                        puts.insert(key(c, at, 0), vec![v]);
                    }
                    Op::Delete(c, at) => {
                        puts.remove(&key(c, at, 0));
                        deleted.push(key(c, at, 0));
                    }
                }
            }
            for &(a, b) in &cleared {
                model.retain(|k, _| !(a..=b).contains(&k.contact));
            }
            model.extend(puts.clone());
            for k in &deleted {
                model.remove(k);
            }
            if let Some(layer) = layers(&cleared, puts, &deleted).remove(&0) {
                stored.push(encode_layer(&layer));
            }
        }
        let live: BTreeMap<JournalKey, Vec<u8>> = stack(&legacy, &stored, None).expect("stack").into_iter().map(|(k, b)| (k, b.to_vec())).collect();
        prop_assert_eq!(&live, &model);
        for c in 0..6 {
            let one: BTreeMap<JournalKey, Vec<u8>> = stack(&legacy, &stored, Some(ContactId::new(c))).expect("stack").into_iter().map(|(k, b)| (k, b.to_vec())).collect();
            let expected: BTreeMap<JournalKey, Vec<u8>> = model.iter().filter(|(k, _)| k.contact.get() == c).map(|(k, b)| (*k, b.clone())).collect();
            prop_assert_eq!(one, expected);
        }
        let flat: Vec<Vec<u8>> = flatten(&legacy, &stored).expect("flatten").into_iter().collect();
        let again: BTreeMap<JournalKey, Vec<u8>> = stack(&[], &flat, None).expect("stack").into_iter().map(|(k, b)| (k, b.to_vec())).collect();
        prop_assert_eq!(again, model);
    }

    /// Random bytes are a damaged layer, never a panic.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut with_format = vec![1];
        with_format.extend_from_slice(&bytes);
        for candidate in [bytes, with_format] {
            let _ = LayerView::parse(&candidate).and_then(|v| v.puts(None).map(|p| p.len()));
        }
    }
}
