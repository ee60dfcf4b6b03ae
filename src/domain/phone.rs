//! Phone numbers in the WhatsApp form: the international country code followed by the
//! national number, digits only, no "+" ("393331234567").

use rlibphonenumber::{ParseError, PhoneNumberFormat, ValidationError};
use serde::{Deserialize, Serialize};

/// A phone number that is valid as an international number, held in WhatsApp form.
/// It can only be made by `PhoneNumber::parse` (or read back from storage).
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

/// Characters people put inside phone numbers that carry no meaning.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t')
}

impl PhoneNumber {
    /// Parses "+39 333 123 4567", "0039 333-1234567" or "393331234567" into
    /// "393331234567". Rejects what cannot be a valid international number, saying why.
    /// Digits without "+" or "00" are read as already carrying the country code, which
    /// is the WhatsApp form.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
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
        // 15 digits is E.164's maximum; reject early so the parser sees sane input.
        if international.len() > 17 {
            return Err(PhoneError::TooLong);
        }
        let parsed = rlibphonenumber::PhoneNumber::parse(format!("+{international}"), None)
            .map_err(|e| match e {
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
        Ok(Self(e164.trim_start_matches('+').into()))
    }

    /// The WhatsApp form: digits only, country code first.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `tel:+393331234567`, for click-to-call links.
    pub fn tel_href(&self) -> String {
        format!("tel:+{}", self.0)
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
