//! Phone numbers and emails → the contacts that hold them, built once per run over
//! every contact (main, mobile, fax and additional phones), so a row is matched with
//! a few hash look-ups.
//!
//! Stored phones are in WhatsApp form (country code then digits), held here as a u64
//! (no country code starts with 0, so the digits read back unchanged). A number in
//! the log with "+" or "00" is looked up as it is. Bare digits are read each way
//! they can mean: as international, and as a national number of each list's default
//! country (with and without the trunk "0"), that reading matching only that list's
//! contacts; the phone library reads them only when those find nobody (a trunk
//! prefix other than "0"). A number that more than one contact holds is ambiguous:
//! the row is reported, never given to one of them.

use std::collections::HashMap;

use crate::domain::contact::Contact;
use crate::domain::country::Country;
use crate::domain::field::ContactField;
use crate::domain::ids::{ContactId, ListId};
use crate::domain::phone::PhoneNumber;
use crate::domain::workspace::Workspace;

/// The contacts one key leads to.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
enum Hit {
    One(ContactId, ListId),
    Many(Vec<(ContactId, ListId)>),
}

impl Hit {
    fn add(&mut self, id: ContactId, list: ListId) {
        match self {
            Hit::One(first, _) if *first == id => {}
            Hit::One(first, first_list) => *self = Hit::Many(vec![(*first, *first_list), (id, list)]),
            Hit::Many(all) if all.iter().any(|(c, _)| *c == id) => {}
            Hit::Many(all) => all.push((id, list)),
        }
    }

    fn each(&self) -> impl Iterator<Item = (ContactId, ListId)> + '_ {
        let (one, many) = match self {
            Hit::One(id, list) => (Some((*id, *list)), &[][..]),
            Hit::Many(all) => (None, all.as_slice()),
        };
        one.into_iter().chain(many.iter().copied())
    }
}

/// Who a row's number or email names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    One(ContactId, ListId),
    Nobody,
    /// Every contact it could be, with its list (two or more).
    Several(Vec<(ContactId, ListId)>),
}

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ContactIndex {
    phones: HashMap<u64, Hit>,
    emails: HashMap<Box<str>, Hit>,
    /// Lists with a default country, for bare numbers.
    countries: Vec<(ListId, Country)>,
}

impl ContactIndex {
    pub fn build(ws: &Workspace) -> Self {
        let mut index = Self::default();
        index.phones.reserve(ws.total_contacts());
        for contact in ws.contacts() {
            index.add(contact);
        }
        index.countries = ws.lists().into_iter().filter_map(|l| l.country.map(|c| (l.id, c))).collect();
        index
    }

    fn add(&mut self, contact: &Contact) {
        let (id, list, data) = (contact.id, contact.list_id, &contact.data);
        let fax = data.get(ContactField::Fax);
        let phones = [data.phone().map(PhoneNumber::as_str), data.mobile().map(PhoneNumber::as_str), fax].into_iter().flatten();
        for digits in phones.chain(data.additional_phones().iter().map(|p| p.number.as_str())) {
            if let Some(key) = key_of(digits) {
                self.phones.entry(key).and_modify(|h| h.add(id, list)).or_insert(Hit::One(id, list));
            }
        }
        if let Some(email) = data.email() {
            self.emails.entry(email.normalized().into()).and_modify(|h| h.add(id, list)).or_insert(Hit::One(id, list));
        }
    }

    /// The contacts whose number `cell` is (empty when it is no number at all).
    pub fn by_phone(&self, cell: &str) -> Found {
        let Some((digits, international)) = digits_of(cell) else { return Found::Nobody };
        let mut found = Vec::new();
        let look = |found: &mut Vec<(ContactId, ListId)>, key: Option<u64>, only: Option<ListId>| {
            let Some(hit) = key.and_then(|k| self.phones.get(&k)) else { return };
            found.extend(hit.each().filter(|(_, list)| only.is_none_or(|l| l == *list)));
        };
        look(&mut found, key_of(&digits), None);
        if !international {
            for &(list, country) in &self.countries {
                let code = country.calling_code();
                look(&mut found, key_of(&format!("{code}{digits}")), Some(list));
                if let Some(trunkless) = digits.strip_prefix('0') {
                    look(&mut found, key_of(&format!("{code}{trunkless}")), Some(list));
                }
            }
        }
        if found.is_empty() {
            // Forms only the library reads ("+44 (0)20…", a trunk prefix "8"…).
            let readings = self.countries.iter().map(|&(list, country)| (Some(list), Some(country))).chain([(None, None)]);
            for (only, country) in readings {
                let number = PhoneNumber::parse_in(cell, country).ok().map(|r| r.number);
                look(&mut found, number.as_ref().and_then(|n| key_of(n.as_str())), only);
            }
        }
        collect(found)
    }

    /// The contacts whose email `cell` is, any case.
    pub fn by_email(&self, cell: &str) -> Found {
        let key = cell.trim().to_lowercase();
        collect(self.emails.get(key.as_str()).map(|h| h.each().collect()).unwrap_or_default())
    }
}

fn collect(mut found: Vec<(ContactId, ListId)>) -> Found {
    found.sort_unstable();
    found.dedup_by_key(|(id, _)| *id);
    match found.as_slice() {
        [] => Found::Nobody,
        [(id, list)] => Found::One(*id, *list),
        _ => Found::Several(found),
    }
}

/// The digits of a phone cell and whether it carried its country code ("+" or "00");
/// `None` when it holds anything but digits and the usual separators.
fn digits_of(cell: &str) -> Option<(String, bool)> {
    let text = cell.trim();
    let plus = text.starts_with('+');
    let mut digits = String::with_capacity(text.len());
    for c in text.chars().skip(usize::from(plus)) {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t' => {}
            _ => return None,
        }
    }
    if digits.is_empty() {
        return None;
    }
    match digits.strip_prefix("00") {
        Some(rest) if !plus => Some((rest.to_owned(), true)),
        _ => Some((digits, plus)),
    }
}

/// The key of a number in WhatsApp form (never starting with 0, at most 19 digits).
fn key_of(digits: &str) -> Option<u64> {
    if digits.starts_with('0') || digits.len() > 19 {
        return None;
    }
    digits.parse().ok()
}
