//! One import of one file: fed in chunks, it reads, maps, validates and de-duplicates
//! row by row, and hands out the contacts ready to store, in file order. Storing
//! them is the caller's job (in batches, between yields to the browser).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::dedupe::{DedupField, DuplicateIndex, ExistingKeys};
use super::format::FileFormat;
use super::mapping::Target;
use super::preview::{numbered_headers, unique_headers};
use super::problem::{Failure, FailureKind, Problem, ProblemLog, ProblemRow, WarningRow};
use super::reader::{FailedRecord, Item, ReadProblem, Record, RecordReader};
use super::row::{ImportOptions, RowBuilder, RowOutcome};
use super::ImportError;
use crate::domain::contact::ContactData;
use crate::domain::custom_field::{CustomField, FieldType};
use crate::domain::field::ContactField;
use crate::domain::ids::ListId;
use crate::domain::tag::Tag;
use crate::domain::text::quoted;
use crate::domain::workspace::Workspace;

/// Most new tag names a run lists for the wizard (all are still created).
const MAX_LISTED_NEW_TAGS: usize = 1_000;

/// Most keys reserved up front for a duplicate check (a wrong file size must not
/// reserve gigabytes).
const MAX_RESERVED_KEYS: usize = 2_000_000;

/// What the user chose in the wizard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPlan {
    pub list: ListId,
    pub format: FileFormat,
    /// One target per column, in column order (missing ones are skipped).
    pub columns: Vec<Target>,
    /// Empty: no duplicate check.
    pub duplicate_fields: Vec<DedupField>,
    pub options: ImportOptions,
}

/// A row ready to store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadyContact {
    /// The spreadsheet row it came from.
    pub row: u64,
    pub data: ContactData,
    /// Tags the contact gets that do not exist yet: the store creates them with it.
    pub new_tags: Vec<Box<str>>,
}

/// What the workspace knows that the import needs; owned, as it crosses to the
/// import engine's worker.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportContext {
    /// The custom fields that apply to the list (global and the list's own).
    pub custom_fields: Vec<CustomField>,
    pub tags: Vec<Tag>,
    /// The list's contacts, for the duplicate check: their keys over the plan's fields.
    pub existing: ExistingKeys,
}

impl ImportContext {
    /// What the workspace holds that an import into `list`, checking duplicates on
    /// `duplicate_fields`, needs.
    pub fn for_list(ws: &Workspace, list: ListId, duplicate_fields: &[DedupField]) -> Self {
        Self {
            custom_fields: ws.fields_for(list).into_iter().cloned().collect(),
            tags: ws.tags().into_iter().cloned().collect(),
            existing: ExistingKeys::of(duplicate_fields, ws.contacts().filter(|c| c.list_id == list).map(|c| (c.id, &c.data))),
        }
    }
}

/// Counts so far, for a progress bar and the batch record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Data rows read (the header and blank lines are not rows read).
    pub rows_read: u64,
    pub bytes_read: u64,
    pub total_bytes: u64,
    /// Valid, non-duplicate rows handed out or waiting in `take_ready`.
    pub ready_so_far: u64,
    /// Of those, rows with at least one warning (a value left out or read one of two
    /// ways, a short row, an unknown tag ignored).
    pub warned: u64,
    pub duplicates_in_file: u64,
    pub duplicates_existing: u64,
    pub failed: u64,
    /// Rows whose mapped values were all empty.
    pub blank: u64,
}

impl Progress {
    /// Share of the file read, 0.0 to 1.0.
    pub fn fraction(&self) -> f64 {
        // Before the run knows its file (the progress a new import starts from), the
        // bar is empty: showing it full made an import look done before it began.
        if self.total_bytes == 0 {
            0.0
        } else {
            (self.bytes_read as f64 / self.total_bytes as f64).min(1.0)
        }
    }
}

