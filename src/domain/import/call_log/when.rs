//! When a call happened and how long it took, as call logs write it: ISO dates with
//! or without a zone ("2024-03-05T14:02:11Z", "2024-03-05 14:02:11 UTC", "+01:00"),
//! RFC 2822 (Twilio: "Tue, 05 Mar 2024 14:02:11 +0000"), Unix seconds or
//! milliseconds, day-first European dates ("05/03/2024 14:02", "05.03.2024"), a date
//! and a time in two columns, 12-hour times ("2:05 PM"); durations in seconds,
//! "h:mm:ss", "m:ss" or "1h 2m 5s".

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::date_text::parse_date;

/// A moment read from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// UTC when `utc`, else the user's local time.
    pub at: NaiveDateTime,
    pub utc: bool,
    /// False for a date alone (a time column may complete it).
    pub has_time: bool,
}

/// The moment a cell gives; `None` when it is no date.
pub fn read_when(cell: &str) -> Option<When> {
    let text = cell.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(at) = unix_time(text) {
        return Some(When { at, utc: true, has_time: true });
    }
    if let Ok(at) = DateTime::parse_from_rfc2822(text).or_else(|_| DateTime::parse_from_rfc3339(text)) {
        return Some(When { at: at.naive_utc(), utc: true, has_time: true });
    }
    let (rest, offset_minutes) = split_zone(text);
    let (date, time) = split_date_time(rest);
    let date = parse_date(date)?;
    let Some(time) = time else {
        return (offset_minutes.is_none()).then(|| When { at: date.and_time(NaiveTime::MIN), utc: false, has_time: false });
    };
    let local = date.and_time(read_time(time)?);
    Some(match offset_minutes {
        Some(offset) => When { at: local - Duration::minutes(i64::from(offset)), utc: true, has_time: true },
        None => When { at: local, utc: false, has_time: true },
    })
}

/// A time of day alone: "14:02", "14:02:11", "14.02", "2:05 PM", "14:02:11.250".
pub fn read_time(cell: &str) -> Option<NaiveTime> {
    let text = cell.trim();
    let lower = text.to_ascii_lowercase();
    let (clock, pm) = match lower.strip_suffix("pm").or_else(|| lower.strip_suffix("p.m.")) {
        Some(clock) => (clock.trim_end().to_owned(), Some(true)),
        None => match lower.strip_suffix("am").or_else(|| lower.strip_suffix("a.m.")) {
            Some(clock) => (clock.trim_end().to_owned(), Some(false)),
            None => (lower.clone(), None),
        },
    };
    // "14.30" (Italian); a dot after a colon is a fraction of a second.
    let clock = if clock.contains(':') { clock } else { clock.replace('.', ":") };
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.trim().parse().ok()?;
    let minute: u32 = parts.next()?.trim().parse().ok()?;
    let (second, milli) = match parts.next() {
        Some(s) => read_seconds(s)?,
        None => (0, 0),
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match pm {
        Some(true) if (1..12).contains(&hour) => hour + 12,
        Some(false) if hour == 12 => 0,
        Some(_) if !(1..=12).contains(&hour) => return None,
        _ => hour,
    };
    NaiveTime::from_hms_milli_opt(hour, minute, second, milli)
}

/// "11", "11.250" or "11,250".
fn read_seconds(text: &str) -> Option<(u32, u32)> {
    let (whole, fraction) = text.split_once(['.', ',']).unwrap_or((text, ""));
    let second = whole.trim().parse().ok()?;
    let digits: String = fraction.chars().take(3).collect();
    let milli = if digits.is_empty() { 0 } else { format!("{digits:0<3}").parse().ok()? };
    Some((second, milli))
}

/// A date and time as a `When` completed by a time column.
pub fn with_time(date: NaiveDate, time: NaiveTime) -> When {
    When { at: date.and_time(time), utc: false, has_time: true }
}

/// Ten digits are Unix seconds, thirteen milliseconds (what APIs export).
fn unix_time(text: &str) -> Option<NaiveDateTime> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = text.parse().ok()?;
    let millis = match text.len() {
        10 => n.checked_mul(1000)?,
        13 => n,
        _ => return None,
    };
    DateTime::from_timestamp_millis(millis).map(|d| d.naive_utc())
}

/// The text without a trailing zone, and the zone's offset east of UTC in minutes:
/// "Z", "UTC", "GMT", "+01:00", "+0100", "-05".
fn split_zone(text: &str) -> (&str, Option<i32>) {
    for name in [" UTC", " GMT", "Z", " Z"] {
        if let Some(rest) = text.strip_suffix(name).filter(|r| r.contains(':')) {
            return (rest.trim_end(), Some(0));
        }
    }
    // A sign after the time part ("14:02:11+01:00"), never a date's dash.
    let Some(colon) = text.find(':') else { return (text, None) };
    let Some(sign_at) = text.get(colon..).and_then(|t| t.rfind(['+', '-'])).map(|i| i + colon) else { return (text, None) };
    let (rest, zone) = text.split_at(sign_at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone.chars().skip(1).filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return (text, None);
    }
    let hours: i32 = digits.get(..2).and_then(|h| h.parse().ok()).unwrap_or(0);
    let minutes: i32 = digits.get(2..).and_then(|m| m.parse().ok()).unwrap_or(0);
    (rest.trim_end(), Some(sign * (hours * 60 + minutes)))
}

/// "2024-03-05T14:02" / "05/03/2024 14:02" → (date, time).
fn split_date_time(text: &str) -> (&str, Option<&str>) {
    let cut = text.find(' ').or_else(|| text.find('T'));
    match cut {
        Some(i) => (text.get(..i).unwrap_or(text), text.get(i + 1..).map(str::trim).filter(|t| !t.is_empty())),
        None => (text, None),
    }
}

/// Seconds a duration cell gives: "125", "125.5", "00:02:05", "2:05", "2m 5s",
/// "1h 2m"; `None` when it is not a duration.
pub fn read_duration(cell: &str) -> Option<i64> {
    let text = cell.trim().to_ascii_lowercase();
    if text.is_empty() {
        return None;
    }
    if text.contains(':') {
        let mut seconds = 0i64;
        let parts: Vec<&str> = text.split(':').collect();
        if parts.len() > 3 {
            return None;
        }
        for part in parts {
            let n: i64 = part.trim().parse().ok().filter(|n| *n >= 0)?;
            seconds = seconds.checked_mul(60)?.checked_add(n)?;
        }
        return Some(seconds);
    }
    let plain = text.trim_end_matches("seconds").trim_end_matches("sec").trim_end_matches('s').trim().replace(',', ".");
    if let Ok(n) = plain.parse::<f64>() {
        return (0.0..1e9).contains(&n).then(|| n.round() as i64);
    }
    units(&text)
}

/// "1h 2m 5s", "2m5s", "3 min".
fn units(text: &str) -> Option<i64> {
    let mut seconds = 0i64;
    let mut number = String::new();
    let mut any = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        let scale = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        // "min", "sec", "hrs": the rest of the unit's word.
        while chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
            chars.next();
        }
        let n: i64 = number.parse().ok()?;
        seconds = seconds.checked_add(n.checked_mul(scale)?)?;
        number.clear();
        any = true;
    }
    (any && number.is_empty()).then_some(seconds)
}
