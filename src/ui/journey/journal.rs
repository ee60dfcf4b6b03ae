//! The contact's journal, read from storage when the pane opens (the interval shown
//! first, then all of it) and again after every saved journal change (filters then
//! work in memory, at once), with the derived origin event; and the names its ids
//! stand for.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::{AgentId, Collection, ContactId, DispositionId, Interval, JourneyEntry, Workspace};
use crate::ui::app::AppState;

#[derive(Clone, PartialEq)]
pub enum Journal {
    Loading,
    Failed(String),
    /// Oldest first, the origin event included; all of them, or those of `covers`
    /// while the rest is still being read.
    Ready { entries: Arc<Vec<JourneyEntry>>, covers: Option<Interval> },
}

impl Journal {
    pub fn entries(&self) -> &[JourneyEntry] {
        match self {
            Journal::Ready { entries, .. } => entries,
            _ => &[],
        }
    }

    /// Whether the entries read so far are all those of `interval`.
    pub fn has(&self, interval: Interval) -> bool {
        matches!(self, Journal::Ready { covers, .. } if covers.is_none_or(|c| c.covers(interval)))
    }
}

/// The journal of `contact`, kept current. The first read is sent at once (storage
/// works while the page renders) and asks only for `first` (the interval the filters
/// show: a third of a busy year); the whole journal follows, and is read again after
/// every saved journal change.
pub fn read_journal(contact: ContactId, first: Interval) -> RwSignal<Journal> {
    let state = AppState::get();
    let journal = RwSignal::new(Journal::Loading);
    let early = StoredValue::new_local(state.journal_started(contact, Some(first)));
    // Reads may finish out of order: only the latest one is kept.
    let latest = StoredValue::new(0u64);
    let ready = move |entries: Vec<JourneyEntry>, covers| {
        let mut entries = entries;
        if let Some(origin) = state.read_now(|ws| ws.origin_event(contact)) {
            entries.insert(0, JourneyEntry::History(origin));
        }
        Journal::Ready { entries: Arc::new(entries), covers }
    };
    Effect::new(move |_| {
        state.follow(&[Collection::Journal]);
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        let early = early.try_update_value(Option::take).flatten();
        let current = move || latest.try_get_value() == Some(ticket);
        leptos::task::spawn_local(async move {
            if let Some(part) = early {
                // A failure here is told by the whole read below.
                if let (Ok(entries), true) = (part.await, current()) {
                    journal.try_set(ready(entries, Some(first)));
                    crate::perf::mark("cm:journey-ready");
                }
            }
            let Some(read) = state.journal(contact, None).await else { return };
            if current() {
                journal.try_set(match read {
                    Err(e) => Journal::Failed(e.to_string()),
                    Ok(entries) => ready(entries, None),
                });
                crate::perf::mark("cm:journey-whole");
            }
        });
    });
    journal
}

pub fn agent_name(ws: &Workspace, id: AgentId) -> Option<String> {
    ws.agent(id).map(|a| a.name.to_string())
}

/// "Sale > Upsell": the disposition under its parents.
pub fn disposition_path(ws: &Workspace, id: DispositionId) -> Option<String> {
    let mut names = Vec::new();
    let mut next = Some(id);
    // Three levels at most; the bound also stops a corrupt loop.
    while let Some(d) = next.and_then(|id| ws.disposition(id)).filter(|_| names.len() < 8) {
        names.push(d.name.to_string());
        next = d.parent;
    }
    names.reverse();
    (!names.is_empty()).then(|| names.join(" > "))
}
