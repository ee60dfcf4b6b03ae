//! Differential tests for the faster per-row validation: the phone parser without
//! rlibphonenumber's text parser, the hand-read dates and the field loop over the
//! fields present. The implementations they replaced are kept here, copied verbatim
//! (but for the additional-phone loop, which did not change and is written again), as
//! the reference; every input must give the same result (value or error) from both.
//! Dates are the one deliberate difference: `parse_date` now also reads "d.m.yyyy",
//! "yyyy/m/d" and "m/d/yyyy" (when "d/m/yyyy" is no date). Where the old code read a
//! text the new one must read the same date; where it did not, `new_form_date` (a plain
//! second implementation of the new forms) says what must come out.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rlibphonenumber::{ParseError, PhoneNumberFormat, PhoneNumberType, Region, ValidationError, PHONE_NUMBER_UTIL};

use crate::domain::contact::{parse_date, DraftPath, PhoneDraft, MAX_ADDITIONAL_PHONES, MAX_LONG_TEXT_LEN, MAX_TEXT_LEN};
use crate::domain::email::Email;
use crate::domain::phone::{PhoneError, NATIONAL_PREFIXES_FOR_PARSING};
use crate::domain::url::WebAddress;
use crate::domain::{sample, ContactDraft, ContactField, FieldKind, ListId, PhoneNumber, SocialNetwork};

mod dates_and_drafts;
mod phones;
mod reference;

use reference::*;

// ---------------------------------------------------------------- helpers

fn new_phone_parse(input: &str) -> Result<String, PhoneError> {
    PhoneNumber::parse(input).map(|p| p.as_str().to_owned())
}

fn same_phone(input: &str) {
    assert_eq!(new_phone_parse(input), old_phone_parse(input), "phone {input:?}");
}

/// The date the new `parse_date` must give: the old one's, else a new form's.
fn expected_date(raw: &str) -> Option<NaiveDate> {
    old_parse_date(raw).or_else(|| new_form_date(raw))
}

fn same_date(raw: &str) {
    let old = old_parse_date(raw);
    let expected = expected_date(raw);
    assert_eq!(parse_date(raw), expected, "parse_date {raw:?}");
    let mut d = ContactDraft { list_id: Some(ListId::new(1)), ..ContactDraft::default() };
    d.set(ContactField::FirstName, "Anna");
    d.set(ContactField::DateOfBirth, raw);
    // A new form validates as the old code validated the same date written yyyy-mm-dd.
    let mut reference = d.clone();
    if let (None, Some(date)) = (old, expected) {
        reference.set(ContactField::DateOfBirth, date.format("%Y-%m-%d").to_string());
    }
    assert_eq!(new_validate(&d), old_validate(&reference), "date {raw:?}");
}

/// Deterministic pseudo-random numbers (xorshift), so failures repeat.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
    fn digits(&mut self, len: usize) -> String {
        (0..len).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

/// Real country calling codes (a fast-path one of each kind, every one whose national
/// prefix pattern is not plain digits, non-geographic ones) and codes that are not.
const COUNTRY_CODES: &[&str] = &[
    "1", "7", "20", "27", "30", "31", "33", "34", "36", "39", "41", "44", "49", "52", "54", "55", "57", "61", "62", "65",
    "81", "82", "86", "90", "91", "212", "241", "261", "262", "290", "298", "351", "352", "358", "370", "375", "378",
    "380", "423", "506", "590", "591", "599", "672", "692", "800", "808", "870", "878", "881", "882", "883", "888", "979",
    "993", "998", "999", "0", "3", "28", "42", "969",
];
