//! The streaming CSV record reader: raw file bytes in, in chunks cut anywhere;
//! records out, one at a time, each with its spreadsheet row number.
//!
//! Only the record being read is held (at most `MAX_RECORD_BYTES` of it), so memory
//! stays flat whatever the file's size. Bytes are decoded to UTF-8 on the way in
//! (`encoding_rs`, streaming), then split by `csv-core`. Every problem becomes a
//! `Failed` item for that row, never a panic and never a silent loss:
//! - text that is not valid in the chosen encoding fails its row (the message says to
//!   choose another encoding);
//! - a row with more values than the first row fails; one with fewer (spreadsheets
//!   drop empty trailing cells) is read, and says how many it lacks;
//! - a quote that is never closed would make csv-core swallow the rest of the file
//!   into one field: when such a record reaches the end of the file or the size cap,
//!   or when the lines it swallowed look like records of their own, the row fails
//!   and reading resumes at the line after the one the quote opened on;
//! - a record over the cap fails and is skipped to its end.

use encoding_rs::{Decoder, DecoderResult};

use super::format::FileFormat;
use super::scan::{QuoteScan, Stop};

/// The most bytes one record may take: far beyond any contact, small enough to hold.
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// Decoded text produced per step for encodings other than UTF-8.
const DECODE_STEP: usize = 64 * 1024;
/// Bytes re-read after unclosed quotes, in all: a file made of nothing but unclosed
/// quotes cannot make reading quadratic.
const MAX_REPLAY_BYTES: u64 = 64 * MAX_RECORD_BYTES as u64;
/// Marks undecodable input in the UTF-8 stream: never valid UTF-8, so the field that
/// holds it fails its row as "not text in this encoding".
const MALFORMED: u8 = 0xFF;

/// One record, borrowed from the reader until the callback returns.
#[derive(Clone, Copy, Debug)]
pub struct Record<'a> {
    /// The spreadsheet row: the first line of the file is row 1; blank lines count.
    pub row: u64,
    /// The line the record starts on (a quoted value may span several).
    pub line: u64,
    text: &'a str,
    ends: &'a [usize],
    missing: usize,
}

impl<'a> Record<'a> {
    pub fn len(&self) -> usize {
        self.ends.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
    /// The value of column `i` (from 0), as written (not trimmed).
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.text.get(start..end)
    }
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }
    pub fn to_strings(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
    /// How many values the record lacks to be as wide as the header (or the first
    /// row): 0 for a complete record. The missing ones read as absent (`get` gives None).
    pub fn missing_values(&self) -> usize {
        self.missing
    }
}

/// Why a record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    /// More values than the header (or first row) has; `header`: the first row is
    /// a header (else it is the first data row).
    WrongCount { values: usize, expected: usize, header: bool },
    /// `lost_lines`: lines after it that were not read again (only in a file with
    /// more unclosed quotes than `MAX_REPLAY_BYTES` allows re-reading).
    UnclosedQuote { line: u64, lost_lines: u64 },
    /// `column` (from 0) is the record's longest value.
    TooLong { bytes: u64, column: usize, column_bytes: u64 },
    /// `column` (from 0) holds bytes the encoding does not allow.
    NotText { column: usize, encoding: &'static str },
}

