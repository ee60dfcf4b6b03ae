//! Phone numbers in the WhatsApp form: the international country code followed by the
//! national number, digits only, no "+" ("393331234567").

use rlibphonenumber::{ParseError, PhoneNumberFormat, ValidationError};
use serde::{Deserialize, Serialize};

use super::country::Country;

/// A phone number that is valid as an international number, held in WhatsApp form.
/// It can only be made by `PhoneNumber::parse` (digits read as international),
/// `PhoneNumber::parse_in` (bare digits read as national to a default country), or
/// read back from storage.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneNumber(Box<str>);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("enter a phone number")]
    Empty,
    #[error("a phone number may only contain digits, spaces, dashes, dots, brackets and a leading + (found \"{0}\")")]
    BadCharacter(char),
    #[error("the number does not start with a known country code: write it with the international prefix, e.g. 39 for Italy or +44 for the UK")]
    UnknownCountryCode,
    #[error("the number is too short for its country")]
    TooShort,
    #[error("the number is too long for its country")]
    TooLong,
    #[error("the number has a length no number of its country has")]
    InvalidLength,
    #[error("this is not a valid number for its country: check the digits and the country code")]
    NotValid,
}

/// A number read from what someone typed, with the other number it could also mean
/// (digits without "+" that are valid both as a national number of the default
/// country and as an international one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneReading {
    pub number: PhoneNumber,
    /// The international reading, when it is valid too and differs.
    pub alternative: Option<PhoneNumber>,
}

/// Characters people put inside phone numbers that carry no meaning.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t')
}

impl PhoneNumber {
    /// Parses "+39 333 123 4567", "0039 333-1234567" or "393331234567" into
    /// "393331234567". Rejects what cannot be a valid international number, saying why.
    /// Digits without "+" or "00" are read as already carrying the country code, which
    /// is the WhatsApp form; `parse_in` reads them as a national number of a default
    /// country instead.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        // The digits, on the stack: more than "00" and 17 digits is too long whatever
        // they are (but a bad character anywhere still says so first).
        let mut buffer = [0u8; 19];
        let mut count = 0usize;
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => {
                    if let Some(slot) = buffer.get_mut(count) {
                        *slot = c as u8;
                    }
                    count += 1;
                }
                '+' if i == 0 => {}
                c if is_separator(c) => {}
                c => return Err(PhoneError::BadCharacter(c)),
            }
        }
        if count > buffer.len() {
            return Err(PhoneError::TooLong);
        }
        let digits = buffer.get(..count).and_then(|d| std::str::from_utf8(d).ok()).unwrap_or("");
        let international = digits.strip_prefix("00").unwrap_or(digits);
        if international.is_empty() {
            return Err(PhoneError::TooShort);
        }
        // 15 digits is E.164's maximum; reject early so the parser sees sane input.
        if international.len() > 17 {
            return Err(PhoneError::TooLong);
        }
        let mut e164_is_input = false;
        let parsed = match parse_digits_directly(international) {
            Some((parsed, same)) => {
                e164_is_input = same;
                parsed
            }
            None => rlibphonenumber::PhoneNumber::parse(format!("+{international}"), None).map_err(parse_failure)?,
        };
        if !parsed.is_valid() {
            return Err(why_not_valid(&parsed));
        }
        if e164_is_input {
            return Ok(Self(international.into()));
        }
        let e164 = parsed.format_as(PhoneNumberFormat::E164);
        Ok(Self(e164.trim_start_matches('+').into()))
    }

    /// Builds the phone library's tables and compiles its shared patterns, which the
    /// first number read would otherwise do (a quarter of a second in a browser):
    /// for start-up to call before anyone waits on a number.
    pub fn warm_up() {
        let _ = &*rlibphonenumber::PHONE_NUMBER_UTIL;
    }

    /// Reads what someone typed, with `country` as the default for numbers written
    /// without their country code. With no country, or with "+" or "00" in front, it is
    /// `parse` (and as fast). Otherwise bare digits are read both as a national number
    /// of `country` ("328 123 4567", "0151 23456789") and as international: the
    /// national reading wins when valid, with the international one as `alternative`
    /// if that is valid too and differs; when neither is valid the error is the
    /// national reading's, as that is what was most likely meant.
    pub fn parse_in(input: &str, country: Option<Country>) -> Result<PhoneReading, PhoneError> {
        let international = Self::parse(input);
        let region = match country {
            Some(country) if !has_international_prefix(input) => country.region(),
            _ => None,
        };
        let Some(region) = region else {
            return international.map(|number| PhoneReading { number, alternative: None });
        };
        // Those would be the national reading's errors too (and letters must not turn
        // into digits the way the library reads vanity numbers).
        if let Err(e @ (PhoneError::Empty | PhoneError::BadCharacter(_))) = international {
            return Err(e);
        }
        match (parse_national(input, region), international) {
            (Ok(number), Ok(other)) => {
                let alternative = (other != number).then_some(other);
                Ok(PhoneReading { number, alternative })
            }
            (Ok(number), Err(_)) => Ok(PhoneReading { number, alternative: None }),
            (Err(_), Ok(number)) => Ok(PhoneReading { number, alternative: None }),
            (Err(e), Err(_)) => Err(e),
        }
    }

    /// "+39 328 123 4567": the library's international format.
    pub fn international(&self) -> String {
        match self.to_library() {
            Some(parsed) => parsed.format_as(PhoneNumberFormat::International).into_owned(),
            None => format!("+{}", self.0),
        }
    }

    /// The country the number belongs to; `None` for non-geographic numbers (+800...).
    pub fn country(&self) -> Option<Country> {
        self.to_library().and_then(|parsed| parsed.get_region_code()).and_then(Country::from_region)
    }

    /// "+39 328 123 4567 · Italy", or just the international form without a country.
    pub fn described(&self) -> String {
        match self.country() {
            Some(country) => format!("{} · {}", self.international(), country.name()),
            None => self.international(),
        }
    }

    /// The library's number for the stored digits (on `parse`'s fast path when it can).
    fn to_library(&self) -> Option<rlibphonenumber::PhoneNumber> {
        match parse_digits_directly(&self.0) {
            Some((parsed, _)) => Some(parsed),
            None => rlibphonenumber::PhoneNumber::parse(format!("+{}", self.0), None).ok(),
        }
    }

    /// The WhatsApp form: digits only, country code first.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "+393331234567": the stored number as a form shows it, so it reads back as the
    /// same number whatever the list's country.
    pub fn e164(&self) -> String {
        format!("+{}", self.0)
    }

    /// `tel:+393331234567`, for click-to-call links.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.e164())
    }

    /// `https://wa.me/393331234567`.
    pub fn whatsapp_href(&self) -> String {
        format!("https://wa.me/{}", self.0)
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}


