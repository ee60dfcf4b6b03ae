//! Matching a number or an email to one contact.

use crate::domain::import::call_log::{ContactIndex, Found};
use crate::domain::ContactField as F;

use super::support::{list, person, world};

#[test]
fn every_way_of_writing_a_number_finds_its_contact() {
    let w = world();
    let index = ContactIndex::build(&w.ws);
    let ada = Found::One(w.ada, w.list);
    for written in ["+39 333 123 4567", "0039 333-1234567", "393331234567", "333 1234567", "(333) 123.4567"] {
        assert_eq!(index.by_phone(written), ada, "{written}");
    }
    assert_eq!(index.by_phone("+39 347 765 4321"), Found::One(w.bruno, w.list), "stored from a national number");
    assert_eq!(index.by_phone("+49 151 23456789"), Found::One(w.elena, w.list), "an additional phone");
    assert_eq!(index.by_phone("+39 320 000 0000"), Found::Nobody);
    assert_eq!(index.by_phone("anonymous"), Found::Nobody);
    assert_eq!(index.by_phone(""), Found::Nobody);
}

#[test]
fn a_number_two_contacts_share_is_ambiguous() {
    let w = world();
    let index = ContactIndex::build(&w.ws);
    for written in ["+39 06 1234 5678", "06 1234 5678"] {
        let Found::Several(both) = index.by_phone(written) else { panic!("{written}: not ambiguous") };
        let ids: Vec<_> = both.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, [w.carla, w.dario], "{written}");
    }
}

#[test]
fn emails_are_case_folded() {
    let w = world();
    let index = ContactIndex::build(&w.ws);
    assert_eq!(index.by_email(" ADA@example.COM "), Found::One(w.ada, w.list));
    assert_eq!(index.by_email("nobody@example.com"), Found::Nobody);
}

#[test]
fn a_bare_number_is_read_with_each_lists_own_country() {
    let mut w = world();
    let germany = list(&mut w.ws, "Kunden", "DE");
    let fritz = person(&mut w.ws, germany, "Fritz", &[(F::Mobile, "0151 11122233")], &[]);
    let index = ContactIndex::build(&w.ws);
    assert_eq!(index.by_phone("0151 11122233"), Found::One(fritz, germany), "German trunk 0 dropped");
    assert_eq!(index.by_phone("+49 151 11122233"), Found::One(fritz, germany));
    // Read as Italian the same digits are no contact's: only the German list matches.
    assert_eq!(index.by_phone("333 1234567"), Found::One(w.ada, w.list));
}
