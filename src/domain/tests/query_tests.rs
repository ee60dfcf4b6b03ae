use crate::domain::{ContactId, ContactQuery, IndexBuilder, SortKey, Workspace};

use super::support_tests::{contact, list};

fn names(ws: &Workspace, q: &ContactQuery) -> Vec<String> {
    ws.query(q).rows.iter().map(|c| format!("{} {}", c.data.first_name(), c.data.last_name().unwrap_or(""))).collect()
}

fn sample() -> (Workspace, [ContactId; 4]) {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "Alpha");
    let b = list(&mut ws, "Beta");
    let ids = [
        contact(&mut ws, a, "Zoë", "Adams", "+39 333 1234567", "zoe@example.com"),
        contact(&mut ws, a, "anna", "Lee", "+44 20 7183 8750", "ANNA@corp.example"),
        contact(&mut ws, b, "Bruno", "Lee", "", "bruno@example.com"),
        contact(&mut ws, b, "Anna", "Zed", "", ""),
    ];
    (ws, ids)
}

#[test]
fn sorts_case_insensitively_with_empty_values_last() {
    let (ws, _) = sample();
    let q = ContactQuery::default();
    assert_eq!(names(&ws, &q), ["anna Lee", "Anna Zed", "Bruno Lee", "Zoë Adams"]);
    let q = ContactQuery { sort: SortKey::LastName, ..ContactQuery::default() };
    assert_eq!(names(&ws, &q), ["Zoë Adams", "anna Lee", "Bruno Lee", "Anna Zed"]);
    let q = ContactQuery { sort: SortKey::Email, ..ContactQuery::default() };
    assert_eq!(names(&ws, &q), ["anna Lee", "Bruno Lee", "Zoë Adams", "Anna Zed"]);
    let q = ContactQuery { sort: SortKey::Phone, descending: true, ..ContactQuery::default() };
    assert_eq!(names(&ws, &q), ["anna Lee", "Zoë Adams", "Bruno Lee", "Anna Zed"], "empty values stay last");
    let q = ContactQuery { sort: SortKey::List, ..ContactQuery::default() };
    assert_eq!(names(&ws, &q), ["anna Lee", "Zoë Adams", "Anna Zed", "Bruno Lee"]);
}

#[test]
fn search_matches_every_word_across_name_email_and_phone() {
    let (ws, _) = sample();
    let search = |s: &str| names(&ws, &ContactQuery { search: s.into(), ..ContactQuery::default() });
    assert_eq!(search("ANN"), ["anna Lee", "Anna Zed"]);
    assert_eq!(search("anna lee"), ["anna Lee"]);
    assert_eq!(search("corp.example"), ["anna Lee"]);
    assert_eq!(search("+39 333-123"), ["Zoë Adams"]);
    assert_eq!(search("0044 20"), ["anna Lee"]);
    assert_eq!(search("zoë"), ["Zoë Adams"]);
    assert_eq!(search("ZOË"), ["Zoë Adams"]);
    assert!(search("nobody").is_empty());
    assert_eq!(search("   ").len(), 4);
}

#[test]
fn filters_by_list_and_pages_with_a_total() {
    let (ws, _) = sample();
    let beta = ws.lists()[1].id;
    let r = ws.query(&ContactQuery { list: Some(beta), ..ContactQuery::default() });
    assert_eq!(r.total, 2);
    let r = ws.query(&ContactQuery { page_size: 3, page: 1, ..ContactQuery::default() });
    assert_eq!((r.total, r.rows.len()), (4, 1));
    let r = ws.query(&ContactQuery { page_size: 3, page: 9, ..ContactQuery::default() });
    assert_eq!((r.total, r.rows.len()), (4, 0));
    let r = ws.query(&ContactQuery { page_size: 0, ..ContactQuery::default() });
    assert_eq!(r.rows.len(), 1, "a zero page size is read as one");
}

#[test]
fn results_follow_edits_and_deletes() {
    let (mut ws, ids) = sample();
    let q = ContactQuery { search: "lee".into(), ..ContactQuery::default() };
    assert_eq!(ws.query(&q).total, 2);
    ws.delete_contacts(&[ids[1]], crate::domain::Timestamp::from_millis(0)).expect("deleted");
    assert_eq!(names(&ws, &q), ["Bruno Lee"]);
    let l = ws.lists()[0].id;
    contact(&mut ws, l, "Carla", "Leeds", "", "");
    assert_eq!(names(&ws, &q), ["Bruno Lee", "Carla Leeds"]);
}