/// Whether the text starts, after spaces and separators, with "+" or the "00"
/// international prefix: then it carries its country code.
fn has_international_prefix(input: &str) -> bool {
    let mut zeros = 0;
    for c in input.chars() {
        match c {
            '+' if zeros == 0 => return true,
            '0' => {
                zeros += 1;
                if zeros == 2 {
                    return true;
                }
            }
            c if c.is_whitespace() || is_separator(c) => {}
            _ => return false,
        }
    }
    false
}

/// `input` (digits and separators only) read as a national number of `region`, with
/// its trunk prefix ("0151...", "1 212...") as the library knows it. Only the digits go
/// to the library: the separators mean nothing and a tab is not one it skips.
fn parse_national(input: &str, region: rlibphonenumber::Region) -> Result<PhoneNumber, PhoneError> {
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    // Longer than any national number with its prefix: spare the parser a huge string.
    if digits.len() > 24 {
        return Err(PhoneError::TooLong);
    }
    // A single digit is "not a number" to the library: too short to us.
    if digits.len() < 2 {
        return Err(PhoneError::TooShort);
    }
    let parsed = rlibphonenumber::PhoneNumber::parse(&digits, Some(region)).map_err(parse_failure)?;
    if !parsed.is_valid() {
        return Err(why_not_valid(&parsed));
    }
    let e164 = parsed.format_as(PhoneNumberFormat::E164);
    Ok(PhoneNumber(e164.trim_start_matches('+').into()))
}

/// The library's refusal to parse, in our words.
fn parse_failure(e: ParseError) -> PhoneError {
    match e {
        ParseError::InvalidCountryCode => PhoneError::UnknownCountryCode,
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => PhoneError::TooShort,
        ParseError::TooLongNsn => PhoneError::TooLong,
        ParseError::NotANumber(_) => PhoneError::NotValid,
    }
}

/// Why a parsed number is not valid, as precisely as the library can tell.
fn why_not_valid(parsed: &rlibphonenumber::PhoneNumber) -> PhoneError {
    match parsed.is_possible_with_reason() {
        Err(ValidationError::InvalidCountryCode) => PhoneError::UnknownCountryCode,
        Err(ValidationError::TooShort) => PhoneError::TooShort,
        Err(ValidationError::TooLong) => PhoneError::TooLong,
        Err(ValidationError::InvalidLength) => PhoneError::InvalidLength,
        Ok(_) => PhoneError::NotValid,
    }
}

