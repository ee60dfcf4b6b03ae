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
use crate::domain::custom_field::{CustomField, FieldId, FieldType};
use crate::domain::import::{
    DedupField, FailureKind, FileFormat, ImportContext, ImportError, ImportOptions, ImportPlan, ImportRun, ImportSummary,
    InvalidValues, Item, Origin, Problem, ProblemRow, Progress, ReadyContact, RecordReader, Target, UnknownTags, WarningRow,
};
use crate::domain::tag::MAX_TAG_NAME_LEN;
use crate::domain::{ContactDraft, ContactField as F, ContactId, Country};

use super::import_mapping_tests::custom;
use super::import_run_tests::{tags, LIST};

// ---------------------------------------------------------------- the generated files

/// What a cell must become.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Val {
    /// Nothing (an empty cell, or Outlook's "no date").
    Empty,
    /// Valid: the value as stored.
    Ok(String),
    /// Not valid.
    Bad,
}

fn ok(s: &str) -> Val {
    Val::Ok(s.to_owned())
}

/// A cell of a single-valued column, and how often the generator picks it.
struct Case {
    text: String,
    val: Val,
    weight: u32,
}

fn case(text: &str, val: Val, weight: u32) -> Case {
    Case { text: text.to_owned(), val, weight }
}

/// A phone cell: what it is read as when the list has no country and when it is
/// Italy, and whether Italy's reading is ambiguous (the digits are also a valid
/// international number, a different one).
struct PhoneCase {
    text: &'static str,
    anywhere: Val,
    italy: Val,
    ambiguous: bool,
    weight: u32,
}

fn phone(text: &'static str, anywhere: Val, italy: Val, ambiguous: bool, weight: u32) -> PhoneCase {
    PhoneCase { text, anywhere, italy, ambiguous, weight }
}

impl PhoneCase {
    fn val(&self, italy: bool) -> &Val {
        if italy {
            &self.italy
        } else {
            &self.anywhere
        }
    }
}

/// An additional phone in the "Other phones" cell ("label: number").
struct ExtraPhone {
    text: &'static str,
    /// The stored label ("Other" when the cell gives none).
    label: &'static str,
    number: PhoneCase,
}

#[derive(Clone, Copy, Debug)]
enum TagKind {
    /// An existing tag (its id).
    Known(u32),
    /// A tag the workspace lacks (its name as the contact gets it).
    New(&'static str),
    /// Google's label every contact has: no tag.
    Dropped,
    /// Longer than a tag name can be.
    TooLong,
}

struct TagCase {
    text: String,
    kind: TagKind,
}

struct Pools {
    names: Vec<Case>,
    phones: Vec<PhoneCase>,
    emails: Vec<Case>,
    webs: Vec<Case>,
    borns: Vec<Case>,
    scores: Vec<Case>,
    plans: Vec<Case>,
    actives: Vec<Case>,
    sinces: Vec<Case>,
    sites: Vec<Case>,
    notes: Vec<Case>,
    tags: Vec<TagCase>,
    extra_phones: Vec<ExtraPhone>,
}

fn pools() -> &'static Pools {
    static POOLS: OnceLock<Pools> = OnceLock::new();
    POOLS.get_or_init(|| {
        Pools {
            names: vec![
                case("Ann", ok("Ann"), 6),
                case(" Bob ", ok("Bob"), 3),
                case("Zoë", ok("Zoë"), 2),
                // A cell an export protected from spreadsheets.
                case("'=Cy", ok("=Cy"), 1),
                case("", Val::Empty, 1),
                case("   ", Val::Empty, 1),
                case(&"x".repeat(1_001), Val::Bad, 1),
            ],
            phones: vec![
                phone("", Val::Empty, Val::Empty, false, 4),
                phone("+39 333 123 4567", ok("393331234567"), ok("393331234567"), false, 3),
                phone("0039 333 1234567", ok("393331234567"), ok("393331234567"), false, 1),
                phone("'+39 333 123 4567", ok("393331234567"), ok("393331234567"), false, 1),
                phone("+44 20 7183 8750", ok("442071838750"), ok("442071838750"), false, 2),
                phone("+39 06 1234 5678", ok("390612345678"), ok("390612345678"), false, 1),
                phone("+39 12", Val::Bad, Val::Bad, false, 1),
                phone("n/a", Val::Bad, Val::Bad, false, 1),
                // National numbers: valid only with the list's country.
                phone("333 1234567", Val::Bad, ok("393331234567"), false, 2),
                phone("02 1000000", Val::Bad, ok("39021000000"), false, 1),
                // Italian, and also Belgian (+32 81 23 45 67).
                phone("3281234567", ok("3281234567"), ok("393281234567"), true, 1),
            ],
            emails: vec![
                case("", Val::Empty, 3),
                case("ann@example.com", ok("ann@example.com"), 4),
                case(" Ann@Example.COM ", ok("Ann@Example.COM"), 2),
                case("bob@example.org", ok("bob@example.org"), 2),
                case("ann(at)example.com", Val::Bad, 1),
                case("bob@", Val::Bad, 1),
            ],
            webs: vec![
                case("", Val::Empty, 6),
                case("www.example.com", ok("https://www.example.com"), 1),
                case("http://example.com/a", ok("http://example.com/a"), 1),
                case("javascript:alert(1)", Val::Bad, 1),
            ],
            borns: vec![
                case("", Val::Empty, 5),
                case("0/0/00", Val::Empty, 1),
                case("1990-04-25", ok("1990-04-25"), 1),
                case("25/04/1990", ok("1990-04-25"), 1),
                case("12/31/1985", ok("1985-12-31"), 1),
                case("31/02/1980", Val::Bad, 1),
            ],
            scores: vec![
                case("", Val::Empty, 5),
                case("12", ok("12"), 1),
                case("3,5", ok("3.5"), 1),
                case("1.000,50", ok("1000.5"), 1),
                case("lots", Val::Bad, 1),
            ],
            // Required.
            plans: vec![
                case("Gold", ok("Gold"), 8),
                case("silver", ok("Silver"), 4),
                case(" GOLD ", ok("Gold"), 2),
                case("Platinum", Val::Bad, 1),
                case("", Val::Empty, 1),
            ],
            // A required switch: empty is "off", which satisfies it.
            actives: vec![
                case("", Val::Empty, 6),
                case("yes", ok("true"), 2),
                case("no", ok("false"), 1),
                case("X", ok("true"), 1),
                case("maybe", Val::Bad, 1),
            ],
            sinces: vec![
                case("", Val::Empty, 6),
                case("2024-01-02 10:30", ok("2024-01-02T10:30"), 1),
                case("2024-01-02", ok("2024-01-02T00:00"), 1),
                case("yesterday", Val::Bad, 1),
            ],
            // https only.
            sites: vec![
                case("", Val::Empty, 6),
                case("example.org", ok("https://example.org"), 1),
                case("https://example.org/x", ok("https://example.org/x"), 1),
                case("http://plain.example", Val::Bad, 1),
            ],
            notes: vec![
                case("", Val::Empty, 6),
                case("Call\nback", ok("Call\nback"), 1),
                case(" a, b; c \"q\"\t", ok("a, b; c \"q\""), 1),
                case(&"y".repeat(10_001), Val::Bad, 1),
            ],
            tags: vec![
                TagCase { text: "VIP".into(), kind: TagKind::Known(1) },
                TagCase { text: "vip".into(), kind: TagKind::Known(1) },
                TagCase { text: "Lead".into(), kind: TagKind::Known(2) },
                TagCase { text: "Friends".into(), kind: TagKind::New("Friends") },
                TagCase { text: "friends".into(), kind: TagKind::New("friends") },
                TagCase { text: "* starred".into(), kind: TagKind::New("starred") },
                TagCase { text: "myContacts".into(), kind: TagKind::Dropped },
                TagCase { text: "t".repeat(MAX_TAG_NAME_LEN + 1), kind: TagKind::TooLong },
            ],
            extra_phones: vec![
                ExtraPhone { text: "Work: +39 06 1234 5678", label: "Work", number: phone("", ok("390612345678"), ok("390612345678"), false, 4) },
                ExtraPhone { text: "+44 20 7183 8750", label: "Other", number: phone("", ok("442071838750"), ok("442071838750"), false, 4) },
                ExtraPhone { text: "Home: +39 1", label: "Home", number: phone("", Val::Bad, Val::Bad, false, 1) },
                ExtraPhone { text: "Cell: 333 1234567", label: "Cell", number: phone("", Val::Bad, ok("393331234567"), false, 1) },
                ExtraPhone { text: "Fax: 3281234567", label: "Fax", number: phone("", ok("3281234567"), ok("393281234567"), true, 1) },
            ],
        }
    })
}

