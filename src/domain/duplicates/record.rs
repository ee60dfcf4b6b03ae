//! What the finder keeps of each contact: hashed exact keys, folded names and email
//! local parts in one shared byte arena (half a million contacts make no small
//! allocations to keep), and the block keys the contact files under.

use crate::domain::contact::Contact;
use crate::domain::field::ContactField;
use crate::domain::ids::ContactId;
use crate::domain::import::mapping::normalise;
use crate::domain::import::{dedupe_key, DedupField};

use super::names::{fold_name_into, Name};

/// A range of the arena.
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// One contact's comparable features; hashes are 0 when the field is empty.
#[derive(Clone, Copy, Default)]
pub struct Features {
    first: Span,
    last: Span,
    /// The email's local part, letters only ("marco.rossi5" → "marcorossi").
    local_letters: Span,
    /// The digits of the local part, hashed: "rossi5" and "rossi12" are two people.
    pub local_digits: u64,
    /// The case-folded email (the import's duplicate key).
    pub email: u64,
    pub domain: u64,
    pub city: u64,
    pub company: u64,
    pub street: u64,
    pub birth: u64,
    phones: Span,
}

/// The kinds of block, in the top bits of a block key. Fuzzy blocks are keyed by a
/// name key and what `rule.rs` needs besides a similar name, so they hold only pairs
/// the rule can accept: city and company are far too common to block on usefully.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Same phone number (exact).
    Phone = 1,
    /// Same email (exact).
    Email = 2,
    /// Same email domain, same digits before the @, same name key.
    DomainName = 3,
    /// Same street, same name key.
    StreetName = 4,
    /// Same date of birth, same name key.
    BirthName = 5,
}

const KIND_SHIFT: u32 = 61;

impl BlockKind {
    pub fn of(key: u64) -> Option<Self> {
        Some(match key >> KIND_SHIFT {
            1 => Self::Phone,
            2 => Self::Email,
            3 => Self::DomainName,
            4 => Self::StreetName,
            5 => Self::BirthName,
            _ => return None,
        })
    }
    pub fn is_exact(self) -> bool {
        matches!(self, Self::Phone | Self::Email)
    }
    fn key(self, value: u64) -> u64 {
        ((self as u64) << KIND_SHIFT) | (value & ((1 << KIND_SHIFT) - 1))
    }
}

/// Every contact read so far.
#[derive(Default)]
pub struct Records {
    pub ids: Vec<ContactId>,
    pub features: Vec<Features>,
    text: Vec<u8>,
    phones: Vec<u64>,
}

fn hash(bytes: &[u8]) -> u64 {
    if bytes.is_empty() {
        return 0;
    }
    xxhash_rust::xxh3::xxh3_64(bytes).max(1)
}

/// Two values' hashes as one.
fn mix(a: u64, b: u64) -> u64 {
    let mut bytes = [0u8; 16];
    for (slot, byte) in bytes.iter_mut().zip(a.to_le_bytes().into_iter().chain(b.to_le_bytes())) {
        *slot = byte;
    }
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

/// The digits of `text` as one number, with their count so "07" is not "7"; 0 for none.
fn digits_key(text: &str) -> u64 {
    let (value, count) = text.bytes().filter(u8::is_ascii_digit).fold((0u64, 0u64), |(v, n), d| (v.wrapping_mul(10).wrapping_add(u64::from(d - b'0')), n + 1));
    if count == 0 {
        0
    } else {
        (value ^ (count << 56)) | (1 << 63)
    }
}

impl Records {
    /// Reads one contact and hands its block keys to `block`.
    pub fn push(&mut self, contact: &Contact, mut block: impl FnMut(u64)) {
        let data = &contact.data;
        let first = self.fold(data.first_name());
        let last = self.fold(data.last_name().unwrap_or(""));
        let mut f = Features { first, last, ..Features::default() };
        let start = self.phones.len();
        let mains = [ContactField::Phone, ContactField::Mobile, ContactField::Fax].into_iter().filter_map(|p| data.get(p));
        for number in mains.chain(data.additional_phones().iter().map(|p| p.number.as_str())) {
            // The WhatsApp form is digits only, at most 17 of them: it is its own key.
            if let Ok(n) = number.parse::<u64>() {
                if !self.phones.get(start..).unwrap_or_default().contains(&n) {
                    self.phones.push(n);
                    block(BlockKind::Phone.key(n));
                }
            }
        }
        f.phones = Span { start: start as u32, len: (self.phones.len() - start) as u32 };
        if let Some(email) = data.email() {
            f.email = dedupe_key(data, &[DedupField::Field(ContactField::Email)]).map_or(0, |k| k as u64);
            let (local, domain) = email.as_str().rsplit_once('@').unwrap_or((email.as_str(), ""));
            f.domain = hash(normalise(domain).as_bytes());
            f.local_digits = digits_key(local);
            let start = self.text.len();
            self.text.extend(normalise(local).bytes().filter(|b| !b.is_ascii_digit()));
            f.local_letters = Span { start: start as u32, len: (self.text.len() - start) as u32 };
            block(BlockKind::Email.key(f.email));
        }
        let field_hash = |field| hash(normalise(data.get(field).unwrap_or("")).as_bytes());
        f.city = field_hash(ContactField::City);
        f.company = field_hash(ContactField::Company);
        f.street = field_hash(ContactField::Street);
        f.birth = field_hash(ContactField::DateOfBirth);
        let domain_digits = if f.domain == 0 { 0 } else { mix(f.domain, f.local_digits) };
        for name_key in self.name(&f).keys() {
            for (kind, value) in [(BlockKind::DomainName, domain_digits), (BlockKind::StreetName, f.street), (BlockKind::BirthName, f.birth)] {
                if value != 0 {
                    block(kind.key(mix(value, name_key)));
                }
            }
        }
        self.ids.push(contact.id);
        self.features.push(f);
    }

    fn fold(&mut self, text: &str) -> Span {
        let start = self.text.len();
        fold_name_into(text, &mut self.text);
        Span { start: start as u32, len: (self.text.len() - start) as u32 }
    }

    fn span(&self, span: Span) -> &[u8] {
        let start = span.start as usize;
        self.text.get(start..start + span.len as usize).unwrap_or_default()
    }

    pub fn name(&self, f: &Features) -> Name<'_> {
        Name { first: self.span(f.first), last: self.span(f.last) }
    }
    pub fn local_letters(&self, f: &Features) -> &[u8] {
        self.span(f.local_letters)
    }
    pub fn phones(&self, f: &Features) -> &[u64] {
        let start = f.phones.start as usize;
        self.phones.get(start..start + f.phones.len as usize).unwrap_or_default()
    }
    /// A sort key that puts similar names near each other (their first 8 bytes).
    pub fn name_prefix(&self, f: &Features) -> u64 {
        let mut bytes = [0u8; 8];
        for (slot, b) in bytes.iter_mut().zip(self.span(f.first).iter().chain(b" ").chain(self.span(f.last))) {
            *slot = *b;
        }
        u64::from_be_bytes(bytes)
    }
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}
