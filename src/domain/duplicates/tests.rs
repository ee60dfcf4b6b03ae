//! The duplicate finder: its parts on known values, planted duplicates in a generated
//! list, "not duplicates", slices, and (ignored) the timing over 500,000 contacts.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use super::jaro::jaro_winkler;
use super::names::{name_similarity, soundex, Name};
use super::*;
use crate::domain::contact::{Contact, ContactDraft, PhoneRules};
use crate::domain::country::Country;
use crate::domain::field::ContactField as F;
use crate::domain::ids::{ListId, Timestamp};
use crate::domain::interaction::Activity;
use crate::domain::sample::generate_contacts;

fn contact(id: u64, values: &[(F, &str)]) -> Contact {
    let mut draft = ContactDraft { list_id: Some(ListId::new(0)), ..ContactDraft::default() };
    for (field, value) in values {
        draft.set(*field, *value);
    }
    // Bare digits read as Italian numbers, as an Italian list's import reads them.
    let rules = PhoneRules { country: Country::from_code("IT"), ask_when_ambiguous: false };
    let data = match draft.validate_in(&[], rules) {
        Ok(v) => v.data,
        Err(e) => panic!("planted contact {id} must be valid: {e}"),
    };
    let at = Timestamp::from_millis(0);
    Contact { id: ContactId::new(id), list_id: ListId::new(0), created: at, updated: at, data, activity: Activity::default() }
}

fn generated(n: usize) -> Vec<Contact> {
    let at = Timestamp::from_millis(0);
    let list = ListId::new(0);
    generate_contacts(n, 11).into_iter().zip(1..).map(|(data, id)| Contact { id: ContactId::new(id), list_id: list, created: at, updated: at, data, activity: Activity::default() }).collect()
}

#[test]
fn jaro_winkler_gives_the_published_values() {
    let close = |a: &str, b: &str, want: f64| {
        let got = jaro_winkler(a.as_bytes(), b.as_bytes());
        assert!((got - want).abs() < 0.001, "{a}/{b}: {got}");
    };
    close("martha", "marhta", 0.961);
    close("dwayne", "duane", 0.840);
    close("dixon", "dicksonx", 0.813);
    close("abc", "xyz", 0.0);
    close("same", "same", 1.0);
    close("", "x", 0.0);
}

#[test]
fn soundex_codes_and_name_similarity_forgive_typos_swaps_and_initials() {
    let code = |s: &str| {
        let packed = soundex(s.as_bytes());
        format!("{}{}{}{}", (packed >> 24) as u8 as char, (packed >> 16) & 0xff, (packed >> 8) & 0xff, packed & 0xff)
    };
    assert_eq!(code("robert"), "r163");
    assert_eq!(code("rupert"), "r163");
    assert_eq!(code("ashcraft"), "a261");
    assert_eq!(code("tymczak"), "t522");
    assert_eq!(code("rossi"), code("rosi"));
    assert_eq!(soundex(b""), 0);
    let name = |first: &'static str, last: &'static str| Name { first: first.as_bytes(), last: last.as_bytes() };
    assert!(name_similarity(name("jonh", "smith"), name("john", "smith")) >= 95);
    assert_eq!(name_similarity(name("rossi", "giulia"), name("giulia", "rossi")), 100, "swapped");
    assert!(name_similarity(name("a", "manzoni"), name("alessandro", "manzoni")) >= 90, "an initial");
    assert!(name_similarity(name("marco", "bianchi"), name("luca", "ferrari")) < 70);
    let mut folded = Vec::new();
    names::fold_name_into("  José  O'Brien-Müller ", &mut folded);
    assert_eq!(folded, b"jose obrien muller");
}

