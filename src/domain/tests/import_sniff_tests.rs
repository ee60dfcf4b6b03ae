//! Sniffing a file's format from its first bytes, and the preview built with it.

use crate::domain::import::{preview, sniff, FileFormat, ImportError};

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
    bytes.extend(text.encode_utf16().flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() }));
    bytes
}

fn sniffed(bytes: &[u8]) -> FileFormat {
    sniff(bytes).unwrap_or_else(|e| panic!("sniff failed: {e}"))
}

#[test]
fn utf8_with_and_without_bom() {
    let f = sniffed(b"\xEF\xBB\xBFName,Email\nZo\xC3\xAB,zoe@example.com\n");
    assert_eq!((f.encoding, f.delimiter, f.quote, f.has_header), (encoding_rs::UTF_8, b',', b'"', true));
    let f = sniffed("Nome,Città\nNiccolò,Forlì\n".as_bytes());
    assert_eq!(f.encoding, encoding_rs::UTF_8);
}

#[test]
fn utf16_with_bom_either_order() {
    let text = "First Name\tEmail\r\nBjörn\tbjorn@example.se\r\n";
    let le = sniffed(&utf16(text, true));
    assert_eq!((le.encoding, le.delimiter, le.has_header), (encoding_rs::UTF_16LE, b'\t', true));
    let be = sniffed(&utf16(text, false));
    assert_eq!((be.encoding, be.delimiter), (encoding_rs::UTF_16BE, b'\t'));
    // Without a BOM, the zero bytes give UTF-16 away.
    let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(sniffed(&bare).encoding, encoding_rs::UTF_16LE);
}

#[test]
fn windows_1252_semicolons_with_accented_names() {
    let text = "Nome;Cognome;Città;Note\r\nNiccolò;Bernardi;Forlì;Caffè, non tè\r\nFrançois;Lefèvre;Besançon;\r\nRenée;Noël;Orléans;già cliente\r\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    let f = sniffed(&bytes);
    assert_eq!((f.encoding, f.delimiter, f.has_header), (encoding_rs::WINDOWS_1252, b';', true));
    let p = preview(&bytes, &f, 10);
    assert_eq!(p.headers, ["Nome", "Cognome", "Città", "Note"]);
    assert_eq!(p.rows.first().map(|r| r.join("|")), Some("Niccolò|Bernardi|Forlì|Caffè, non tè".to_owned()));
}

#[test]
fn tab_and_pipe_separators() {
    assert_eq!(sniffed(b"name\tphone\tcity\nAnn, Jr.\t+39 333 1234567\tRoma\nBob\t+39 333 7654321\tMilano, MI\n").delimiter, b'\t');
    assert_eq!(sniffed(b"name|phone|city\nAnn;Jr|1|Roma\nBob|2|Milano\n").delimiter, b'|');
    // Commas inside quotes do not count against semicolons.
    assert_eq!(sniffed(b"a;b;c\n\"x, y, z\";1;2\n\"p, q\";3;4\n").delimiter, b';');
}

/// The separator sniffed from a UTF-8 file, and its first row as the reader reads it.
fn separator_and_first_row(text: &str) -> (char, Option<String>) {
    let f = sniffed(text.as_bytes());
    let p = preview(text.as_bytes(), &f, 10);
    (char::from(f.delimiter), p.rows.first().map(|r| r.join("|")))
}

#[test]
fn decimal_commas_do_not_beat_semicolons() {
    // German Excel: every row has a decimal comma, the header none.
    let text = "Vorname;Nachname;Umsatz\nAnna;Müller;1000,00\nJan;Schmidt;250,50\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Anna|Müller|1000,00".to_owned())));
    // Two decimal commas a row: as many commas as semicolons in every row.
    let text = "Name;Umsatz;Rabatt\nAnna;1000,00;2,5\nJan;250,50;0,0\nEva;13,00;1,25\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Anna|1000,00|2,5".to_owned())));
    // A header with a comma too: semicolons still give more rows the header's width.
    let text = "Name;Umsatz (EUR, netto);Stadt\nAnna;1000;Berlin\nJan;250,50;Köln\nEva;13;Bonn\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Anna|1000|Berlin".to_owned())));
    // Empty trailing cells left out: fewer semicolons in some rows, one comma in each.
    let text = "Vorname;Nachname;Umsatz;Notiz;Telefon\nAnna;Müller;1000,00\nJan;Schmidt;250,50;Stammkunde\nEva;Weber;13,00;;030 1234567\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Anna|Müller|1000,00||".to_owned())));
}

#[test]
fn commas_in_italian_addresses_and_company_names_do_not_beat_semicolons() {
    let text = "Nome;Azienda;Indirizzo;Città\r\nMario;Acme, Inc.;Via Roma 1, int. 3;Milano\r\nLuca;Rossi & C.;Corso Italia, 12;Roma\r\nSara;Bianchi, Verdi e Neri;Piazza Duomo, 1;Firenze\r\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Mario|Acme, Inc.|Via Roma 1, int. 3|Milano".to_owned())));
    // As many commas as semicolons in every row, but none in the header.
    let text = "Nome;Indirizzo\nMario;Via Roma, 1\nLuca;Corso Italia, 12\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Mario|Via Roma, 1".to_owned())));
}

