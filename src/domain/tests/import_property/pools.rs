//! What each generated value must become: tables written by hand, not taken from
//! the validation code.

use super::*;

// ---------------------------------------------------------------- the generated files

/// What a cell must become.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Val {
    /// Nothing (an empty cell, or Outlook's "no date").
    Empty,
    /// Valid: the value as stored.
    Ok(String),
    /// Not valid.
    Bad,
}

pub(super) fn ok(s: &str) -> Val {
    Val::Ok(s.to_owned())
}

/// A cell of a single-valued column, and how often the generator picks it.
pub(super) struct Case {
    pub(super) text: String,
    pub(super) val: Val,
    pub(super) weight: u32,
}

pub(super) fn case(text: &str, val: Val, weight: u32) -> Case {
    Case { text: text.to_owned(), val, weight }
}

/// A phone cell: what it is read as when the list has no country and when it is
/// Italy, and whether Italy's reading is ambiguous (the digits are also a valid
/// international number, a different one).
pub(super) struct PhoneCase {
    pub(super) text: &'static str,
    pub(super) anywhere: Val,
    pub(super) italy: Val,
    pub(super) ambiguous: bool,
    pub(super) weight: u32,
}

pub(super) fn phone(text: &'static str, anywhere: Val, italy: Val, ambiguous: bool, weight: u32) -> PhoneCase {
    PhoneCase { text, anywhere, italy, ambiguous, weight }
}

impl PhoneCase {
    pub(super) fn val(&self, italy: bool) -> &Val {
        if italy {
            &self.italy
        } else {
            &self.anywhere
        }
    }
}