/// Planted people, each a set of contact ids (ids from 1,000,001 up).
fn planted() -> (Vec<Contact>, Vec<Vec<u64>>) {
    let c = contact;
    let people = vec![
        // One phone in three forms (the last read as an Italian national number).
        vec![
            c(1_000_001, &[(F::FirstName, "Giacomo"), (F::LastName, "Leopardi"), (F::Phone, "+39 333 123 4567")]),
            c(1_000_002, &[(F::FirstName, "Giacomo"), (F::LastName, "Leopardi"), (F::Mobile, "0039 3331234567"), (F::Email, "gl@recanati.it")]),
            c(1_000_003, &[(F::FirstName, "G."), (F::LastName, "Leopardi"), (F::Phone, "333 1234567")]),
        ],
        // The email in other capitals.
        vec![
            c(1_000_011, &[(F::FirstName, "Ugo"), (F::LastName, "Foscolo"), (F::Email, "ugo.foscolo@poeti.it")]),
            c(1_000_012, &[(F::FirstName, "Ugo"), (F::LastName, "Foscolo"), (F::Email, "UGO.Foscolo@POETI.IT"), (F::Phone, "+39 347 000 1111")]),
        ],
        // A typo, the phone shared.
        vec![
            c(1_000_021, &[(F::FirstName, "Jonh"), (F::LastName, "Keats"), (F::Phone, "+44 20 7183 8750")]),
            c(1_000_022, &[(F::FirstName, "John"), (F::LastName, "Keats"), (F::Phone, "+44 20 7183 8750")]),
        ],
        // A typo in the name and the email, nothing exact in common.
        vec![
            c(1_000_031, &[(F::FirstName, "Marco"), (F::LastName, "Rossi"), (F::Email, "marco.rossi77@example.com"), (F::City, "Roma")]),
            c(1_000_032, &[(F::FirstName, "Marco"), (F::LastName, "Rosi"), (F::Email, "marco.rosi77@example.com"), (F::Phone, "+39 348 222 3333")]),
        ],
        // Accents, the same birthday.
        vec![
            c(1_000_041, &[(F::FirstName, "José"), (F::LastName, "Martínez"), (F::DateOfBirth, "1971-03-02")]),
            c(1_000_042, &[(F::FirstName, "Jose"), (F::LastName, "Martinez"), (F::DateOfBirth, "1971-03-02"), (F::City, "Madrid")]),
        ],
        // First and last name swapped, the same birthday.
        vec![
            c(1_000_051, &[(F::FirstName, "Giulia"), (F::LastName, "Colombo"), (F::DateOfBirth, "1985-12-24")]),
            c(1_000_052, &[(F::FirstName, "Colombo"), (F::LastName, "Giulia"), (F::DateOfBirth, "1985-12-24")]),
        ],
        // An initial, the same street.
        vec![
            c(1_000_061, &[(F::FirstName, "Alessandro"), (F::LastName, "Manzoni"), (F::Street, "Via Morone 1"), (F::City, "Milano")]),
            c(1_000_062, &[(F::FirstName, "A."), (F::LastName, "Manzoni"), (F::Street, "via Morone, 1"), (F::City, "Milano")]),
        ],
    ];
    let ids = people.iter().map(|g| g.iter().map(|c| c.id.get()).collect()).collect();
    (people.into_iter().flatten().collect(), ids)
}

fn group_of(groups: &[DuplicateGroup], id: u64) -> Option<&DuplicateGroup> {
    groups.iter().find(|g| g.members.contains(&ContactId::new(id)))
}

#[test]
fn every_planted_person_is_found_with_few_false_groups() {
    let mut contacts = generated(3_000);
    let (plants, people) = planted();
    contacts.extend(plants);
    let groups = find_all(&contacts, &NotDuplicates::default());
    for person in &people {
        let group = group_of(&groups, person[0]).unwrap_or_else(|| panic!("{person:?} not found"));
        for id in person {
            assert!(group.members.contains(&ContactId::new(*id)), "{id} not with {person:?}: {group:?}");
        }
        assert_eq!(group.members.len(), person.len(), "nobody else joins {person:?}: {group:?}");
        assert!(!group.links.is_empty() && group.links.iter().all(|l| !l.reasons.is_empty()));
    }
    let planted_ids: HashSet<u64> = people.iter().flatten().copied().collect();
    let false_groups: Vec<&DuplicateGroup> = groups.iter().filter(|g| !g.members.iter().any(|m| planted_ids.contains(&m.get()))).collect();
    assert!(false_groups.len() <= 3, "{false_groups:#?}");
    let mut seen = HashSet::new();
    assert!(groups.iter().flat_map(|g| &g.members).all(|m| seen.insert(*m)), "a contact in two groups");
}

#[test]
fn groups_say_why_they_matched() {
    let (plants, _) = planted();
    let groups = find_all(&plants, &NotDuplicates::default());
    let reasons = |id: u64| -> Vec<MatchField> {
        group_of(&groups, id).map(|g| g.links.iter().flat_map(|l| l.reasons.iter().map(|r| r.field)).collect()).unwrap_or_default()
    };
    assert!(reasons(1_000_001).contains(&MatchField::Phone));
    assert!(reasons(1_000_011).contains(&MatchField::Email));
    assert!(reasons(1_000_031).contains(&MatchField::SimilarEmail));
    assert!(reasons(1_000_041).contains(&MatchField::DateOfBirth));
    assert!(reasons(1_000_061).contains(&MatchField::Street));
    let fuzzy = group_of(&groups, 1_000_031).expect("found");
    let name = fuzzy.links.iter().flat_map(|l| &l.reasons).find(|r| r.field == MatchField::Name).expect("a name reason");
    assert!((NAME_THRESHOLD..100).contains(&name.similarity), "{name:?}");
    assert!(fuzzy.score < 100 && group_of(&groups, 1_000_011).map(|g| g.score) == Some(100));
}

