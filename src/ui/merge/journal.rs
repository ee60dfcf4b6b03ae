//! A merge moves the merged contact's journal to the kept one, and undo moves it back:
//! both commands take the whole journal, read from storage first.

use leptos::prelude::*;

use crate::domain::{ContactId, JourneyEntry};
use crate::ui::app::AppState;

/// Every journal entry of `contact`, `reading` true meanwhile. `None` when it could not
/// be read (`on_failure` is told why) or the view that asked is gone (`reading`
/// disposed: a dialog closed while reading, so its step is off).
pub async fn whole_journal(state: AppState, contact: ContactId, reading: RwSignal<bool>, on_failure: impl FnOnce(String)) -> Option<Vec<JourneyEntry>> {
    reading.set(true);
    let read = state.journal(contact, None).await;
    if reading.try_set(false).is_some() {
        return None;
    }
    match read? {
        Ok(entries) => Some(entries),
        Err(e) => {
            on_failure(e.to_string());
            None
        }
    }
}
