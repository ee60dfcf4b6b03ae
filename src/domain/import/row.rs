//! One CSV record plus the column mapping → a contact (with warnings about values it
//! was imported without), a blank row, or the reasons it cannot become a contact at
//! all, each naming the CSV column and the app field. Validation is the contact
//! form's own (`ContactDraft::validate_in`), so an imported contact obeys exactly the
//! rules a typed one does.
//!
//! A row fails only when it cannot become a contact: no first name, a required custom
//! field missing or not valid. Any other bad value is left out of the contact and
//! reported as a warning (or fails the row, when the user chose `InvalidValues::SkipRow`).

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use super::cells::{parse_phones, parse_tags};
use super::mapping::Target;
use super::problem::{Failure, FailureKind};
use super::reader::Record;
use crate::domain::contact::{ContactData, ContactDraft, ContactErrors, DraftPath, PhoneRules, Validated, MAX_ADDITIONAL_PHONES};
use crate::domain::country::Country;
use crate::domain::custom_field::CustomField;
use crate::domain::export::unneutralise_cell;
use crate::domain::field::FieldKind;
use crate::domain::ids::ListId;
use crate::domain::tag::{Tag, TagId, MAX_TAG_NAME_LEN};
use crate::domain::text::quoted;

/// What to do with a row that holds a value that is not valid (a phone, an email…).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvalidValues {
    /// Import the contact without the value and report it (no contact is lost for a
    /// secondary field).
    #[default]
    ImportWithout,
    /// Leave the whole row out, as failed.
    SkipRow,
}

/// What to do with tag names the workspace does not have yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnknownTags {
    /// Create them (the contact gets them; the store adds the tags with the contacts).
    #[default]
    Create,
    /// Leave them out, as a warning.
    Ignore,
}

/// How values are read: the user's choices in the wizard beyond the mapping.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOptions {
    /// Where numbers without a country code are from.
    pub country: Option<Country>,
    pub invalid_values: InvalidValues,
    pub unknown_tags: UnknownTags,
}

/// What became of a row.
#[derive(Debug)]
pub enum RowOutcome {
    Valid {
        data: ContactData,
        /// Values left out or read one of two ways (empty for a clean row).
        warnings: Vec<Failure>,
        /// Tags to create and give the contact (`UnknownTags::Create`).
        new_tags: Vec<Box<str>>,
    },
    /// Every mapped value is empty.
    Blank,
    /// Never empty.
    Failed(Vec<Failure>),
}

/// Builds contacts from records; holds one draft it reuses for every row.
///
/// The draft holds an entry for every mapped field from the start, and
/// `field_columns` / `custom_columns` give the column of each entry in the draft's
/// (sorted) order: a row is one walk over the entries, no map look-ups.
pub struct RowBuilder {
    columns: Vec<Target>,
    headers: Vec<String>,
    custom_fields: Vec<CustomField>,
    /// Tag names, lower-cased.
    tags: HashMap<String, TagId>,
    options: ImportOptions,
    draft: ContactDraft,
    field_columns: Vec<usize>,
    custom_columns: Vec<usize>,
    /// Columns of tags and additional phones (they may repeat).
    list_columns: Vec<(usize, Target)>,
}

impl RowBuilder {
    pub fn new(list: ListId, columns: Vec<Target>, custom_fields: Vec<CustomField>, tags: &[&Tag], options: ImportOptions) -> Self {
        let tags = tags.iter().map(|t| (t.name.to_lowercase(), t.id)).collect();
        let mut draft = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
        let mut list_columns = Vec::new();
        for (i, target) in columns.iter().enumerate() {
            match target {
                Target::Field(f) => {
                    draft.values.entry(*f).or_default();
                }
                Target::Custom(id) => {
                    draft.custom.entry(*id).or_default();
                }
                Target::Tags | Target::AdditionalPhones => list_columns.push((i, *target)),
                Target::Skip => {}
            }
        }
        let column_of = |target: Target| columns.iter().position(|t| *t == target).unwrap_or(usize::MAX);
        let field_columns = draft.values.keys().map(|f| column_of(Target::Field(*f))).collect();
        let custom_columns = draft.custom.keys().map(|id| column_of(Target::Custom(*id))).collect();
        Self { columns, headers: Vec::new(), custom_fields, tags, options, draft, field_columns, custom_columns, list_columns }
    }

