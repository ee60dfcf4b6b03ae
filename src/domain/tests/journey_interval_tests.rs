//! The journey's time interval: the default (first day of the month three months back
//! to the last day of this month) for every month, leap years, both ends included to
//! the millisecond, and months read in the user's time zone.

use chrono::NaiveDate;

use super::journey_support::utc;
use crate::domain::journey::{Interval, IntervalError};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The default interval at `now` ("yyyy-mm-dd HH:MM:SS.fff" UTC) and `offset`, as its
/// first and last local days.
fn default_days(now: &str, offset: i32) -> (NaiveDate, NaiveDate) {
    Interval::default_for(utc(now), offset).dates(offset)
}

#[test]
fn the_default_runs_from_three_months_back_to_the_end_of_this_month_in_every_month() {
    let table = [
        ("2026-01-11", "2025-10-01", "2026-01-31"),
        ("2026-02-11", "2025-11-01", "2026-02-28"),
        ("2026-03-11", "2025-12-01", "2026-03-31"),
        ("2026-04-11", "2026-01-01", "2026-04-30"),
        ("2026-05-11", "2026-02-01", "2026-05-31"),
        ("2026-06-11", "2026-03-01", "2026-06-30"),
        ("2026-07-11", "2026-04-01", "2026-07-31"),
        ("2026-08-11", "2026-05-01", "2026-08-31"),
        ("2026-09-11", "2026-06-01", "2026-09-30"),
        ("2026-10-11", "2026-07-01", "2026-10-31"),
        ("2026-11-11", "2026-08-01", "2026-11-30"),
        ("2026-12-11", "2026-09-01", "2026-12-31"),
    ];
    for (now, from, to) in table {
        let interval = Interval::default_for(utc(&format!("{now} 12:00:00.000")), 0);
        assert_eq!(interval.dates(0), (date(from), date(to)), "now {now}");
        assert_eq!(interval.from(), utc(&format!("{from} 00:00:00.000")), "now {now}");
        assert_eq!(interval.to(), utc(&format!("{to} 23:59:59.999")), "now {now}");
    }
}

#[test]
fn leap_years_have_a_29th_of_february() {
    assert_eq!(default_days("2024-05-20 08:00:00.000", 0), (date("2024-02-01"), date("2024-05-31")));
    assert_eq!(default_days("2024-03-31 08:00:00.000", 0), (date("2023-12-01"), date("2024-03-31")));
    assert_eq!(default_days("2024-02-10 08:00:00.000", 0).1, date("2024-02-29"));
    assert_eq!(default_days("2100-02-10 08:00:00.000", 0).1, date("2100-02-28"), "2100 is no leap year (a century not divisible by 400)");
    let may = Interval::default_for(utc("2024-05-20 08:00:00.000"), 0);
    assert!(may.contains(utc("2024-02-29 12:00:00.000")));
    assert!(may.contains(utc("2024-02-01 00:00:00.000")));
}

#[test]
fn the_first_and_last_day_are_included_to_the_millisecond() {
    let june = Interval::default_for(utc("2026-06-11 12:00:00.000"), 0);
    assert!(june.contains(utc("2026-03-01 00:00:00.000")));
    assert!(!june.contains(utc("2026-02-28 23:59:59.999")));
    assert!(june.contains(utc("2026-06-30 23:59:59.999")));
    assert!(!june.contains(utc("2026-07-01 00:00:00.000")));
    // At UTC+2 the local days start two hours earlier in UTC.
    let local = Interval::default_for(utc("2026-06-11 12:00:00.000"), 120);
    assert!(local.contains(utc("2026-02-28 22:00:00.000")));
    assert!(!local.contains(utc("2026-02-28 21:59:59.999")));
    assert!(local.contains(utc("2026-06-30 21:59:59.999")));
    assert!(!local.contains(utc("2026-06-30 22:00:00.000")));
}