const NAME: usize = 0;
const PHONE: usize = 1;
const MOBILE: usize = 2;
const EMAIL: usize = 3;
const WEB: usize = 4;
const BORN: usize = 5;
const SCORE: usize = 6;
const PLAN: usize = 7;
const ACTIVE: usize = 8;
const SINCE: usize = 9;
const SITE: usize = 10;
const LABELS: usize = 11;
const OTHER_PHONES: usize = 12;
const IGNORED: usize = 13;
const NOTES: usize = 14;
const WIDTH: usize = 15;

const HEADER: [&str; WIDTH] =
    ["Name", "Phone", "Mobile", "Email", "Web", "Born", "Score", "Plan", "Active", "Since", "Site", "Labels", "Other phones", "Ignored", "Notes"];

fn columns() -> Vec<Target> {
    vec![
        Target::Field(F::FirstName),
        Target::Field(F::Phone),
        Target::Field(F::Mobile),
        Target::Field(F::Email),
        Target::Field(F::Url),
        Target::Field(F::DateOfBirth),
        Target::Custom(FieldId::new(1)),
        Target::Custom(FieldId::new(2)),
        Target::Custom(FieldId::new(3)),
        Target::Custom(FieldId::new(4)),
        Target::Custom(FieldId::new(5)),
        Target::Tags,
        Target::AdditionalPhones,
        Target::Skip,
        Target::Field(F::Description),
    ]
}

fn custom_fields() -> Vec<CustomField> {
    vec![
        custom(1, "Score", FieldType::Number, false),
        custom(2, "Plan", FieldType::Select(vec!["Gold".into(), "Silver".into()]), true),
        custom(3, "Active", FieldType::Switch, true),
        custom(4, "Since", FieldType::DateTime, false),
        custom(5, "Site", FieldType::Url, false),
    ]
}

/// Emails and phones (as stored) of the contacts already in the list.
const EXISTING_EMAILS: [&str; 5] = ["", "ann@example.com", "ANN@example.com", "bob@example.org", "cy@example.net"];
const EXISTING_PHONES: [&str; 5] = ["", "393331234567", "442071838750", "3281234567", "390612345678"];

#[derive(Clone, Copy, Debug)]
enum Shape {
    Full,
    /// Only the first n cells (spreadsheets drop empty trailing cells).
    Short(usize),
    /// One more cell than the header: filled, or empty.
    Extra(bool),
}

