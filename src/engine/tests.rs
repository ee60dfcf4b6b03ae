//! The engine's answers through the bytes the worker sees: what the page sends is what
//! the engine reads, and its answer decodes on the page's side.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};

use super::protocol::{decode, encode, Answer, Request, Run};
use super::serve::{answer_bytes, read_request, Engine};
use crate::domain::import::{Failure, FailureKind, Origin, Problem, ProblemRow, WarningRow};

fn failure(kind: FailureKind, value: &str) -> Failure {
    Failure { column: Some("Phone".into()), field: Some("Phone".into()), kind, reason: "the number is too short".into(), value: value.into() }
}

#[test]
fn a_report_request_is_answered_with_a_workbook_of_its_rows() {
    let request = Request::Report {
        headers: vec!["Name".into(), "Phone".into()],
        problems: vec![
            ProblemRow { row: 3, line: 3, cells: vec!["Ada".into(), "=1+2".into()], problem: Problem::Duplicate { of: Origin::Row(2) } },
            ProblemRow {
                row: 4,
                line: 5,
                cells: vec!["Zoë".into(), "12".into()],
                problem: Problem::Failed(vec![failure(FailureKind::Invalid("Phone".into()), "12")]),
            },
        ],
        warnings: vec![WarningRow { row: 6, line: 7, warnings: vec![failure(FailureKind::Invalid("Phone".into()), "+39 12")] }],
    };
    let request = read_request(&encode(&request).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}"));
    let bytes = answer_bytes(&Engine::default().answer(request));
    let Ok(Answer::Report(Ok(workbook))) = decode::<Answer>(&bytes) else { panic!("not a workbook: {:?}", decode::<Answer>(&bytes)) };
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(workbook)).unwrap_or_else(|e| panic!("{e}"));
    let rows = |book: &mut Xlsx<_>, sheet: &str| -> Vec<Vec<String>> {
        let range = book.worksheet_range(sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"));
        range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    };
    let duplicates = rows(&mut book, "Duplicates");
    assert_eq!(duplicates.len(), 2, "{duplicates:?}");
    assert_eq!(&duplicates[1][2..], ["Ada", "=1+2"], "the values as the file had them, as text");
    let failed = rows(&mut book, "Failed rows");
    assert_eq!(failed[1][0], "4");
    assert_eq!(&failed[1][2..], ["Zoë", "12"]);
    let warnings = rows(&mut book, "Warnings");
    assert_eq!(warnings[1], ["6", "Phone", "Phone", "+39 12", "the number is too short"]);
}

#[test]
fn bytes_that_are_no_request_are_answered_as_unreadable_never_a_panic() {
    for garbage in [&[][..], &[0xff; 9][..], b"not postcard at all"] {
        let answer = read_request(garbage).map(|r| Engine::default().answer(r));
        assert!(answer.is_err(), "{garbage:?}: {answer:?}");
        let answer = answer.unwrap_or_else(Answer::Unreadable);
        assert!(matches!(decode::<Answer>(&answer_bytes(&answer)), Ok(Answer::Unreadable(_))), "{garbage:?}");
    }
}

/// `request` as the worker gets it, answered as the page gets the answer.
fn through_wire(engine: &mut Engine, request: Request) -> Answer {
    let request = read_request(&encode(&request).unwrap_or_else(|e| panic!("encode: {e}"))).unwrap_or_else(|e| panic!("{e}"));
    decode(&answer_bytes(&engine.answer(request))).unwrap_or_else(|e| panic!("decode: {e}"))
}

/// What the worker does for `Next` over a whole file, in `chunk`-byte reads.
fn read_all(engine: &mut Engine, run: Run, bytes: &[u8], chunk: usize) -> Vec<Answer> {
    let pieces: Vec<&[u8]> = bytes.chunks(chunk).collect();
    pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| {
            engine.feed(run, piece);
            let answer = engine.batch(run, i + 1 == pieces.len(), None);
            decode(&answer_bytes(&answer)).unwrap_or_else(|e| panic!("decode: {e}"))
        })
        .collect()
}