#[test]
fn months_are_the_users_local_months_not_utcs() {
    const PLUS_14: i32 = 14 * 60;
    const MINUS_12: i32 = -12 * 60;
    // 23:30 UTC on June 30: already July 1 at UTC+14, still June 30 at UTC-12.
    assert_eq!(default_days("2026-06-30 23:30:00.000", PLUS_14), (date("2026-04-01"), date("2026-07-31")));
    assert_eq!(default_days("2026-06-30 23:30:00.000", MINUS_12), (date("2026-03-01"), date("2026-06-30")));
    assert_eq!(default_days("2026-06-30 23:30:00.000", 0), (date("2026-03-01"), date("2026-06-30")));
    // 23:30 local on May 31 at UTC-12 is June 1 in UTC: the view is still May's.
    assert_eq!(default_days("2026-06-01 11:30:00.000", MINUS_12), (date("2026-02-01"), date("2026-05-31")));
    // 23:30 local on December 31 at UTC+14 is 09:30 UTC the same day: December's view.
    assert_eq!(default_days("2026-12-31 09:30:00.000", PLUS_14), (date("2026-09-01"), date("2026-12-31")));
    // The local first moment of March 1 at UTC+14 is February 28, 10:00 UTC.
    let east = Interval::default_for(utc("2026-06-11 12:00:00.000"), PLUS_14);
    assert_eq!(east.from(), utc("2026-02-28 10:00:00.000"));
    assert!(east.contains(utc("2026-02-28 10:00:00.000")));
    assert!(!Interval::default_for(utc("2026-06-11 12:00:00.000"), 0).contains(utc("2026-02-28 10:00:00.000")));
    let west = Interval::default_for(utc("2026-06-11 12:00:00.000"), MINUS_12);
    assert_eq!(west.to(), utc("2026-07-01 11:59:59.999"));
}

#[test]
fn chosen_dates_include_both_days_and_must_be_in_order() {
    let one_day = Interval::from_dates(date("2026-06-11"), date("2026-06-11"), 60).expect("one day");
    assert_eq!((one_day.from(), one_day.to()), (utc("2026-06-10 23:00:00.000"), utc("2026-06-11 22:59:59.999")));
    assert_eq!(one_day.dates(60), (date("2026-06-11"), date("2026-06-11")));
    let backwards = Interval::from_dates(date("2026-06-12"), date("2026-06-11"), 0);
    assert_eq!(backwards, Err(IntervalError::FromAfterTo { from: date("2026-06-12"), to: date("2026-06-11") }));
    let message = backwards.map(|_| ()).unwrap_err().to_string();
    assert_eq!(message, "the interval cannot start (2026-06-12) after it ends (2026-06-11)");
}

#[test]
fn timestamps_beyond_the_calendar_still_give_an_interval() {
    for now in [i64::MIN, i64::MAX] {
        let interval = Interval::default_for(crate::domain::Timestamp::from_millis(now), 0);
        assert!(interval.from() <= interval.to());
    }
}

#[test]
fn an_interval_covers_those_inside_it_to_the_millisecond() {
    let spring = Interval::from_dates(date("2026-03-01"), date("2026-06-30"), 0).expect("spring");
    let april = Interval::from_dates(date("2026-04-01"), date("2026-04-30"), 0).expect("april");
    let first_day = Interval::from_dates(date("2026-03-01"), date("2026-03-01"), 0).expect("first day");
    let last_day = Interval::from_dates(date("2026-06-30"), date("2026-06-30"), 0).expect("last day");
    let july = Interval::from_dates(date("2026-06-30"), date("2026-07-01"), 0).expect("into july");
    assert!(spring.covers(april) && spring.covers(first_day) && spring.covers(last_day) && spring.covers(spring));
    assert!(!spring.covers(july) && !april.covers(spring));
    // An hour east, the same days start an hour earlier: no longer inside.
    let shifted = Interval::from_dates(date("2026-03-01"), date("2026-03-01"), 60).expect("shifted");
    assert!(!spring.covers(shifted));
}