/// The end result, in numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub rows_read: u64,
    /// Contacts the caller stored.
    pub imported: u64,
    pub duplicates_in_file: u64,
    pub duplicates_existing: u64,
    pub failed: u64,
    pub blank: u64,
    /// Rows ready to store that had warnings.
    pub warned: u64,
    /// Failed rows by reason, most frequent first (a row counts under each reason).
    pub failed_by_kind: Vec<(FailureKind, u64)>,
    /// Rows with warnings by reason, most frequent first.
    pub warned_by_kind: Vec<(FailureKind, u64)>,
    /// Problem rows counted but left out of `problems()` (past its caps).
    pub problems_not_kept: u64,
    /// Warning rows counted but left out of `warnings()`.
    pub warnings_not_kept: u64,
}

/// What an ended run leaves for its summary and report: plain data, as the import
/// engine's worker sends it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    pub progress: Progress,
    pub headers: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub warnings: Vec<WarningRow>,
    /// With `imported` zero: only the caller knows what it stored.
    summary: ImportSummary,
}

impl RunReport {
    /// What is known of a run whose engine stopped answering: its last counts, no rows.
    pub fn from_progress(progress: Progress) -> Self {
        let p = &progress;
        let summary = ImportSummary {
            rows_read: p.rows_read,
            imported: 0,
            duplicates_in_file: p.duplicates_in_file,
            duplicates_existing: p.duplicates_existing,
            failed: p.failed,
            blank: p.blank,
            warned: p.warned,
            failed_by_kind: Vec::new(),
            warned_by_kind: Vec::new(),
            problems_not_kept: p.failed + p.duplicates_in_file + p.duplicates_existing,
            warnings_not_kept: p.warned,
        };
        Self { progress, headers: Vec::new(), problems: Vec::new(), warnings: Vec::new(), summary }
    }

    /// The result; `imported` is how many contacts the caller stored.
    pub fn summary(&self, imported: u64) -> ImportSummary {
        ImportSummary { imported, ..self.summary.clone() }
    }
}

/// An import in progress.
pub struct ImportRun {
    reader: RecordReader,
    state: RunState,
}

struct RunState {
    has_header: bool,
    headers: Vec<String>,
    header_notes: Vec<String>,
    builder: RowBuilder,
    index: DuplicateIndex,
    ready: Vec<ReadyContact>,
    /// Distinct new tag names seen, in file order (up to `MAX_LISTED_NEW_TAGS`), and
    /// their lower-cased forms.
    new_tags: Vec<Box<str>>,
    new_tag_keys: HashSet<String>,
    progress: Progress,
    problems: ProblemLog,
    seen_anything: bool,
}

impl ImportRun {
    /// Checks the plan against the context and starts a run; `total_bytes` is the
    /// file's size (for progress only).
    pub fn new(plan: ImportPlan, context: &ImportContext, total_bytes: u64) -> Result<Self, ImportError> {
        plan.format.check()?;
        let field_refs: Vec<&CustomField> = context.custom_fields.iter().collect();
        check_columns(&plan.columns, &field_refs)?;
        for field in &plan.duplicate_fields {
            if let DedupField::Custom(id) = field {
                if !context.custom_fields.iter().any(|f| f.id == *id) {
                    return Err(ImportError::UnknownField);
                }
            }
        }
        let tag_refs: Vec<&Tag> = context.tags.iter().collect();
        let builder = RowBuilder::new(plan.list, plan.columns, context.custom_fields.clone(), &tag_refs, plan.options);
        let mut index = DuplicateIndex::new(plan.duplicate_fields, &context.existing).ok_or(ImportError::DuplicateCheckChanged)?;
        // Contact rows take ~100 bytes or more: room for the file's keys up front.
        index.reserve(usize::try_from(total_bytes / 100).unwrap_or(0).min(MAX_RESERVED_KEYS));
        let state = RunState {
            has_header: plan.format.has_header,
            headers: Vec::new(),
            header_notes: Vec::new(),
            builder,
            index,
            ready: Vec::new(),
            new_tags: Vec::new(),
            new_tag_keys: HashSet::new(),
            progress: Progress { total_bytes, ..Progress::default() },
            problems: ProblemLog::default(),
            seen_anything: false,
        };
        Ok(Self { reader: RecordReader::new(plan.format), state })
    }

