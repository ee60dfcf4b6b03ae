//! The editable draft a form works on, and its validation into `ContactData`: every
//! error next to its place in the form, and notes on phone numbers read one of two ways.

use std::collections::BTreeMap;

use super::{iso_date, parse_date, Contact, ContactData, LabeledPhone};
use crate::domain::country::Country;
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::email::Email;
use crate::domain::field::{ContactField, FieldKind};
use crate::domain::ids::ListId;
use crate::domain::phone::{PhoneNumber, PhoneReading};
use crate::domain::tag::TagId;
use crate::domain::text::{self, Lines};
use crate::domain::url::WebAddress;
use crate::domain::text::quoted;

/// One additional phone as typed in a form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhoneDraft {
    pub label: String,
    pub number: String,
}

/// What a form edits: raw text per field, validated only on save.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub list_id: Option<ListId>,
    /// Raw text per field; a missing entry is an empty field.
    pub values: BTreeMap<ContactField, String>,
    pub additional_phones: Vec<PhoneDraft>,
    /// Raw text per custom field; a missing entry is an empty value.
    pub custom: BTreeMap<FieldId, String>,
    pub tags: Vec<TagId>,
}

/// Where a validation error belongs in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DraftPath {
    List,
    Field(ContactField),
    AdditionalPhone(usize),
    Custom(FieldId),
}

/// Every reason a draft was refused, each next to its place in the form.
#[derive(Clone, Debug, Default, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("; "))]
pub struct ContactErrors(pub Vec<(DraftPath, String)>);

impl ContactErrors {
    pub fn message_for(&self, path: DraftPath) -> Option<&str> {
        self.0.iter().find(|(p, _)| *p == path).map(|(_, m)| m.as_str())
    }
}

/// How a draft's phone numbers written without a country code are read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PhoneRules {
    /// The list's default country; `None`: every number must carry its country code.
    pub country: Option<Country>,
    /// Digits valid both as a national and as an international number: a form asks
    /// which is meant (an error that names both), an import keeps the national reading
    /// and notes it.
    pub ask_when_ambiguous: bool,
}

impl PhoneRules {
    /// A form's rules: ask when a number could mean two.
    pub fn asking(country: Option<Country>) -> Self {
        Self { country, ask_when_ambiguous: true }
    }

    /// Reads one number; `Ok((number, note))`, the note saying how an ambiguous number
    /// was read.
    pub fn read(self, raw: &str) -> Result<(PhoneNumber, Option<String>), String> {
        let PhoneReading { number, alternative } = PhoneNumber::parse_in(raw, self.country).map_err(|e| e.to_string())?;
        match alternative {
            None => Ok((number, None)),
            Some(other) if self.ask_when_ambiguous => Err(format!(
                "{} can be {} or {}: write it with + and its country code",
                quoted(raw.trim()),
                number.described(),
                other.described()
            )),
            Some(other) => Ok((
                number.clone(),
                Some(format!("{} read as {}; it could also be {}", quoted(raw.trim()), number.described(), other.described())),
            )),
        }
    }
}

/// A draft that passed its checks, with notes on values read one of two ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    pub list: ListId,
    pub data: ContactData,
    pub notes: Vec<(DraftPath, String)>,
}

/// Longest text a single-line field takes; longer text is refused, not cut.
pub const MAX_TEXT_LEN: usize = 1_000;
/// Longest description.
pub const MAX_LONG_TEXT_LEN: usize = 10_000;
/// Most additional phone numbers one contact holds.
pub const MAX_ADDITIONAL_PHONES: usize = 50;