/// One data row: an index into each column's pool.
#[derive(Clone, Debug)]
struct RowSpec {
    name: usize,
    phone: usize,
    mobile: usize,
    email: usize,
    web: usize,
    born: usize,
    score: usize,
    plan: usize,
    active: usize,
    since: usize,
    site: usize,
    notes: usize,
    tags: Vec<usize>,
    /// Google's " ::: " between tags, else ", ".
    google_tags: bool,
    extra_phones: Vec<usize>,
    ignored: bool,
    shape: Shape,
}

#[derive(Clone, Debug)]
struct FileSpec {
    rows: Vec<RowSpec>,
    /// (email, phone) of each existing contact, indices into `EXISTING_*`.
    existing: Vec<(usize, usize)>,
    italy: bool,
    skip_rows: bool,
    ignore_tags: bool,
    dedupe: bool,
    delimiter: u8,
    crlf: bool,
}

impl FileSpec {
    fn options(&self) -> ImportOptions {
        ImportOptions {
            country: if self.italy { Country::from_code("IT") } else { None },
            invalid_values: if self.skip_rows { InvalidValues::SkipRow } else { InvalidValues::ImportWithout },
            unknown_tags: if self.ignore_tags { UnknownTags::Ignore } else { UnknownTags::Create },
        }
    }

    fn duplicate_fields(&self) -> Vec<DedupField> {
        if self.dedupe {
            vec![DedupField::Field(F::Email), DedupField::Field(F::Phone)]
        } else {
            vec![]
        }
    }

    fn format(&self) -> FileFormat {
        FileFormat { delimiter: self.delimiter, has_header: true, ..FileFormat::default() }
    }

    fn existing_contacts(&self) -> Vec<ContactData> {
        self.existing
            .iter()
            .map(|&(email, phone)| {
                let mut draft = ContactDraft { list_id: Some(LIST), ..ContactDraft::default() };
                draft.set(F::FirstName, "Old");
                draft.set(F::Email, EXISTING_EMAILS[email]);
                let number = EXISTING_PHONES[phone];
                draft.set(F::Phone, if number.is_empty() { String::new() } else { format!("+{number}") });
                draft.validate().map(|(_, d)| d).unwrap_or_else(|e| panic!("existing contact: {e}"))
            })
            .collect()
    }

    /// The file, and the line each data row starts on.
    fn write(&self) -> (Vec<u8>, Vec<u64>) {
        let terminator = if self.crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().delimiter(self.delimiter).terminator(terminator).flexible(true).from_writer(Vec::new());
        w.write_record(HEADER).unwrap_or_else(|e| panic!("{e}"));
        let mut lines = Vec::new();
        for row in &self.rows {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
            lines.push(1 + w.get_ref().iter().filter(|&&b| b == b'\n').count() as u64);
            w.write_record(row.cells()).unwrap_or_else(|e| panic!("{e}"));
        }
        (w.into_inner().unwrap_or_else(|e| panic!("{e}")), lines)
    }
}

impl RowSpec {
    fn cells(&self) -> Vec<String> {
        let p = pools();
        let mut cells = vec![String::new(); WIDTH];
        cells[NAME] = p.names[self.name].text.clone();
        cells[PHONE] = p.phones[self.phone].text.to_owned();
        cells[MOBILE] = p.phones[self.mobile].text.to_owned();
        cells[EMAIL] = p.emails[self.email].text.clone();
        cells[WEB] = p.webs[self.web].text.clone();
        cells[BORN] = p.borns[self.born].text.clone();
        cells[SCORE] = p.scores[self.score].text.clone();
        cells[PLAN] = p.plans[self.plan].text.clone();
        cells[ACTIVE] = p.actives[self.active].text.clone();
        cells[SINCE] = p.sinces[self.since].text.clone();
        cells[SITE] = p.sites[self.site].text.clone();
        cells[NOTES] = p.notes[self.notes].text.clone();
        let names: Vec<&str> = self.tags.iter().map(|&t| p.tags[t].text.as_str()).collect();
        cells[LABELS] = names.join(if self.google_tags { " ::: " } else { ", " });
        let phones: Vec<&str> = self.extra_phones.iter().map(|&i| p.extra_phones[i].text).collect();
        cells[OTHER_PHONES] = phones.join("; ");
        cells[IGNORED] = if self.ignored { "ignored".into() } else { String::new() };
        match self.shape {
            Shape::Full => {}
            Shape::Short(n) => cells.truncate(n),
            Shape::Extra(filled) => cells.push(if filled { "surplus".into() } else { String::new() }),
        }
        cells
    }
}

/// An index into a pool, as often as its weights say.
fn pick(weights: impl Iterator<Item = u32>) -> prop::sample::Select<usize> {
    let indices: Vec<usize> = weights.enumerate().flat_map(|(i, w)| std::iter::repeat_n(i, w as usize)).collect();
    prop::sample::select(indices)
}

fn pick_case(pool: &[Case]) -> prop::sample::Select<usize> {
    pick(pool.iter().map(|c| c.weight))
}

fn pick_phone() -> prop::sample::Select<usize> {
    pick(pools().phones.iter().map(|c| c.weight))
}

