//! Whole imports: the sample files in tests/fixtures/import, generated files, and
//! arbitrary bytes through every step without a panic.

use crate::domain::import::ExistingKeys;
use proptest::prelude::*;

use crate::domain::custom_field::{CustomField, FieldId, FieldType};
use crate::domain::import::{
    preview, propose, sniff, write_report, DedupField, FailureKind, FileFormat, ImportContext, ImportError, ImportPlan,
    ImportOptions, ImportRun, ImportSummary, Origin, Problem, ProblemRow, Progress, ReadyContact, Target, WarningRow, ENCODINGS,
    SAMPLE_BYTES,
};
use crate::domain::sample::{generate_csv, CSV_TAGS};
use crate::domain::tag::TagId;
use crate::domain::{ContactField as F, ContactId};

use super::import_support::{custom, import, tags, LIST};

const EMAIL_PHONE: [DedupField; 2] = [DedupField::Field(F::Email), DedupField::Field(F::Phone)];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (rows read, imported, with warnings, duplicates, failed) for each sample file, into
/// an empty list with the duplicate check on email + phone (tests/fixtures/import/README.md).
#[test]
fn fixtures_import_as_their_readme_says() {
    let expected = [
        ("google-contacts.csv", 10, 9, 1, 1, 0),
        ("outlook.csv", 8, 7, 1, 1, 0),
        ("windows-1252-semicolon.csv", 8, 7, 1, 1, 0),
        ("utf16le.csv", 6, 4, 0, 1, 1),
        ("quoted-newlines.csv", 6, 5, 1, 1, 0),
    ];
    for (name, rows, imported, warned, duplicates, failed) in expected {
        let bytes = fixture(name);
        for chunk in [1, 7, 1 << 20] {
            let out = import(&bytes, chunk, &ImportContext::default(), &EMAIL_PHONE);
            let p = out.run.progress();
            let why: Vec<String> = out.run.problems().iter().map(|p| format!("row {}: {}", p.row, p.problem)).collect();
            assert_eq!(
                (p.rows_read, p.ready_so_far, p.warned, p.duplicates_in_file, p.failed),
                (rows, imported, warned, duplicates, failed),
                "{name} in chunks of {chunk}: {why:?}"
            );
        }
    }
}

/// The rows the fixtures' README names as the duplicate and the row with a bad value
/// (imported without it, or failed when it has no first name) of each file.
#[test]
fn fixtures_warn_and_duplicate_the_rows_their_readme_names() {
    let expected = [
        ("google-contacts.csv", 8, 2, 9),
        ("outlook.csv", 8, 2, 5),
        ("windows-1252-semicolon.csv", 8, 2, 6),
        ("utf16le.csv", 6, 2, 5),
        ("quoted-newlines.csv", 6, 2, 4),
    ];
    for (name, duplicate, original, bad) in expected {
        let out = import(&fixture(name), 1 << 20, &ImportContext::default(), &EMAIL_PHONE);
        let rows: Vec<(u64, Problem)> = out.run.problems().iter().map(|p| (p.row, p.problem.clone())).collect();
        assert!(rows.contains(&(duplicate, Problem::Duplicate { of: Origin::Row(original) })), "{name}: {rows:?}");
        let failed = rows.iter().any(|(row, p)| *row == bad && !p.is_duplicate());
        let warned = out.run.warnings().iter().any(|w| w.row == bad);
        assert!(failed != warned, "{name}: row {bad} failed {failed}, warned {warned}");
    }
}