impl ReadProblem {
    /// The problem in words, naming columns with `column_name` (given an index from 0).
    pub fn describe(&self, column_name: impl Fn(usize) -> String) -> String {
        match self {
            ReadProblem::WrongCount { values, expected, header } => format!(
                "row has {} {}; the {} has {expected}",
                values,
                if *values == 1 { "value" } else { "values" },
                if *header { "header" } else { "first row" }
            ),
            ReadProblem::UnclosedQuote { line, lost_lines: 0 } => format!(
                "the quote opened on line {line} is never closed: reading went on at the next line"
            ),
            ReadProblem::UnclosedQuote { line, lost_lines } => format!(
                "the quote opened on line {line} is never closed, and the {lost_lines} lines after it were not read: this file has too many unclosed quotes"
            ),
            ReadProblem::TooLong { bytes, column, column_bytes } if column_bytes.saturating_mul(2) >= *bytes => format!(
                "the value in {} is {}; the longest row accepted is {}",
                column_name(*column),
                size(*column_bytes),
                size(MAX_RECORD_BYTES as u64)
            ),
            ReadProblem::TooLong { bytes, .. } => {
                format!("the row is {}; the longest accepted is {}", size(*bytes), size(MAX_RECORD_BYTES as u64))
            }
            ReadProblem::NotText { column, encoding } if *encoding == super::format::encoding_label(encoding_rs::UTF_8) => format!(
                "the value in {} is not valid UTF-8 text: the file may use another encoding, such as Windows-1252; choose it in the import options",
                column_name(*column)
            ),
            ReadProblem::NotText { column, encoding } => format!(
                "the value in {} has bytes that are not valid in {encoding}: choose another encoding in the import options",
                column_name(*column)
            ),
        }
    }
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(|i| format!("column {}", i + 1)))
    }
}

/// "10.0 MB", "512 KB": sizes in words for messages.
pub fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else if bytes >= 1_000 {
        format!("{} KB", bytes / 1_024)
    } else {
        format!("{bytes} bytes")
    }
}

/// A record that failed to read, with what could be recovered of its values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedRecord {
    pub row: u64,
    pub line: u64,
    pub problem: ReadProblem,
    pub cells: Vec<String>,
}

/// What the reader hands out.
#[derive(Debug)]
pub enum Item<'a> {
    /// The first record of a file whose format says it has a header.
    Header(Record<'a>),
    Record(Record<'a>),
    Failed(FailedRecord),
}

/// Counts blank lines between records; a "\r\n" pair is one break, and the "\n"
/// completing the previous record's "\r" is none.
#[derive(Clone, Copy, Debug, Default)]
struct Breaks {
    last_cr: bool,
    count: u64,
}

impl Breaks {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\r' || !self.last_cr {
                self.count += 1;
            }
            self.last_cr = b == b'\r';
        }
    }
}

/// A record too long to keep, skipped to its end.
#[derive(Debug)]
struct Skip {
    scan: QuoteScan,
    row: u64,
    line: u64,
    newlines: u64,
}

pub struct RecordReader {
    format: FileFormat,
    /// None for UTF-8, which passes through.
    decoder: Option<Decoder>,
    decoded: Vec<u8>,
    /// The first bytes of a UTF-8 file until it is known whether they are a BOM.
    utf8_head: Option<Vec<u8>>,
    csv: csv_core::Reader,
    /// Unescaped values of the current record, and where each ends.
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    ends_len: usize,
    /// The current record's input from its first byte (to re-read after an unclosed
    /// quote); `started` once it has one.
    raw: Vec<u8>,
    started: bool,
    start_line: u64,
    rows_before: u64,
    breaks: Breaks,
    width: Option<usize>,
    header_pending: bool,
    skip: Option<Skip>,
    replay: Option<Vec<u8>>,
    replayed: u64,
}

impl RecordReader {
    pub fn new(format: FileFormat) -> Self {
        let is_utf8 = format.encoding == encoding_rs::UTF_8;
        let csv = csv_core::ReaderBuilder::new().delimiter(format.delimiter).quote(format.quote).build();
        Self {
            format,
            decoder: (!is_utf8).then(|| format.encoding.new_decoder_with_bom_removal()),
            decoded: Vec::new(),
            utf8_head: is_utf8.then(Vec::new),
            csv,
            out: vec![0; 4096],
            out_len: 0,
            ends: vec![0; 64],
            ends_len: 0,
            raw: Vec::new(),
            started: false,
            start_line: 1,
            rows_before: 0,
            breaks: Breaks::default(),
            width: None,
            header_pending: format.has_header,
            skip: None,
            replay: None,
            replayed: 0,
        }
    }

    pub fn format(&self) -> &FileFormat {
        &self.format
    }

