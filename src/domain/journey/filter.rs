//! What the journey shows: entries in the chosen interval and channels, newest first,
//! counts per channel for the filter's labels ("Voice (12)"), and days to group by.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::local_time::local_date;
use super::{Interval, JourneyEntry};
use crate::domain::interaction::Channel;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JourneyFilter {
    /// The channels chosen; none chosen shows every channel.
    pub channels: BTreeSet<Channel>,
    pub interval: Interval,
}

impl JourneyFilter {
    /// Every channel within `interval`.
    pub fn all_channels(interval: Interval) -> Self {
        Self { channels: BTreeSet::new(), interval }
    }

    /// Whether the entry passes: its time lies in the interval and, for an
    /// interaction, its channel is chosen (history events have no channel).
    pub fn keeps(&self, entry: &JourneyEntry) -> bool {
        self.interval.contains(entry.at())
            && match entry {
                JourneyEntry::Interaction(i) => self.channels.is_empty() || self.channels.contains(&i.channel),
                JourneyEntry::History(_) => true,
            }
    }
}

/// The entries `filter` keeps, newest first (entries at the same moment keep their
/// order).
pub fn filter<'a>(entries: impl IntoIterator<Item = &'a JourneyEntry>, filter: &JourneyFilter) -> Vec<&'a JourneyEntry> {
    let mut kept: Vec<&JourneyEntry> = entries.into_iter().filter(|e| filter.keeps(e)).collect();
    kept.sort_by_key(|e| std::cmp::Reverse(e.at()));
    kept
}

/// How many interactions of each channel lie in `interval`, every channel in
/// `Channel::ALL` order (zeros too, so the filter's choices do not move).
pub fn channel_counts<'a>(entries: impl IntoIterator<Item = &'a JourneyEntry>, interval: Interval) -> Vec<(Channel, usize)> {
    let mut counts: Vec<(Channel, usize)> = Channel::ALL.into_iter().map(|c| (c, 0)).collect();
    for interaction in entries.into_iter().filter_map(JourneyEntry::as_interaction) {
        if interval.contains(interaction.started) {
            if let Some((_, n)) = counts.iter_mut().find(|(c, _)| *c == interaction.channel) {
                *n += 1;
            }
        }
    }
    counts
}

/// The entries by local day at `offset_minutes`, newest day first and newest first
/// within a day.
pub fn group_by_day<'a>(entries: impl IntoIterator<Item = &'a JourneyEntry>, offset_minutes: i32) -> Vec<(NaiveDate, Vec<&'a JourneyEntry>)> {
    let mut sorted: Vec<&JourneyEntry> = entries.into_iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.at()));
    let mut days: Vec<(NaiveDate, Vec<&JourneyEntry>)> = Vec::new();
    for entry in sorted {
        let day = local_date(entry.at(), offset_minutes);
        match days.last_mut() {
            Some((last, group)) if *last == day => group.push(entry),
            _ => days.push((day, vec![entry])),
        }
    }
    days
}
