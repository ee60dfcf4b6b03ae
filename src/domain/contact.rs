//! A contact: its validated data, the editable draft a form works on, and the errors
//! that keep a draft from becoming data.

use serde::{Deserialize, Serialize};

use super::field::ContactField;
use super::ids::{ContactId, ListId, Timestamp};
use super::phone::PhoneNumber;

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
    email: Option<super::email::Email>,
    /// Other filled fields, sorted by field, at most one entry per field.
    details: Box<[(ContactField, Box<str>)]>,
    additional_phones: Box<[LabeledPhone]>,
}

impl ContactData {
    /// The field's text as stored (phones in WhatsApp form, dates as yyyy-mm-dd);
    /// `None` when empty.
    pub fn get(&self, field: ContactField) -> Option<&str> {
        let _ = field;
        todo!("domain helper")
    }
    pub fn first_name(&self) -> &str {
        &self.first_name
    }
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }
    pub fn mobile(&self) -> Option<&PhoneNumber> {
        self.mobile.as_ref()
    }
    pub fn additional_phones(&self) -> &[LabeledPhone] {
        &self.additional_phones
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
}

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
    pub values: std::collections::BTreeMap<ContactField, String>,
    pub additional_phones: Vec<PhoneDraft>,
}

/// Where a validation error belongs in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DraftPath {
    List,
    Field(ContactField),
    AdditionalPhone(usize),
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

impl ContactDraft {
    /// A draft that shows the contact's current values.
    pub fn from_contact(contact: &Contact) -> Self {
        let _ = contact;
        todo!("domain helper")
    }
    pub fn value(&self, field: ContactField) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }
    pub fn set(&mut self, field: ContactField, value: impl Into<String>) {
        self.values.insert(field, value.into());
    }
    /// Checks every field (trimmed), collecting all errors, not only the first.
    pub fn validate(&self) -> Result<(ListId, ContactData), ContactErrors> {
        todo!("domain helper")
    }
}