fn row_spec() -> impl Strategy<Value = RowSpec> {
    let p = pools();
    let fields = (pick_case(&p.names), pick_phone(), pick_phone(), pick_case(&p.emails), pick_case(&p.webs), pick_case(&p.borns));
    let custom = (pick_case(&p.scores), pick_case(&p.plans), pick_case(&p.actives), pick_case(&p.sinces), pick_case(&p.sites), pick_case(&p.notes));
    let extra = pick(p.extra_phones.iter().map(|e| e.number.weight));
    // Now and then past the cap of additional phones.
    let extra_phones = prop_oneof![
        12 => prop::collection::vec(extra.clone(), 0..3),
        1 => prop::collection::vec(extra, MAX_ADDITIONAL_PHONES - 1..=MAX_ADDITIONAL_PHONES + 3),
    ];
    let lists = (prop::collection::vec(0..p.tags.len(), 0..4), any::<bool>(), extra_phones, prop::bool::weighted(0.1));
    let shape = prop_oneof![12 => Just(Shape::Full), 1 => (1..WIDTH).prop_map(Shape::Short), 1 => any::<bool>().prop_map(Shape::Extra)];
    (fields, custom, lists, shape, prop::bool::weighted(0.07)).prop_map(
        |((name, phone, mobile, email, web, born), (score, plan, active, since, site, notes), (tags, google_tags, extra_phones, ignored), shape, blank)| RowSpec {
            name,
            phone,
            mobile,
            email,
            web,
            born,
            score,
            plan,
            active,
            since,
            site,
            notes,
            tags,
            google_tags,
            extra_phones,
            ignored,
            shape,
        }
        .blanked(blank),
    )
}

impl RowSpec {
    /// When `blank`, the row with every mapped value empty (but the date, which may be
    /// Outlook's "no date"): a blank row, or no row at all when even the column that is
    /// not imported is empty.
    fn blanked(mut self, blank: bool) -> Self {
        if !blank {
            return self;
        }
        let p = pools();
        let empty = |pool: &[Case]| pool.iter().position(|c| c.text.is_empty()).unwrap_or_else(|| panic!("no empty case"));
        let no_phone = p.phones.iter().position(|c| c.text.is_empty()).unwrap_or_else(|| panic!("no empty phone"));
        (self.name, self.phone, self.mobile, self.email, self.web) = (empty(&p.names), no_phone, no_phone, empty(&p.emails), empty(&p.webs));
        (self.score, self.plan, self.active, self.since, self.site, self.notes) =
            (empty(&p.scores), empty(&p.plans), empty(&p.actives), empty(&p.sinces), empty(&p.sites), empty(&p.notes));
        if p.borns[self.born].val != Val::Empty {
            self.born = empty(&p.borns);
        }
        self.tags.clear();
        self.extra_phones.clear();
        self
    }
}

fn file_spec(rows: std::ops::Range<usize>) -> impl Strategy<Value = FileSpec> {
    let existing = prop::collection::vec((0..EXISTING_EMAILS.len(), 0..EXISTING_PHONES.len()), 0..5);
    let options = (any::<bool>(), prop::bool::weighted(0.25), any::<bool>(), prop::bool::weighted(0.85));
    let format = (prop::sample::select(vec![b',', b';', b'\t']), any::<bool>());
    (prop::collection::vec(row_spec(), rows), existing, options, format).prop_map(
        |(rows, existing, (italy, skip_rows, ignore_tags, dedupe), (delimiter, crlf))| FileSpec {
            rows,
            existing,
            italy,
            skip_rows,
            ignore_tags,
            dedupe,
            delimiter,
            crlf,
        },
    )
}

// ---------------------------------------------------------------- running an import

/// Everything a run hands out.
#[derive(Debug, PartialEq)]
struct Whole {
    finished: Result<(), ImportError>,
    ready: Vec<ReadyContact>,
    problems: Vec<ProblemRow>,
    warnings: Vec<WarningRow>,
    progress: Progress,
    summary: ImportSummary,
    new_tags: Vec<Box<str>>,
    headers: Vec<String>,
    header_notes: Vec<String>,
}

/// Imports `bytes` in `chunk`-byte pieces (taking the ready rows after each piece when
/// `take_each`, else only at the end).
fn import(spec: &FileSpec, format: FileFormat, bytes: &[u8], chunk: usize, take_each: bool) -> Whole {
    let fields = custom_fields();
    let tags = tags(&["VIP", "Lead"]);
    let existing = spec.existing_contacts();
    let context = ImportContext {
        custom_fields: fields.iter().collect(),
        tags: tags.iter().collect(),
        existing: existing.iter().zip(1..).map(|(d, id)| (ContactId::new(id), d)).collect(),
    };
    let plan = ImportPlan { list: LIST, format, columns: columns(), duplicate_fields: spec.duplicate_fields(), options: spec.options() };
    let mut run = ImportRun::new(plan, &context, bytes.len() as u64).unwrap_or_else(|e| panic!("plan: {e}"));
    let mut ready = Vec::new();
    for piece in bytes.chunks(chunk.max(1)) {
        run.feed(piece);
        if take_each {
            ready.extend(run.take_ready());
        }
    }
    let finished = run.finish();
    ready.extend(run.take_ready());
    Whole {
        finished,
        summary: run.summary(ready.len() as u64),
        ready,
        problems: run.problems().to_vec(),
        warnings: run.warnings().to_vec(),
        progress: run.progress(),
        new_tags: run.new_tags().to_vec(),
        headers: run.headers().to_vec(),
        header_notes: run.header_notes().to_vec(),
    }
}

// ---------------------------------------------------------------- 1. chunk sizes

/// Bytes a file may be spoilt with: quotes that are never closed, separators, line
/// breaks, bytes that are not UTF-8.
fn spoil() -> impl Strategy<Value = Vec<(prop::sample::Index, u8)>> {
    prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(b"\"\"\",;\t\r\n\xFF\xC3 ".to_vec())), 0..4)
}

