//! A contact: its validated data (here), the editable draft a form works on, and the
//! errors that keep a draft from becoming data (`draft.rs`).

use serde::{Deserialize, Serialize};

use super::custom_field::{FieldId, FieldValue};
use super::email::Email;
use super::field::ContactField;
use super::ids::{ContactId, ListId, Timestamp};
use super::phone::PhoneNumber;
use super::interaction::Activity;
use super::tag::TagId;
pub use super::date_text::{iso_date, parse_date};

mod draft;

pub use draft::{
    ContactDraft, ContactErrors, DraftPath, PhoneDraft, PhoneRules, Validated, MAX_ADDITIONAL_PHONES, MAX_LONG_TEXT_LEN, MAX_TEXT_LEN,
};

/// One extra phone number with the user's label for it ("Office", "Home").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabeledPhone {
    pub label: Box<str>,
    pub number: PhoneNumber,
}

/// Validated contact data. Only `ContactDraft::validate` (and the storage codec) make
/// one, so a `ContactData` always holds a first name and well-formed values.
///
/// Kept compact because half a million of them live in memory: the frequent fields
/// are inline, the rest are a sparse list of (field, already validated text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactData {
    first_name: Box<str>,
    last_name: Option<Box<str>>,
    phone: Option<PhoneNumber>,
    mobile: Option<PhoneNumber>,
    email: Option<Email>,
    /// Other filled fields, sorted by field, at most one entry per field.
    details: Box<[(ContactField, Box<str>)]>,
    additional_phones: Box<[LabeledPhone]>,
    /// Custom field values (global and list), sorted by field id.
    custom: Box<[(FieldId, FieldValue)]>,
    /// Sorted, no repeats.
    tags: Box<[TagId]>,
}

/// The fields of `ContactData` format 1 stored, in its order: first name, last name,
/// phone, mobile, email, the other fields and the additional phones.
pub(crate) type StoredParts =
    (Box<str>, Option<Box<str>>, Option<PhoneNumber>, Option<PhoneNumber>, Option<Email>, Box<[(ContactField, Box<str>)]>, Box<[LabeledPhone]>);

impl ContactData {
    /// The field's text as stored (phones in WhatsApp form, dates as yyyy-mm-dd);
    /// `None` when empty.
    pub fn get(&self, field: ContactField) -> Option<&str> {
        match field {
            ContactField::FirstName => Some(&self.first_name),
            ContactField::LastName => self.last_name.as_deref(),
            ContactField::Phone => self.phone.as_ref().map(PhoneNumber::as_str),
            ContactField::Mobile => self.mobile.as_ref().map(PhoneNumber::as_str),
            ContactField::Email => self.email.as_ref().map(Email::as_str),
            other => self
                .details
                .binary_search_by(|(f, _)| f.cmp(&other))
                .ok()
                .map(|i| &*self.details[i].1),
        }
    }
    pub fn first_name(&self) -> &str {
        &self.first_name
    }
    pub fn last_name(&self) -> Option<&str> {
        self.last_name.as_deref()
    }
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }
    pub fn mobile(&self) -> Option<&PhoneNumber> {
        self.mobile.as_ref()
    }
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }
    pub fn additional_phones(&self) -> &[LabeledPhone] {
        &self.additional_phones
    }
    pub fn custom_value(&self, field: FieldId) -> Option<&FieldValue> {
        self.custom.binary_search_by_key(&field, |(f, _)| *f).ok().map(|i| &self.custom[i].1)
    }
    pub fn custom_values(&self) -> &[(FieldId, FieldValue)] {
        &self.custom
    }
    pub fn tags(&self) -> &[TagId] {
        &self.tags
    }
    pub fn has_tag(&self, tag: TagId) -> bool {
        self.tags.binary_search(&tag).is_ok()
    }

    /// Data as an older storage format held it (no custom values, no tags).
    pub(crate) fn from_stored_parts(parts: StoredParts) -> Self {
        let (first_name, last_name, phone, mobile, email, details, additional_phones) = parts;
        Self { first_name, last_name, phone, mobile, email, details, additional_phones, custom: Box::new([]), tags: Box::new([]) }
    }

    /// Keeps the custom values `keep` says yes to (deleting fields); true if any went.
    pub(crate) fn retain_custom(&mut self, mut keep: impl FnMut(FieldId) -> bool) -> bool {
        if self.custom.iter().all(|(f, _)| keep(*f)) {
            return false;
        }
        self.custom = self.custom.iter().filter(|(f, _)| keep(*f)).cloned().collect();
        true
    }

    /// Replaces one custom value (type changes convert values in place).
    pub(crate) fn replace_custom(&mut self, field: FieldId, value: FieldValue) {
        if let Ok(i) = self.custom.binary_search_by_key(&field, |(f, _)| *f) {
            self.custom[i].1 = value;
        }
    }

    /// Adds the values of `from` for fields this data has no value for (values of
    /// fields the form did not show, such as soft-deleted global fields, survive an edit).
    pub(crate) fn keep_custom_from(&mut self, from: &ContactData, mut keep: impl FnMut(FieldId) -> bool) {
        let mut merged: Vec<(FieldId, FieldValue)> = self.custom.to_vec();
        for (f, v) in from.custom.iter() {
            if keep(*f) && self.custom_value(*f).is_none() {
                merged.push((*f, v.clone()));
            }
        }
        merged.sort_by_key(|(f, _)| *f);
        self.custom = merged.into_boxed_slice();
    }

    /// Keeps the tags `keep` says yes to.
    pub(crate) fn retain_tags(&mut self, mut keep: impl FnMut(TagId) -> bool) {
        if !self.tags.iter().all(|t| keep(*t)) {
            self.tags = self.tags.iter().copied().filter(|t| keep(*t)).collect();
        }
    }

    /// Gives the contact these tags too (an import creating tags it names).
    pub(crate) fn add_tags(&mut self, ids: &[TagId]) {
        let mut tags = self.tags.to_vec();
        tags.extend_from_slice(ids);
        tags.sort();
        tags.dedup();
        self.tags = tags.into_boxed_slice();
    }

    /// Removes a tag; true if the contact had it.
    pub(crate) fn remove_tag(&mut self, tag: TagId) -> bool {
        if !self.has_tag(tag) {
            return false;
        }
        self.tags = self.tags.iter().copied().filter(|t| *t != tag).collect();
        true
    }
}

/// A stored contact: data plus identity, list and times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    pub list_id: ListId,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub data: ContactData,
    /// Its interactions in brief (format 4 on).
    pub activity: Activity,
}
