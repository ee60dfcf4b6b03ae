//! The streaming record reader: chunk boundaries, quoting, line endings, blank lines,
//! short and long rows, unclosed quotes, oversized values and bad encodings.

use crate::domain::import::{FileFormat, Item, ReadProblem, RecordReader, MAX_RECORD_BYTES};

/// What the reader handed out, in a form tests compare: "H1@1 a|b" for a header,
/// "R2@2 x|y" for a record (row@line), "R2@2 x (-1)" for one missing a value,
/// "F3@3 <problem>" for a failure.
pub fn read_with(bytes: &[u8], format: FileFormat, chunk: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut sink = |item: Item<'_>| {
        out.push(match item {
            Item::Header(r) => format!("H{}@{} {}", r.row, r.line, r.to_strings().join("|")),
            Item::Record(r) if r.missing_values() > 0 => format!("R{}@{} {} (-{})", r.row, r.line, r.to_strings().join("|"), r.missing_values()),
            Item::Record(r) => format!("R{}@{} {}", r.row, r.line, r.to_strings().join("|")),
            Item::Failed(f) => format!("F{}@{} {}", f.row, f.line, f.problem),
        })
    };
    let mut reader = RecordReader::new(format);
    for piece in bytes.chunks(chunk.max(1)) {
        reader.feed(piece, &mut sink);
    }
    reader.finish(&mut sink);
    out
}

pub fn read(bytes: &[u8]) -> Vec<String> {
    read_with(bytes, FileFormat::default(), usize::MAX)
}

/// The same items whether the file comes in one piece or byte by byte.
fn same_at_every_chunking(bytes: &[u8], format: FileFormat) -> Vec<String> {
    let whole = read_with(bytes, format, usize::MAX);
    for chunk in [1, 2, 3, 7, 64] {
        assert_eq!(read_with(bytes, format, chunk), whole, "chunks of {chunk}");
    }
    whole
}

#[test]
fn records_carry_spreadsheet_rows_and_lines() {
    let items = same_at_every_chunking(b"a,b\n1,2\n3,4", FileFormat::default());
    assert_eq!(items, ["H1@1 a|b", "R2@2 1|2", "R3@3 3|4"]);
    let no_header = FileFormat { has_header: false, ..FileFormat::default() };
    assert_eq!(read_with(b"1,2\n3,4\n", no_header, 1), ["R1@1 1|2", "R2@2 3|4"]);
}

#[test]
fn quoted_newlines_crlf_and_blank_lines() {
    let csv = b"name,note\r\n\"Ann\",\"line one\r\nline two\"\r\n\r\n\r\nBob,\"say \"\"hi\"\"\"\r\n,\r\nCy,x\r\n";
    let items = same_at_every_chunking(csv, FileFormat::default());
    // Ann's two lines are one row (2); the blank lines are rows 3 and 4 (lines 4
    // and 5); ",", a row of blank values, is row 6 and not handed out.
    assert_eq!(items, ["H1@1 name|note", "R2@2 Ann|line one\r\nline two", "R5@6 Bob|say \"hi\"", "R7@8 Cy|x"]);
}

#[test]
fn utf8_bom_is_dropped_even_when_split() {
    let csv = b"\xEF\xBB\xBFname\nZo\xC3\xAB\n";
    assert_eq!(same_at_every_chunking(csv, FileFormat::default()), ["H1@1 name", "R2@2 Zoë"]);
}

#[test]
fn long_rows_fail_short_rows_and_trailing_empty_values_do_not() {
    let items = same_at_every_chunking(b"a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n5,6,7\n", FileFormat::default());
    assert_eq!(items, ["H1@1 a|b|c", "R2@2 1|2 (-1)", "F3@3 row has 4 values; the header has 3", "R4@4 1|2|3", "R5@5 5|6|7"]);
}

#[test]
fn excel_rows_without_their_empty_trailing_cells_are_read() {
    let csv = b"Vorname;Nachname;Firma;Telefon;Notiz\r\nAnna;M\xC3\xBCller;Acme;030 1234;VIP\r\nJan;Schmidt\r\nEva\r\n\r\nOle;Berg;;;\r\nMax;Kuhn;Globex;040 99\r\n";
    let format = FileFormat { delimiter: b';', ..FileFormat::default() };
    let items = same_at_every_chunking(csv, format);
    assert_eq!(
        items,
        [
            "H1@1 Vorname|Nachname|Firma|Telefon|Notiz",
            "R2@2 Anna|Müller|Acme|030 1234|VIP",
            "R3@3 Jan|Schmidt (-3)",
            "R4@4 Eva (-4)",
            "R6@6 Ole|Berg|||",
            "R7@7 Max|Kuhn|Globex|040 99 (-1)",
        ]
    );
}

