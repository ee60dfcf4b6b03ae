//! The Customer Journey: a contact's interactions and its own history on one
//! timeline, newest first, filtered by channel and time interval.
//!
//! - `local_time`: timestamps read at the user's UTC offset;
//! - `interval`: the time interval and its default (three months back to this one);
//! - `history`: the record's own events and the fields an edit changed;
//! - `filter`: the channel and interval filter, counts per channel, grouping by day;
//! - `csv`: the filtered journey as a CSV file.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{ContactId, Timestamp};
use crate::domain::interaction::Interaction;

mod csv;
mod filter;
mod history;
mod interval;
mod local_time;

pub use csv::{journey_csv, JOURNEY_CSV_HEADER};
pub use filter::{channel_counts, filter, group_by_day, JourneyFilter};
pub use history::{edited_field_labels, edited_fields, EditedField, HistoryEvent, HistoryKind};
pub use interval::{Interval, IntervalError};
pub use local_time::{from_local, local_date, local_datetime};

/// One item of a journey (stored one per record in the journal, `codec::journal`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JourneyEntry {
    Interaction(Interaction),
    History(HistoryEvent),
}

impl JourneyEntry {
    /// When it happened: an interaction's start, an event's time.
    pub fn at(&self) -> Timestamp {
        match self {
            JourneyEntry::Interaction(i) => i.started,
            JourneyEntry::History(e) => e.at,
        }
    }

    pub fn contact(&self) -> ContactId {
        match self {
            JourneyEntry::Interaction(i) => i.contact,
            JourneyEntry::History(e) => e.contact,
        }
    }

    /// The same entry, belonging to `contact` (a merge moves entries, its undo moves
    /// them back).
    pub fn moved_to(self, contact: ContactId) -> JourneyEntry {
        match self {
            JourneyEntry::Interaction(i) => JourneyEntry::Interaction(Interaction { contact, ..i }),
            JourneyEntry::History(e) => JourneyEntry::History(HistoryEvent { contact, ..e }),
        }
    }

    pub fn as_interaction(&self) -> Option<&Interaction> {
        match self {
            JourneyEntry::Interaction(i) => Some(i),
            JourneyEntry::History(_) => None,
        }
    }
}

/// The journey's two views, so record edits do not drown the conversations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum JourneyView {
    /// Interactions.
    #[default]
    Activity,
    /// The record's own history.
    History,
}

impl JourneyView {
    pub fn shows(self, entry: &JourneyEntry) -> bool {
        matches!((self, entry), (JourneyView::Activity, JourneyEntry::Interaction(_)) | (JourneyView::History, JourneyEntry::History(_)))
    }
}
