//! Dates as people type them and as the app stores them (yyyy-mm-dd).
//!
//! Read forms (`d` and `m` one or two digits, `yyyy` four):
//! - `yyyy-mm-dd` (what date inputs send and the app exports);
//! - `d/m/yyyy`, day first, as Italian and most European sheets write it;
//! - `m/d/yyyy`, as US exports (Outlook, Salesforce) write it, only when the day-first
//!   reading is no date: "12/31/1985" is 31 December, but "03/04/1985" stays 3 April.
//!   A US date whose day is 12 or less is therefore read day-first (the file gives no
//!   way to tell);
//! - `d.m.yyyy`, day first (German);
//! - `yyyy/m/d`.
//!
//! Whatever else chrono's `%Y-%m-%d` and `%d/%m/%Y` read (signed or longer years,
//! unpadded ISO parts) is read as before.

use chrono::NaiveDate;

/// Accepts the forms listed in the module documentation; `None` for anything else and
/// for days that do not exist ("31/02/1980").
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    // Every form above with ASCII digits: what chrono makes of those it reads is the
    // calendar check alone (the ISO format cannot read a "d/" start, the day/month/year
    // one cannot read a "yyyy-" start, neither reads "." or "yyyy/"), so skip its parser.
    if let Some(parts) = date_parts(raw.as_bytes()) {
        return parts.date();
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

/// The numbers of a date in one of the forms, before the calendar check.
#[derive(Debug, PartialEq, Eq)]
enum DateParts {
    /// yyyy-mm-dd, yyyy/m/d.
    YearFirst { year: i32, month: u32, day: u32 },
    /// d.m.yyyy.
    DayFirst { year: i32, month: u32, day: u32 },
    /// a/b/yyyy: day a of month b, else (no such day) day b of month a.
    Slashed { year: i32, a: u32, b: u32 },
}

impl DateParts {
    fn date(&self) -> Option<NaiveDate> {
        match *self {
            DateParts::YearFirst { year, month, day } | DateParts::DayFirst { year, month, day } => NaiveDate::from_ymd_opt(year, month, day),
            DateParts::Slashed { year, a, b } => NaiveDate::from_ymd_opt(year, b, a).or_else(|| NaiveDate::from_ymd_opt(year, a, b)),
        }
    }
}

/// The value of one to four ASCII digits.
fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// A four-digit year.
fn year(digits: &[u8]) -> Option<i32> {
    if digits.len() != 4 {
        return None;
    }
    number(digits).and_then(|n| i32::try_from(n).ok())
}

/// One or two digits (a day or a month).
fn small(digits: &[u8]) -> Option<u32> {
    if digits.len() > 2 {
        return None;
    }
    number(digits)
}

/// The parts of exactly "dddd-dd-dd", "d/m/yyyy", "d.m.yyyy" or "yyyy/m/d" (ASCII
/// digits, `d` and `m` one or two of them), else `None`.
fn date_parts(b: &[u8]) -> Option<DateParts> {
    // The padded forms, the most frequent: fixed positions.
    match b {
        [y @ .., b'-', m1, m2, b'-', d1, d2] => {
            return Some(DateParts::YearFirst { year: year(y)?, month: number(&[*m1, *m2])?, day: number(&[*d1, *d2])? });
        }
        [a1, a2, b'/', b1, b2, b'/', y @ ..] if y.len() == 4 => {
            return Some(DateParts::Slashed { year: year(y)?, a: number(&[*a1, *a2])?, b: number(&[*b1, *b2])? });
        }
        _ => {}
    }
    let separator = *b.iter().find(|c| !c.is_ascii_digit())?;
    if separator != b'/' && separator != b'.' {
        return None;
    }
    let mut parts = b.split(|c| *c == separator);
    let (first, second, third) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    match (separator, first.len()) {
        (b'/', 4) => Some(DateParts::YearFirst { year: year(first)?, month: small(second)?, day: small(third)? }),
        (b'/', _) => Some(DateParts::Slashed { year: year(third)?, a: small(first)?, b: small(second)? }),
        _ => Some(DateParts::DayFirst { year: year(third)?, month: small(second)?, day: small(first)? }),
    }
}

/// `date.format("%Y-%m-%d")`, written directly for years 0 to 9999.
pub fn iso_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let year = date.year();
    if !(0..=9999).contains(&year) {
        return date.format("%Y-%m-%d").to_string();
    }
    let (year, month, day) = (year as u32, date.month(), date.day());
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut out = String::with_capacity(10);
    for c in [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-', digit(month / 10), digit(month), '-', digit(day / 10), digit(day)] {
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(raw: &str) -> Option<String> {
        parse_date(raw).map(iso_date)
    }

    #[test]
    fn date_forms_of_each_country() {
        let cases = [
            // ISO and the app's own form.
            ("1990-04-25", Some("1990-04-25")),
            // Italian and European: day first, padded or not.
            ("25/04/1990", Some("1990-04-25")),
            ("5/7/1990", Some("1990-07-05")),
            ("05/7/1990", Some("1990-07-05")),
            ("03/04/1985", Some("1985-04-03")),
            // US: month first only when day first is no date.
            ("12/31/1985", Some("1985-12-31")),
            ("7/15/1978", Some("1978-07-15")),
            ("2/29/2024", Some("2024-02-29")),
            // German.
            ("15.03.1975", Some("1975-03-15")),
            ("1.2.1988", Some("1988-02-01")),
            ("24.12.1980", Some("1980-12-24")),
            // Year first with slashes.
            ("1990/04/25", Some("1990-04-25")),
            ("1990/4/5", Some("1990-04-05")),
            // No such day in either reading.
            ("31/02/1980", None),
            ("2/30/1985", None),
            ("2/29/1983", None),
            ("31.02.1980", None),
            ("13.13.2000", None),
            ("2023-02-29", None),
            ("1990/13/01", None),
            // The month-first fallback is for slashes only.
            ("12.31.1985", None),
            // Not dates, or not in a form read.
            ("--07-23", None),
            ("0/0/00", None),
            ("25.04.90", None),
            ("25-04-1990", None),
            ("1990.04.25", None),
            ("25/04/1990/1", None),
            ("123/4/1990", None),
            ("1/2/3/1990", None),
            ("", None),
            ("/", None),
            ("1.1.", None),
        ];
        for (raw, want) in cases {
            assert_eq!(iso(raw).as_deref(), want, "{raw:?}");
        }
    }

    #[test]
    fn date_parts_recognise_only_their_forms() {
        assert_eq!(date_parts(b"12/31/1985"), Some(DateParts::Slashed { year: 1985, a: 12, b: 31 }));
        assert_eq!(date_parts(b"1.2.1988"), Some(DateParts::DayFirst { year: 1988, month: 2, day: 1 }));
        assert_eq!(date_parts(b"1990/4/5"), Some(DateParts::YearFirst { year: 1990, month: 4, day: 5 }));
        assert_eq!(date_parts(b"0000-00-00"), Some(DateParts::YearFirst { year: 0, month: 0, day: 0 }));
        // Forms chrono reads are left to it: signed and five-digit years, unpadded ISO.
        for raw in ["+1990-04-25", "01/01/12345", "1990-4-25", "1990-04-5", "25/04/90"] {
            assert_eq!(date_parts(raw.as_bytes()), None, "{raw}");
        }
        assert_eq!(iso("1990-4-25").as_deref(), Some("1990-04-25"), "chrono still reads unpadded ISO");
    }
}
