//! Differential tests for the faster per-row validation: the phone parser without
//! rlibphonenumber's text parser, the hand-read dates and the field loop over the
//! fields present. The implementations they replaced are kept here, copied verbatim,
//! as the reference; every input must give the same result (value or error) from both.
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
use crate::domain::url::HttpsUrl;
use crate::domain::{sample, ContactDraft, ContactField, FieldKind, ListId, PhoneNumber, SocialNetwork};

// ---------------------------------------------------------------- reference (old) code

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t')
}

/// `PhoneNumber::parse` before the fast path (the WhatsApp form as a string).
fn old_phone_parse(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let mut digits = String::with_capacity(trimmed.len());
    for (i, c) in trimmed.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => {}
            c if is_separator(c) => {}
            c => return Err(PhoneError::BadCharacter(c)),
        }
    }
    let international = digits.strip_prefix("00").unwrap_or(&digits);
    if international.is_empty() {
        return Err(PhoneError::TooShort);
    }
    if international.len() > 17 {
        return Err(PhoneError::TooLong);
    }
    let parsed = rlibphonenumber::PhoneNumber::parse(format!("+{international}"), None).map_err(|e| match e {
        ParseError::InvalidCountryCode => PhoneError::UnknownCountryCode,
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => PhoneError::TooShort,
        ParseError::TooLongNsn => PhoneError::TooLong,
        ParseError::NotANumber(_) => PhoneError::NotValid,
    })?;
    if !parsed.is_valid() {
        return Err(match parsed.is_possible_with_reason() {
            Err(ValidationError::InvalidCountryCode) => PhoneError::UnknownCountryCode,
            Err(ValidationError::TooShort) => PhoneError::TooShort,
            Err(ValidationError::TooLong) => PhoneError::TooLong,
            Err(ValidationError::InvalidLength) => PhoneError::InvalidLength,
            Ok(_) => PhoneError::NotValid,
        });
    }
    let e164 = parsed.format_as(PhoneNumberFormat::E164);
    Ok(e164.trim_start_matches('+').to_owned())
}

/// `contact::parse_date` before: chrono alone.
fn old_parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

/// The forms `parse_date` reads since the old one, written plainly: "d.m.yyyy",
/// "yyyy/m/d", and "m/d/yyyy" where "d/m/yyyy" is no date (`d`, `m` one or two ASCII
/// digits, the year four). Where the old one read a text, the new one must read the
/// same date; where it did not, what this reads (or nothing).
fn new_form_date(raw: &str) -> Option<NaiveDate> {
    let separator = if raw.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = raw.split(separator).collect();
    let [p1, p2, p3] = parts[..] else { return None };
    let digits = |p: &str, lengths: &[usize]| -> Option<u32> {
        if lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) { p.parse().ok() } else { None }
    };
    let ymd = |y: u32, m: u32, d: u32| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d);
    if separator == '.' {
        return ymd(digits(p3, &[4])?, digits(p2, &[1, 2])?, digits(p1, &[1, 2])?);
    }
    if p1.len() == 4 {
        return ymd(digits(p1, &[4])?, digits(p2, &[1, 2])?, digits(p3, &[1, 2])?);
    }
    let (a, b, y) = (digits(p1, &[1, 2])?, digits(p2, &[1, 2])?, digits(p3, &[4])?);
    ymd(y, b, a).or_else(|| ymd(y, a, b))
}

/// `contact::check_field` before, the value as text.
fn old_check_field(field: ContactField, raw: &str) -> Result<String, String> {
    let max = if field.kind() == FieldKind::LongText { MAX_LONG_TEXT_LEN } else { MAX_TEXT_LEN };
    if raw.chars().count() > max {
        return Err(format!("{} can be at most {max} characters", field.label()));
    }
    match field.kind() {
        FieldKind::Text | FieldKind::LongText => Ok(raw.to_owned()),
        FieldKind::Phone => old_phone_parse(raw).map_err(|e| e.to_string()),
        FieldKind::Email => Email::parse(raw).map(|e| e.as_str().to_owned()).map_err(|e| e.to_string()),
        FieldKind::Url => HttpsUrl::parse(raw).map(|u| u.as_str().to_owned()).map_err(|e| e.to_string()),
        FieldKind::Date => old_parse_date(raw)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .ok_or_else(|| format!("{} must be a date like 1990-04-25 (year-month-day)", field.label())),
    }
}