#[test]
fn long_values_that_share_a_prefix_sort_by_their_full_text() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    for (first, last) in [("Alessandro", "Zanetti"), ("Alessandra", "Young"), ("Alessandro", "Abate"), ("Alessand", "Bassi"), ("Maximilian", "Bergmannsdorf"), ("Maximilian", "Bergmannhof")] {
        contact(&mut ws, l, first, last, "", "");
    }
    assert_eq!(
        names(&ws, &ContactQuery::default()),
        ["Alessand Bassi", "Alessandra Young", "Alessandro Abate", "Alessandro Zanetti", "Maximilian Bergmannhof", "Maximilian Bergmannsdorf"]
    );
    let q = ContactQuery { sort: SortKey::LastName, descending: true, ..ContactQuery::default() };
    assert_eq!(names(&ws, &q)[..2], ["Alessandro Zanetti", "Alessandra Young"]);
}

#[test]
fn an_index_built_while_loading_gives_the_same_results_and_a_mismatched_one_is_ignored() {
    let (ws, _) = sample();
    let q = ContactQuery { search: "lee".into(), ..ContactQuery::default() };
    let expected = names(&ws, &q);
    let all: Vec<&crate::domain::Contact> = ws.contacts().collect();

    // Built in two presorted batches, as start-up does.
    let mut whole = IndexBuilder::default();
    all.iter().take(2).for_each(|c| whole.push(c));
    whole.presort();
    all.iter().skip(2).for_each(|c| whole.push(c));
    whole.presort();
    let mut missing_one = IndexBuilder::default();
    all.iter().skip(1).for_each(|c| missing_one.push(c));
    let mut reordered = IndexBuilder::default();
    all.iter().rev().for_each(|c| reordered.push(c));

    for builder in [whole, missing_one, reordered] {
        let (fresh, _) = sample();
        fresh.adopt_index(builder);
        assert_eq!(names(&fresh, &q), expected);
        assert_eq!(names(&fresh, &ContactQuery::default()), ["anna Lee", "Anna Zed", "Bruno Lee", "Zoë Adams"]);
        assert_eq!(fresh.query(&ContactQuery::default()).total, 4);
    }
}

/// The order a sort must give, stated plainly: the main value folded, empty ones last;
/// then the other name, empty ones last; then storage order. Descending reverses all
/// but the empty main values, which stay last in storage order.
fn reference_order(rows: &[(String, String)], by_last: bool, descending: bool) -> Vec<String> {
    let fold = |s: &str| s.to_lowercase();
    let key = |i: usize| {
        let (first, last) = &rows[i];
        let (main, other) = if by_last { (fold(last), fold(first)) } else { (fold(first), fold(last)) };
        (main.is_empty(), main, other.is_empty(), other, i)
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| key(i));
    let empty_from = order.iter().position(|&i| key(i).0).unwrap_or(order.len());
    let (filled, empty) = order.split_at(empty_from);
    let filled: Vec<usize> = if descending { filled.iter().rev().copied().collect() } else { filled.to_vec() };
    filled.iter().chain(empty).map(|&i| format!("{} {}", rows[i].0, rows[i].1)).collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Names that tie on their first 8 and 16 bytes (where the sort stops comparing
    /// numbers and reads the text), in any case, with empty last names: every sort by a
    /// name gives the plain order, in both directions, also from a presorted index.
    #[test]
    fn sorting_by_a_name_gives_the_plain_order(
        rows in proptest::collection::vec(("(Alessandr|ALESSANDRO|alessandrobertini|Al|Maximiliansson)[a-cA-C]{0,10}", "(|Bergmann|bergmannhofstaette|B)[a-c]{0,10}"), 1..60),
        presorted_in in 1usize..8,
    ) {
        let mut ws = Workspace::new();
        let l = list(&mut ws, "L");
        for (first, last) in &rows {
            contact(&mut ws, l, first, last, "", "");
        }
        let all: Vec<&crate::domain::Contact> = ws.contacts().collect();
        let mut loaded = IndexBuilder::default();
        for chunk in all.chunks(presorted_in) {
            chunk.iter().for_each(|c| loaded.push(c));
            loaded.presort();
        }
        for by_last in [false, true] {
            for descending in [false, true] {
                let sort = if by_last { SortKey::LastName } else { SortKey::FirstName };
                let q = ContactQuery { sort, descending, page_size: rows.len(), ..ContactQuery::default() };
                proptest::prop_assert_eq!(names(&ws, &q), reference_order(&rows, by_last, descending), "by_last {} descending {}", by_last, descending);
            }
        }
        // The index start-up builds in presorted batches gives the same default order.
        ws.adopt_index(loaded);
        proptest::prop_assert_eq!(names(&ws, &ContactQuery { page_size: rows.len(), ..ContactQuery::default() }), reference_order(&rows, false, false));
    }
}
