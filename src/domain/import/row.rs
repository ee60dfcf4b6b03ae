//! One CSV record plus the column mapping → a validated contact, a blank row, or the
//! reasons it fails, each naming the CSV column and the app field. Validation is the
//! contact form's own (`ContactDraft::validate_with`), so an imported contact obeys
//! exactly the rules a typed one does.

use std::collections::HashMap;

use super::cells::{parse_phones, parse_tags};
use super::mapping::Target;
use super::problem::{Failure, FailureKind};
use super::reader::Record;
use crate::domain::contact::{ContactData, ContactDraft, ContactErrors, DraftPath};
use crate::domain::custom_field::CustomField;
use crate::domain::export::unneutralise_cell;
use crate::domain::field::FieldKind;
use crate::domain::ids::ListId;
use crate::domain::tag::{Tag, TagId};

/// What became of a row.
#[derive(Debug)]
pub enum RowOutcome {
    Valid(ContactData),
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
    draft: ContactDraft,
    field_columns: Vec<usize>,
    custom_columns: Vec<usize>,
    /// Columns of tags and additional phones (they may repeat).
    list_columns: Vec<(usize, Target)>,
}

impl RowBuilder {
    pub fn new(list: ListId, columns: Vec<Target>, custom_fields: Vec<CustomField>, tags: &[&Tag]) -> Self {
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
        Self { columns, headers: Vec::new(), custom_fields, tags, draft, field_columns, custom_columns, list_columns }
    }

    /// The column names failures are reported with.
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
        let mut failures = Vec::new();
        for &(column, target) in &self.list_columns {
            let Some(cell) = filled(record, column) else { continue };
            blank = false;
            if target == Target::AdditionalPhones {
                self.draft.additional_phones.extend(parse_phones(cell));
                continue;
            }
            for name in parse_tags(cell) {
                match self.tags.get(&name.to_lowercase()) {
                    Some(id) => self.draft.tags.push(*id),
                    None => failures.push(Failure {
                        column: Some(self.column_name(column)),
                        field: Some("Tags".into()),
                        kind: FailureKind::UnknownTag,
                        reason: format!("no tag named “{name}”: create it on the Tags page first"),
                    }),
                }
            }
        }
        if blank {
            return RowOutcome::Blank;
        }
        let fields: Vec<&CustomField> = self.custom_fields.iter().collect();
        match self.draft.validate_with(&fields) {
            Ok((_, data)) if failures.is_empty() => RowOutcome::Valid(data),
            Ok(_) => RowOutcome::Failed(failures),
            Err(errors) => {
                let mut all = self.explain(errors);
                all.append(&mut failures);
                RowOutcome::Failed(all)
            }
        }
    }

    /// Validation errors with the CSV column and app field they belong to.
    fn explain(&self, errors: ContactErrors) -> Vec<Failure> {
        errors
            .0
            .into_iter()
            .map(|(path, reason)| {
                let (target, label, raw) = match path {
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
                };
                let column = self.columns.iter().position(|t| *t == target).map(|i| self.column_name(i));
                let kind = if raw.trim().is_empty() { FailureKind::Required(label.as_str().into()) } else { FailureKind::Invalid(label.as_str().into()) };
                Failure { column, field: Some(label.into()), kind, reason }
            })
            .collect()
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