#[test]
fn google_fixture_reads_every_value_it_maps() {
    let out = import(&fixture("google-contacts.csv"), 64, &ImportContext::default(), &EMAIL_PHONE);
    let ReadyContact { row, data: anna, .. } = out.ready.first().cloned().unwrap_or_else(|| panic!("no rows"));
    assert_eq!(row, 2);
    assert_eq!(anna.first_name(), "Anna");
    assert_eq!(anna.get(F::Email), Some("anna.rossi@example.com"));
    assert_eq!(anna.get(F::Phone), Some("393331234567"));
    assert_eq!(anna.get(F::DateOfBirth), Some("1985-04-12"));
    assert_eq!(anna.get(F::Company), Some("Acme S.p.A."));
    let marco = out.ready.get(1).map(|r| &r.data);
    assert_eq!(marco.and_then(|m| m.additional_phones().first()).map(|p| p.number.as_str()), Some("390212345678"));
    let problems = out.run.problems();
    let dup = problems.iter().find(|p| p.problem.is_duplicate()).map(|p| (p.row, p.problem.clone()));
    assert_eq!(dup, Some((8, Problem::Duplicate { of: Origin::Row(2) })));
    assert!(problems.iter().all(|p| p.problem.is_duplicate()), "no row fails");
    // Paolo is imported without his too-short phone; the warning says which and why.
    let warning = out.run.warnings().first().and_then(|w| w.warnings.first().map(|f| (w.row, f.to_string(), f.value.to_string())));
    assert_eq!(
        warning,
        Some((9, "Phone (column “\u{2068}Phone 1 - Value\u{2069}”): the number is too short for its country".to_owned(), "+39 12".to_owned()))
    );
    let paolo = out.ready.iter().find(|r| r.row == 9).map(|r| (r.data.first_name(), r.data.get(F::Phone)));
    assert_eq!(paolo, Some(("Paolo", None)));
}

#[test]
fn windows_1252_fixture_keeps_its_accents() {
    let out = import(&fixture("windows-1252-semicolon.csv"), 5, &ImportContext::default(), &EMAIL_PHONE);
    let names: Vec<&str> = out.ready.iter().map(|r| r.data.first_name()).collect();
    assert!(names.contains(&"Niccolò") && names.contains(&"François") && names.contains(&"Jürgen"), "{names:?}");
    let renee = out.ready.iter().map(|r| &r.data).find(|d| d.first_name() == "Renée");
    assert_eq!(renee.and_then(|d| d.last_name()), Some("Noël"));
    assert_eq!(renee.and_then(|d| d.get(F::Company)), Some("Crème & Brûlée"));
}

