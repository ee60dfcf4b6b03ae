//! The journey's time interval: whole local days, both ends included.

use chrono::{Datelike, Months, NaiveDate, NaiveTime};

use super::local_time::{from_local, local_date};
use crate::domain::ids::Timestamp;

/// How many months before the current one the default interval starts.
const DEFAULT_MONTHS_BACK: u32 = 3;

/// From the first moment of one local day to the last millisecond of another, both
/// included; `from <= to` always.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    from: Timestamp,
    to: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IntervalError {
    #[error("the interval cannot start ({from}) after it ends ({to})")]
    FromAfterTo { from: NaiveDate, to: NaiveDate },
}

impl Interval {
    /// The default view: from the first day of the month three months back to the
    /// last day of the current month, months as the user's clock reads them (on June 11
    /// it runs from March 1 to June 30).
    pub fn default_for(now: Timestamp, offset_minutes: i32) -> Self {
        let today = local_date(now, offset_minutes);
        let first_of_month = today.with_day(1).unwrap_or(today);
        let from = first_of_month.checked_sub_months(Months::new(DEFAULT_MONTHS_BACK)).unwrap_or(NaiveDate::MIN);
        let to = first_of_month.checked_add_months(Months::new(1)).and_then(|next| next.pred_opt()).unwrap_or(NaiveDate::MAX);
        Self::whole_days(from, to, offset_minutes)
    }

    /// The days a filter's date inputs chose, both included.
    pub fn from_dates(from: NaiveDate, to: NaiveDate, offset_minutes: i32) -> Result<Self, IntervalError> {
        if from > to {
            return Err(IntervalError::FromAfterTo { from, to });
        }
        Ok(Self::whole_days(from, to, offset_minutes))
    }

    fn whole_days(from: NaiveDate, to: NaiveDate, offset_minutes: i32) -> Self {
        let start = from_local(from.and_time(NaiveTime::MIN), offset_minutes);
        let end = match to.succ_opt() {
            Some(next) => Timestamp::from_millis(from_local(next.and_time(NaiveTime::MIN), offset_minutes).millis().saturating_sub(1)),
            None => Timestamp::from_millis(i64::MAX),
        };
        Self { from: start, to: end }
    }

    /// The first moment included.
    pub fn from(self) -> Timestamp {
        self.from
    }

    /// The last millisecond included.
    pub fn to(self) -> Timestamp {
        self.to
    }

    pub fn contains(self, t: Timestamp) -> bool {
        self.from <= t && t <= self.to
    }

    /// Whether every moment of `other` is in this interval.
    pub fn covers(self, other: Interval) -> bool {
        self.from <= other.from && other.to <= self.to
    }

    /// The first and last local days, as the filter's date inputs show them.
    pub fn dates(self, offset_minutes: i32) -> (NaiveDate, NaiveDate) {
        (local_date(self.from, offset_minutes), local_date(self.to, offset_minutes))
    }
}