#[test]
fn a_short_record_reads_its_missing_values_as_absent() {
    let mut seen = Vec::new();
    let mut sink = |item: Item<'_>| {
        if let Item::Record(r) = item {
            seen.push((r.len(), r.missing_values(), r.get(0).map(str::to_owned), r.get(1).map(str::to_owned), r.get(2).map(str::to_owned)));
        }
    };
    let mut reader = RecordReader::new(FileFormat::default());
    reader.feed(b"a,b,c\nx,\"\"\n,y,z\n", &mut sink);
    reader.finish(&mut sink);
    assert_eq!(
        seen,
        [(2, 1, Some("x".to_owned()), Some(String::new()), None), (3, 0, Some(String::new()), Some("y".to_owned()), Some("z".to_owned()))]
    );
}

#[test]
fn without_a_header_the_first_row_sets_the_width() {
    let no_header = FileFormat { has_header: false, ..FileFormat::default() };
    let items = same_at_every_chunking(b"1,2,3\n4,5\n6,7,8,9\n", no_header);
    assert_eq!(items, ["R1@1 1|2|3", "R2@2 4|5 (-1)", "F3@3 row has 4 values; the first row has 3"]);
    // A short first row makes the longer ones too long.
    let items = same_at_every_chunking(b"1,2\n3,4,5\n", no_header);
    assert_eq!(items, ["R1@1 1|2", "F2@2 row has 3 values; the first row has 2"]);
}

#[test]
fn an_unclosed_quote_in_the_middle_loses_only_its_row() {
    // Row 3 opens a quote; the next quote (row 5) would close it and swallow row 4.
    let csv = b"first,last,email,phone\nAnn,Lee,a@x.io,1\nBob,\"Ray,b@x.io,2\nCy,Day,c@x.io,3\nDi,\"Eve\",d@x.io,4\nEd,Fox,e@x.io,5\n";
    let items = same_at_every_chunking(csv, FileFormat::default());
    assert_eq!(
        items,
        [
            "H1@1 first|last|email|phone",
            "R2@2 Ann|Lee|a@x.io|1",
            "F3@3 the quote opened on line 3 is never closed: reading went on at the next line",
            "R4@4 Cy|Day|c@x.io|3",
            "R5@5 Di|Eve|d@x.io|4",
            "R6@6 Ed|Fox|e@x.io|5",
        ]
    );
}

/// A line break in a value followed by the rest of a well-formed record is not an
/// unclosed quote: the separators after the closing quote are the record's own.
#[test]
fn a_line_break_in_the_first_value_is_not_taken_for_an_unclosed_quote() {
    let csv = b"Name,Email,Phone,Notes\n\"Ann\nMarie\",ann@example.com,+39 333 1234567,note\nBob,b@x.io,1,\"two\nlines\"\n";
    let items = same_at_every_chunking(csv, FileFormat::default());
    assert_eq!(
        items,
        ["H1@1 Name|Email|Phone|Notes", "R2@2 Ann\nMarie|ann@example.com|+39 333 1234567|note", "R3@4 Bob|b@x.io|1|two\nlines"]
    );
}

#[test]
fn an_unclosed_quote_at_the_end_fails_its_row_and_reads_the_lines_after() {
    let csv = b"a,b\n1,2\n3,\"oops\n5,6\n7,8";
    let items = same_at_every_chunking(csv, FileFormat::default());
    assert_eq!(items, ["H1@1 a|b", "R2@2 1|2", "F3@3 the quote opened on line 3 is never closed: reading went on at the next line", "R4@4 5|6", "R5@5 7|8"]);
    // On the last line, nothing follows.
    assert_eq!(read(b"a,b\n1,\"2"), ["H1@1 a|b", "F2@2 the quote opened on line 2 is never closed: reading went on at the next line"]);
}