/// The file in an encoding: UTF-8 (with or without a byte order mark), UTF-16LE with
/// one, Windows-1252.
fn encode(text: &[u8], encoding: usize) -> (Vec<u8>, &'static encoding_rs::Encoding) {
    let text = String::from_utf8_lossy(text);
    match encoding {
        1 => ([b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(), encoding_rs::UTF_8),
        2 => {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            (bytes, encoding_rs::UTF_16LE)
        }
        3 => (encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(), encoding_rs::WINDOWS_1252),
        _ => (text.into_owned().into_bytes(), encoding_rs::UTF_8),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// One byte at a time, a few, any number, or all at once: the same rows ready
    /// (data, row numbers, new tags), the same problems and warnings, the same counts.
    #[test]
    fn the_outcome_is_the_same_at_every_chunk_size(
        spec in file_spec(0..12),
        spoilt in spoil(),
        encoding in 0usize..4,
        small in 2usize..8,
        any_size in any::<prop::sample::Index>(),
        take_each in any::<bool>(),
    ) {
        let (mut text, _) = spec.write();
        for (at, byte) in spoilt {
            text.insert(at.index(text.len() + 1), byte);
        }
        let (bytes, encoding) = encode(&text, encoding);
        let format = FileFormat { encoding, ..spec.format() };
        let whole = import(&spec, format, &bytes, bytes.len(), true);
        for chunk in [1, small, any_size.index(bytes.len() + 1) + 1] {
            let cut = import(&spec, format, &bytes, chunk, take_each);
            prop_assert_eq!(&cut, &whole, "chunks of {} bytes", chunk);
        }
    }
}

// ---------------------------------------------------------------- 2. csv::Writer round trip

/// Text with what CSV must escape: both separators, quotes, line breaks, spaces,
/// non-ASCII; sometimes any character at all.
fn cell_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![',', ';', '\t', '"', '\r', '\n', ' ', 'a', 'Z', '0', 'é', '€', '😀', '\u{a0}', '\u{feff}', '\0']);
    prop::collection::vec(prop_oneof![4 => special, 1 => any::<char>()], 0..8).prop_map(String::from_iter)
}

/// Whether the reader takes `record` (not the file's first) for an unclosed quote
/// that swallowed lines: a line after its first line break holds as many separators
/// as a whole record (at least 3). See `reader::swallowed_records`.
fn looks_swallowed(record: &[String], delimiter: char) -> bool {
    let text = record.join(&delimiter.to_string());
    let Some((_, after)) = text.split_once(['\r', '\n']) else { return false };
    let needed = record.len().saturating_sub(1).max(3);
    // As `reader::swallowed_records` sees it: every line inside a value, and of the
    // last line only what comes before its value's closing quote (the cells here are
    // unquoted text, so the whole last line may still be inside the value).
    let lines: Vec<&str> = after.split(['\r', '\n']).collect();
    let inner = lines.split_last().map_or(&[][..], |(_, inner)| inner);
    inner.iter().any(|line| line.matches(delimiter).count() >= needed)
        || lines.last().is_some_and(|last| last.split('"').next().unwrap_or(last).matches(delimiter).count() >= needed)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// What `csv::Writer` writes, with any text in any cell, is read back cell for
    /// cell, with its row and line numbers; only records of blanks (spaces, tabs, or
    /// nothing) are not records (a blank line in a spreadsheet), but still count as rows.
    #[test]
    fn what_csv_writer_writes_reads_back_as_written(
        width in 1usize..6,
        records in prop::collection::vec(prop::collection::vec(cell_text(), 6), 1..10),
        delimiter in prop::sample::select(vec![b',', b';', b'\t']),
        quote_always in any::<bool>(),
        crlf in any::<bool>(),
        has_header in any::<bool>(),
        chunk in 1usize..40,
    ) {
        let mut records: Vec<Vec<String>> = records.into_iter().map(|r| r.into_iter().take(width).collect()).collect();
        // A known limit, left out here so the rest is checked: a value whose inner
        // lines hold a whole record's separators is taken for an unclosed quote that
        // swallowed records (`reader::swallowed_records`, the recovery that keeps one
        // bad quote from eating a file).
        let first = records.remove(0);
        records.retain(|r| !looks_swallowed(r, char::from(delimiter)));
        records.insert(0, first);
        // KNOWN BUG, left out here: when the file starts with two U+FEFF, the second
        // is dropped too or not depending on where the chunks are cut (csv-core drops
        // a byte order mark at the start of the first input it is given, and the
        // reader hands it the bytes after the one it strips itself).
        if let Some(cell) = records.first_mut().and_then(|r| r.first_mut()) {
            while cell.starts_with("\u{feff}\u{feff}") {
                cell.remove(0);
            }
        }
        let style = if quote_always { csv::QuoteStyle::Always } else { csv::QuoteStyle::Necessary };
        let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).quote_style(style).terminator(terminator).from_writer(Vec::new());
        let mut starts = Vec::new();
        for record in &records {
            w.flush().unwrap_or_else(|e| panic!("{e}"));
            starts.push(1 + w.get_ref().iter().filter(|&&b| b == b'\n').count() as u64);
            w.write_record(record).unwrap_or_else(|e| panic!("{e}"));
        }
        let bytes = w.into_inner().unwrap_or_else(|e| panic!("{e}"));
        // A byte order mark that starts the file is the file's, not the first cell's.
        if bytes.starts_with("\u{feff}".as_bytes()) {
            if let Some(cell) = records.first_mut().and_then(|r| r.first_mut()) {
                cell.replace_range(.."\u{feff}".len(), "");
            }
        }

        let blank = |r: &Vec<String>| r.iter().all(|c| c.chars().all(|ch| ch == ' ' || ch == '\t'));
        let expected: Vec<(u64, u64, Vec<String>, usize)> =
            records.iter().zip(1..).zip(&starts).filter(|((r, _), _)| !blank(r)).map(|((r, row), line)| (row, *line, r.clone(), 0)).collect();

        let format = FileFormat { delimiter, has_header, ..FileFormat::default() };
        let mut reader = RecordReader::new(format);
        let mut got: Vec<(u64, u64, Vec<String>, usize)> = Vec::new();
        let mut headers = Vec::new();
        let mut failed = Vec::new();
        let mut sink = |item: Item<'_>| match item {
            Item::Header(r) => {
                headers.push(r.row);
                got.push((r.row, r.line, r.to_strings(), r.missing_values()));
            }
            Item::Record(r) => got.push((r.row, r.line, r.to_strings(), r.missing_values())),
            Item::Failed(f) => failed.push(f),
        };
        for piece in bytes.chunks(chunk) {
            reader.feed(piece, &mut sink);
        }
        reader.finish(&mut sink);
        prop_assert_eq!(failed, vec![]);
        prop_assert_eq!(&got, &expected);
        let first_row = expected.first().map(|(row, _, _, _)| *row);
        prop_assert_eq!(headers, if has_header { first_row.into_iter().collect() } else { vec![] });
    }
}