#[test]
fn commas_in_the_notes_of_a_tab_file_do_not_beat_tabs() {
    let text = "Name\tEmail\tNotes\nAnn\tann@example.com\tcalled, wants an offer, call back\nBob\tbob@example.com\tno, later\nCy\tcy@example.com\t1,5\n";
    assert_eq!(separator_and_first_row(text), ('\t', Some("Ann|ann@example.com|called, wants an offer, call back".to_owned())));
    // A comma in one header name, and in every row's notes: tabs give more columns.
    let text = "Name\tNotes, internal\tCity\nAnn\tcalled, twice\tRoma\nBob\tno, later\tMilano\n";
    assert_eq!(separator_and_first_row(text), ('\t', Some("Ann|called, twice|Roma".to_owned())));
}

#[test]
fn comma_files_with_quoted_commas_and_stray_semicolons_stay_commas() {
    let text = "First Name,Last Name,Company,Notes\nAnn,Lee,\"Acme, Inc.\",\"met in Rome; call; soon\"\nBob,Ray,\"Globex, S.p.A.\",ok\n";
    assert_eq!(separator_and_first_row(text), (',', Some("Ann|Lee|Acme, Inc.|met in Rome; call; soon".to_owned())));
    // This app's own export: additional phones hold unquoted "; ".
    let text = "First name,Additional phones\nAnn,Work: 393331234567; Home: 390612345678\nBob,Work: 393337654321; Home: 390687654321\n";
    assert_eq!(separator_and_first_row(text), (',', Some("Ann|Work: 393331234567; Home: 390612345678".to_owned())));
}

#[test]
fn rows_with_more_separators_than_the_header() {
    // Empty values past the header's width (trailing separators) still fit it.
    let text = "Name;Email\nAnn;ann@example.com;;\nBob;bob@example.com;\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Ann|ann@example.com".to_owned())));
    // Rows with commas the header does not have: it is the header's separator.
    let text = "Name;Amount\nAnn, Lee;1,5\nBob, Ray;2,75\nCy, Day;3,0\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Ann, Lee|1,5".to_owned())));
}

#[test]
fn short_rows_and_ties() {
    // Spreadsheets drop empty trailing cells: short rows do not change the separator.
    let text = "Name;Email;Phone;Notes\nAnn;ann@example.com\nBob;bob@example.com;+39 333 1234567\nCy\n";
    assert_eq!(separator_and_first_row(text), (';', Some("Ann|ann@example.com||".to_owned())));
    // The same number of columns and rows either way: a semicolon, as a comma is
    // the one more often inside a value.
    assert_eq!(sniffed(b"a,b;c\n1,2;3\n").delimiter, b';');
    // Tab over semicolon, pipe over comma.
    assert_eq!(sniffed(b"a;b\tc\n1;2\t3\n").delimiter, b'\t');
    assert_eq!(sniffed(b"a,b|c\n1,2|3\n").delimiter, b'|');
    // Equal fits otherwise: more columns win.
    assert_eq!(sniffed(b"a,b;c;d\n1,2;3;4\n").delimiter, b';');
    assert_eq!(sniffed(b"a;b,c,d\n1;2,3,4\n").delimiter, b',');
    // A header alone: its separator.
    assert_eq!(sniffed(b"Name;Email\n").delimiter, b';');
    assert_eq!(sniffed(b"Name,Email\n").delimiter, b',');
}

#[test]
fn one_column_files() {
    // Nothing splits the header: a comma when no row has a separator either.
    assert_eq!(separator_and_first_row("Email\nann@example.com\nbob@example.com\n"), (',', Some("ann@example.com".to_owned())));
    // Unquoted commas in the values: a separator that cuts no row, so none fails.
    assert_eq!(separator_and_first_row("Name\nLee, Ann\nRay, Bob\nDay, Cy\n"), (';', Some("Lee, Ann".to_owned())));
    assert_eq!(separator_and_first_row("Name\nLee, Ann; Jr\nRay, Bob\n"), ('\t', Some("Lee, Ann; Jr".to_owned())));
}

#[test]
fn single_quotes_when_clearly_used() {
    let f = sniffed(b"'name','city'\n'Ann','Roma'\n'Bob','Milano'\n");
    assert_eq!(f.quote, b'\'');
    assert_eq!(sniffed(b"name,city\nO'Brien,Roma\nD'Arco,Milano\n").quote, b'"');
}

#[test]
fn header_row_or_not() {
    assert!(sniffed(b"Given Name,Family Name,E-mail 1 - Value\nAnn,Lee,ann@example.com\n").has_header);
    assert!(!sniffed(b"Ann,Lee,ann@example.com\nBob,Ray,bob@example.com\n").has_header);
    assert!(!sniffed(b"Ann,Lee,+39 333 1234567\nBob,Ray,+39 333 7654321\n").has_header);
    // Unknown names, and no data-like values: a header unless a name comes back below.
    assert!(sniffed(b"Cliente,Referente\nAcme,Ann\nGlobex,Bob\n").has_header);
    assert!(!sniffed(b"Roma,Lazio\nMilano,Lombardia\nRoma,Lazio\n").has_header);
}