    /// Reads the next piece of the file; the records it completes go to `sink`.
    pub fn feed<F: FnMut(Item<'_>)>(&mut self, chunk: &[u8], sink: &mut F) {
        if self.decoder.is_some() {
            self.decode(chunk, false, sink);
        } else {
            let rest = self.utf8_start(chunk, false, sink);
            self.parse(rest, sink);
        }
    }

    /// The file has ended: hands out the last record.
    pub fn finish<F: FnMut(Item<'_>)>(&mut self, sink: &mut F) {
        if self.decoder.is_some() {
            self.decode(&[], true, sink);
        } else {
            let rest = self.utf8_start(&[], true, sink);
            self.parse(rest, sink);
        }
        self.end_of_input(sink);
    }

    /// Holds back a UTF-8 file's first three bytes until it is known whether they are
    /// a byte order mark (which is dropped); returns what is left of `chunk`.
    fn utf8_start<'c, F: FnMut(Item<'_>)>(&mut self, chunk: &'c [u8], last: bool, sink: &mut F) -> &'c [u8] {
        let Some(mut head) = self.utf8_head.take() else { return chunk };
        let take = (3 - head.len().min(3)).min(chunk.len());
        let (now, rest) = chunk.split_at(take);
        head.extend_from_slice(now);
        if head.len() < 3 && !last {
            self.utf8_head = Some(head);
            return rest;
        }
        let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
        self.parse(body, sink);
        rest
    }

    fn decode<F: FnMut(Item<'_>)>(&mut self, mut input: &[u8], last: bool, sink: &mut F) {
        let Some(mut decoder) = self.decoder.take() else { return };
        let mut buf = std::mem::take(&mut self.decoded);
        buf.resize(DECODE_STEP, 0);
        loop {
            let (result, read, written) = decoder.decode_to_utf8_without_replacement(input, &mut buf, last);
            input = input.get(read..).unwrap_or_default();
            self.parse(buf.get(..written).unwrap_or_default(), sink);
            match result {
                DecoderResult::InputEmpty => break,
                DecoderResult::OutputFull => {}
                DecoderResult::Malformed(_, _) => self.parse(&[MALFORMED], sink),
            }
        }
        self.decoded = buf;
        self.decoder = Some(decoder);
    }

    /// Splits decoded text into records.
    fn parse<F: FnMut(Item<'_>)>(&mut self, mut input: &[u8], sink: &mut F) {
        loop {
            // Bytes an unclosed quote gave back are read before the rest.
            if let Some(replay) = self.replay.take() {
                self.parse(&replay, sink);
            }
            if input.is_empty() {
                return;
            }
            let used = if self.skip.is_some() { self.skip_bytes(input, sink) } else { self.step(input, sink) };
            input = input.get(used..).unwrap_or_default();
        }
    }

    /// One call into csv-core; returns the bytes it used.
    fn step<F: FnMut(Item<'_>)>(&mut self, input: &[u8], sink: &mut F) -> usize {
        // Never let a record's input grow past the cap by more than a byte.
        let room = (MAX_RECORD_BYTES + 1).saturating_sub(self.raw.len()).max(1);
        let input = input.get(..room).unwrap_or(input);
        if self.out_len >= self.out.len() {
            self.out.resize(self.out.len() * 2, 0);
        }
        if self.ends_len >= self.ends.len() {
            self.ends.resize(self.ends.len() * 2, 0);
        }
        let line_before = self.csv.line();
        let (result, nin, nout, nend) = self.csv.read_record(
            input,
            self.out.get_mut(self.out_len..).unwrap_or_default(),
            self.ends.get_mut(self.ends_len..).unwrap_or_default(),
        );
        self.out_len += nout;
        self.ends_len += nend;
        let fresh = self.note_input(input.get(..nin).unwrap_or_default(), line_before);
        match result {
            csv_core::ReadRecordResult::Record if self.raw.is_empty() => self.record_done(fresh, sink),
            csv_core::ReadRecordResult::Record => {
                // The record began in an earlier piece: its bytes are in `raw`.
                self.raw.extend_from_slice(fresh);
                let raw = std::mem::take(&mut self.raw);
                self.record_done(&raw, sink);
                self.raw = raw;
                self.raw.clear();
            }
            csv_core::ReadRecordResult::End => {}
            _ => {
                self.raw.extend_from_slice(fresh);
                if self.raw.len() > MAX_RECORD_BYTES {
                    self.over_cap(sink);
                }
            }
        }
        nin
    }

    /// Returns the part of `used` that belongs to the current record; line breaks
    /// before its first byte are blank lines (counted as rows, as a spreadsheet
    /// shows them). The caller keeps the record's bytes in `raw` only while the
    /// record spans pieces of input (to re-read them after an unclosed quote).
    fn note_input<'u>(&mut self, used: &'u [u8], line_before: u64) -> &'u [u8] {
        if self.started {
            return used;
        }
        let k = used.iter().position(|&b| b != b'\r' && b != b'\n').unwrap_or(used.len());
        let (blank, rest) = used.split_at(k);
        self.breaks.feed(blank);
        if !rest.is_empty() {
            self.started = true;
            self.start_line = line_before + count_newlines(blank);
        }
        rest
    }

    fn next_row(&mut self) -> u64 {
        let row = self.rows_before + self.breaks.count + 1;
        self.rows_before = row;
        self.breaks.count = 0;
        row
    }

    /// Forgets the current record (after it was handed out or failed).
    fn clear_record(&mut self) {
        self.out_len = 0;
        self.ends_len = 0;
        self.raw.clear();
        self.started = false;
    }

    /// A record is complete; `bytes` is its input.
    fn record_done<F: FnMut(Item<'_>)>(&mut self, bytes: &[u8], sink: &mut F) {
        self.breaks.last_cr = bytes.last() == Some(&b'\r');
        if let Some(after_first_line) = self.width.and_then(|w| swallowed_records(bytes, w, self.format.delimiter, self.format.quote)) {
            self.raw.clear();
            self.raw.extend_from_slice(bytes);
            self.unclosed(after_first_line, sink);
            return;
        }
        let row = self.next_row();
        self.emit(row, sink);
        self.clear_record();
    }

    /// Hands out a complete record (or its failure).
    fn emit<F: FnMut(Item<'_>)>(&mut self, row: u64, sink: &mut F) {
        let line = self.start_line;
        let out = self.out.get(..self.out_len).unwrap_or_default();
        let mut ends = self.ends.get(..self.ends_len).unwrap_or_default();
        if out.iter().all(|b| matches!(b, b' ' | b'\t')) {
            return; // every value blank: a blank line, not a row to import
        }
        let text = match as_text(out, ends) {
            Ok(text) => text,
            Err(_) if self.header_pending && self.width.is_none() => {
                // A header is kept with its bad bytes shown as U+FFFD: the rows say
                // what is wrong, and the preview shows the garbled names.
                let cells = split_lossy(out, ends);
                let mut text = String::new();
                let mut lossy_ends = Vec::with_capacity(cells.len());
                for cell in &cells {
                    text.push_str(cell);
                    lossy_ends.push(text.len());
                }
                self.header_pending = false;
                self.width = Some(lossy_ends.len());
                sink(Item::Header(Record { row, line, text: &text, ends: &lossy_ends, missing: 0 }));
                return;
            }
            Err(column) => {
                let problem = ReadProblem::NotText { column, encoding: self.format.encoding_label() };
                let cells = split_lossy(out, ends);
                self.header_pending = false;
                sink(Item::Failed(FailedRecord { row, line, problem, cells }));
                return;
            }
        };
        let header = std::mem::take(&mut self.header_pending);
        let Some(width) = self.width else {
            self.width = Some(ends.len());
            let record = Record { row, line, text, ends, missing: 0 };
            sink(if header { Item::Header(record) } else { Item::Record(record) });
            return;
        };
        // Trailing empty values past the header's width lose nothing: drop them.
        if width > 0 && ends.len() > width && ends.get(width - 1) == ends.last() {
            ends = ends.get(..width).unwrap_or(ends);
        }
        let record = Record { row, line, text, ends, missing: width.saturating_sub(ends.len()) };
        if ends.len() > width {
            let problem = ReadProblem::WrongCount { values: ends.len(), expected: width, header: self.format.has_header };
            sink(Item::Failed(FailedRecord { row, line, problem, cells: record.to_strings() }));
            return;
        }
        sink(if header { Item::Header(record) } else { Item::Record(record) });
    }

    /// The record passed the cap: an unclosed quote if a quote spans a line break in
    /// it, else a record too long, skipped to its end.
    fn over_cap<F: FnMut(Item<'_>)>(&mut self, sink: &mut F) {
        let mut scan = QuoteScan::new(self.format.delimiter, self.format.quote);
        match scan.feed(&self.raw, true) {
            Stop::QuotedBreak(n) => self.unclosed(n, sink),
            Stop::NeedMore | Stop::RecordEnd(_) => {
                let row = self.next_row();
                self.skip = Some(Skip { scan, row, line: self.start_line, newlines: 0 });
                self.clear_record();
            }
        }
    }

    /// Reads on through a record too long to keep; returns the bytes it used.
    fn skip_bytes<F: FnMut(Item<'_>)>(&mut self, input: &[u8], sink: &mut F) -> usize {
        let Some(skip) = self.skip.as_mut() else { return 0 };
        let stop = skip.scan.feed(input, true);
        let used = match stop {
            Stop::NeedMore => input.len(),
            Stop::RecordEnd(n) | Stop::QuotedBreak(n) => n,
        };
        let used_bytes = input.get(..used).unwrap_or_default();
        skip.newlines += count_newlines(used_bytes);
        if stop == Stop::NeedMore {
            return used;
        }
        let last_cr = used_bytes.last() == Some(&b'\r');
        if let Some(skip) = self.skip.take() {
            self.fail_skipped(&skip, stop, sink);
            self.resync(skip.line + skip.newlines, last_cr);
        }
        used
    }

    fn fail_skipped<F: FnMut(Item<'_>)>(&mut self, skip: &Skip, stop: Stop, sink: &mut F) {
        let problem = if matches!(stop, Stop::QuotedBreak(_)) || skip.scan.in_quotes() {
            ReadProblem::UnclosedQuote { line: skip.line, lost_lines: 0 }
        } else {
            let (column, column_bytes) = skip.scan.longest();
            ReadProblem::TooLong { bytes: skip.scan.total(), column, column_bytes }
        };
        sink(Item::Failed(FailedRecord { row: skip.row, line: skip.line, problem, cells: Vec::new() }));
        self.header_pending = false;
    }

    /// Starts csv-core afresh at a line start (after a failed record).
    fn resync(&mut self, line: u64, last_cr: bool) {
        self.csv.reset();
        self.csv.set_line(line);
        self.breaks.last_cr = last_cr;
        self.clear_record();
    }

    /// Fails the current record as an unclosed quote and re-reads its input from
    /// `after_first_line` (an index into `raw`, just past its first line break).
    fn unclosed<F: FnMut(Item<'_>)>(&mut self, after_first_line: usize, sink: &mut F) {
        let row = self.next_row();
        let line = self.start_line;
        let first_line = self.raw.get(..after_first_line).unwrap_or_default();
        let ended_cr = first_line.last() == Some(&b'\r');
        let shown = first_line.strip_suffix(b"\n").or_else(|| first_line.strip_suffix(b"\r")).unwrap_or(first_line);
        let cells = vec![String::from_utf8_lossy(shown).into_owned()];
        let rest = self.raw.get(after_first_line..).unwrap_or_default();
        self.replayed += rest.len() as u64;
        let reread = self.replayed <= MAX_REPLAY_BYTES;
        let lost_lines = if reread { 0 } else { count_newlines(rest) + u64::from(rest.last().is_some_and(|&b| b != b'\n')) };
        let problem = ReadProblem::UnclosedQuote { line, lost_lines };
        sink(Item::Failed(FailedRecord { row, line, problem, cells }));
        self.header_pending = false;
        let replay = reread.then(|| rest.to_vec());
        // Lines not read again still count, so later rows keep their numbers.
        self.rows_before += lost_lines;
        self.resync(line + u64::from(first_line.last() == Some(&b'\n')) + lost_lines, ended_cr);
        self.replay = replay;
    }

    /// The input has ended: fails a record left inside a quote (re-reading its lines),
    /// then lets csv-core hand out the last record.
    fn end_of_input<F: FnMut(Item<'_>)>(&mut self, sink: &mut F) {
        loop {
            if let Some(skip) = self.skip.take() {
                self.fail_skipped(&skip, Stop::NeedMore, sink);
                self.resync(skip.line + skip.newlines, false);
            }
            if self.started {
                let mut scan = QuoteScan::new(self.format.delimiter, self.format.quote);
                if scan.feed(&self.raw, false) == Stop::NeedMore && scan.in_quotes() {
                    match memchr::memchr2(b'\n', b'\r', &self.raw) {
                        Some(i) => {
                            self.unclosed(i + 1, sink);
                            self.parse(&[], sink); // re-reads the lines after it
                        }
                        None => {
                            self.unclosed(self.raw.len(), sink);
                        }
                    }
                    continue;
                }
            }
            if self.ends_len >= self.ends.len() {
                self.ends.resize(self.ends.len() * 2, 0);
            }
            let (result, _, _, nend) = self.csv.read_record(&[], &mut [], self.ends.get_mut(self.ends_len..).unwrap_or_default());
            self.ends_len += nend;
            if result == csv_core::ReadRecordResult::Record && self.started {
                let raw = std::mem::take(&mut self.raw);
                self.record_done(&raw, sink);
                if self.replay.is_none() {
                    return;
                }
                self.parse(&[], sink); // an unclosed quote gave lines back
                continue;
            }
            self.clear_record();
            return;
        }
    }
}