// ---------------------------------------------------------------- 3. against a model

/// A contact ready to store, as plain values.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Contact {
    row: u64,
    first_name: String,
    phone: Option<String>,
    mobile: Option<String>,
    email: Option<String>,
    web: Option<String>,
    born: Option<String>,
    notes: Option<String>,
    /// Default fields with a value that no column maps (there must be none).
    unmapped: Vec<F>,
    custom: Vec<(u32, String)>,
    tags: Vec<u32>,
    extra_phones: Vec<(String, String)>,
    new_tags: Vec<String>,
}

const MAPPED: [F; 7] = [F::FirstName, F::Phone, F::Mobile, F::Email, F::Url, F::DateOfBirth, F::Description];

fn contact(ready: &ReadyContact) -> Contact {
    let d = &ready.data;
    let get = |f| d.get(f).map(str::to_owned);
    Contact {
        row: ready.row,
        first_name: d.first_name().to_owned(),
        phone: get(F::Phone),
        mobile: get(F::Mobile),
        email: get(F::Email),
        web: get(F::Url),
        born: get(F::DateOfBirth),
        notes: get(F::Description),
        unmapped: F::all().filter(|f| !MAPPED.contains(f) && d.get(*f).is_some()).collect(),
        custom: d.custom_values().iter().map(|(id, v)| (id.get(), v.to_text())).collect(),
        tags: d.tags().iter().map(|t| t.get()).collect(),
        extra_phones: d.additional_phones().iter().map(|p| (p.label.to_string(), p.number.as_str().to_owned())).collect(),
        new_tags: ready.new_tags.iter().map(|t| t.to_string()).collect(),
    }
}

/// Why a row was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Fate {
    /// Every reason's kind, sorted.
    Failed(Vec<FailureKind>),
    Duplicate(Origin),
}

/// (column, kind) of a warning.
type Warning = (Option<String>, FailureKind);

#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    rows_read: u64,
    blank: u64,
    failed: u64,
    duplicates_in_file: u64,
    duplicates_existing: u64,
    ready: u64,
    warned: u64,
}

/// An import's outcome as plain values: what the run gave, or what the model says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Outcome {
    counts: Counts,
    ready: Vec<Contact>,
    /// (row, line, cells, fate).
    problems: Vec<(u64, u64, Vec<String>, Fate)>,
    /// (row, line, warnings sorted).
    warnings: Vec<(u64, u64, Vec<Warning>)>,
    new_tags: Vec<String>,
    failed_by_kind: BTreeMap<FailureKind, u64>,
    warned_by_kind: BTreeMap<FailureKind, u64>,
}

fn sorted<T: Ord>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    v.sort();
    v
}

fn observed(w: &Whole) -> Outcome {
    let p = w.progress;
    Outcome {
        counts: Counts {
            rows_read: p.rows_read,
            blank: p.blank,
            failed: p.failed,
            duplicates_in_file: p.duplicates_in_file,
            duplicates_existing: p.duplicates_existing,
            ready: p.ready_so_far,
            warned: p.warned,
        },
        ready: w.ready.iter().map(contact).collect(),
        problems: w
            .problems
            .iter()
            .map(|p| {
                let fate = match &p.problem {
                    Problem::Failed(failures) => Fate::Failed(sorted(failures.iter().map(|f| f.kind.clone()))),
                    Problem::Duplicate { of } => Fate::Duplicate(*of),
                };
                (p.row, p.line, p.cells.iter().map(|c| c.to_string()).collect(), fate)
            })
            .collect(),
        warnings: w
            .warnings
            .iter()
            .map(|w| (w.row, w.line, sorted(w.warnings.iter().map(|f| (f.column.as_deref().map(str::to_owned), f.kind.clone())))))
            .collect(),
        new_tags: w.new_tags.iter().map(|t| t.to_string()).collect(),
        failed_by_kind: w.summary.failed_by_kind.iter().cloned().collect(),
        warned_by_kind: w.summary.warned_by_kind.iter().cloned().collect(),
    }
}