#[test]
fn not_csv_files_are_refused_with_what_they_look_like() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert!(matches!(sniff(png), Err(ImportError::NotCsv(kind)) if kind.contains("PNG")));
    let xlsx = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0";
    let message = sniff(xlsx).map_err(|e| e.to_string()).err().unwrap_or_default();
    assert!(message.contains("Excel workbook (.xlsx)") && message.contains("Save it as CSV"), "{message}");
    // Random bytes (a fixed sequence, no magic number).
    let mut x: u32 = 12345;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    assert!(matches!(sniff(&random), Err(ImportError::NotCsv(_))), "{:?}", sniff(&random));
    assert_eq!(sniff(b""), Err(ImportError::Empty));
    assert_eq!(sniff(b"\r\n \n"), Err(ImportError::Empty));
}

#[test]
fn preview_names_columns_and_notes_problems() {
    let f = FileFormat::default();
    let p = preview(b"Email,,Email,Name\na@x.io,1,b@x.io,Ann\nonly,two\nc@x.io,2,d@x.io,Bob,extra\ne@x.io,3,f@x.io,Cy\n", &f, 10);
    assert_eq!(p.headers, ["Email", "Column 2", "Email (2)", "Name"]);
    // A short row is read, padded to the header's width; a long one is not.
    assert_eq!(p.rows.iter().map(|r| r.join("|")).collect::<Vec<_>>(), ["a@x.io|1|b@x.io|Ann", "only|two||", "e@x.io|3|f@x.io|Cy"]);
    assert!(p.notes.iter().any(|n| n.contains("Column 2 has no name")), "{:?}", p.notes);
    assert!(p.notes.iter().any(|n| n.contains("“\u{2068}Email (2)\u{2069}”")), "{:?}", p.notes);
    assert!(p.notes.iter().any(|n| n == "Row 4: row has 5 values; the header has 4."), "{:?}", p.notes);
    assert!(!p.notes.iter().any(|n| n.starts_with("Row 3")), "{:?}", p.notes);
    let no_header = preview(b"1,2,3\n4,5,6\n", &FileFormat { has_header: false, ..f }, 1);
    assert_eq!((no_header.headers.len(), no_header.rows.len()), (3, 1));
    assert_eq!(no_header.headers.first().map(String::as_str), Some("Column 1"));
    let bad = preview(b"a,b\n", &FileFormat { delimiter: b'"', ..f }, 5);
    assert!(bad.rows.is_empty() && !bad.notes.is_empty());
}

#[test]
fn files_whose_first_record_never_ends_or_that_are_too_wide_are_named() {
    let f = FileFormat::default();
    let sample = |mut bytes: Vec<u8>| {
        bytes.resize(crate::domain::import::SAMPLE_BYTES, b'x');
        bytes
    };
    let long_line = sample(b"a,b,c".to_vec());
    assert!(matches!(preview(&long_line, &f, 5).problem, Some(ImportError::LineTooLong { limit_kb: 64 })));
    let open_quote = sample(b"\"Anna".to_vec());
    assert!(matches!(preview(&open_quote, &f, 5).problem, Some(ImportError::QuoteNeverEnds { limit_kb: 64 })));
    // The same bytes, read with another quote character, are one long line.
    assert!(matches!(preview(&open_quote, &FileFormat { quote: b'\'', ..f }, 5).problem, Some(ImportError::LineTooLong { .. })));
    // Column names, then a row that never ends: a note, and the import may run.
    let after_header = preview(&sample(b"First,Notes\nAnna,\"x".to_vec()), &f, 5);
    assert_eq!((after_header.problem, after_header.headers.len()), (None, 2));
    assert!(after_header.notes.iter().any(|n| n.starts_with("The first row after the column names does not end either: a quoted value")), "{:?}", after_header.notes);
    // A whole small file is never "cut": its last row is read as it is.
    assert_eq!(preview(b"First\n\"Anna", &f, 5).problem, None);
    let wide = |n: usize| (1..=n).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",") + "\n";
    assert_eq!(preview(wide(1_000).as_bytes(), &f, 5).problem, None);
    assert_eq!(preview(wide(1_001).as_bytes(), &f, 5).problem, Some(ImportError::TooManyColumns { columns: 1_001, max: 1_000 }));
    // 5,000 names, each repeated once: unique names in one pass.
    let repeated = (1..=5_000).map(|i| format!("Col{}", i % 2_500)).collect::<Vec<_>>();
    let (headers, notes) = crate::domain::import::preview::unique_headers(repeated.iter().map(String::as_str));
    assert_eq!(headers.iter().collect::<std::collections::HashSet<_>>().len(), 5_000);
    assert_eq!(notes.len(), 2_500);
}
