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
    let p = preview(b"Email,,Email,Name\na@x.io,1,b@x.io,Ann\nonly,two\nc@x.io,2,d@x.io,Bob\n", &f, 10);
    assert_eq!(p.headers, ["Email", "Column 2", "Email (2)", "Name"]);
    assert_eq!(p.rows.len(), 2);
    assert!(p.notes.iter().any(|n| n.contains("Column 2 has no name")), "{:?}", p.notes);
    assert!(p.notes.iter().any(|n| n.contains("“Email (2)”")), "{:?}", p.notes);
    assert!(p.notes.iter().any(|n| n == "Row 3: row has 2 values; the header has 4."), "{:?}", p.notes);
    let no_header = preview(b"1,2,3\n4,5,6\n", &FileFormat { has_header: false, ..f }, 1);
    assert_eq!((no_header.headers.len(), no_header.rows.len()), (3, 1));
    assert_eq!(no_header.headers.first().map(String::as_str), Some("Column 1"));
    let bad = preview(b"a,b\n", &FileFormat { delimiter: b'"', ..f }, 5);
    assert!(bad.rows.is_empty() && !bad.notes.is_empty());
}