impl ContactDraft {
    /// A draft that shows the contact's current values. Phones show with "+" in front:
    /// digits alone could read as a national number of the list's country.
    pub fn from_contact(contact: &Contact) -> Self {
        let data = &contact.data;
        let values = ContactField::all()
            .filter_map(|f| data.get(f).map(|v| (f, if f.kind() == FieldKind::Phone { format!("+{v}") } else { v.to_owned() })))
            .collect();
        let additional_phones = data
            .additional_phones
            .iter()
            .map(|p| PhoneDraft { label: p.label.to_string(), number: p.number.e164() })
            .collect();
        let custom = data.custom.iter().map(|(f, v)| (*f, v.to_text())).collect();
        Self { list_id: Some(contact.list_id), values, additional_phones, custom, tags: data.tags.to_vec() }
    }
    pub fn value(&self, field: ContactField) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }
    pub fn set(&mut self, field: ContactField, value: impl Into<String>) {
        self.values.insert(field, value.into());
    }

    /// Checks the default fields (no custom fields apply).
    pub fn validate(&self) -> Result<(ListId, ContactData), ContactErrors> {
        self.validate_with(&[])
    }

    /// Checks every field, numbers needing their country code (see `validate_in`).
    pub fn validate_with(&self, fields: &[&CustomField]) -> Result<(ListId, ContactData), ContactErrors> {
        self.validate_in(fields, PhoneRules::asking(None)).map(|v| (v.list, v.data))
    }

    /// Checks every field (trimmed), collecting all errors, not only the first.
    /// `fields` are the custom fields that apply to the contact's list; values for
    /// other fields are left out of the result. `phones` says how numbers without a
    /// country code are read.
    pub fn validate_in(&self, fields: &[&CustomField], phones: PhoneRules) -> Result<Validated, ContactErrors> {
        let mut errors = Vec::new();
        let mut notes = Vec::new();
        let list = self.list_id;
        if list.is_none() {
            errors.push((DraftPath::List, "choose the list this contact belongs to".to_owned()));
        }
        let mut first_name = None;
        let mut last_name = None;
        let mut phone = None;
        let mut mobile = None;
        let mut email = None;
        let mut details = Vec::new();
        // The fields present, in field order (the order of `ContactField::all()`, which is
        // the map's); a required field that is absent is reported where it would come.
        let mut required = ContactField::all().filter(|f| f.required()).peekable();
        for (&field, value) in &self.values {
            while let Some(missing) = required.next_if(|r| *r < field) {
                errors.push(required_error(missing));
            }
            required.next_if_eq(&field);
            let lines = if field.kind() == FieldKind::LongText { Lines::Many } else { Lines::One };
            let (cleaned, removed) = text::clean(value, lines);
            if let Some(warning) = removed.described() {
                notes.push((DraftPath::Field(field), warning));
            }
            let raw = cleaned.trim();
            if raw.is_empty() {
                if field.required() {
                    errors.push(required_error(field));
                }
                continue;
            }
            match check_field(field, raw, phones) {
                Err(message) => errors.push((DraftPath::Field(field), message)),
                Ok((value, note)) => {
                    if let Some(note) = note {
                        notes.push((DraftPath::Field(field), note));
                    }
                    match (field, value) {
                        (ContactField::FirstName, Checked::Text(t)) => first_name = Some(t),
                        (ContactField::LastName, Checked::Text(t)) => last_name = Some(t),
                        (ContactField::Phone, Checked::Phone(p)) => phone = Some(p),
                        (ContactField::Mobile, Checked::Phone(p)) => mobile = Some(p),
                        (ContactField::Email, Checked::Email(e)) => email = Some(e),
                        (other, value) => details.push((other, value.into_text())),
                    }
                }
            }
        }
        errors.extend(required.map(required_error));
        let mut additional_phones = Vec::new();
        let filled = self
            .additional_phones
            .iter()
            .enumerate()
            .filter(|(_, p)| !(p.label.trim().is_empty() && p.number.trim().is_empty()));
        for (i, draft) in filled {
            if additional_phones.len() >= MAX_ADDITIONAL_PHONES {
                errors.push((DraftPath::AdditionalPhone(i), format!("a contact can have at most {MAX_ADDITIONAL_PHONES} additional numbers")));
                break;
            }
            let label = text::cleaned(&draft.label, Lines::One);
            let label = label.trim();
            if label.chars().count() > MAX_TEXT_LEN {
                errors.push((DraftPath::AdditionalPhone(i), format!("the label can be at most {MAX_TEXT_LEN} characters")));
                continue;
            }
            match phones.read(&draft.number) {
                Ok((number, note)) => {
                    let label = if label.is_empty() { "Other" } else { label };
                    additional_phones.push(LabeledPhone { label: label.into(), number });
                    if let Some(note) = note {
                        notes.push((DraftPath::AdditionalPhone(i), note));
                    }
                }
                Err(message) => errors.push((DraftPath::AdditionalPhone(i), message)),
            }
        }
        let mut custom = Vec::new();
        for field in fields {
            let raw = self.custom.get(&field.id).map(String::as_str).unwrap_or("");
            match field.parse_value(raw) {
                Ok(Some(value)) => custom.push((field.id, value)),
                Ok(None) => {}
                Err(e) => errors.push((DraftPath::Custom(field.id), e.to_string())),
            }
        }
        custom.sort_by_key(|(f, _)| *f);
        custom.dedup_by_key(|(f, _)| *f);
        let mut tags = self.tags.clone();
        tags.sort();
        tags.dedup();
        match (list, first_name) {
            (Some(list), Some(first_name)) if errors.is_empty() => {
                details.sort_by_key(|d| d.0);
                Ok(Validated {
                    list,
                    data: ContactData {
                        first_name,
                        last_name,
                        phone,
                        mobile,
                        email,
                        details: details.into_boxed_slice(),
                        additional_phones: additional_phones.into_boxed_slice(),
                        custom: custom.into_boxed_slice(),
                        tags: tags.into_boxed_slice(),
                    },
                    notes,
                })
            }
            _ => Err(ContactErrors(errors)),
        }
    }
}