#[test]
fn not_duplicates_are_never_grouped_even_through_a_third() {
    let (plants, _) = planted();
    let mut apart = NotDuplicates::default();
    assert!(apart.insert(ContactId::new(1_000_003), ContactId::new(1_000_001)));
    assert!(!apart.insert(ContactId::new(1_000_001), ContactId::new(1_000_003)), "unordered");
    assert!(apart.insert(ContactId::new(1_000_021), ContactId::new(1_000_022)));
    let json = serde_json::to_string(&apart).expect("serialises");
    assert_eq!(serde_json::from_str::<NotDuplicates>(&json).ok(), Some(apart.clone()));
    let groups = find_all(&plants, &apart);
    assert!(group_of(&groups, 1_000_021).is_none());
    let together = |a: u64, b: u64| group_of(&groups, a).is_some_and(|g| g.members.contains(&ContactId::new(b)));
    assert!(!together(1_000_001, 1_000_003));
    assert!(together(1_000_001, 1_000_002) || together(1_000_002, 1_000_003), "the rest still groups");
    apart.forget(ContactId::new(1_000_021));
    assert_eq!(apart.len(), 1);
}

#[test]
fn small_slices_find_what_one_run_finds() {
    let mut contacts = generated(500);
    contacts.extend(planted().0);
    let whole = find_all(&contacts, &NotDuplicates::default());
    let by_id: std::collections::HashMap<ContactId, &Contact> = contacts.iter().map(|c| (c.id, c)).collect();
    // One contact more than the finder will find: a missing one is skipped.
    let mut ids: Vec<ContactId> = contacts.iter().map(|c| c.id).collect();
    ids.push(ContactId::new(999_999_999));
    let mut finder = DuplicateFinder::new(ids, NotDuplicates::default());
    let mut steps = 0;
    let mut last = 0;
    loop {
        let progress = finder.step(|id| by_id.get(&id).copied(), 37);
        assert!(progress.percent() >= last, "progress goes forward");
        last = progress.percent();
        steps += 1;
        if progress.is_finished() {
            break;
        }
    }
    assert!(steps > 20, "{steps}");
    assert_eq!(last, 100);
    assert_eq!(finder.groups(), whole);
}

/// `cargo test --release --lib -- --ignored duplicates --nocapture`. Budget: under 5 s
/// in the browser with no task over 100 ms, so under 2 s here (wasm is 1.5-2x slower).
#[test]
#[ignore]
fn timing_over_500k_contacts() {
    const STEP: usize = 10_000;
    let mut contacts = generated(500_000);
    contacts.extend(planted().0);
    let started = Instant::now();
    let groups = find_all(&contacts, &NotDuplicates::default());
    let whole = started.elapsed();
    let by_id: std::collections::HashMap<ContactId, &Contact> = contacts.iter().map(|c| (c.id, c)).collect();
    let mut finder = DuplicateFinder::new(contacts.iter().map(|c| c.id).collect(), NotDuplicates::default());
    let (mut longest, mut total, mut steps) = (Duration::ZERO, Duration::ZERO, 0);
    let mut by_phase: Vec<(Phase, Duration)> = Vec::new();
    loop {
        let phase = finder.progress().phase;
        let t = Instant::now();
        let progress = finder.step(|id| by_id.get(&id).copied(), STEP);
        let took = t.elapsed();
        longest = longest.max(took);
        total += took;
        steps += 1;
        match by_phase.last_mut() {
            Some((p, d)) if *p == phase => *d += took,
            _ => by_phase.push((phase, took)),
        }
        if progress.is_finished() {
            break;
        }
    }
    println!("by phase: {by_phase:?}");
    println!("find_all over {} contacts: {whole:?} (budget on the host: 2 s), {} groups", contacts.len(), groups.len());
    println!("in steps of {STEP}: {steps} steps, {total:?} in all, longest step {longest:?} (budget on the host: 50 ms; the UI should use this step)");
    assert_eq!(finder.groups().len(), groups.len());
}
