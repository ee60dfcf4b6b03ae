//! When two contacts are likely the same person, and why.
//!
//! A shared phone number (any of either's numbers) or the same email is enough. A
//! similar name (90 or more) needs something only one person has besides: a similar
//! email at the same domain (digits equal), the same date of birth or the same street.
//! Same city or company alone is too common to count; it is shown as support.

use super::jaro::{jaro_winkler, percent};
use super::record::{Features, Records};
use super::{MatchField, MatchReason};

/// Names at least this similar may match, with a corroborating field.
pub const NAME_THRESHOLD: u8 = 90;
/// Email local parts (letters only) at least this similar corroborate a name.
pub const EMAIL_THRESHOLD: u8 = 90;

/// The reasons two records match, strongest first, and the link's score; `None`
/// when they do not match (block keys are hashes: sharing one proves nothing).
pub fn evaluate(records: &Records, a: &Features, b: &Features) -> Option<(Vec<MatchReason>, u8)> {
    let same = |x: u64, y: u64| x != 0 && x == y;
    let phone = records.phones(a).iter().any(|n| records.phones(b).contains(n));
    let email = same(a.email, b.email);
    let birth = same(a.birth, b.birth);
    let street = same(a.street, b.street);
    // The cheap checks first: most candidate pairs share none of these.
    let email_candidate = !email && same(a.domain, b.domain) && a.local_digits == b.local_digits;
    if !(phone || email || birth || street || email_candidate) {
        return None;
    }
    let name = super::names::name_similarity(records.name(a), records.name(b));
    let similar_email = if email_candidate { percent(jaro_winkler(records.local_letters(a), records.local_letters(b))) } else { 0 };
    let corroborated = birth || street || similar_email >= EMAIL_THRESHOLD;
    if !(phone || email || (name >= NAME_THRESHOLD && corroborated)) {
        return None;
    }
    let mut reasons = Vec::new();
    let mut push = |field, similarity, holds: bool| {
        if holds {
            reasons.push(MatchReason { field, similarity });
        }
    };
    push(MatchField::Phone, 100, phone);
    push(MatchField::Email, 100, email);
    push(MatchField::Name, name, true);
    push(MatchField::SimilarEmail, similar_email, similar_email >= EMAIL_THRESHOLD);
    push(MatchField::DateOfBirth, 100, birth);
    push(MatchField::Street, 100, street);
    push(MatchField::City, 100, same(a.city, b.city));
    push(MatchField::Company, 100, same(a.company, b.company));
    let score = if phone || email { 100 } else { name.min(if similar_email >= EMAIL_THRESHOLD { similar_email } else { 100 }) };
    Some((reasons, score))
}
