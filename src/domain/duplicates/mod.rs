//! Finding likely duplicates among contacts (issue 13, part 4), near-linear so half a
//! million contacts take seconds, in slices a page runs between frames.
//!
//! Exact keys: any phone number in WhatsApp form, the case-folded email (the import's
//! duplicate key). Fuzzy: Jaro-Winkler on folded names (case, accents, punctuation,
//! swapped first and last, initials), compared only within blocks of the same name
//! key (an initial and a Soundex code) and the same email domain and digits, street or
//! date of birth: a similar name must be backed by a similar email, the street or the
//! date of birth (`rule.rs`), so larger blocks would only hold pairs it refuses.
//! Each group says why it matched; pairs in `NotDuplicates` are never grouped.

mod finder;
mod groups;
pub mod jaro;
pub mod names;
mod not_duplicates;
mod record;
mod rule;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use finder::{find_all, DuplicateFinder, Phase, Progress, MAX_EXACT_BLOCK, MAX_FULL_BLOCK, SLICE_ITEMS, WINDOW};
pub use not_duplicates::NotDuplicates;
pub use rule::{EMAIL_THRESHOLD, NAME_THRESHOLD};

use crate::domain::ids::ContactId;

/// A field two contacts matched on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchField {
    /// A number one has among its phones, the other too.
    Phone,
    /// The same email, case aside.
    Email,
    Name,
    /// Email addresses at the same domain with similar names before the @.
    SimilarEmail,
    DateOfBirth,
    Street,
    City,
    Company,
}

impl MatchField {
    pub const fn label(self) -> &'static str {
        match self {
            Self::Phone => "Phone",
            Self::Email => "Email",
            Self::Name => "Name",
            Self::SimilarEmail => "Similar email",
            Self::DateOfBirth => "Date of birth",
            Self::Street => "Street",
            Self::City => "City",
            Self::Company => "Company",
        }
    }
}

/// One field that matched, and how closely (100: equal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchReason {
    pub field: MatchField,
    pub similarity: u8,
}

/// Why two contacts of a group were found to match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchLink {
    pub a: ContactId,
    pub b: ContactId,
    pub reasons: Vec<MatchReason>,
    /// 100 for a shared phone or email, else the weaker of name and email similarity.
    pub score: u8,
}

/// Contacts likely to be one person: every member is linked to the others through
/// `links` (a chain, not every pair). `score`: the weakest link's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateGroup {
    /// Sorted by id.
    pub members: Vec<ContactId>,
    pub links: Vec<MatchLink>,
    pub score: u8,
}