/// An additional phone in the "Other phones" cell ("label: number").
pub(super) struct ExtraPhone {
    pub(super) text: &'static str,
    /// The stored label ("Other" when the cell gives none).
    pub(super) label: &'static str,
    pub(super) number: PhoneCase,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum TagKind {
    /// An existing tag (its id).
    Known(u32),
    /// A tag the workspace lacks (its name as the contact gets it).
    New(&'static str),
    /// Google's label every contact has: no tag.
    Dropped,
    /// Longer than a tag name can be.
    TooLong,
}

pub(super) struct TagCase {
    pub(super) text: String,
    pub(super) kind: TagKind,
}

pub(super) struct Pools {
    pub(super) names: Vec<Case>,
    pub(super) phones: Vec<PhoneCase>,
    pub(super) emails: Vec<Case>,
    pub(super) webs: Vec<Case>,
    pub(super) borns: Vec<Case>,
    pub(super) scores: Vec<Case>,
    pub(super) plans: Vec<Case>,
    pub(super) actives: Vec<Case>,
    pub(super) sinces: Vec<Case>,
    pub(super) sites: Vec<Case>,
    pub(super) notes: Vec<Case>,
    pub(super) tags: Vec<TagCase>,
    pub(super) extra_phones: Vec<ExtraPhone>,
}

pub(super) fn pools() -> &'static Pools {
    static POOLS: OnceLock<Pools> = OnceLock::new();
    POOLS.get_or_init(|| {
        Pools {
            names: vec![
                case("Ann", ok("Ann"), 6),
                case(" Bob ", ok("Bob"), 3),
                case("Zoë", ok("Zoë"), 2),
                // A cell an export protected from spreadsheets.
                case("'=Cy", ok("=Cy"), 1),
                case("", Val::Empty, 1),
                case("   ", Val::Empty, 1),
                case(&"x".repeat(1_001), Val::Bad, 1),
            ],
            phones: vec![
                phone("", Val::Empty, Val::Empty, false, 4),
                phone("+39 333 123 4567", ok("393331234567"), ok("393331234567"), false, 3),
                phone("0039 333 1234567", ok("393331234567"), ok("393331234567"), false, 1),
                phone("'+39 333 123 4567", ok("393331234567"), ok("393331234567"), false, 1),
                phone("+44 20 7183 8750", ok("442071838750"), ok("442071838750"), false, 2),
                phone("+39 06 1234 5678", ok("390612345678"), ok("390612345678"), false, 1),
                phone("+39 12", Val::Bad, Val::Bad, false, 1),
                phone("n/a", Val::Bad, Val::Bad, false, 1),
                // National numbers: valid only with the list's country.
                phone("333 1234567", Val::Bad, ok("393331234567"), false, 2),
                phone("02 1000000", Val::Bad, ok("39021000000"), false, 1),
                // Italian, and also Belgian (+32 81 23 45 67).
                phone("3281234567", ok("3281234567"), ok("393281234567"), true, 1),
            ],
            emails: vec![
                case("", Val::Empty, 3),
                case("ann@example.com", ok("ann@example.com"), 4),
                case(" Ann@Example.COM ", ok("Ann@Example.COM"), 2),
                case("bob@example.org", ok("bob@example.org"), 2),
                case("ann(at)example.com", Val::Bad, 1),
                case("bob@", Val::Bad, 1),
            ],
            webs: vec![
                case("", Val::Empty, 6),
                case("www.example.com", ok("https://www.example.com"), 1),
                case("http://example.com/a", ok("http://example.com/a"), 1),
                case("javascript:alert(1)", Val::Bad, 1),
            ],
            borns: vec![
                case("", Val::Empty, 5),
                case("0/0/00", Val::Empty, 1),
                case("1990-04-25", ok("1990-04-25"), 1),
                case("25/04/1990", ok("1990-04-25"), 1),
                case("12/31/1985", ok("1985-12-31"), 1),
                case("31/02/1980", Val::Bad, 1),
            ],
            scores: vec![
                case("", Val::Empty, 5),
                case("12", ok("12"), 1),
                case("3,5", ok("3.5"), 1),
                case("1.000,50", ok("1000.5"), 1),
                case("lots", Val::Bad, 1),
            ],
            // Required.
            plans: vec![
                case("Gold", ok("Gold"), 8),
                case("silver", ok("Silver"), 4),
                case(" GOLD ", ok("Gold"), 2),
                case("Platinum", Val::Bad, 1),
                case("", Val::Empty, 1),
            ],
            // A required switch: empty is "off", which satisfies it.
            actives: vec![
                case("", Val::Empty, 6),
                case("yes", ok("true"), 2),
                case("no", ok("false"), 1),
                case("X", ok("true"), 1),
                case("maybe", Val::Bad, 1),
            ],
            sinces: vec![
                case("", Val::Empty, 6),
                case("2024-01-02 10:30", ok("2024-01-02T10:30"), 1),
                case("2024-01-02", ok("2024-01-02T00:00"), 1),
                case("yesterday", Val::Bad, 1),
            ],
            // https only.
            sites: vec![
                case("", Val::Empty, 6),
                case("example.org", ok("https://example.org"), 1),
                case("https://example.org/x", ok("https://example.org/x"), 1),
                case("http://plain.example", Val::Bad, 1),
            ],
            notes: vec![
                case("", Val::Empty, 6),
                case("Call\nback", ok("Call\nback"), 1),
                case(" a, b; c \"q\"\t", ok("a, b; c \"q\""), 1),
                case(&"y".repeat(10_001), Val::Bad, 1),
            ],
            tags: vec![
                TagCase { text: "VIP".into(), kind: TagKind::Known(1) },
                TagCase { text: "vip".into(), kind: TagKind::Known(1) },
                TagCase { text: "Lead".into(), kind: TagKind::Known(2) },
                TagCase { text: "Friends".into(), kind: TagKind::New("Friends") },
                TagCase { text: "friends".into(), kind: TagKind::New("friends") },
                TagCase { text: "* starred".into(), kind: TagKind::New("starred") },
                TagCase { text: "myContacts".into(), kind: TagKind::Dropped },
                TagCase { text: "t".repeat(MAX_TAG_NAME_LEN + 1), kind: TagKind::TooLong },
            ],
            extra_phones: vec![
                ExtraPhone { text: "Work: +39 06 1234 5678", label: "Work", number: phone("", ok("390612345678"), ok("390612345678"), false, 4) },
                ExtraPhone { text: "+44 20 7183 8750", label: "Other", number: phone("", ok("442071838750"), ok("442071838750"), false, 4) },
                ExtraPhone { text: "Home: +39 1", label: "Home", number: phone("", Val::Bad, Val::Bad, false, 1) },
                ExtraPhone { text: "Cell: 333 1234567", label: "Cell", number: phone("", Val::Bad, ok("393331234567"), false, 1) },
                ExtraPhone { text: "Fax: 3281234567", label: "Fax", number: phone("", ok("3281234567"), ok("393281234567"), true, 1) },
            ],
        }
    })
}
