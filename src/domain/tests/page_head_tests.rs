//! Page heads (`domain::page_head`): a head keeps its page's smallest first-name
//! prefixes (more when they tie), and the pages a plan names hold the default view's
//! whole first page, whatever the names, the deletions since the pages were stored (the first screens deleted too)
//! and the lists an agent sees.

use std::collections::{HashMap, HashSet};

use proptest::strategy::Strategy;

use crate::domain::page_head::{plan, PageHead, HEAD_LEN};
use crate::domain::{ContactId, ContactQuery, ListId, PageKey, Workspace};

use super::support_tests::{contact, draft, list, T0};

#[test]
fn a_head_keeps_the_smallest_prefixes_and_every_one_tying_with_the_last() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    // 110 "Maria", then "Anna" and "anna" (one prefix), then "Zoe".
    for first in ["Zoe", "Anna", "anna"].into_iter().chain(std::iter::repeat_n("Maria", 110)) {
        contact(&mut ws, l, first, "", "", "");
    }
    let page = ws.page(PageKey { list: l, page: 0 }).expect("one page");
    let head = PageHead::of(page);
    assert_eq!(head.count, 113);
    assert_eq!(head.entries.len(), 112, "the 100 smallest, then the 12 Marias tying with the last: {head:?}");
    assert!(head.entries.windows(2).all(|w| w[0].key <= w[1].key), "ascending");
    assert_eq!(head.entries[0].key, head.entries[1].key, "Anna and anna fold to one key");
    let zoe = page[0].id;
    assert!(head.entries.iter().all(|e| e.id != zoe), "Zoe sorts after every Maria: left out");
}

// The head test above needs more Marias than a head keeps.
const _: () = assert!(HEAD_LEN < 112);

#[test]
fn a_long_first_name_leaves_its_order_to_the_full_text_not_the_last_name() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    // A full page of "Alessandrob Aaa", then "Alessandra Zzz" alone in the next one:
    // she comes first (by her full first name), though her last name is larger.
    let mut data: Vec<_> = (0..512).map(|_| draft(l, "Alessandrob", "Aaa", "", "").validate().expect("valid").1).collect();
    data.push(draft(l, "Alessandra", "Zzz", "", "").validate().expect("valid").1);
    ws.add_contacts(l, data, T0).expect("add");
    let heads: Vec<(PageKey, PageHead)> = ws.page_keys().map(|key| (key, PageHead::of(ws.page(key).unwrap_or_default()))).collect();
    assert_eq!(heads.len(), 2);
    let (rows, _) = first_rows(&ws, None, 25);
    let first = ws.contact(rows[0]).expect("first row");
    assert_eq!(first.data.first_name(), "Alessandra");
    let p = plan(&heads, &HashMap::new(), None, 25).expect("a plan");
    assert!(p.pages.contains(&PageKey { list: l, page: 1 }), "her page is read: {:?}", p.pages);
}

#[test]
fn one_name_in_every_page_needs_only_the_first_pages_in_storage_order() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    // "Alessandro Bianchi" every 4th of 2,000 contacts (four pages), the rest after him.
    let name = |i: usize| if i.is_multiple_of(4) { ("Alessandro", "Bianchi") } else { ("Zed", "Bianchi") };
    let data: Vec<_> = (0..2_000).map(|i| draft(l, name(i).0, name(i).1, "", "").validate().expect("valid").1).collect();
    ws.add_contacts(l, data, T0).expect("add");
    let heads: Vec<(PageKey, PageHead)> = ws.page_keys().map(|key| (key, PageHead::of(ws.page(key).unwrap_or_default()))).collect();
    assert_eq!(heads.len(), 4);
    let (rows, total) = first_rows(&ws, None, 25);
    let p = plan(&heads, &HashMap::new(), None, 25).expect("a plan");
    assert_eq!((p.pages.as_slice(), p.total), ([PageKey { list: l, page: 0 }].as_slice(), total), "storage order settles equal names");
    assert!(rows.iter().all(|id| ws.page_of(*id) == Some(PageKey { list: l, page: 0 })));
}

#[test]
fn names_longer_than_a_key_are_not_settled_by_storage_order() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    // 18-byte first names, equal in the 16 a key holds: the full text puts the one in
    // the second page first.
    let mut data: Vec<_> = (0..512).map(|_| draft(l, "Alessandrobertiniz", "Aaa", "", "").validate().expect("valid").1).collect();
    data.push(draft(l, "Alessandrobertinia", "Aaa", "", "").validate().expect("valid").1);
    ws.add_contacts(l, data, T0).expect("add");
    let heads: Vec<(PageKey, PageHead)> = ws.page_keys().map(|key| (key, PageHead::of(ws.page(key).unwrap_or_default()))).collect();
    let (rows, _) = first_rows(&ws, None, 25);
    assert_eq!(ws.page_of(rows[0]), Some(PageKey { list: l, page: 1 }));
    let p = plan(&heads, &HashMap::new(), None, 25).expect("a plan");
    assert!(p.pages.contains(&PageKey { list: l, page: 1 }), "the first row's page is read: {:?}", p.pages);
}

/// The default view's first `k` rows, as the loaded workspace shows them.
fn first_rows(ws: &Workspace, visible: Option<&[ListId]>, k: usize) -> (Vec<ContactId>, usize) {
    let q = ContactQuery { page_size: k, visible_lists: visible.map(<[ListId]>::to_vec), ..ContactQuery::default() };
    let result = ws.query(&q);
    (result.rows.iter().map(|c| c.id).collect(), result.total)
}

