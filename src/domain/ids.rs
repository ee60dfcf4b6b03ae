//! Identifiers and time. Ids are opaque newtypes so a list id can never be passed where
//! a contact id is expected.

use serde::{Deserialize, Serialize};

/// Identifies a list. Allocated by the workspace, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ListId(u32);

impl ListId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl std::fmt::Display for ListId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Identifies a contact. Allocated by the workspace, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ContactId(u64);

impl ContactId {
    pub const fn new(raw: u64) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl std::fmt::Display for ContactId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Milliseconds since the Unix epoch, UTC. The domain never reads a clock: callers pass
/// `Timestamp`s in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Timestamp(i64);

impl Timestamp {
    pub const fn from_millis(ms: i64) -> Self {
        Self(ms)
    }
    pub const fn millis(self) -> i64 {
        self.0
    }
    /// "2026-11-24 15:05" at a UTC offset (minutes east of UTC, what the browser's
    /// time zone gives); an out-of-range value shows as its raw number.
    pub fn display_at_offset(self, offset_minutes: i32) -> String {
        let shifted = self.0.saturating_add(i64::from(offset_minutes) * 60_000);
        match chrono::DateTime::from_timestamp_millis(shifted) {
            Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
            None => self.0.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_show_in_the_given_zone() {
        let t = Timestamp::from_millis(1_795_000_000_000);
        assert_eq!(t.display_at_offset(0), "2026-11-18 11:06");
        assert_eq!(t.display_at_offset(60), "2026-11-18 12:06");
        assert_eq!(t.display_at_offset(-330), "2026-11-18 05:36");
        assert_eq!(Timestamp::from_millis(i64::MAX).display_at_offset(60), i64::MAX.to_string());
    }
}
