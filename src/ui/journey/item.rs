//! One item of the timeline: an interaction (channel, direction, time, duration or
//! "Open", agent, disposition, notes; metadata under "Show details"; Close when open)
//! or an event of the record's history.

use leptos::prelude::*;

use super::journal::{agent_name, disposition_path};
use crate::domain::journey::local_datetime;
use crate::domain::trash::contact_name;
use crate::domain::{Collection, HistoryEvent, HistoryKind, Interaction, JourneyEntry, Timestamp, Workspace};
use crate::ui::app::AppState;
use crate::ui::merge::UndoMergeButton;

#[component]
pub fn JourneyItem(
    entry: JourneyEntry,
    offset: i32,
    /// Whether its details show (tracked).
    #[prop(into)]
    expanded: Signal<bool>,
    on_toggle: Callback<()>,
    /// Close on an open interaction.
    on_close: Callback<Interaction>,
) -> impl IntoView {
    match entry {
        JourneyEntry::Interaction(i) => view! { <InteractionItem interaction=i offset=offset expanded=expanded on_toggle=on_toggle on_close=on_close /> }.into_any(),
        JourneyEntry::History(e) => view! { <HistoryItem event=e offset=offset /> }.into_any(),
    }
}

#[component]
fn InteractionItem(interaction: Interaction, offset: i32, expanded: Signal<bool>, on_toggle: Callback<()>, on_close: Callback<Interaction>) -> impl IntoView {
    let state = AppState::get();
    let i = interaction;
    let (agent, disposition) = state.read(&[Collection::Agents, Collection::Dispositions], |ws| {
        (i.agent.and_then(|a| agent_name(ws, a)), i.disposition.and_then(|d| disposition_path(ws, d)))
    });
    let open = i.is_open();
    let span = match i.ended {
        Some(end) => duration_text(i.started, end),
        None => "Open".to_owned(),
    };
    let facts = [agent.map(|a| format!("Agent: {a}")), disposition.map(|d| format!("Disposition: {d}"))].into_iter().flatten().collect::<Vec<_>>();
    let notes = (!i.notes.is_empty()).then(|| i.notes.to_string());
    let details_id = format!("journey-details-{}", i.id);
    // Built when first shown: most items never are, and a filter change redraws 50.
    let details_of = i.clone();
    let detail_rows = move || {
        expanded.get().then(|| details_rows(&details_of, offset).into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view())
    };
    let close = open.then(|| {
        let open_one = i.clone();
        view! { <button type="button" class="btn btn-small journey-close" on:click=move |_| on_close.run(open_one.clone())>"Close"</button> }
    });
    view! {
        <li class="journey-item" class:is-open=open data-kind="interaction" data-channel=i.channel.key()>
            <div class="journey-item-head">
                <span class="journey-channel-name">{i.channel.label()}</span>
                <span class="journey-direction">{i.direction.label()}</span>
                <time class="journey-time">{clock_text(i.started, offset)}</time>
                <span class="journey-span" class:is-open=open>{span}</span>
            </div>
            {(!facts.is_empty()).then(|| view! { <p class="journey-facts">{facts.join(" · ")}</p> })}
            {notes.map(|n| view! { <p class="journey-notes">{n}</p> })}
            <div class="journey-item-actions">
                <button type="button" class="btn-link journey-details-toggle" aria-expanded=move || expanded.get().to_string()
                    aria-controls=details_id.clone() on:click=move |_| on_toggle.run(())>
                    {move || if expanded.get() { "Hide details" } else { "Show details" }}
                </button>
                {close}
            </div>
            <dl class="journey-details" id=details_id hidden=move || !expanded.get()>
                {detail_rows}
            </dl>
        </li>
    }
}

#[component]
fn HistoryItem(event: HistoryEvent, offset: i32) -> impl IntoView {
    let state = AppState::get();
    let text = state.read(&[Collection::Tags, Collection::Lists, Collection::Imports], |ws| history_text(ws, &event.kind));
    let at = event.at;
    let undo = matches!(event.kind, HistoryKind::MergedIn(_)).then(|| view! { <div class="journey-item-actions"><UndoMergeButton event=event /></div> });
    view! {
        <li class="journey-item" data-kind="history">
            <div class="journey-item-head">
                <span class="journey-event">{text}</span>
                <time class="journey-time">{clock_text(at, offset)}</time>
            </div>
            {undo}
        </li>
    }
}

/// What an event of the record's history says.
fn history_text(ws: &Workspace, kind: &HistoryKind) -> String {
    let list_name = |id| ws.list(id).map(|l| format!("list {}", l.name)).unwrap_or_else(|| "a deleted list".to_owned());
    let tag = |id| ws.tag(id).map(|t| t.name.to_string()).unwrap_or_else(|| "a deleted tag".to_owned());
    match kind {
        HistoryKind::Created => "Created".to_owned(),
        HistoryKind::Imported { batch } => format!("Imported in batch {}", batch.get()),
        HistoryKind::Edited { fields } => format!("Edited: {}", fields.join(", ")),
        HistoryKind::Tagged { added, removed } => {
            let added = added.iter().map(|t| format!("+{}", tag(*t)));
            let removed = removed.iter().map(|t| format!("−{}", tag(*t)));
            format!("Tags changed: {}", added.chain(removed).collect::<Vec<_>>().join(", "))
        }
        HistoryKind::Merged { from } => format!("Contact {from} merged into this one"),
        HistoryKind::Duplicated { to_list } => format!("Duplicated into {}", list_name(*to_list)),
        HistoryKind::MergedIn(record) => {
            format!("{} (contact {}) merged into this one", contact_name(&record.other.data), record.other.id)
        }
        HistoryKind::CopiedFrom { contact, list } => format!("Copied from contact {contact} of {}", list_name(*list)),
    }
}

/// The metadata and the full times, under "Show details".
fn details_rows(i: &Interaction, offset: i32) -> Vec<(String, String)> {
    let full = |t: Timestamp| t.display_at_offset(offset);
    let mut rows = vec![("Started".to_owned(), full(i.started)), ("Ended".to_owned(), i.ended.map(full).unwrap_or_else(|| "Still open".to_owned()))];
    rows.extend(i.metadata.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    rows
}

/// "14:05" local.
fn clock_text(t: Timestamp, offset: i32) -> String {
    local_datetime(t, offset).format("%H:%M").to_string()
}

/// "42 s", "5 min", "1 h 05 min".
fn duration_text(start: Timestamp, end: Timestamp) -> String {
    let seconds = end.millis().saturating_sub(start.millis()).max(0) / 1000;
    match seconds {
        s if s < 60 => format!("{s} s"),
        s if s < 3600 => format!("{} min", s / 60),
        s => format!("{} h {:02} min", s / 3600, (s % 3600) / 60),
    }
}
