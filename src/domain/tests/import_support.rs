//! Builders shared by the import tests: the list they import into, tags, custom fields
//! and a whole import of a file's bytes.

use crate::domain::custom_field::{CustomField, FieldId, FieldScope, FieldType};
use crate::domain::import::{
    preview, propose, sniff, DedupField, ImportContext, ImportOptions, ImportPlan, ImportRun, ReadyContact, Target, SAMPLE_BYTES,
};
use crate::domain::tag::{Tag, TagColour, TagId};
use crate::domain::{ListId, Timestamp};

use super::support_tests::T0;

pub const LIST: ListId = ListId::new(1);

pub fn tags(names: &[&str]) -> Vec<Tag> {
    let colour = TagColour::parse("#336699");
    names
        .iter()
        .zip(1..)
        .filter_map(|(name, id)| colour.clone().map(|colour| Tag { id: TagId::new(id), name: (*name).into(), colour }))
        .collect()
}

pub fn custom(id: u32, alias: &str, field_type: FieldType, required: bool) -> CustomField {
    CustomField {
        id: FieldId::new(id),
        scope: FieldScope::Global,
        alias: alias.into(),
        field_type,
        required,
        click_to_action: false,
        deleted: None,
        created: T0,
        updated: Timestamp::from_millis(T0.millis()),
    }
}

/// A custom field of each type a column can fill, ids 1 to 5: Score (number), Plan
/// (select: Gold, Silver), Active (switch), Since (date-time), Site (URL); the ids in
/// `required` are required.
pub fn custom_field_of_each_type(required: &[u32]) -> Vec<CustomField> {
    let plan = FieldType::Select(vec!["Gold".into(), "Silver".into()]);
    let kinds = [("Score", FieldType::Number), ("Plan", plan), ("Active", FieldType::Switch), ("Since", FieldType::DateTime), ("Site", FieldType::Url)];
    kinds.into_iter().zip(1..).map(|((alias, field_type), id)| custom(id, alias, field_type, required.contains(&id))).collect()
}

/// The columns of the fields `custom_field_of_each_type` makes, in id order.
pub fn custom_columns() -> impl Iterator<Item = Target> {
    (1..=5).map(|id| Target::Custom(FieldId::new(id)))
}

/// What an import did, in counts and rows.
pub struct Outcome {
    pub run: ImportRun,
    pub ready: Vec<ReadyContact>,
}

/// Sniffs, previews, proposes a mapping and imports `bytes` in `chunk`-byte pieces,
/// checking for duplicates on `dedupe`.
pub fn import(bytes: &[u8], chunk: usize, context: &ImportContext, dedupe: &[DedupField]) -> Outcome {
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(bytes);
    let format = sniff(sample).unwrap_or_else(|e| panic!("sniff: {e}"));
    let shown = preview(sample, &format, 20);
    let columns = propose(&shown.headers, &context.custom_fields.iter().collect::<Vec<_>>());
    let plan = ImportPlan { list: LIST, format, columns, duplicate_fields: dedupe.to_vec(), options: ImportOptions::default() };
    let mut run = ImportRun::new(plan, context, bytes.len() as u64).unwrap_or_else(|e| panic!("plan: {e}"));
    // Room for every row up front: the figures time the import, not a growing Vec.
    let mut ready = Vec::with_capacity(bytes.len() / 100);
    for piece in bytes.chunks(chunk) {
        run.feed(piece);
        ready.extend(run.take_ready());
    }
    assert_eq!(run.finish(), Ok(()));
    ready.extend(run.take_ready());
    let p = run.progress();
    assert_eq!(p.rows_read, p.ready_so_far + p.duplicates_in_file + p.duplicates_existing + p.failed + p.blank, "{p:?}");
    assert_eq!(p.ready_so_far, ready.len() as u64);
    assert_eq!(p.bytes_read, bytes.len() as u64);
    Outcome { run, ready }
}
