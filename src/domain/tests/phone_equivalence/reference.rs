//! The reference: the code the faster validation replaced.

use super::*;

pub(super) fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\t')
}

/// `PhoneNumber::parse` before the fast path (the WhatsApp form as a string).
pub(super) fn old_phone_parse(input: &str) -> Result<String, PhoneError> {
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
pub(super) fn old_parse_date(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

/// The forms `parse_date` reads since the old one, written plainly: "d.m.yyyy",
/// "yyyy/m/d", and "m/d/yyyy" where "d/m/yyyy" is no date (`d`, `m` one or two ASCII
/// digits, the year four). Where the old one read a text, the new one must read the
/// same date; where it did not, what this reads (or nothing).
pub(super) fn new_form_date(raw: &str) -> Option<NaiveDate> {
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
pub(super) fn old_check_field(field: ContactField, raw: &str) -> Result<String, String> {
    let max = if field.kind() == FieldKind::LongText { MAX_LONG_TEXT_LEN } else { MAX_TEXT_LEN };
    if raw.chars().count() > max {
        return Err(format!("{} can be at most {max} characters", field.label()));
    }
    match field.kind() {
        FieldKind::Text | FieldKind::LongText => Ok(raw.to_owned()),
        FieldKind::Phone => old_phone_parse(raw).map_err(|e| e.to_string()),
        FieldKind::Email => Email::parse(raw).map(|e| e.as_str().to_owned()).map_err(|e| e.to_string()),
        // Websites follow today's rule (issue 9: http and bare hosts accepted); the
        // reference is about phones, not web addresses.
        FieldKind::Url => WebAddress::parse(raw).map(|u| u.as_str().to_owned()).map_err(|e| e.to_string()),
        FieldKind::Date => old_parse_date(raw)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .ok_or_else(|| format!("{} must be a date like 1990-04-25 (year-month-day)", field.label())),
    }
}

/// What the old `validate_with(&[])` gave: the errors, or every field's stored text and
/// the additional phones (label, number).
pub(super) type Outcome = Result<(ListId, Vec<(ContactField, String)>, Vec<(String, String)>), Vec<(DraftPath, String)>>;

/// `ContactDraft::validate_with(&[])` before (its field loop ran over every field).
pub(super) fn old_validate(d: &ContactDraft) -> Outcome {
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
    // The additional phones, written again plainly (this loop did not change): blank
    // entries are passed over, refused ones do not count towards the cap, and the first
    // valid-looking entry past the cap is refused and ends the loop.
    let mut additional_phones: Vec<(String, String)> = Vec::new();
    for (i, phone) in d.additional_phones.iter().enumerate() {
        let label = phone.label.trim();
        if label.is_empty() && phone.number.trim().is_empty() {
            continue;
        }
        let at = DraftPath::AdditionalPhone(i);
        if additional_phones.len() == MAX_ADDITIONAL_PHONES {
            errors.push((at, format!("a contact can have at most {MAX_ADDITIONAL_PHONES} additional numbers")));
            break;
        }
        let number = if label.chars().count() > MAX_TEXT_LEN {
            Err(format!("the label can be at most {MAX_TEXT_LEN} characters"))
        } else {
            old_phone_parse(&phone.number).map_err(|e| e.to_string())
        };
        match number {
            Ok(number) => additional_phones.push((if label.is_empty() { "Other" } else { label }.to_owned(), number)),
            Err(message) => errors.push((at, message)),
        }
    }
    match list {
        Some(list) if first_name && errors.is_empty() => Ok((list, values, additional_phones)),
        _ => Err(errors),
    }
}

pub(super) fn new_validate(d: &ContactDraft) -> Outcome {
    match d.validate_with(&[]) {
        Ok((list, data)) => Ok((
            list,
            ContactField::all().filter_map(|f| data.get(f).map(|v| (f, v.to_owned()))).collect(),
            data.additional_phones().iter().map(|p| (p.label.to_string(), p.number.to_string())).collect(),
        )),
        Err(e) => Err(e.0),
    }
}