/// What the old `validate_with(&[])` gave: the errors, or every field's stored text and
/// the additional phones (label, number).
type Outcome = Result<(ListId, Vec<(ContactField, String)>, Vec<(String, String)>), Vec<(DraftPath, String)>>;

/// `ContactDraft::validate_with(&[])` before (its field loop ran over every field).
fn old_validate(d: &ContactDraft) -> Outcome {
    let mut errors = Vec::new();
    let list = d.list_id;
    if list.is_none() {
        errors.push((DraftPath::List, "choose the list this contact belongs to".to_owned()));
    }
    let mut values = Vec::new();
    let mut first_name = false;
    for field in ContactField::all() {
        let raw = d.value(field).trim();
        if raw.is_empty() {
            if field.required() {
                errors.push((DraftPath::Field(field), format!("{} is required", field.label())));
            }
            continue;
        }
        match old_check_field(field, raw) {
            Err(message) => errors.push((DraftPath::Field(field), message)),
            Ok(value) => {
                first_name |= field == ContactField::FirstName;
                values.push((field, value));
            }
        }
    }
    let mut additional_phones = Vec::new();
    let filled = d
        .additional_phones
        .iter()
        .enumerate()
        .filter(|(_, p)| !(p.label.trim().is_empty() && p.number.trim().is_empty()));
    for (i, draft) in filled {
        if additional_phones.len() >= MAX_ADDITIONAL_PHONES {
            errors.push((DraftPath::AdditionalPhone(i), format!("a contact can have at most {MAX_ADDITIONAL_PHONES} additional numbers")));
            break;
        }
        let label = draft.label.trim();
        if label.chars().count() > MAX_TEXT_LEN {
            errors.push((DraftPath::AdditionalPhone(i), format!("the label can be at most {MAX_TEXT_LEN} characters")));
            continue;
        }
        match old_phone_parse(&draft.number) {
            Ok(number) => {
                let label = if label.is_empty() { "Other" } else { label };
                additional_phones.push((label.to_owned(), number));
            }
            Err(e) => errors.push((DraftPath::AdditionalPhone(i), e.to_string())),
        }
    }
    match list {
        Some(list) if first_name && errors.is_empty() => Ok((list, values, additional_phones)),
        _ => Err(errors),
    }
}

fn new_validate(d: &ContactDraft) -> Outcome {
    match d.validate_with(&[]) {
        Ok((list, data)) => Ok((
            list,
            ContactField::all().filter_map(|f| data.get(f).map(|v| (f, v.to_owned()))).collect(),
            data.additional_phones().iter().map(|p| (p.label.to_string(), p.number.to_string())).collect(),
        )),
        Err(e) => Err(e.0),
    }
}

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

// ---------------------------------------------------------------- phones

#[test]
fn every_sample_phone_parses_as_before() {
    let list = ListId::new(1);
    for i in 0..3_000 {
        let d = sample::sample_draft(42, i, list);
        for f in [ContactField::Phone, ContactField::Mobile] {
            same_phone(d.value(f));
        }
        for p in &d.additional_phones {
            same_phone(&p.number);
        }
    }
    let csv = sample::generate_csv(3_000, 7);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let headers = reader.headers().cloned().unwrap_or_default();
    let phone_columns: Vec<usize> = headers.iter().enumerate().filter(|(_, h)| h.contains("Phone")).map(|(i, _)| i).collect();
    assert_eq!(phone_columns.len(), 2);
    let mut seen = 0;
    for record in reader.records().flatten() {
        for &c in &phone_columns {
            if let Some(cell) = record.get(c) {
                same_phone(cell);
                seen += 1;
            }
        }
    }
    assert!(seen >= 6_000, "{seen}");
}