fn import_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The page's whole conversation with the engine for a contacts import gives what
/// the domain's pipeline gives on the same bytes: format, preview, check, the rows
/// ready, the report.
#[test]
fn a_contacts_import_through_the_engine_is_the_domains_import() {
    use crate::domain::field::ContactField as F;
    use crate::domain::ids::{ContactId, ListId};
    use crate::domain::import::{
        preview, propose, sniff, DedupField, ExistingKeys, ImportContext, ImportOptions, ImportPlan, ImportRun, SAMPLE_BYTES,
    };

    let bytes = import_fixture("windows-1252-semicolon.csv");
    let mut engine = Engine::default();
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(&bytes).to_vec();
    let Answer::Sniffed(Ok(format)) = through_wire(&mut engine, Request::Sniff { sample: sample.clone() }) else { panic!("sniffed") };
    assert_eq!(Ok(format), sniff(&sample));
    assert_eq!(format.encoding.name(), "windows-1252", "the encoding crosses by name");
    let Answer::Previewed(shown) = through_wire(&mut engine, Request::Preview { sample: sample.clone(), format, rows: 5 }) else { panic!("preview") };
    assert_eq!(shown, preview(&sample, &format, 5));
    assert!(shown.rows.iter().flatten().any(|cell| cell.contains('è') || cell.contains('à') || cell.contains('ü')), "accents read: {shown:?}");

    // One of the file's own contacts is already in the list: its row is a duplicate.
    let list = ListId::new(1);
    let columns = propose(&shown.headers, &[]);
    let fields = [DedupField::Field(F::FirstName), DedupField::Field(F::LastName)];
    let plan = ImportPlan { list, format, columns, duplicate_fields: fields.to_vec(), options: ImportOptions::default() };
    let mut direct = ImportRun::new(plan.clone(), &ImportContext::default(), bytes.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    direct.feed(&bytes);
    assert_eq!(direct.finish(), Ok(()));
    let first = direct.take_ready().into_iter().next().unwrap_or_else(|| panic!("a first contact"));
    let context = ImportContext { existing: ExistingKeys::of(&fields, [(ContactId::new(7), &first.data)]), ..ImportContext::default() };

    let check = Request::Check { plan: plan.clone(), context: context.clone(), head: bytes.clone(), whole: true };
    let Answer::Checked(Ok(report)) = through_wire(&mut engine, check) else { panic!("checked") };
    let dry = ImportRun::dry_run(plan.clone(), &context, &bytes, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report, crate::domain::import::CheckReport::of(&dry, true));
    // Niccolò is in the list already, and so is his repeat near the end of the file.
    assert_eq!(report.duplicates, 2, "{report:?}");

    let start = Request::Start { plan: plan.clone(), context: context.clone(), total_bytes: bytes.len() as u64 };
    assert_eq!(through_wire(&mut engine, start), Answer::Started(Ok(())));
    let batches = read_all(&mut engine, Run::Contacts, &bytes, 7);
    let mut ready = Vec::new();
    for answer in &batches {
        let Answer::Read(batch) = answer else { panic!("a batch: {answer:?}") };
        assert_eq!(batch.error, None);
        ready.extend(batch.ready.iter().cloned());
    }
    assert!(matches!(batches.last(), Some(Answer::Read(b)) if b.at_end));
    let Answer::Concluded(report) = through_wire(&mut engine, Request::Conclude { run: Run::Contacts }) else { panic!("concluded") };
    assert_eq!(through_wire(&mut engine, Request::Conclude { run: Run::Contacts }), Answer::NoImport, "one report per import");

    let mut direct = ImportRun::new(plan, &context, bytes.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    direct.feed(&bytes);
    assert_eq!(direct.finish(), Ok(()));
    let direct_ready = direct.take_ready();
    assert!(!direct_ready.is_empty());
    assert_eq!(ready, direct_ready);
    let n = ready.len() as u64;
    assert_eq!(report.summary(n), direct.summary(n));
    assert_eq!(report.summary(n).duplicates_existing, 2);
    assert_eq!((report.headers.as_slice(), report.problems.as_slice()), (direct.headers(), direct.problems()));
}

/// The call log's conversation: the page's contact index and names cross to the
/// engine, rows the workspace refuses come back into the report.
#[test]
fn a_call_log_through_the_engine_is_the_domains_run_with_its_refusals_reported() {
    use crate::domain::import::call_log::tests::support::{fixture, proposed_plan, run_file, world};
    use crate::domain::import::call_log::{ContactIndex, NameBook};
    use crate::domain::Direction;

    let w = world();
    let bytes = fixture("italian.csv");
    let plan = proposed_plan(&bytes, Direction::Inbound);
    let (mut direct, direct_ready) = run_file(&w.ws, plan.clone(), &bytes, 7);

    let mut engine = Engine::new(|| Box::new(|_| 60));
    let start = Request::StartCallLog { plan, index: ContactIndex::build(&w.ws), names: NameBook::build(&w.ws), total_bytes: bytes.len() as u64 };
    assert_eq!(through_wire(&mut engine, start), Answer::CallLogStarted(Ok(())));
    let mut ready = Vec::new();
    for answer in read_all(&mut engine, Run::CallLog, &bytes, 7) {
        let Answer::CallLogRead(batch) = answer else { panic!("a call batch: {answer:?}") };
        ready.extend(batch.ready);
    }
    assert_eq!(ready, direct_ready, "the same drafts for the same contacts, local times at UTC+1");
    let refused = ready.first().cloned().unwrap_or_else(|| panic!("a ready call"));
    let note = Request::Refused { calls: vec![(refused.clone(), "the contact was deleted meanwhile".into())] };
    assert_eq!(through_wire(&mut engine, note), Answer::Noted);
    let Answer::CallLogConcluded(report) = through_wire(&mut engine, Request::Conclude { run: Run::CallLog }) else { panic!("concluded") };

    direct.refused(&refused, "the contact was deleted meanwhile".into());
    let logged = ready.len() as u64 - 1;
    assert_eq!(report.summary(logged), direct.summary(logged));
    assert_eq!(report.summary(logged).invalid, 1);
    assert_eq!((report.headers.as_slice(), report.problems.as_slice()), (direct.headers(), direct.problems()));
}

/// Every encoding a user can pick crosses to the engine and back as itself.
#[test]
fn every_offered_encoding_crosses_by_name() {
    use crate::domain::import::{FileFormat, ENCODINGS};
    for choice in ENCODINGS {
        let format = FileFormat { encoding: choice.encoding, ..FileFormat::default() };
        let back: FileFormat = decode(&encode(&format).unwrap_or_default()).unwrap_or_else(|e| panic!("{}: {e}", choice.label));
        assert_eq!(back, format, "{}", choice.label);
    }
}

/// The import page's two tabs: a contacts import and a call log running at once, their
/// requests interleaved, each ends as it would alone.
#[test]
fn a_contacts_import_and_a_call_log_run_at_once_each_as_alone() {
    use crate::domain::import::call_log::tests::support::{fixture, proposed_plan, run_file, world};
    use crate::domain::import::call_log::{ContactIndex, NameBook};
    use crate::domain::import::{preview, propose, sniff, ImportContext, ImportOptions, ImportPlan, ImportRun};
    use crate::domain::{Direction, ListId};

    let contacts = import_fixture("google-contacts.csv");
    let format = sniff(&contacts).unwrap_or_else(|e| panic!("{e}"));
    let columns = propose(&preview(&contacts, &format, 1).headers, &[]);
    let plan = ImportPlan { list: ListId::new(1), format, columns, duplicate_fields: Vec::new(), options: ImportOptions::default() };
    let w = world();
    let log = fixture("italian.csv");
    let log_plan = proposed_plan(&log, Direction::Inbound);

    let mut engine = Engine::new(|| Box::new(|_| 60));
    let start = Request::Start { plan: plan.clone(), context: ImportContext::default(), total_bytes: contacts.len() as u64 };
    assert_eq!(through_wire(&mut engine, start), Answer::Started(Ok(())));
    let start_log = Request::StartCallLog { plan: log_plan.clone(), index: ContactIndex::build(&w.ws), names: NameBook::build(&w.ws), total_bytes: log.len() as u64 };
    assert_eq!(through_wire(&mut engine, start_log), Answer::CallLogStarted(Ok(())));
    let (mut ready, mut calls) = (Vec::new(), Vec::new());
    let (a, b) = (read_all(&mut engine, Run::Contacts, &contacts, 5), read_all(&mut engine, Run::CallLog, &log, 3));
    for answer in a {
        let Answer::Read(batch) = answer else { panic!("contacts rows: {answer:?}") };
        ready.extend(batch.ready);
    }
    for answer in b {
        let Answer::CallLogRead(batch) = answer else { panic!("call rows: {answer:?}") };
        calls.extend(batch.ready);
    }
    let Answer::CallLogConcluded(log_report) = through_wire(&mut engine, Request::Conclude { run: Run::CallLog }) else { panic!("call log ended") };
    let Answer::Concluded(report) = through_wire(&mut engine, Request::Conclude { run: Run::Contacts }) else { panic!("import ended") };

    let mut direct = ImportRun::new(plan, &ImportContext::default(), contacts.len() as u64).unwrap_or_else(|e| panic!("{e}"));
    direct.feed(&contacts);
    assert_eq!(direct.finish(), Ok(()));
    let direct_ready = direct.take_ready();
    assert_eq!(ready, direct_ready);
    assert!(ready.len() >= 9, "{}", ready.len());
    assert_eq!(report.summary(9), direct.summary(9));
    let (direct_log, direct_calls) = run_file(&w.ws, log_plan, &log, 3);
    assert_eq!(calls, direct_calls);
    assert_eq!(log_report.summary(3), direct_log.summary(3));
}
