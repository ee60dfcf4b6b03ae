//! The engine's answers through the bytes the worker sees: what the page sends is what
//! the engine reads, and its answer decodes on the page's side.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};

use super::protocol::{decode, encode, Answer, Request};
use super::serve::answer_bytes;
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
    let bytes = answer_bytes(&encode(&request).unwrap_or_default());
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
        let answer = decode::<Answer>(&answer_bytes(garbage));
        assert!(matches!(answer, Ok(Answer::Unreadable(_))), "{garbage:?}: {answer:?}");
    }
}
