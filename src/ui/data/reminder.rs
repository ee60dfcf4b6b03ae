//! After a big change (an import of many contacts), a reminder to make a backup when
//! none was made here for a week: the browser holds the only copy.

use leptos::task::spawn_local;

use crate::domain::Timestamp;
use crate::ui::app::{AppState, NoticeLink, Route, Setting, SettingKey};
use crate::ui::kit::{grouped, local_day, now};

/// A change of this many contacts is a big one.
pub const BIG_CHANGE: u64 = 1_000;
const WEEK_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Offers a backup after `changed` contacts were imported, unless the last backup
/// made here is less than a week old.
pub fn remind_after_import(state: AppState, changed: u64) {
    if changed < BIG_CHANGE {
        return;
    }
    spawn_local(async move {
        let last = match state.recall(SettingKey::LastBackup).await {
            Some(Setting::LastBackup { at, .. }) => Some(at),
            _ => None,
        };
        if let Some(text) = reminder(changed, last, now()) {
            state.act(text, vec![NoticeLink { label: "Make a backup".into(), route: Route::Data }]);
        }
    });
}

/// The reminder's text, `None` when a backup is recent enough.
fn reminder(changed: u64, last: Option<Timestamp>, now: Timestamp) -> Option<String> {
    let since = match last {
        Some(at) if now.millis() - at.millis() < WEEK_MS => return None,
        Some(at) => format!("the last backup made here is from {}", local_day(at)),
        None => "no backup has been made here yet".to_owned(),
    };
    Some(format!("{} contacts imported, and {since}. This browser holds the only copy: a backup file keeps them safe elsewhere.", grouped(changed as usize)))
}