/// Who is deleted after the pages were stored (their heads then list stale copies).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deleted {
    None,
    /// Every n-th contact.
    Every(usize),
    /// The first n in the default order: a user deleting the first screens.
    FirstInOrder(usize),
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
    /// Over two lists of up to five pages, first and last names that tie on their first
    /// 8 bytes and in case, some deleted after the pages were stored (stale copies): every row of
    /// the first page is in a page the plan names, and its total is the view's.
    #[test]
    fn the_planned_pages_hold_the_whole_first_page(
        names in proptest::collection::vec((
            "(Alessandr|ALESSANDRO|alessandrobertini|Al|Maximiliansson|Zoë|Ádám|[a-zA-Z]{1,9})[a-cA-C]{0,4}",
            "(|Rossi|rossi|B|Bergmann|bergmannhofstaette)[a-b]{0,2}",
        ), 1..4_000),
        deleted in proptest::prop_oneof![
            proptest::strategy::Just(Deleted::None),
            (2usize..9).prop_map(Deleted::Every),
            (1usize..1_200).prop_map(Deleted::FirstInOrder),
        ],
        k in proptest::sample::select(vec![25usize, 50, 100]),
        agent_view in proptest::bool::ANY,
        in_name_order in proptest::bool::ANY,
    ) {
        // A file exported in name order puts the whole first screen in one page.
        let mut names = names;
        if in_name_order {
            names.sort_by_key(|(first, last)| (first.to_lowercase(), last.to_lowercase()));
        }
        let mut ws = Workspace::new();
        let lists = [list(&mut ws, "North"), list(&mut ws, "South")];
        // A third of them in South, the rest in North.
        let mut ids = Vec::new();
        for (at, l) in lists.iter().enumerate() {
            let data = names.iter().enumerate().filter(|(i, _)| usize::from(i % 3 == 2) == at);
            let data: Vec<_> = data.map(|(_, (first, last))| draft(*l, first, last, "", "").validate().expect("valid").1).collect();
            if !data.is_empty() {
                ids.extend(ws.add_contacts(*l, data, T0).expect("add").0);
            }
        }
        // The heads as the store wrote them with the pages, before the deletion.
        let mut heads: Vec<(PageKey, PageHead)> = ws.page_keys().map(|key| (key, PageHead::of(ws.page(key).unwrap_or_default()))).collect();
        let doomed: Vec<ContactId> = match deleted {
            Deleted::None => Vec::new(),
            Deleted::Every(n) => ids.iter().copied().step_by(n).collect(),
            Deleted::FirstInOrder(n) => ws.query(&ContactQuery { page_size: n, ..ContactQuery::default() }).rows.iter().map(|c| c.id).collect(),
        };
        if !doomed.is_empty() {
            // What the store does with the change: heads go with their pages.
            let (_, change) = ws.delete_contacts(&doomed, T0).expect("delete");
            heads.retain(|(key, _)| !change.pages_deleted.contains(key));
            for (key, head) in heads.iter_mut().filter(|(key, _)| change.pages_put.contains(key)) {
                *head = PageHead::of(ws.page(*key).unwrap_or_default());
            }
        }
        let gone: HashMap<PageKey, HashSet<ContactId>> =
            heads.iter().map(|(key, _)| (*key, ws.stale_copies(*key).unwrap_or_default().into_iter().collect())).collect();
        let visible = agent_view.then(|| vec![lists[1]]);
        let (rows, total) = first_rows(&ws, visible.as_deref(), k);
        match plan(&heads, &gone, visible.as_deref(), k) {
            Some(p) => {
                proptest::prop_assert_eq!(p.total, total);
                for id in &rows {
                    let page = ws.page_of(*id).expect("stored");
                    proptest::prop_assert!(p.pages.contains(&page), "row {} is in {:?}, not among {:?}", id, page, p.pages);
                }
            }
            // Only when the heads cannot settle it: some page's listed contacts went.
            None => proptest::prop_assert!(total == 0 || deleted != Deleted::None, "no plan for {} rows of {}", rows.len(), total),
        }
    }
}

/// Contacts that left a stored page (stale copies) are no rows: the smallest keys in a
/// page's head may all have left, and the first row is then in another page.
#[test]
fn keys_of_contacts_that_left_their_page_do_not_choose_the_pages() {
    use crate::domain::page_head::HeadEntry;
    let l = ListId::new(1);
    let (p1, p2) = (PageKey { list: l, page: 0 }, PageKey { list: l, page: 1 });
    let entry = |key: u64, id: u64| HeadEntry { key: [key, 0, 0, 0], whole: true, id: ContactId::new(id) };
    // Page 1 stored keys 1, 2 and 9; the contacts with 1 and 2 have left it since.
    let heads = vec![
        (p1, PageHead { count: 3, entries: vec![entry(1, 1), entry(2, 2), entry(9, 3)] }),
        (p2, PageHead { count: 1, entries: vec![entry(5, 4)] }),
    ];
    let gone = HashMap::from([(p1, HashSet::from([ContactId::new(1), ContactId::new(2)]))]);
    let p = plan(&heads, &gone, None, 1).expect("a plan");
    assert_eq!((p.pages.as_slice(), p.total), (&[p2][..], 2), "the first row is key 5, in page 2");
    let p = plan(&heads, &gone, None, 2).expect("a plan");
    assert_eq!((p.pages.as_slice(), p.total), (&[p1, p2][..], 2));
}