/// What became of one row that was read.
enum RowFate {
    Blank,
    Failed(Vec<FailureKind>),
    Valid {
        contact: Box<Contact>,
        warnings: Vec<Warning>,
        /// (email case-folded, phone) when both are there.
        key: Option<(String, String)>,
    },
}

fn invalid(label: &str) -> FailureKind {
    FailureKind::Invalid(label.into())
}

fn required(label: &str) -> FailureKind {
    FailureKind::Required(label.into())
}

/// The import rules, written plainly: a row fails only when it cannot become a contact
/// (no first name, the required Plan missing or not a choice, the required Active
/// not a switch value) or, when the user asked for it, when any value is not valid;
/// any other bad value is left out with a warning, as are tags that cannot be created
/// or are ignored, and phones past the cap; a short row is read with a warning.
fn row_fate(r: &RowSpec, width: usize, spec: &FileSpec) -> RowFate {
    let p = pools();
    let italy = spec.italy;
    let present = |column: usize| column < width;
    let val = |column: usize, v: &Val| if present(column) { v.clone() } else { Val::Empty };
    let name = val(NAME, &p.names[r.name].val);
    let phone = val(PHONE, p.phones[r.phone].val(italy));
    let mobile = val(MOBILE, p.phones[r.mobile].val(italy));
    let email = val(EMAIL, &p.emails[r.email].val);
    let web = val(WEB, &p.webs[r.web].val);
    let born = val(BORN, &p.borns[r.born].val);
    let score = val(SCORE, &p.scores[r.score].val);
    let plan = val(PLAN, &p.plans[r.plan].val);
    let active = val(ACTIVE, &p.actives[r.active].val);
    let since = val(SINCE, &p.sinces[r.since].val);
    let site = val(SITE, &p.sites[r.site].val);
    let notes = val(NOTES, &p.notes[r.notes].val);
    let tags: &[usize] = if present(LABELS) { &r.tags } else { &[] };
    let extra_phones: &[usize] = if present(OTHER_PHONES) { &r.extra_phones } else { &[] };
    let singles = [&name, &phone, &mobile, &email, &web, &born, &score, &plan, &active, &since, &site, &notes];
    if singles.iter().all(|v| **v == Val::Empty) && tags.is_empty() && extra_phones.is_empty() {
        return RowFate::Blank;
    }

    let mut fatal: Vec<FailureKind> = Vec::new();
    let mut bad: Vec<Warning> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let column = |i: usize| Some(HEADER[i].to_owned());

    let mut tag_ids = Vec::new();
    let mut new_tags: Vec<String> = Vec::new();
    for &t in tags {
        match p.tags[t].kind {
            TagKind::Known(id) => tag_ids.push(id),
            TagKind::New(name) if !spec.ignore_tags => {
                if !new_tags.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
                    new_tags.push(name.to_owned());
                }
            }
            TagKind::New(_) | TagKind::TooLong => warnings.push((column(LABELS), FailureKind::UnknownTag)),
            TagKind::Dropped => {}
        }
    }
    tag_ids.sort_unstable();
    tag_ids.dedup();
    if width < WIDTH {
        warnings.push((None, FailureKind::ShortRow));
    }
    if extra_phones.len() > MAX_ADDITIONAL_PHONES {
        warnings.push((column(OTHER_PHONES), invalid("Additional phones")));
    }
    let mut extras = Vec::new();
    for &i in extra_phones.iter().take(MAX_ADDITIONAL_PHONES) {
        let extra = &p.extra_phones[i];
        match extra.number.val(italy) {
            Val::Ok(number) => {
                extras.push((extra.label.to_owned(), number.clone()));
                if italy && extra.number.ambiguous {
                    warnings.push((column(OTHER_PHONES), FailureKind::AmbiguousPhone("Additional phones".into())));
                }
            }
            Val::Bad | Val::Empty => bad.push((column(OTHER_PHONES), invalid("Additional phones"))),
        }
    }
    let first_name = match &name {
        Val::Ok(n) => n.clone(),
        Val::Empty => {
            fatal.push(required("First name"));
            String::new()
        }
        Val::Bad => {
            fatal.push(invalid("First name"));
            String::new()
        }
    };
    // An optional value: kept when valid, a bad value when not.
    let mut optional = |v: &Val, i: usize, label: &str| match v {
        Val::Ok(s) => Some(s.clone()),
        Val::Bad => {
            bad.push((column(i), invalid(label)));
            None
        }
        Val::Empty => None,
    };
    let phone_value = optional(&phone, PHONE, "Phone");
    let mobile_value = optional(&mobile, MOBILE, "Mobile");
    let email_value = optional(&email, EMAIL, "Email");
    let web_value = optional(&web, WEB, "Website");
    let born_value = optional(&born, BORN, "Date of birth");
    let notes_value = optional(&notes, NOTES, "Description");
    let mut custom = Vec::new();
    if let Some(v) = optional(&score, SCORE, "Score") {
        custom.push((1, v));
    }
    if let Some(v) = optional(&since, SINCE, "Since") {
        custom.push((4, v));
    }
    if let Some(v) = optional(&site, SITE, "Site") {
        custom.push((5, v));
    }
    match &plan {
        Val::Ok(v) => custom.push((2, v.clone())),
        Val::Empty => fatal.push(required("Plan")),
        Val::Bad => fatal.push(invalid("Plan")),
    }
    match &active {
        Val::Ok(v) => custom.push((3, v.clone())),
        Val::Empty => custom.push((3, "false".to_owned())),
        Val::Bad => fatal.push(invalid("Active")),
    }
    custom.sort();
    // Digits valid both ways are read as a national number, with a note.
    for (value, case, i, label) in [(&phone_value, r.phone, PHONE, "Phone"), (&mobile_value, r.mobile, MOBILE, "Mobile")] {
        if value.is_some() && italy && p.phones[case].ambiguous {
            warnings.push((column(i), FailureKind::AmbiguousPhone(label.into())));
        }
    }

    if !fatal.is_empty() || (spec.skip_rows && !bad.is_empty()) {
        return RowFate::Failed(sorted(fatal.into_iter().chain(bad.into_iter().map(|(_, kind)| kind))));
    }
    warnings.extend(bad);
    let key = match (&email_value, &phone_value) {
        (Some(e), Some(p)) if spec.dedupe => Some((e.to_lowercase(), p.clone())),
        _ => None,
    };
    let contact = Box::new(Contact {
        row: 0,
        first_name,
        phone: phone_value,
        mobile: mobile_value,
        email: email_value,
        web: web_value,
        born: born_value,
        notes: notes_value,
        unmapped: Vec::new(),
        custom,
        tags: tag_ids,
        extra_phones: extras,
        new_tags,
    });
    RowFate::Valid { contact, warnings: sorted(warnings), key }
}