    /// What the plan would do with `head`, the file's first bytes (the whole file when
    /// `whole`): a run over them that stores nothing, for the check before Upload. A
    /// row cut at the end of `head` is not read.
    pub fn dry_run(plan: ImportPlan, context: &ImportContext, head: &[u8], whole: bool) -> Result<Self, ImportError> {
        let mut run = Self::new(plan, context, head.len() as u64)?;
        run.feed(head);
        if whole {
            run.finish()?;
        }
        // Only the counts and the problems are looked at.
        run.state.ready = Vec::new();
        Ok(run)
    }

    /// Reads the next chunk of the file (any size, cut anywhere).
    pub fn feed(&mut self, chunk: &[u8]) {
        let Self { reader, state } = self;
        state.progress.bytes_read += chunk.len() as u64;
        reader.feed(chunk, &mut |item| state.take(item));
    }

    /// The file has ended. Fails only when it held nothing at all.
    pub fn finish(&mut self) -> Result<(), ImportError> {
        let Self { reader, state } = self;
        reader.finish(&mut |item| state.take(item));
        if state.seen_anything {
            Ok(())
        } else {
            Err(ImportError::Empty)
        }
    }

    /// The valid, non-duplicate rows read since the last call, in file order.
    pub fn take_ready(&mut self) -> Vec<ReadyContact> {
        // The next batch is likely as big as this one: no regrowing from empty.
        let room = self.state.ready.len();
        std::mem::replace(&mut self.state.ready, Vec::with_capacity(room))
    }

    pub fn progress(&self) -> Progress {
        self.state.progress
    }

    /// The column names (renamed where empty or repeated; "Column N" without a header).
    pub fn headers(&self) -> &[String] {
        &self.state.headers
    }

    /// What was renamed in the header, in words.
    pub fn header_notes(&self) -> &[String] {
        &self.state.header_notes
    }

    /// Failed and duplicate rows, in file order (up to the caps).
    pub fn problems(&self) -> &[ProblemRow] {
        self.state.problems.rows()
    }

    /// Rows with warnings, in file order (up to the caps).
    pub fn warnings(&self) -> &[WarningRow] {
        self.state.problems.warnings()
    }

    /// Tag names the file holds that the workspace lacks (the first
    /// `MAX_LISTED_NEW_TAGS`), in file order.
    pub fn new_tags(&self) -> &[Box<str>] {
        &self.state.new_tags
    }

    /// The result; `imported` is how many contacts the caller stored.
    pub fn summary(&self, imported: u64) -> ImportSummary {
        let p = &self.state.progress;
        ImportSummary {
            rows_read: p.rows_read,
            imported,
            duplicates_in_file: p.duplicates_in_file,
            duplicates_existing: p.duplicates_existing,
            failed: p.failed,
            blank: p.blank,
            warned: p.warned,
            failed_by_kind: self.state.problems.failed_by_kind(),
            warned_by_kind: self.state.problems.warned_by_kind(),
            problems_not_kept: self.state.problems.not_kept(),
            warnings_not_kept: self.state.problems.warnings_not_kept(),
        }
    }
}

impl ImportRun {
    /// The run's end, as data.
    pub fn into_report(self) -> RunReport {
        let summary = self.summary(0);
        let progress = self.progress();
        let RunState { headers, problems, .. } = self.state;
        let (problems, warnings) = problems.into_rows();
        RunReport { progress, headers, problems, warnings, summary }
    }
}