    /// The column names problems are reported with.
    pub fn set_headers(&mut self, headers: Vec<String>) {
        self.headers = headers;
    }

    fn column_name(&self, i: usize) -> Box<str> {
        self.headers.get(i).map_or_else(|| format!("Column {}", i + 1).into(), |h| h.as_str().into())
    }

    pub fn build(&mut self, record: &Record<'_>) -> RowOutcome {
        // Reuse the draft's strings: clear values, keep their buffers.
        let mut blank = true;
        for ((field, value), &column) in self.draft.values.iter_mut().zip(&self.field_columns) {
            value.clear();
            let Some(cell) = filled(record, column) else { continue };
            if field.kind() == FieldKind::Date && is_no_date(cell) {
                continue;
            }
            value.push_str(cell);
            blank = false;
        }
        for (value, &column) in self.draft.custom.values_mut().zip(&self.custom_columns) {
            value.clear();
            if let Some(cell) = filled(record, column) {
                value.push_str(cell);
                blank = false;
            }
        }
        self.draft.additional_phones.clear();
        self.draft.tags.clear();
        let mut warnings = Vec::new();
        let mut new_tags: Vec<Box<str>> = Vec::new();
        for &(column, target) in &self.list_columns {
            let Some(cell) = filled(record, column) else { continue };
            blank = false;
            if target == Target::AdditionalPhones {
                self.draft.additional_phones.extend(parse_phones(cell));
                continue;
            }
            for name in parse_tags(cell) {
                if let Some(id) = self.tags.get(&name.to_lowercase()) {
                    self.draft.tags.push(*id);
                    continue;
                }
                let too_long = name.chars().count() > MAX_TAG_NAME_LEN;
                if self.options.unknown_tags == UnknownTags::Create && !too_long {
                    if !new_tags.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
                        new_tags.push(name.into());
                    }
                    continue;
                }
                let reason = if too_long {
                    format!("a tag name can be at most {MAX_TAG_NAME_LEN} characters: {} was left out", quoted(&name))
                } else {
                    format!("no tag named {}: left out (unknown tags are ignored)", quoted(&name))
                };
                warnings.push(Failure { column: Some(self.column_name(column)), field: Some("Tags".into()), kind: FailureKind::UnknownTag, reason, value: name.into() });
            }
        }
        if blank {
            return RowOutcome::Blank;
        }
        if record.missing_values() > 0 {
            let values = record.len();
            warnings.push(Failure {
                column: None,
                field: None,
                kind: FailureKind::ShortRow,
                reason: format!(
                    "the row has {values} value{}; the header has {}: the missing cells were read as empty",
                    if values == 1 { "" } else { "s" },
                    values + record.missing_values()
                ),
                value: "".into(),
            });
        }
        if self.draft.additional_phones.len() > MAX_ADDITIONAL_PHONES {
            let extra = self.draft.additional_phones.split_off(MAX_ADDITIONAL_PHONES);
            warnings.push(Failure {
                column: self.column_of(Target::AdditionalPhones),
                field: Some("Additional phones".into()),
                kind: FailureKind::Invalid("Additional phones".into()),
                reason: format!("a contact can have at most {MAX_ADDITIONAL_PHONES} additional numbers: {} left out", extra.len()),
                value: extra.iter().map(|p| p.number.as_str()).collect::<Vec<_>>().join("; ").into(),
            });
        }
        let fields: Vec<&CustomField> = self.custom_fields.iter().collect();
        let phones = PhoneRules { country: self.options.country, ask_when_ambiguous: false };
        let errors = match self.draft.validate_in(&fields, phones) {
            Ok(validated) => return self.valid(validated, warnings, new_tags),
            Err(errors) => errors,
        };
        let (fatal, bad_values): (Vec<_>, Vec<_>) = errors.0.into_iter().partition(|(path, _)| self.is_fatal(*path));
        let bad_paths: Vec<DraftPath> = bad_values.iter().map(|(path, _)| *path).collect();
        let value_problems = self.explain(ContactErrors(bad_values));
        if !fatal.is_empty() || self.options.invalid_values == InvalidValues::SkipRow {
            let mut all = self.explain(ContactErrors(fatal));
            all.extend(value_problems);
            return RowOutcome::Failed(all);
        }
        // Without the values that are not valid, the row is a contact.
        clear_values(&mut self.draft, &bad_paths);
        warnings.extend(value_problems);
        match self.draft.validate_in(&fields, phones) {
            Ok(validated) => self.valid(validated, warnings, new_tags),
            Err(errors) => RowOutcome::Failed(self.explain(errors)),
        }
    }

    fn valid(&self, validated: Validated, mut warnings: Vec<Failure>, new_tags: Vec<Box<str>>) -> RowOutcome {
        for (path, reason) in validated.notes {
            let (target, label, value) = self.describe(path);
            warnings.push(Failure {
                column: self.column_of(target),
                field: Some(label.as_str().into()),
                kind: FailureKind::AmbiguousPhone(label.into()),
                reason,
                value: value.into(),
            });
        }
        RowOutcome::Valid { data: validated.data, warnings, new_tags }
    }

    /// A problem the row cannot be imported without: no list, the first name, or a
    /// required custom field.
    fn is_fatal(&self, path: DraftPath) -> bool {
        match path {
            DraftPath::List => true,
            DraftPath::Field(f) => f.required(),
            DraftPath::Custom(id) => self.custom_fields.iter().any(|f| f.id == id && f.required),
            DraftPath::AdditionalPhone(_) => false,
        }
    }

    fn column_of(&self, target: Target) -> Option<Box<str>> {
        self.columns.iter().position(|t| *t == target).map(|i| self.column_name(i))
    }

    /// The mapping target, the app field's label and the draft's text at `path`.
    fn describe(&self, path: DraftPath) -> (Target, String, &str) {
        match path {
            DraftPath::Field(f) => (Target::Field(f), f.label().to_owned(), self.draft.value(f)),
            DraftPath::Custom(id) => (
                Target::Custom(id),
                Target::Custom(id).label(&self.custom_fields.iter().collect::<Vec<_>>()),
                self.draft.custom.get(&id).map_or("", String::as_str),
            ),
            DraftPath::AdditionalPhone(i) => (
                Target::AdditionalPhones,
                "Additional phones".to_owned(),
                self.draft.additional_phones.get(i).map_or("", |p| p.number.as_str()),
            ),
            DraftPath::List => (Target::Skip, "List".to_owned(), ""),
        }
    }

    /// Validation errors with the CSV column and app field they belong to.
    fn explain(&self, errors: ContactErrors) -> Vec<Failure> {
        errors
            .0
            .into_iter()
            .map(|(path, reason)| {
                let (target, label, raw) = self.describe(path);
                let kind = if raw.trim().is_empty() { FailureKind::Required(label.as_str().into()) } else { FailureKind::Invalid(label.as_str().into()) };
                Failure { column: self.column_of(target), field: Some(label.into()), kind, reason, value: raw.trim().into() }
            })
            .collect()
    }
}

