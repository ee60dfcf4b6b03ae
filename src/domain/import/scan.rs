//! A byte-by-byte mirror of csv-core's quoting rules (RFC 4180 with its leniencies),
//! for the two questions csv-core cannot answer: "does this record end inside a
//! quote?" and "how long is each field of a record too long to keep?". It only runs
//! on the rare records that hit end of file or the size cap, so its speed is moot.

/// Where the scan is inside a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote seen inside a quoted field: it closes the field, or a second quote
    /// makes it a literal one.
    QuoteInQuoted,
}

/// What stopped a scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stop {
    /// The bytes ran out inside the record.
    NeedMore,
    /// The record ended; this many bytes were consumed (terminator included).
    RecordEnd(usize),
    /// A line break inside quotes; this many bytes were consumed (the break included).
    QuotedBreak(usize),
}

#[derive(Clone, Debug)]
pub(super) struct QuoteScan {
    delimiter: u8,
    quote: u8,
    state: State,
    field: usize,
    field_len: u64,
    /// (column index from 0, its length in bytes) of the longest field so far.
    longest: (usize, u64),
    total: u64,
}

impl QuoteScan {
    pub(super) fn new(delimiter: u8, quote: u8) -> Self {
        Self { delimiter, quote, state: State::FieldStart, field: 0, field_len: 0, longest: (0, 0), total: 0 }
    }

    /// Scans record bytes; with `stop_at_quoted_break` it stops after the first line
    /// break met inside quotes.
    pub(super) fn feed(&mut self, bytes: &[u8], stop_at_quoted_break: bool) -> Stop {
        for (i, &b) in bytes.iter().enumerate() {
            self.total += 1;
            let is_break = b == b'\n' || b == b'\r';
            match self.state {
                State::Quoted if b == self.quote => self.state = State::QuoteInQuoted,
                State::Quoted => {
                    self.grow();
                    if is_break && stop_at_quoted_break {
                        return Stop::QuotedBreak(i + 1);
                    }
                }
                State::FieldStart if b == self.quote => self.state = State::Quoted,
                State::QuoteInQuoted if b == self.quote => {
                    self.grow();
                    self.state = State::Quoted;
                }
                State::FieldStart | State::Unquoted | State::QuoteInQuoted => {
                    if b == self.delimiter {
                        self.field += 1;
                        self.field_len = 0;
                        self.state = State::FieldStart;
                    } else if is_break {
                        return Stop::RecordEnd(i + 1);
                    } else {
                        self.grow();
                        self.state = State::Unquoted;
                    }
                }
            }
        }
        Stop::NeedMore
    }

    fn grow(&mut self) {
        self.field_len += 1;
        if self.field_len > self.longest.1 {
            self.longest = (self.field, self.field_len);
        }
    }

    /// True when the bytes so far end inside a quoted field.
    pub(super) fn in_quotes(&self) -> bool {
        self.state == State::Quoted
    }

    /// The longest field so far: (column index from 0, bytes).
    pub(super) fn longest(&self) -> (usize, u64) {
        self.longest
    }

    /// Bytes scanned so far.
    pub(super) fn total(&self) -> u64 {
        self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_csv_quoting() {
        let mut s = QuoteScan::new(b',', b'"');
        assert_eq!(s.feed(b"a,\"b\"\"c\nd\",e\nnext", false), Stop::RecordEnd(13));
        assert!(!s.in_quotes());
        assert_eq!(s.longest(), (1, 5));
        let mut open = QuoteScan::new(b',', b'"');
        assert_eq!(open.feed(b"a,\"b\nc", true), Stop::QuotedBreak(5));
        let mut open = QuoteScan::new(b',', b'"');
        assert_eq!(open.feed(b"a,\"b\nc", false), Stop::NeedMore);
        assert!(open.in_quotes());
        // A quote inside an unquoted field is a plain character.
        let mut plain = QuoteScan::new(b';', b'"');
        assert_eq!(plain.feed(b"12\" pizza;x\r\n", true), Stop::RecordEnd(12));
    }
}