#[test]
fn existing_contacts_tags_and_custom_fields() {
    let csv = "First Name,Email,Phone,Labels,Score,Plan,Extra\n\
               Ann,ann@example.com,+39 333 1234567,vip,12,Gold,\n\
               Bob,bob@example.com,+39 333 7654321,\"VIP, Lead\",x,Gold,\n\
               Cy,cy@example.com,+39 333 1111111,Friends,3,Tin,\n\
               ,,,,,,not imported\n\
               ,,,,,,\n\
               Di,,,,,silver,\n";
    let existing = crate::domain::ContactDraft { list_id: Some(LIST), ..super::support_tests::draft(LIST, "Old", "", "0039 333 123 4567", "ANN@example.com") }
        .validate()
        .map(|(_, d)| d)
        .unwrap_or_else(|e| panic!("{e}"));
    let tags = tags(&["VIP", "Lead"]);
    let score = custom(1, "Score", FieldType::Number, false);
    let plan_field = custom(2, "Plan", FieldType::Select(vec!["Gold".into(), "Silver".into()]), true);
    let context = ImportContext {
        custom_fields: vec![score.clone(), plan_field.clone()],
        tags: tags.clone(),
        existing: ExistingKeys::of(&EMAIL_PHONE, [(ContactId::new(5), &existing)]),
    };
    let out = import(csv.as_bytes(), 16, &context, &EMAIL_PHONE);
    let p = out.run.progress();
    // Ann is already in the list; Bob is imported without his score; Cy's required
    // plan is not one of its choices, so Cy cannot be a contact; Friends is a new tag.
    assert_eq!((p.rows_read, p.ready_so_far, p.warned, p.duplicates_existing, p.failed, p.blank), (5, 2, 1, 1, 1, 1));
    let di = out.ready.iter().find(|r| r.data.first_name() == "Di").map(|r| r.data.clone()).unwrap_or_else(|| panic!("Di"));
    let bob = out.ready.iter().find(|r| r.data.first_name() == "Bob").unwrap_or_else(|| panic!("Bob"));
    assert_eq!((bob.data.tags(), bob.data.custom_value(FieldId::new(1))), ([TagId::new(1), TagId::new(2)].as_slice(), None));
    let problems = out.run.problems();
    assert_eq!(problems.first().map(|p| p.problem.clone()), Some(Problem::Duplicate { of: Origin::Existing(ContactId::new(5)) }));
    let warning = out.run.warnings().first().map(|w| (w.row, w.warnings.iter().map(|f| f.to_string()).collect::<Vec<_>>()));
    assert_eq!(warning, Some((3, vec!["Score (column “\u{2068}Score\u{2069}”): Score must be a number, like 42 or 3.5".to_owned()])));
    let cy = problems.get(1).map(|p| (p.row, p.problem.to_string()));
    assert!(cy.as_ref().is_some_and(|(row, text)| *row == 4 && text.contains("Plan must be one of: Gold, Silver")), "{cy:?}");
    let cy_ready = out.ready.iter().any(|r| r.data.first_name() == "Cy");
    assert!(!cy_ready);
    let summary = out.run.summary(2);
    assert_eq!(summary.imported, 2);
    assert_eq!(summary.failed_by_kind, [(FailureKind::Invalid("Plan".into()), 1)]);
    assert_eq!(summary.warned_by_kind, [(FailureKind::Invalid("Score".into()), 1)]);
    assert_eq!(out.run.new_tags().iter().map(|t| &**t).collect::<Vec<_>>(), Vec::<&str>::new(), "Cy failed, so Friends is not created");
    assert_eq!(di.custom_value(FieldId::new(2)).map(|v| v.to_text()), Some("Silver".to_owned()));
    // A required custom field needs a column.
    let context_without_plan = ImportContext { custom_fields: vec![score, plan_field], ..ImportContext::default() };
    let plan = ImportPlan { list: LIST, format: FileFormat::default(), columns: vec![Target::Field(F::FirstName)], duplicate_fields: vec![], options: ImportOptions::default() };
    assert_eq!(ImportRun::new(plan, &context_without_plan, 0).err(), Some(ImportError::RequiredNotMapped("Plan".into())));
}