#[test]
fn hand_picked_phones_parse_as_before() {
    for input in [
        // Italy: leading zeros (landlines 0x, a run of zeros), mobiles, too short/long.
        "+39 06 1234 5678", "+39 02 1234 5678", "0039 0212345678", "390612345678", "+39 00 1234 5678", "+39 000 000 000",
        "+39 0", "+39 00", "+39 000", "+39 333 123 4567", "+39 333 1234 5678 9012 345", "+39 3", "+39 33", "+39 12",
        "+39 06", "+39 06 698", "+39 066 9812345", "3933312345678", "39 333 12345",
        // United Kingdom: with the national 0, without, the 180020 prefix.
        "+44 20 7183 8750", "+44 020 7183 8750", "+44 (0)20 7183 8750", "0044 7911 123456", "+44 07911 123456",
        "+44 1800 20 7183 8750", "+44 180020 7911123456", "+44 0", "+44 00",
        // NANPA: with the national 1 repeated, toll free, too short.
        "+1 650 253 0000", "+1 1 650 253 0000", "1 650 253 0000", "+1 800 555 0199", "+1 000 000 0000", "+1 65",
        "+1 242 357 1234", "+1 268 460 1234", "+1 4601234", "+1 1 4601234",
        // National prefixes elsewhere: Russia 8, Hungary 06, Germany 0, France 0, Argentina 0/15, Brazil 0/90.
        "+7 8 912 345 67 89", "+7 912 345 67 89", "+36 06 1 234 5678", "+36 1 234 5678", "+49 030 123456",
        "+49 30 123456", "+33 0 1 23 45 67 89", "+33 1 23 45 67 89", "+54 9 11 1234 5678", "+54 0 11 15 1234 5678",
        "+55 0 11 91234 5678", "+55 90 11 91234 5678", "+55 11 91234 5678", "+61 0 4 1234 5678", "+61 4 1234 5678",
        "+81 0 90 1234 5678", "+86 0 10 1234 5678", "+82 0 10 1234 5678", "+378 0549 123456", "+672 3 12345",
        // Non-geographic, unknown and odd ones.
        "+800 1234 5678", "+882 1234 5678", "+979 1234 5678", "+999 1234567", "999", "+0 123 456", "0 123 456",
        "00", "000", "0000 39 333 1234567", "00 39 333 1234567", "+00 39 333 1234567", "+", "++39 333", "39+333",
        "", "   ", "3", "39", "393", "3933", "+1", "+12", "+123", "12345678901234567", "123456789012345678",
        "+39 333 abc", "+39\u{a0}333\t1234567", "(+39) 333 1234567", "+39/333/1234567", "+39.333.123.4567",
        "٣٩٣٣٣١٢٣٤٥٦٧", "+39 333 1234567 ext 12", "+39 333 1234567;ext=12", "tel:+39-333-1234567",
    ] {
        same_phone(input);
    }
}