/// A plan must map the first name (every contact needs one), every required custom
/// field, and each field at most once; its custom fields must exist.
fn check_columns(columns: &[Target], custom_fields: &[&CustomField]) -> Result<(), ImportError> {
    if !columns.contains(&Target::Field(ContactField::FirstName)) {
        return Err(ImportError::FirstNameNotMapped);
    }
    for (i, target) in columns.iter().enumerate() {
        let repeatable = matches!(target, Target::Skip | Target::Tags | Target::AdditionalPhones);
        if !repeatable && columns.get(..i).is_some_and(|before| before.contains(target)) {
            return Err(ImportError::MappedTwice(target.label(custom_fields)));
        }
        if let Target::Custom(id) = target {
            if !custom_fields.iter().any(|f| f.id == *id) {
                return Err(ImportError::UnknownField);
            }
        }
    }
    let unmapped_required = custom_fields.iter().find(|f| {
        f.required && f.is_available() && f.field_type != FieldType::Switch && !columns.contains(&Target::Custom(f.id))
    });
    match unmapped_required {
        Some(f) => Err(ImportError::RequiredNotMapped(f.alias.to_string())),
        None => Ok(()),
    }
}

impl RunState {
    fn take(&mut self, item: Item<'_>) {
        let first = !std::mem::replace(&mut self.seen_anything, true);
        match item {
            Item::Header(record) => {
                let (headers, notes) = unique_headers(record.iter());
                self.set_headers(headers);
                self.header_notes = notes;
            }
            Item::Record(record) => self.row(&record),
            Item::Failed(failed) => self.unreadable(failed, first),
        }
    }

    fn set_headers(&mut self, headers: Vec<String>) {
        self.builder.set_headers(headers.clone());
        self.headers = headers;
    }

    fn row(&mut self, record: &Record<'_>) {
        if self.headers.is_empty() {
            // No header row (or it could not be read): columns go by number.
            self.set_headers(numbered_headers(record.len()));
        }
        self.progress.rows_read += 1;
        match self.builder.build(record) {
            RowOutcome::Valid { data, warnings, new_tags } => match self.index.check(&data, record.row) {
                None => {
                    self.progress.ready_so_far += 1;
                    if !warnings.is_empty() {
                        self.progress.warned += 1;
                        self.problems.warn(record.row, record.line, warnings);
                    }
                    for name in &new_tags {
                        if self.new_tags.len() < MAX_LISTED_NEW_TAGS && self.new_tag_keys.insert(name.to_lowercase()) {
                            self.new_tags.push(name.clone());
                        }
                    }
                    self.ready.push(ReadyContact { row: record.row, data, new_tags });
                }
                Some(of) => {
                    match of {
                        super::dedupe::Origin::Existing(_) => self.progress.duplicates_existing += 1,
                        super::dedupe::Origin::Row(_) => self.progress.duplicates_in_file += 1,
                    }
                    self.problems.push(record.row, record.line, record.iter(), Problem::Duplicate { of });
                }
            },
            RowOutcome::Blank => self.progress.blank += 1,
            RowOutcome::Failed(failures) => {
                self.progress.failed += 1;
                self.problems.push(record.row, record.line, record.iter(), Problem::Failed(failures));
            }
        }
    }

    /// A record the reader could not read is a failed row (`first`: the file's first
    /// record, the header if it has one).
    fn unreadable(&mut self, failed: FailedRecord, first: bool) {
        if self.has_header && first {
            // The header itself: rows will be named by number.
            self.header_notes.push(format!("The header row cannot be read ({}): columns are numbered.", failed.problem));
        }
        self.progress.rows_read += 1;
        self.progress.failed += 1;
        let column_name = |i: usize| match self.headers.get(i) {
            Some(h) => format!("column {}", quoted(h)),
            None => format!("column {}", i + 1),
        };
        let kind = match failed.problem {
            ReadProblem::WrongCount { .. } => FailureKind::WrongValueCount,
            ReadProblem::UnclosedQuote { .. } => FailureKind::UnclosedQuote,
            ReadProblem::TooLong { .. } => FailureKind::TooLong,
            ReadProblem::NotText { .. } => FailureKind::NotText,
        };
        let failure = Failure { column: None, field: None, kind, reason: failed.problem.describe(column_name), value: "".into() };
        self.problems.push(failed.row, failed.line, failed.cells.iter().map(String::as_str), Problem::Failed(vec![failure]));
    }
}
