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
pub struct RowBuilder {
    columns: Vec<Target>,
    headers: Vec<String>,
    custom_fields: Vec<CustomField>,
    /// Tag names, lower-cased.
    tags: HashMap<String, TagId>,
    draft: ContactDraft,
}

impl RowBuilder {
    pub fn new(list: ListId, columns: Vec<Target>, custom_fields: Vec<CustomField>, tags: &[&Tag]) -> Self {
        let tags = tags.iter().map(|t| (t.name.to_lowercase(), t.id)).collect();
        let draft = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
        Self { columns, headers: Vec::new(), custom_fields, tags, draft }
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
        self.draft.values.values_mut().for_each(String::clear);
        self.draft.custom.values_mut().for_each(String::clear);
        self.draft.additional_phones.clear();
        self.draft.tags.clear();
        let mut blank = true;
        let mut failures = Vec::new();
        for (i, target) in self.columns.iter().enumerate() {
            let Some(cell) = record.get(i).filter(|c| !c.trim().is_empty()) else { continue };
            if matches!(target, Target::Field(f) if f.kind() == FieldKind::Date) && is_no_date(cell) {
                continue;
            }
            match target {
                Target::Skip => continue,
                Target::Field(field) => self.draft.values.entry(*field).or_default().push_str(cell),
                Target::Custom(id) => self.draft.custom.entry(*id).or_default().push_str(cell),
                Target::AdditionalPhones => self.draft.additional_phones.extend(parse_phones(cell)),
                Target::Tags => {
                    for name in parse_tags(cell) {
                        match self.tags.get(&name.to_lowercase()) {
                            Some(id) => self.draft.tags.push(*id),
                            None => failures.push(Failure {
                                column: Some(self.column_name(i)),
                                field: Some("Tags".into()),
                                kind: FailureKind::UnknownTag,
                                reason: format!("no tag named “{name}”: create it on the Tags page first"),
                            }),
                        }
                    }
                }
            }
            blank = false;
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

/// Outlook writes "0/0/00" for a date it does not have; others write zeros.
fn is_no_date(cell: &str) -> bool {
    matches!(cell.trim(), "0/0/00" | "0/0/0000" | "00/00/0000" | "0000-00-00")
}