/// Every country code the fast path knows, followed by each digit (a national prefix
/// the table missed would be stripped by the parser, not by the fast path), the
/// national prefixes the table lists, or nothing, and then its regions' example numbers.
#[test]
fn the_national_prefix_table_agrees_with_the_parser_for_every_country() {
    let types = [
        PhoneNumberType::FixedLine, PhoneNumberType::Mobile, PhoneNumberType::TollFree, PhoneNumberType::PremiumRate,
        PhoneNumberType::SharedCost, PhoneNumberType::VoIP, PhoneNumberType::PersonalNumber, PhoneNumberType::Pager,
        PhoneNumberType::UAN, PhoneNumberType::VoiceMail,
    ];
    assert!(NATIONAL_PREFIXES_FOR_PARSING.windows(2).all(|w| w[0].0 < w[1].0));
    let mut checked = 0;
    for (code, prefixes) in NATIONAL_PREFIXES_FOR_PARSING {
        let regions: Vec<Region> = PHONE_NUMBER_UTIL.get_regions_for_country_calling_code(*code).map(|r| r.collect()).unwrap_or_default();
        assert!(!regions.is_empty(), "unknown country code {code} in the table");
        let mut examples: Vec<String> = Vec::new();
        for region in regions {
            if region == Region::World {
                examples.extend(PHONE_NUMBER_UTIL.get_example_number_for_non_geo_entity(*code).ok().map(|n| n.get_national_significant_number()));
            }
            for t in types {
                examples.extend(PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, t).ok().map(|n| n.get_national_significant_number()));
            }
        }
        assert!(!examples.is_empty(), "no example numbers for {code}");
        let heads: Vec<String> = (0..10).map(|d| d.to_string()).chain(prefixes.iter().map(|p| p.to_string())).chain([String::new(), "00".into()]).collect();
        for example in &examples {
            for head in &heads {
                for cut in [0, 1] {
                    let body = example.get(cut..).unwrap_or("");
                    same_phone(&format!("+{code}{head}{body}"));
                    same_phone(&format!("+{code} {head} {body}1"));
                    checked += 2;
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Every known country code with each first digit and every length, random digits.
#[test]
fn random_digits_after_every_country_code_parse_as_before() {
    let mut rng = Lcg(0x2545_F491_4F6C_DD1D);
    let codes: Vec<String> = (1..1000).filter(|c| PHONE_NUMBER_UTIL.get_region_for_country_code(*c).is_some()).map(|c| c.to_string()).collect();
    assert!(codes.len() > 200);
    for code in codes.iter().map(String::as_str).chain(["0", "999", "28"]) {
        for first in 0..10 {
            for len in 0..=15 {
                let rest = rng.digits(len);
                same_phone(&format!("+{code}{first}{rest}"));
            }
        }
    }
}

fn phone_input() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec!["", "", "+", "00", "+00", " +", "0"]);
    let code = prop::sample::select(COUNTRY_CODES.to_vec());
    let leading = prop::sample::select(vec!["", "", "", "0", "00", "1", "8", "06", "15", "90", "180020"]);
    let body = prop::collection::vec((0u8..10, prop::sample::select(vec!["", "", "", "", " ", "-", ".", "(", ")", "/", "\u{a0}", "\t"])), 0..=20);
    (prefix, code, leading, body).prop_map(|(prefix, code, leading, body)| {
        let mut s = format!("{prefix}{code}{leading}");
        for (d, sep) in body {
            s.push(char::from(b'0' + d));
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn random_phone_numbers_parse_as_before(input in phone_input()) {
        prop_assert_eq!(new_phone_parse(&input), old_phone_parse(&input), "{:?}", input);
    }

    #[test]
    fn random_digit_strings_parse_as_before(input in "[+]?[0-9]{0,20}") {
        prop_assert_eq!(new_phone_parse(&input), old_phone_parse(&input), "{:?}", input);
    }
}

// ---------------------------------------------------------------- dates

#[test]
fn hand_picked_dates_parse_as_before() {
    for raw in [
        "1990-04-25", "25/04/1990", "2000-02-29", "29/02/2000", "1900-02-29", "29/02/1900", "2024-02-29", "2023-02-29",
        "29/02/2023", "2023-02-28", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32", "2023-04-31", "31/04/2023",
        "00/01/2023", "01/00/2023", "32/01/2023", "01/13/2023", "0000-01-01", "01/01/0000", "9999-12-31", "31/12/9999",
        "0001-01-01", "1990-4-25", "1990-04-5", "5/4/1990", "05/4/1990", "5/04/1990", "25/04/90", "25/04/01990",
        "+1990-04-25", "-0001-01-01", "12345-01-01", "01/01/12345", "1990/04/25", "25-04-1990", "1990-04-25 ",
        " 1990-04-25", "1990-04-25T00:00", "1990-04-2a", "19a0-04-25", "25/04/199a", "2a/04/1990", "1990–04–25",
        "١٩٩٠-٠٤-٢٥", "", "-", "//", "1990--04-25", "1990-04--25", "25//04/1990", "0025/04/1990", "1990-004-25",
        "99-04-25", "990-04-25", "+25/04/1990", "25/+4/1990", "25/04/+1990", "1990-+4-25", "1990-04-+5",
        // Forms read since: US month first, German, year first with slashes.
        "12/31/1985", "7/15/1978", "02/29/2023", "15.03.1975", "1.2.1988", "31.02.1980", "1990/4/5", "1990/13/01", "12.31.1985",
        "1.2.88", "+1.2.1988", "1.+2.1988", "1..2.1988", "1/2/1988/", "/1/2/1988", "1990/04/25/", "01/02/01988",
    ] {
        same_date(raw);
    }
}

#[test]
fn every_day_of_some_years_parses_as_before() {
    for year in [0, 4, 100, 1600, 1899, 1900, 1950, 1999, 2000, 2023, 2024, 2100, 9999] {
        for month in 0..=13 {
            for day in 0..=32 {
                same_date(&format!("{year:04}-{month:02}-{day:02}"));
                same_date(&format!("{day:02}/{month:02}/{year:04}"));
                same_date(&format!("{day}/{month}/{year}"));
                same_date(&format!("{day}.{month}.{year}"));
                same_date(&format!("{day:02}.{month:02}.{year:04}"));
                same_date(&format!("{year:04}/{month}/{day}"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn random_dates_parse_as_before(raw in "[0-9]{0,5}[-/.+ ]?[0-9+]{0,3}[-/. ]?[0-9]{0,5}") {
        prop_assert_eq!(parse_date(&raw), expected_date(&raw), "{:?}", raw);
    }
}

// ---------------------------------------------------------------- whole drafts

#[test]
fn field_order_is_the_map_order() {
    let all: Vec<ContactField> = ContactField::all().collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(all.len(), ContactField::DEFAULTS.len() + SocialNetwork::ALL.len());
}

#[test]
fn sample_and_csv_drafts_validate_as_before() {
    let list = ListId::new(1);
    for i in 0..3_000 {
        let d = sample::sample_draft(42, i, list);
        assert_eq!(new_validate(&d), old_validate(&d), "{d:?}");
    }
    // The generated CSV's rows, mapped by hand (the import maps these headers the same way).
    let csv = sample::generate_csv(3_000, 7);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let headers = reader.headers().cloned().unwrap_or_default();
    let field_of = |h: &str| match h {
        "First Name" => Some(ContactField::FirstName),
        "Last Name" => Some(ContactField::LastName),
        "E-mail Address" => Some(ContactField::Email),
        "Mobile Phone" => Some(ContactField::Mobile),
        "Business Phone" => Some(ContactField::Phone),
        "Company" => Some(ContactField::Company),
        "Business Street" => Some(ContactField::Street),
        "Business City" => Some(ContactField::City),
        "Business Postal Code" => Some(ContactField::PostalCode),
        "Business Country/Region" => Some(ContactField::Country),
        "Birthday" => Some(ContactField::DateOfBirth),
        "Notes" => Some(ContactField::Description),
        "Web Page" => Some(ContactField::Url),
        _ => None,
    };
    let mut rows = 0;
    for record in reader.records().flatten() {
        let mut d = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
        for (h, v) in headers.iter().zip(record.iter()) {
            if let Some(f) = field_of(h) {
                d.set(f, v);
            }
        }
        assert_eq!(new_validate(&d), old_validate(&d), "{d:?}");
        rows += 1;
    }
    assert_eq!(rows, 3_000);
}

fn field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_owned()),
        Just(" Anna ".to_owned()),
        Just("+39 333 123 4567".to_owned()),
        Just("+44 020 7183 8750".to_owned()),
        Just("+39 12".to_owned()),
        Just("anna@example.com".to_owned()),
        Just("not an email".to_owned()),
        Just("https://example.com/a".to_owned()),
        Just("1990-04-25".to_owned()),
        Just("25/04/1990".to_owned()),
        Just("5/4/1990".to_owned()),
        Just("2023-02-29".to_owned()),
        Just("x".repeat(MAX_TEXT_LEN)),
        Just("x".repeat(MAX_TEXT_LEN + 1)),
        Just("é".repeat(MAX_TEXT_LEN)),
        Just("é".repeat(MAX_TEXT_LEN + 1)),
        Just(format!(" {} ", "é".repeat(MAX_TEXT_LEN))),
        Just("ü".repeat(MAX_LONG_TEXT_LEN)),
        Just("u".repeat(MAX_LONG_TEXT_LEN + 1)),
        "[ -~]{0,12}",
    ]
}

/// Additional phones: a few of anything, or about as many valid ones as a contact may
/// hold (one under the cap, at it, one or two over), with blank entries, numbers that
/// are not valid and labels too long among them (none of which count towards the cap).
fn additional_phones() -> impl Strategy<Value = Vec<PhoneDraft>> {
    let draft = |(label, number): (String, String)| PhoneDraft { label, number };
    let label = prop::sample::select(vec!["", " ", "Office", "ä"]).prop_map(str::to_owned);
    let any_number = prop::sample::select(vec!["", " ", "+39 06 1234 5678", "+39 1", "abc", "+44 20 7183 8750"]).prop_map(str::to_owned);
    let few = prop::collection::vec((label.clone(), any_number).prop_map(draft), 0..3);
    let valid = prop::sample::select(vec!["+39 06 1234 5678", "+44 20 7183 8750", "0039 333 1234567"]).prop_map(str::to_owned);
    let not_counted = prop::sample::select(vec![
        (String::new(), String::new()),
        (" ".to_owned(), "  ".to_owned()),
        ("Office".to_owned(), "+39 1".to_owned()),
        (String::new(), "abc".to_owned()),
        ("l".repeat(MAX_TEXT_LEN + 1), "+39 06 1234 5678".to_owned()),
    ])
    .prop_map(draft);
    let many = (
        prop::collection::vec((label, valid).prop_map(draft), MAX_ADDITIONAL_PHONES - 1..=MAX_ADDITIONAL_PHONES + 2),
        prop::collection::vec((any::<prop::sample::Index>(), not_counted), 0..4),
    )
        .prop_map(|(mut phones, others)| {
            for (at, other) in others {
                phones.insert(at.index(phones.len() + 1), other);
            }
            phones
        });
    prop_oneof![3 => few, 1 => many]
}

/// The cap itself, each side of it, with entries that do not count before the last.
#[test]
fn drafts_at_and_over_the_additional_phones_cap_validate_as_before() {
    let phone = |label: &str, number: &str| PhoneDraft { label: label.into(), number: number.into() };
    let valid = |n: usize| -> Vec<PhoneDraft> { (0..n).map(|i| phone(if i % 2 == 0 { "Office" } else { "" }, "+39 06 1234 5678")).collect() };
    let draft = |phones: Vec<PhoneDraft>| {
        let mut d = ContactDraft { list_id: Some(ListId::new(1)), additional_phones: phones, ..ContactDraft::default() };
        d.set(ContactField::FirstName, "Anna");
        d
    };
    let at_cap = draft(valid(MAX_ADDITIONAL_PHONES));
    let over = draft(valid(MAX_ADDITIONAL_PHONES + 1));
    let mut padded = valid(MAX_ADDITIONAL_PHONES);
    padded.insert(3, phone("", ""));
    padded.insert(7, phone("Office", "+39 1"));
    padded.insert(9, phone(&"l".repeat(MAX_TEXT_LEN + 1), "+39 06 1234 5678"));
    let padded = draft(padded);
    let mut blank_after = valid(MAX_ADDITIONAL_PHONES);
    blank_after.push(phone(" ", ""));
    let blank_after = draft(blank_after);
    let two_over = draft(valid(MAX_ADDITIONAL_PHONES + 2));
    for d in [&at_cap, &over, &two_over, &padded, &blank_after] {
        assert_eq!(new_validate(d), old_validate(d), "{} phones", d.additional_phones.len());
    }
    // The reference says what the cap is: the 50th number is kept, the 51st refused.
    assert!(matches!(old_validate(&at_cap), Ok((_, _, phones)) if phones.len() == MAX_ADDITIONAL_PHONES));
    assert!(matches!(old_validate(&blank_after), Ok((_, _, phones)) if phones.len() == MAX_ADDITIONAL_PHONES));
    let over_errors = old_validate(&over).err().unwrap_or_default();
    assert_eq!(over_errors.iter().map(|(path, _)| *path).collect::<Vec<_>>(), [DraftPath::AdditionalPhone(MAX_ADDITIONAL_PHONES)]);
    // Entries that are refused or blank do not count: 50 valid among 53 reach the cap only.
    let padded_errors = old_validate(&padded).err().unwrap_or_default();
    assert_eq!(padded_errors.iter().map(|(path, _)| *path).collect::<Vec<_>>(), [DraftPath::AdditionalPhone(7), DraftPath::AdditionalPhone(9)]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn random_drafts_validate_as_before(
        list in prop::option::of(0u32..3),
        values in prop::collection::btree_map(prop::sample::select(ContactField::all().collect::<Vec<_>>()), field_value(), 0..8),
        phones in additional_phones(),
    ) {
        let d = ContactDraft {
            list_id: list.map(ListId::new),
            values: values.into_iter().collect::<BTreeMap<_, _>>(),
            additional_phones: phones,
            ..ContactDraft::default()
        };
        prop_assert_eq!(new_validate(&d), old_validate(&d), "{:?}", d);
    }
}
