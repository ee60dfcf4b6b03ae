//! What undoing a merge needs, kept in the merge's history event on the kept contact:
//! both contacts exactly as they were and where the merged one's journal went.

use serde::{Deserialize, Serialize};

use crate::domain::contact::Contact;
use crate::domain::ids::Timestamp;
use crate::domain::interaction::Activity;

/// Stored inside `HistoryKind::MergedIn` (journal records are stored whole, so a
/// later change to `Contact`'s stored shape must migrate these too).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeRecord {
    /// The contact merged in, exactly as it was (its id is never reused).
    pub other: Contact,
    /// The kept contact before the merge.
    pub kept_before: Contact,
    /// The merged contact's journal entries, now the kept one's: (time, key id).
    pub moved: Vec<(Timestamp, u64)>,
}

impl MergeRecord {
    /// The kept contact's activity right after the merge: a different one now means
    /// interactions were logged or closed since, and undo would not be exact.
    pub fn merged_activity(&self) -> Activity {
        let mut activity = self.kept_before.activity;
        activity.absorb(self.other.activity);
        activity
    }
}
