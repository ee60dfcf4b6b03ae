//! What the page makes of a group the finder found: what is left of it once contacts
//! are merged or deleted elsewhere, why it matched in words, and the pairs "Not
//! duplicates" remembers. Plain Rust: builds and tests on the host.

use crate::domain::duplicates::{DuplicateGroup, MatchReason, NotDuplicates};
use crate::domain::ContactId;

/// The group without the contacts that no longer `exist`: only links between two
/// remaining contacts are kept, and its members are the ends of those links (a member
/// linked only through a gone contact goes too). `None` when no link is left.
pub fn remaining(group: &DuplicateGroup, exists: impl Fn(ContactId) -> bool) -> Option<DuplicateGroup> {
    let links: Vec<_> = group.links.iter().filter(|l| exists(l.a) && exists(l.b)).cloned().collect();
    let mut members: Vec<ContactId> = links.iter().flat_map(|l| [l.a, l.b]).collect();
    members.sort();
    members.dedup();
    let score = links.iter().map(|l| l.score).min()?;
    Some(DuplicateGroup { members, links, score })
}

/// "Phone", "Name 92%": a field, and how similar when it is not equal.
fn reason_word(reason: &MatchReason) -> String {
    let label = reason.field.label();
    if reason.similarity < 100 {
        format!("{label} {}%", reason.similarity)
    } else {
        label.to_string()
    }
}

/// "Phone, Email, Name 92%": one link's reasons in words, strongest first.
pub fn reason_words(reasons: &[MatchReason]) -> String {
    reasons.iter().map(reason_word).collect::<Vec<_>>().join(", ")
}

/// Remembers every pair of the group's members as not duplicates; how many were new.
pub fn keep_apart(group: &DuplicateGroup, apart: &mut NotDuplicates) -> usize {
    let mut added = 0;
    for (i, a) in group.members.iter().enumerate() {
        for b in group.members.iter().skip(i + 1) {
            added += usize::from(apart.insert(*a, *b));
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::duplicates::{MatchField, MatchLink};

    fn id(n: u64) -> ContactId {
        ContactId::new(n)
    }

    fn reason(field: MatchField, similarity: u8) -> MatchReason {
        MatchReason { field, similarity }
    }

    fn link(a: u64, b: u64, score: u8) -> MatchLink {
        MatchLink { a: id(a), b: id(b), reasons: vec![reason(MatchField::Name, score)], score }
    }

    /// 1-2 (95), 2-3 (100), 3-4 (91).
    fn chain() -> DuplicateGroup {
        DuplicateGroup { members: vec![id(1), id(2), id(3), id(4)], links: vec![link(1, 2, 95), link(2, 3, 100), link(3, 4, 91)], score: 91 }
    }

    #[test]
    fn a_group_loses_the_contacts_that_are_gone_and_those_linked_only_through_them() {
        assert_eq!(remaining(&chain(), |_| true), Some(chain()));
        let without_2 = remaining(&chain(), |c| c != id(2)).expect("3-4 is left");
        assert_eq!(without_2.members, [id(3), id(4)], "1 was linked only through 2");
        assert_eq!((without_2.links.len(), without_2.score), (1, 91));
        let without_4 = remaining(&chain(), |c| c != id(4)).expect("1-2-3 is left");
        assert_eq!((without_4.members.len(), without_4.score), (3, 95));
        assert_eq!(remaining(&chain(), |c| c == id(1) || c == id(3)), None, "no link between what is left");
    }

    #[test]
    fn reasons_read_as_words_with_the_similarity_of_inexact_ones() {
        let reasons = [reason(MatchField::Phone, 100), reason(MatchField::Name, 92), reason(MatchField::SimilarEmail, 94), reason(MatchField::City, 100)];
        assert_eq!(reason_words(&reasons), "Phone, Name 92%, Similar email 94%, City");
        assert_eq!(reason_words(&[]), "");
    }

    #[test]
    fn not_duplicates_remembers_every_pair_of_the_group() {
        let mut apart = NotDuplicates::default();
        assert!(apart.insert(id(4), id(1)));
        assert_eq!(keep_apart(&chain(), &mut apart), 5, "six pairs, one already known");
        for (a, b) in [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)] {
            assert!(apart.contains(id(b), id(a)), "{a}-{b}");
        }
        assert_eq!(apart.len(), 6);
    }
}