/// The error for a required field left empty.
fn required_error(field: ContactField) -> (DraftPath, String) {
    (DraftPath::Field(field), format!("{} is required", field.label()))
}

/// A field's value after its checks passed.
enum Checked {
    Text(Box<str>),
    Phone(PhoneNumber),
    Email(Email),
}

impl Checked {
    fn into_text(self) -> Box<str> {
        match self {
            Checked::Text(t) => t,
            Checked::Phone(p) => p.as_str().into(),
            Checked::Email(e) => e.as_str().into(),
        }
    }
}

/// Checks one non-empty, trimmed value against its field's kind; the error is a
/// sentence for the user, the note says how an ambiguous phone number was read.
fn check_field(field: ContactField, raw: &str, phones: PhoneRules) -> Result<(Checked, Option<String>), String> {
    let max = if field.kind() == FieldKind::LongText { MAX_LONG_TEXT_LEN } else { MAX_TEXT_LEN };
    // Bytes are at least as many as characters: count characters only when it can matter.
    if raw.len() > max && raw.chars().count() > max {
        return Err(format!("{} can be at most {max} characters", field.label()));
    }
    let checked = match field.kind() {
        FieldKind::Text | FieldKind::LongText => Checked::Text(raw.into()),
        FieldKind::Phone => {
            let (number, note) = phones.read(raw)?;
            return Ok((Checked::Phone(number), note));
        }
        FieldKind::Email => Email::parse(raw).map(Checked::Email).map_err(|e| e.to_string())?,
        FieldKind::Url => WebAddress::parse(raw).map(|u| Checked::Text(u.as_str().into())).map_err(|e| e.to_string())?,
        FieldKind::Date => parse_date(raw)
            .map(|d| Checked::Text(iso_date(d).into()))
            .ok_or_else(|| format!("{} must be a date like 1990-04-25 (year-month-day)", field.label()))?,
    };
    Ok((checked, None))
}
