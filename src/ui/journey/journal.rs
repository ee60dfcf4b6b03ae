//! The contact's journal, read whole from storage when the pane opens and again after
//! every saved journal change (filters then work in memory, at once), with the derived
//! origin event; and the names its ids stand for.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::{AgentId, Collection, ContactId, DispositionId, JourneyEntry, Workspace};
use crate::ui::app::AppState;

#[derive(Clone, PartialEq)]
pub enum Journal {
    Loading,
    Failed(String),
    /// Oldest first, the origin event included.
    Ready(Arc<Vec<JourneyEntry>>),
}

impl Journal {
    pub fn entries(&self) -> &[JourneyEntry] {
        match self {
            Journal::Ready(entries) => entries,
            _ => &[],
        }
    }
}

/// The journal of `contact`, kept current.
pub fn read_journal(contact: ContactId) -> RwSignal<Journal> {
    let state = AppState::get();
    let journal = RwSignal::new(Journal::Loading);
    // Reads may finish out of order: only the latest one is kept.
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        state.follow(&[Collection::Journal]);
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            let Some(read) = state.journal(contact, None).await else { return };
            if latest.try_get_value() != Some(ticket) {
                return;
            }
            let next = match read {
                Err(e) => Journal::Failed(e.to_string()),
                Ok(mut entries) => {
                    if let Some(origin) = state.read_now(|ws| ws.origin_event(contact)) {
                        entries.insert(0, JourneyEntry::History(origin));
                    }
                    Journal::Ready(Arc::new(entries))
                }
            };
            journal.try_set(next);
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