/// What `rlibphonenumber::PhoneNumber::parse("+" + digits, None)` returns, built
/// without its text parser, for the inputs where that is provably the same number;
/// `None` where the parser has to decide (then the caller runs it). With it, whether its
/// E164 form is "+" and `digits`: the country code, then the national number with its
/// leading zeros, which E164 writes as they are up to 10 of them.
///
/// For "+" followed by ASCII digits only, the parser (rlibphonenumber 2.2.15,
/// `parse_helper`) finds no extension, phone-context or second number, strips the "+",
/// takes the shortest known 1–3 digit country code (none if the digits start with 0),
/// then may strip a national prefix (`maybe_strip_national_prefix_and_carrier_code`,
/// a regex anchored at the start of the national number), sets the leading-zero flags
/// and reads the rest as an integer. The fast path is taken only when:
/// - there are at least 3 digits (fewer: the parser says "not a number" or "too short");
/// - the country code is known and followed by at least 2 digits (else "too short");
/// - the country's national prefix for parsing is absent or literal digits the national
///   number does not start with, so the anchored regex cannot match and the stripping is
///   a no-op (any other pattern, or a number starting with the prefix, goes to the parser).
fn parse_digits_directly(digits: &str) -> Option<(rlibphonenumber::PhoneNumber, bool)> {
    if digits.len() < 3 || digits.len() > 17 || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return None;
    }
    let util = &*rlibphonenumber::PHONE_NUMBER_UTIL;
    // The parser's `extract_country_code`: the first (shortest) known prefix.
    let (country_code, national) = (1..=3).find_map(|i| {
        let code: i32 = digits.get(..i)?.parse().ok()?;
        util.get_region_for_country_code(code).map(|_| (code, digits.get(i..).unwrap_or("")))
    })?;
    if national.len() < 2 {
        return None;
    }
    let prefixes = NATIONAL_PREFIXES_FOR_PARSING
        .binary_search_by_key(&country_code, |(code, _)| *code)
        .ok()
        .and_then(|i| NATIONAL_PREFIXES_FOR_PARSING.get(i))
        .map(|(_, prefixes)| *prefixes)?;
    if prefixes.iter().any(|p| national.starts_with(p)) {
        return None;
    }
    let mut number = rlibphonenumber::PhoneNumber { country_code, national_number: national.parse().ok()?, ..Default::default() };
    // The parser's `get_italian_leading_zeros_for_phone_number` and what it sets.
    let zeros = national.bytes().take_while(|b| *b == b'0').count();
    let mut stored_zeros = 0;
    if zeros > 0 {
        stored_zeros = if zeros == national.len() { zeros - 1 } else { zeros };
        number.italian_leading_zero = Some(true);
        if stored_zeros > 1 {
            number.number_of_leading_zeros = Some(stored_zeros as i32);
        }
    }
    Some((number, stored_zeros <= 10))
}