#[test]
fn an_unclosed_quote_past_the_cap_resumes_without_reading_to_the_end() {
    // A quote opened on row 2 and never closed, then more than the cap of lines.
    let mut csv = b"a,b\n1,\"open\n".to_vec();
    let line = b"x,y\n";
    let n = MAX_RECORD_BYTES / line.len() + 10;
    for _ in 0..n {
        csv.extend_from_slice(line);
    }
    let items = read_with(&csv, FileFormat::default(), 256 * 1024);
    assert_eq!(items.get(1).map(String::as_str), Some("F2@2 the quote opened on line 2 is never closed: reading went on at the next line"));
    assert_eq!(items.len(), n + 2, "every later line is read");
    assert_eq!(items.last().map(String::as_str), Some(format!("R{}@{} x|y", n + 2, n + 2).as_str()));
}

#[test]
fn a_10_mb_value_fails_its_row_and_the_next_row_is_read() {
    for quoted in [false, true] {
        let mut csv = b"name,notes\nAnn,".to_vec();
        if quoted {
            csv.push(b'"');
        }
        csv.extend(std::iter::repeat_n(b'x', 10 << 20));
        if quoted {
            csv.push(b'"');
        }
        csv.extend_from_slice(b"\nBob,fine\n");
        let items = read_with(&csv, FileFormat::default(), 1 << 20);
        assert_eq!(
            items,
            ["H1@1 name|notes", "F2@2 the value in column 2 is 10.0 MB; the longest row accepted is 1.0 MB", "R3@3 Bob|fine"],
            "quoted: {quoted}"
        );
    }
}

#[test]
fn invalid_utf8_fails_the_row_and_says_to_choose_an_encoding() {
    let csv = b"name,city\nAnn,Citt\xE0\nBob,Roma\n";
    let items = same_at_every_chunking(csv, FileFormat::default());
    assert_eq!(items.len(), 3);
    assert!(items[1].starts_with("F2@2 the value in column 2 is not valid UTF-8 text"), "{items:?}");
    assert!(items[1].contains("Windows-1252"), "{items:?}");
    assert_eq!(items[2], "R3@3 Bob|Roma");
}

#[test]
fn legacy_and_utf16_encodings_decode_at_any_chunk_boundary() {
    let text = "nome;città\r\nNiccolò;Forlì\r\n";
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let format = FileFormat { encoding: encoding_rs::WINDOWS_1252, delimiter: b';', ..FileFormat::default() };
    assert_eq!(same_at_every_chunking(&cp1252, format), ["H1@1 nome|città", "R2@2 Niccolò|Forlì"]);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let format = FileFormat { encoding: encoding_rs::UTF_16LE, delimiter: b';', ..FileFormat::default() };
    assert_eq!(same_at_every_chunking(&utf16, format), ["H1@1 nome|città", "R2@2 Niccolò|Forlì"]);
    // A lone surrogate is not text: its row fails, the others are read.
    let mut broken = utf16.clone();
    broken.extend([0x00, 0xD8, b'x', 0, b'\n', 0]);
    broken.extend("Ann;Roma\n".encode_utf16().flat_map(u16::to_le_bytes));
    let items = read_with(&broken, format, 3);
    assert!(items[2].starts_with("F3@3 the value in column 1 has bytes that are not valid in Unicode (UTF-16 LE)"), "{items:?}");
    assert_eq!(items[3], "R4@4 Ann|Roma");
}

#[test]
fn single_quote_and_other_separators() {
    let format = FileFormat { delimiter: b'|', quote: b'\'', ..FileFormat::default() };
    assert_eq!(read_with(b"a|b\n'x|y'|z\n", format, 2), ["H1@1 a|b", "R2@2 x|y|z"]);
    let tab = FileFormat { delimiter: b'\t', ..FileFormat::default() };
    assert_eq!(read_with(b"a\tb\n1,5\t2\n", tab, 1), ["H1@1 a|b", "R2@2 1,5|2"]);
}

#[test]
fn read_problems_in_words() {
    let p = ReadProblem::WrongCount { values: 7, expected: 5, header: true };
    assert_eq!(p.to_string(), "row has 7 values; the header has 5");
    let p = ReadProblem::WrongCount { values: 2, expected: 1, header: false };
    assert_eq!(p.to_string(), "row has 2 values; the first row has 1");
    let p = ReadProblem::TooLong { bytes: 3 << 20, column: 0, column_bytes: 1 << 20 };
    assert_eq!(p.to_string(), "the row is 3.0 MB; the longest accepted is 1.0 MB");
    let p = ReadProblem::UnclosedQuote { line: 9, lost_lines: 4 };
    assert_eq!(p.to_string(), "the quote opened on line 9 is never closed, and the 4 lines after it were not read: this file has too many unclosed quotes");
}