/// Empties the draft's values at `paths` (additional phones are removed).
fn clear_values(draft: &mut ContactDraft, paths: &[DraftPath]) {
    let mut phones: Vec<usize> = Vec::new();
    for path in paths {
        match path {
            DraftPath::Field(f) => {
                if let Some(v) = draft.values.get_mut(f) {
                    v.clear();
                }
            }
            DraftPath::Custom(id) => {
                if let Some(v) = draft.custom.get_mut(id) {
                    v.clear();
                }
            }
            DraftPath::AdditionalPhone(i) => phones.push(*i),
            DraftPath::List => {}
        }
    }
    phones.sort_unstable();
    phones.dedup();
    for i in phones.into_iter().rev() {
        if i < draft.additional_phones.len() {
            draft.additional_phones.remove(i);
        }
    }
}

/// The column's value, unless the row has no such column or it is blank.
/// A cell an export protected from spreadsheets ("'=x") holds "=x".
fn filled<'a>(record: &Record<'a>, column: usize) -> Option<&'a str> {
    record.get(column).map(unneutralise_cell).filter(|c| !c.trim().is_empty())
}

/// Outlook writes "0/0/00" for a date it does not have; others write zeros.
fn is_no_date(cell: &str) -> bool {
    matches!(cell.trim(), "0/0/00" | "0/0/0000" | "00/00/0000" | "0000-00-00")
}
