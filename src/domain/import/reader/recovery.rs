//! Recovering from records that cannot be read whole: a record over the size cap is
//! skipped to its end, a quote never closed fails its row and the lines after the one
//! it opened on are read again, and the end of the file hands out what is left.

use super::*;

/// A record too long to keep, skipped to its end.
#[derive(Debug)]
pub(super) struct Skip {
    pub(super) scan: QuoteScan,
    pub(super) row: u64,
    pub(super) line: u64,
    pub(super) newlines: u64,
}

impl RecordReader {
    /// The record passed the cap: an unclosed quote if a quote spans a line break in
    /// it, else a record too long, skipped to its end.
    pub(super) fn over_cap<F: FnMut(Item<'_>)>(&mut self, sink: &mut F) {
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
    pub(super) fn skip_bytes<F: FnMut(Item<'_>)>(&mut self, input: &[u8], sink: &mut F) -> usize {
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

    pub(super) fn fail_skipped<F: FnMut(Item<'_>)>(&mut self, skip: &Skip, stop: Stop, sink: &mut F) {
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
    pub(super) fn resync(&mut self, line: u64, last_cr: bool) {
        self.csv.reset();
        self.csv.set_line(line);
        self.breaks.last_cr = last_cr;
        self.clear_record();
    }

    /// Fails the current record as an unclosed quote and re-reads its input from
    /// `after_first_line` (an index into `raw`, just past its first line break).
    pub(super) fn unclosed<F: FnMut(Item<'_>)>(&mut self, after_first_line: usize, sink: &mut F) {
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
    pub(super) fn end_of_input<F: FnMut(Item<'_>)>(&mut self, sink: &mut F) {
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
pub(super) fn swallowed_records(bytes: &[u8], width: usize, delimiter: u8, quote: u8) -> Option<usize> {
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

pub(super) fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}