/// The whole import, row by row, with the duplicate check over (email, phone): a row
/// is a duplicate when both are there and equal (email case-folded) those of a
/// contact in the list or of an earlier row that was imported.
fn model(spec: &FileSpec) -> Outcome {
    let (_, lines) = spec.write();
    let mut out = Outcome::default();
    let mut keys: HashMap<(String, String), Origin> = HashMap::new();
    if spec.dedupe {
        for (&(email, phone), id) in spec.existing.iter().zip(1..) {
            let (email, phone) = (EXISTING_EMAILS[email], EXISTING_PHONES[phone]);
            if !email.is_empty() && !phone.is_empty() {
                keys.entry((email.to_lowercase(), phone.to_owned())).or_insert(Origin::Existing(ContactId::new(id)));
            }
        }
    }
    let mut listed_tags = HashSet::new();
    let count_kinds = |counts: &mut BTreeMap<FailureKind, u64>, kinds: Vec<FailureKind>| {
        for kind in kinds.into_iter().collect::<HashSet<_>>() {
            *counts.entry(kind).or_default() += 1;
        }
    };
    for ((r, row), &line) in spec.rows.iter().zip(2u64..).zip(&lines) {
        let mut cells = r.cells();
        // Nothing but blanks: a blank line, not a row (its number is still used).
        if cells.iter().all(|c| c.chars().all(|ch| ch == ' ' || ch == '\t')) {
            continue;
        }
        out.counts.rows_read += 1;
        if cells.len() > WIDTH {
            if cells[WIDTH..].iter().all(String::is_empty) {
                cells.truncate(WIDTH);
            } else {
                out.counts.failed += 1;
                count_kinds(&mut out.failed_by_kind, vec![FailureKind::WrongValueCount]);
                out.problems.push((row, line, cells, Fate::Failed(vec![FailureKind::WrongValueCount])));
                continue;
            }
        }
        match row_fate(r, cells.len(), spec) {
            RowFate::Blank => out.counts.blank += 1,
            RowFate::Failed(kinds) => {
                out.counts.failed += 1;
                count_kinds(&mut out.failed_by_kind, kinds.clone());
                out.problems.push((row, line, cells, Fate::Failed(kinds)));
            }
            RowFate::Valid { mut contact, warnings, key } => {
                if let Some(key) = key {
                    if let Some(&of) = keys.get(&key) {
                        match of {
                            Origin::Existing(_) => out.counts.duplicates_existing += 1,
                            Origin::Row(_) => out.counts.duplicates_in_file += 1,
                        }
                        out.problems.push((row, line, cells, Fate::Duplicate(of)));
                        continue;
                    }
                    keys.insert(key, Origin::Row(row));
                }
                out.counts.ready += 1;
                if !warnings.is_empty() {
                    out.counts.warned += 1;
                    count_kinds(&mut out.warned_by_kind, warnings.iter().map(|(_, kind)| kind.clone()).collect());
                    out.warnings.push((row, line, warnings));
                }
                for name in &contact.new_tags {
                    if listed_tags.insert(name.to_lowercase()) {
                        out.new_tags.push(name.clone());
                    }
                }
                contact.row = row;
                out.ready.push(*contact);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Generated files with every kind of column (valid, not valid, national and
    /// ambiguous phones, tags known and not, phones past the cap, short and long rows)
    /// into a list that has contacts, with and without the duplicate check, each
    /// option either way: the run does what the model says, row by row.
    #[test]
    fn generated_files_import_as_the_model_says(spec in file_spec(0..24), chunk in 1usize..4096) {
        let (bytes, _) = spec.write();
        let run = import(&spec, spec.format(), &bytes, chunk, true);
        prop_assert_eq!(&run.finished, &Ok(()));
        let got = observed(&run);
        let want = model(&spec);
        prop_assert_eq!(&got.counts, &want.counts);
        let c = &got.counts;
        prop_assert_eq!(c.rows_read, c.blank + c.failed + c.duplicates_in_file + c.duplicates_existing + c.ready);
        prop_assert_eq!(&got.problems, &want.problems);
        prop_assert_eq!(&got.warnings, &want.warnings);
        prop_assert_eq!(&got.ready, &want.ready);
        prop_assert_eq!(&got, &want);
    }
}