/// A record whose quoted value spans lines that look like whole records of their
/// own (as many separators as the header needs) most likely opened a quote it never
/// closed, and the next quote in the file closed it. Returns where its first line
/// ends in `bytes`.
fn swallowed_records(bytes: &[u8], width: usize, delimiter: u8, quote: u8) -> Option<usize> {
    let body = bytes.strip_suffix(b"\n").or_else(|| bytes.strip_suffix(b"\r")).unwrap_or(bytes);
    let first_break = memchr::memchr2(b'\n', b'\r', body)?;
    let needed = width.saturating_sub(1).max(3);
    let inner = body.get(first_break + 1..)?;
    let separators = |line: &[u8]| line.iter().filter(|&&b| b == delimiter).count();
    let mut lines = inner.split(|&b| b == b'\n' || b == b'\r').peekable();
    let mut looks_like_record = false;
    while let Some(line) = lines.next() {
        // The last line holds the quote that closed the value and the rest of the
        // record: its separators after that quote are the record's own ("Ann\nMarie",
        // ann@example.com,… is well formed).
        let inside = if lines.peek().is_none() { line.split(|&b| b == quote).next().unwrap_or(line) } else { line };
        if separators(inside) >= needed {
            looks_like_record = true;
            break;
        }
    }
    looks_like_record.then_some(first_break + 1)
}

fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The record's values as text, or the first column (from 0) that is not valid UTF-8.
fn as_text<'a>(out: &'a [u8], ends: &[usize]) -> Result<&'a str, usize> {
    if let Ok(text) = std::str::from_utf8(out) {
        if ends.iter().all(|&e| text.is_char_boundary(e)) {
            return Ok(text);
        }
    }
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        if std::str::from_utf8(out.get(start..end).unwrap_or_default()).is_err() {
            return Err(i);
        }
        start = end;
    }
    Err(0)
}

fn split_lossy(out: &[u8], ends: &[usize]) -> Vec<String> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let cell = String::from_utf8_lossy(out.get(start..end).unwrap_or_default()).into_owned();
            start = end;
            cell
        })
        .collect()
}
