//! Timestamps read at the user's UTC offset (minutes east of UTC, what the browser's
//! time zone gives), the same way `Timestamp::display_at_offset` shows them.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::domain::ids::Timestamp;

const MILLIS_PER_MINUTE: i64 = 60_000;

/// The local date and time of `t`. Timestamps beyond the calendar's range (hundreds of
/// thousands of years away: no real record) read as its first or last moment.
pub fn local_datetime(t: Timestamp, offset_minutes: i32) -> NaiveDateTime {
    let shifted = t.millis().saturating_add(i64::from(offset_minutes) * MILLIS_PER_MINUTE);
    match DateTime::from_timestamp_millis(shifted) {
        Some(utc) => utc.naive_utc(),
        None if shifted < 0 => NaiveDateTime::MIN,
        None => NaiveDateTime::MAX,
    }
}

/// The local calendar day of `t`.
pub fn local_date(t: Timestamp, offset_minutes: i32) -> NaiveDate {
    local_datetime(t, offset_minutes).date()
}

/// The timestamp of a local date and time.
pub fn from_local(local: NaiveDateTime, offset_minutes: i32) -> Timestamp {
    let utc_millis = local.and_utc().timestamp_millis();
    Timestamp::from_millis(utc_millis.saturating_sub(i64::from(offset_minutes) * MILLIS_PER_MINUTE))
}
