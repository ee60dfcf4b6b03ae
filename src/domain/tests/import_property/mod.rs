//! Properties of whole imports, each checked against something the import does not
//! compute itself:
//! - the outcome does not depend on how the file is cut into chunks;
//! - what `csv::Writer` writes, the reader reads back as written;
//! - generated files with every kind of column, imported into a list that already has
//!   contacts, against a model written here from the import rules: which rows are not
//!   rows, blank, failed (and why), duplicates (of what), imported (with which data and
//!   which warnings), and the counts.
//!
//! The model knows what each generated value must become from tables written by hand
//! (`pools`), not from the validation code.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use proptest::prelude::*;

use crate::domain::contact::{ContactData, MAX_ADDITIONAL_PHONES};
use crate::domain::custom_field::CustomField;
use crate::domain::import::{
    DedupField, FailureKind, FileFormat, ImportContext, ImportError, ImportOptions, ImportPlan, ImportRun, ImportSummary,
    InvalidValues, Item, Origin, Problem, ProblemRow, Progress, ReadyContact, RecordReader, Target, UnknownTags, WarningRow,
};
use crate::domain::tag::MAX_TAG_NAME_LEN;
use crate::domain::{ContactDraft, ContactField as F, ContactId, Country};

use super::import_support::{custom_columns, custom_field_of_each_type, tags, LIST};

mod files;
mod model;
mod pools;
mod runs;

use files::*;
use pools::*;
use runs::*;