#[test]
fn plans_that_cannot_work_are_refused_in_words() {
    let context = ImportContext::default();
    let plan = |columns: Vec<Target>| ImportPlan { list: LIST, format: FileFormat::default(), columns, duplicate_fields: vec![], options: ImportOptions::default() };
    let err = |p| ImportRun::new(p, &context, 0).err().map(|e: ImportError| e.to_string()).unwrap_or_default();
    assert_eq!(err(plan(vec![Target::Field(F::Email)])), "choose the column that holds the first name: every contact needs one");
    assert_eq!(
        err(plan(vec![Target::Field(F::FirstName), Target::Field(F::Email), Target::Field(F::Email)])),
        "Email is chosen for more than one column: choose it for one only"
    );
    assert_eq!(err(plan(vec![Target::Field(F::FirstName), Target::Custom(FieldId::new(9))])), "a chosen custom field no longer exists: choose the columns again");
    let bad_format = ImportPlan { format: FileFormat { delimiter: b'\n', ..FileFormat::default() }, ..plan(vec![Target::Field(F::FirstName)]) };
    assert_eq!(ImportRun::new(bad_format, &context, 0).err(), Some(ImportError::BadFormat));
    // An empty file is a file-level error; a header alone is an import of nothing.
    let mut run = ImportRun::new(plan(vec![Target::Field(F::FirstName)]), &context, 0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(run.finish(), Err(ImportError::Empty));
    let mut run = ImportRun::new(plan(vec![Target::Field(F::FirstName)]), &context, 5).unwrap_or_else(|e| panic!("{e}"));
    run.feed(b"Name\n");
    assert_eq!(run.finish(), Ok(()));
    assert_eq!(run.progress().rows_read, 0);
}

#[test]
fn a_header_that_cannot_be_read_numbers_the_columns() {
    let plan = ImportPlan { list: LIST, format: FileFormat::default(), columns: vec![Target::Field(F::FirstName), Target::Field(F::Email)], duplicate_fields: vec![], options: ImportOptions::default() };
    let mut run = ImportRun::new(plan, &ImportContext::default(), 0).unwrap_or_else(|e| panic!("{e}"));
    run.feed(b"\n\"First Name,Email\nAnn,ann@example.com\n");
    assert_eq!(run.finish(), Ok(()));
    assert!(run.header_notes().first().is_some_and(|n| n.starts_with("The header row cannot be read (the quote opened on line 2")), "{:?}", run.header_notes());
    assert_eq!(run.headers(), ["Column 1", "Column 2"]);
    let ready = run.take_ready();
    assert_eq!(ready.first().map(|r| (r.row, r.data.first_name())), Some((3, "Ann")));
    let p = run.progress();
    assert_eq!((p.rows_read, p.failed, p.ready_so_far), (2, 1, 1));
}

#[test]
fn generated_file_has_the_promised_share_of_duplicates_failures_and_warnings() {
    let bytes = generate_csv(2_000, 9);
    let tags = tags(&CSV_TAGS);
    let context = ImportContext { tags: tags.clone(), ..ImportContext::default() };
    let out = import(&bytes, 256 * 1024, &context, &EMAIL_PHONE);
    let p = out.run.progress();
    // Of the 20 bad rows, the 6 without a first name fail; the 14 with a bad email or
    // phone are imported without it.
    assert_eq!((p.rows_read, p.duplicates_in_file, p.failed, p.warned), (2_000, 100, 6, 14), "{:?}", out.run.summary(0).failed_by_kind);
    assert_eq!(p.ready_so_far, 1_894);
}

/// Bytes that look a little like CSV (separators, quotes, line breaks, digits, @)
/// or are anything at all.
fn csvish() -> impl Strategy<Value = Vec<u8>> {
    let alphabet = prop::sample::select(b",;\t|\"'\r\n a@.+3\xC3\xA9\xFF\0".to_vec());
    prop::collection::vec(prop_oneof![3 => alphabet, 1 => any::<u8>()], 0..1_500)
}

fn any_format() -> impl Strategy<Value = FileFormat> {
    (0..ENCODINGS.len(), prop::sample::select(b",;\t|\"'\nx\xE9".to_vec()), prop::sample::select(b"\"',".to_vec()), any::<bool>()).prop_map(
        |(e, delimiter, quote, has_header)| FileFormat {
            encoding: ENCODINGS.get(e).map_or(encoding_rs::UTF_8, |c| c.encoding),
            delimiter,
            quote,
            has_header,
        },
    )
}

/// What a run over `bytes` in `chunk`-byte pieces hands out, for comparing runs.
type RunOutcome = (Result<(), ImportError>, Vec<ReadyContact>, Vec<ProblemRow>, Vec<WarningRow>, Progress, ImportSummary, Vec<String>);

fn run_in_pieces(plan: ImportPlan, context: &ImportContext, bytes: &[u8], chunk: usize) -> Option<RunOutcome> {
    let mut run = ImportRun::new(plan, context, bytes.len() as u64).ok()?;
    let mut ready = Vec::new();
    for piece in bytes.chunks(chunk) {
        run.feed(piece);
        ready.extend(run.take_ready());
    }
    let finished = run.finish();
    ready.extend(run.take_ready());
    let summary = run.summary(ready.len() as u64);
    Some((finished, ready, run.problems().to_vec(), run.warnings().to_vec(), run.progress(), summary, run.headers().to_vec()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Arbitrary bytes in any format, through sniffing, preview, mapping and the run:
    /// no panic, the report can be written, and the outcome in pieces is the outcome of
    /// the whole file at once. (That the counts add up holds by construction; what the
    /// rows become is checked against a model in `import_property`.)
    #[test]
    fn arbitrary_bytes_never_panic_and_counts_add_up(bytes in csvish(), chunk in 1usize..64, format in any_format(), sniffed in any::<bool>()) {
        let format = if sniffed { sniff(&bytes).unwrap_or(format) } else { format };
        let shown = preview(&bytes, &format, 5);
        let score = custom(1, "Score", FieldType::Number, false);
        let fields: Vec<&CustomField> = vec![&score];
        let mut columns = propose(&shown.headers, &fields);
        if !columns.contains(&Target::Field(F::FirstName)) {
            match columns.first_mut() {
                Some(first) => *first = Target::Field(F::FirstName),
                None => columns.push(Target::Field(F::FirstName)),
            }
        }
        if let Some(last) = columns.get_mut(1..).and_then(|rest| rest.last_mut()) {
            *last = Target::Tags;
        }
        let tags = tags(&["a", "é"]);
        let context = ImportContext { custom_fields: fields.into_iter().cloned().collect(), tags: tags.clone(), existing: ExistingKeys::default() };
        let plan = ImportPlan { list: LIST, format, columns, duplicate_fields: vec![DedupField::Field(F::FirstName)], options: ImportOptions::default() };
        let Some(cut) = run_in_pieces(plan.clone(), &context, &bytes, chunk) else {
            prop_assert!(format.check().is_err());
            return Ok(());
        };
        let (finished, ready, problems, warnings, p, _, headers) = &cut;
        prop_assert!(finished.is_ok() || p.rows_read == 0);
        prop_assert_eq!(p.rows_read, ready.len() as u64 + p.duplicates_in_file + p.duplicates_existing + p.failed + p.blank);
        prop_assert_eq!(problems.len() as u64, p.duplicates_in_file + p.duplicates_existing + p.failed);
        prop_assert!(write_report(headers, problems, warnings).is_ok());
        let whole = run_in_pieces(plan, &context, &bytes, bytes.len().max(1));
        prop_assert_eq!(Some(cut), whole, "in {}-byte pieces and whole", chunk);
    }
}

/// This thread's CPU time in seconds (Linux, 10 ms ticks): on a shared machine the
/// wall clock also counts the time other processes had the core.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<f64> = after_name.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    // utime and stime are fields 14 and 15 of the line, 11 and 12 after the name.
    (fields.get(10).copied().unwrap_or(0.0) + fields.get(11).copied().unwrap_or(0.0)) / 100.0
}

/// Native figures for a 500k-row, ~70 MB file (`cargo test --release --lib --
/// --ignored --nocapture import_pipeline_figures`). Prints wall and CPU time;
/// never asserts on time.
#[test]
#[ignore = "benchmark: prints figures"]
fn import_pipeline_figures() {
    use std::time::Instant;
    let rows = 500_000;
    let t = Instant::now();
    let bytes = generate_csv(rows, 42);
    let mb = bytes.len() as f64 / 1e6;
    println!("generated {rows} rows, {mb:.1} MB in {:?}", t.elapsed());
    let tags = tags(&CSV_TAGS);
    let context = ImportContext { tags: tags.clone(), ..ImportContext::default() };
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let out = import(&bytes, 1 << 20, &context, &EMAIL_PHONE);
    let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let p = out.run.progress();
    println!(
        "pipeline (sniff, read, map, validate, dedupe): {secs:.2} s wall, {cpu:.2} s CPU; {:.0} rows/s, {:.1} MB/s (CPU)",
        rows as f64 / cpu.max(0.01),
        mb / cpu.max(0.01)
    );
    println!("  ready {}, duplicates {}, failed {}, blank {}", p.ready_so_far, p.duplicates_in_file, p.failed, p.blank);

    // Where the time goes: reading alone, then the phone parser alone.
    let (t, cpu) = (Instant::now(), cpu_seconds());
    let mut records = 0u64;
    let mut reader = crate::domain::import::RecordReader::new(FileFormat::default());
    for piece in bytes.chunks(1 << 20) {
        reader.feed(piece, &mut |_| records += 1);
    }
    reader.finish(&mut |_| records += 1);
    let read = t.elapsed().as_secs_f64();
    println!("read only: {read:.2} s wall, {:.2} s CPU ({records} records, {:.0} MB/s)", cpu_seconds() - cpu, mb / read);
    // The same file with the phone columns skipped (and the check on email only).
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(&bytes);
    let format = sniff(sample).unwrap_or_default();
    let headers = preview(sample, &format, 1).headers;
    let no_phones: Vec<Target> = propose(&headers, &[])
        .into_iter()
        .map(|t| if matches!(t, Target::Field(F::Phone | F::Mobile)) { Target::Skip } else { t })
        .collect();
    let plan = ImportPlan { list: LIST, format, columns: no_phones, duplicate_fields: vec![DedupField::Field(F::Email)], options: ImportOptions::default() };
    if let Ok(mut run) = ImportRun::new(plan, &context, bytes.len() as u64) {
        let (t, cpu) = (Instant::now(), cpu_seconds());
        for piece in bytes.chunks(1 << 20) {
            run.feed(piece);
            drop(run.take_ready());
        }
        let _ = run.finish();
        println!("pipeline without the phone columns: {:.2} s wall, {:.2} s CPU", t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    }

    // The phone parser, step by step, on this file's phones ("+" and digits).
    let phones: Vec<String> = out.ready.iter().filter_map(|r| r.data.get(F::Phone).map(|p| format!("+{p}"))).take(200_000).collect();
    let n = phones.len().max(1) as f64;
    let t = Instant::now();
    let ok = phones.iter().filter(|p| crate::domain::PhoneNumber::parse(p).is_ok()).count();
    println!("PhoneNumber::parse: {:.2} µs each ({ok} valid of {})", t.elapsed().as_secs_f64() * 1e6 / n, phones.len());
    let t = Instant::now();
    let parsed: Vec<rlibphonenumber::PhoneNumber> = phones.iter().filter_map(|p| rlibphonenumber::PhoneNumber::parse(p, None).ok()).collect();
    println!("  rlibphonenumber parse: {:.2} µs", t.elapsed().as_secs_f64() * 1e6 / n);
    let t = Instant::now();
    let valid = parsed.iter().filter(|p| p.is_valid()).count();
    println!("  is_valid: {:.2} µs ({valid})", t.elapsed().as_secs_f64() * 1e6 / n);
    let t = Instant::now();
    let len: usize = parsed.iter().map(|p| p.format_as(rlibphonenumber::PhoneNumberFormat::E164).len()).sum();
    println!("  format E164: {:.2} µs ({len} bytes)", t.elapsed().as_secs_f64() * 1e6 / n);
    let t = Instant::now();
    let emails = out.ready.iter().take(200_000).filter(|r| r.data.email().is_some_and(|e| crate::domain::Email::parse(e.as_str()).is_ok())).count();
    println!("Email::parse: {:.2} µs each", t.elapsed().as_secs_f64() * 1e6 / emails.max(1) as f64);
}

#[test]
fn the_progress_bar_starts_empty_and_ends_full() {
    // A new import shows `Progress::default()` until its first chunk is read.
    assert_eq!(Progress::default().fraction(), 0.0, "nothing read yet");
    let bytes = fixture("google-contacts.csv");
    let out = import(&bytes, 7, &ImportContext::default(), &EMAIL_PHONE);
    assert_eq!(out.run.progress().fraction(), 1.0, "the whole file read");
    let half = Progress { total_bytes: 1000, bytes_read: 500, ..Progress::default() };
    assert_eq!(half.fraction(), 0.5);
}
