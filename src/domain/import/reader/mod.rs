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

mod record;
mod recovery;

use super::format::FileFormat;
use super::scan::{QuoteScan, Stop};

pub use record::{size, FailedRecord, Item, ReadProblem, Record};
use record::{as_text, split_lossy};
use recovery::{count_newlines, swallowed_records, Skip};

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
}