/// Per country calling code, the national prefix for parsing of its main region in the
/// metadata rlibphonenumber 2.2.15 bundles, where it is absent (`&[]`) or a plain
/// alternation of digit strings ("0", "0|180020"); codes with any other pattern are
/// left out and always go through the parser. Sorted by code. Generated from the
/// bundled metadata.bin; the `phone_equivalence` tests check every entry against the parser
/// (a stale entry makes the parser strip a prefix the fast path keeps).
pub(crate) const NATIONAL_PREFIXES_FOR_PARSING: &[(i32, &[&str])] = &[
    (1, &["1"]), (7, &["8"]), (20, &["0"]), (27, &["0"]), (30, &[]), (31, &["0"]), (32, &["0"]),
    (33, &["0"]), (34, &[]), (36, &["06"]), (39, &[]), (40, &["0"]), (41, &["0"]), (43, &["0"]),
    (44, &["0", "180020"]), (45, &[]), (46, &["0"]), (47, &[]), (48, &[]), (49, &["0"]),
    (51, &["0"]), (52, &[]), (53, &["0"]), (56, &[]), (58, &["0"]), (60, &["0"]), (62, &["0"]),
    (63, &["0"]), (64, &["0"]), (65, &[]), (66, &["0"]), (84, &["0"]), (90, &["0"]), (91, &["0"]),
    (92, &["0"]), (93, &["0"]), (94, &["0"]), (95, &["0"]), (98, &["0"]), (211, &["0"]),
    (212, &["0"]), (213, &["0"]), (216, &[]), (218, &["0"]), (220, &[]), (221, &[]), (222, &[]),
    (223, &[]), (224, &[]), (225, &[]), (226, &[]), (227, &[]), (228, &[]), (229, &[]), (230, &[]),
    (231, &["0"]), (232, &["0"]), (233, &["0"]), (234, &["0"]), (235, &[]), (236, &[]), (237, &[]),
    (238, &[]), (239, &[]), (240, &[]), (242, &[]), (243, &["0"]), (244, &[]), (245, &[]),
    (246, &[]), (247, &[]), (248, &[]), (249, &["0"]), (250, &["0"]), (251, &["0"]), (252, &["0"]),
    (253, &[]), (254, &["0"]), (255, &["0"]), (256, &["0"]), (257, &[]), (258, &[]), (260, &["0"]),
    (262, &["0"]), (263, &["0"]), (264, &["0"]), (265, &["0"]), (266, &[]), (267, &[]), (268, &[]),
    (269, &[]), (290, &[]), (291, &["0"]), (297, &[]), (299, &[]), (350, &[]), (351, &[]),
    (353, &["0"]), (354, &[]), (355, &["0"]), (356, &[]), (357, &[]), (358, &["0"]), (359, &["0"]),
    (371, &[]), (372, &[]), (373, &["0"]), (374, &["0"]), (376, &[]), (377, &["0"]), (380, &["0"]),
    (381, &["0"]), (382, &["0"]), (383, &["0"]), (385, &["0"]), (386, &["0"]), (387, &["0"]),
    (389, &["0"]), (420, &[]), (421, &["0"]), (500, &[]), (501, &[]), (502, &[]), (503, &[]),
    (504, &[]), (505, &[]), (507, &[]), (508, &["0"]), (509, &[]), (590, &["0"]), (592, &[]),
    (593, &["0"]), (594, &["0"]), (595, &["0"]), (596, &["0"]), (597, &[]), (598, &["0"]),
    (599, &[]), (670, &[]), (673, &[]), (674, &[]), (675, &[]), (676, &[]), (677, &[]), (678, &[]),
    (679, &[]), (680, &[]), (681, &[]), (682, &[]), (683, &[]), (685, &[]), (686, &["0"]),
    (687, &[]), (688, &[]), (689, &[]), (690, &[]), (691, &[]), (692, &["1"]), (800, &[]),
    (808, &[]), (850, &["0"]), (852, &[]), (853, &[]), (855, &["0"]), (856, &["0"]), (870, &[]),
    (878, &[]), (880, &["0"]), (881, &[]), (882, &[]), (883, &[]), (886, &["0"]), (888, &[]),
    (960, &[]), (961, &["0"]), (962, &["0"]), (963, &["0"]), (964, &["0"]), (965, &[]),
    (966, &["0"]), (967, &["0"]), (968, &[]), (970, &["0"]), (971, &["0"]), (972, &["0"]),
    (973, &[]), (974, &[]), (975, &[]), (976, &["0"]), (977, &["0"]), (979, &[]), (992, &[]),
    (993, &["8"]), (994, &["0"]), (995, &["0"]), (996, &["0"]), (998, &[]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_forms_normalise_to_whatsapp_form() {
        for input in ["+39 333 123 4567", "0039 333-1234567", "393331234567", " +39 (333) 123.4567 "] {
            assert_eq!(PhoneNumber::parse(input).map(|p| p.as_str().to_owned()), Ok("393331234567".into()), "{input}");
        }
        assert_eq!(PhoneNumber::parse("+1 (650) 253-0000").map(|p| p.to_string()), Ok("16502530000".into()));
        assert_eq!(PhoneNumber::parse("+44 20 7183 8750").map(|p| p.to_string()), Ok("442071838750".into()));
    }

    #[test]
    fn invalid_numbers_say_why() {
        assert_eq!(PhoneNumber::parse("   "), Err(PhoneError::Empty));
        assert_eq!(PhoneNumber::parse("+39 333 abc"), Err(PhoneError::BadCharacter('a')));
        assert_eq!(PhoneNumber::parse("39 3+33"), Err(PhoneError::BadCharacter('+')));
        assert_eq!(PhoneNumber::parse("+999 1234567"), Err(PhoneError::UnknownCountryCode));
        assert_eq!(PhoneNumber::parse("+39 3"), Err(PhoneError::TooShort));
        assert_eq!(PhoneNumber::parse("+39 333 1234 5678 9012 345"), Err(PhoneError::TooLong));
        assert!(PhoneNumber::parse("+1 000 000 0000").is_err());
        assert!(PhoneNumber::parse("00").is_err());
        assert!(PhoneNumber::parse("+").is_err());
    }

    #[test]
    fn links_use_the_international_number() {
        let p = PhoneNumber::parse("+39 333 123 4567").ok();
        assert_eq!(p.as_ref().map(PhoneNumber::tel_href).as_deref(), Some("tel:+393331234567"));
        assert_eq!(p.as_ref().map(PhoneNumber::whatsapp_href).as_deref(), Some("https://wa.me/393331234567"));
    }
}
