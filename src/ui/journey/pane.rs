//! The Customer Journey pane: Activity and History tabs, Log interaction, Start
//! WhatsApp, Export, the filters and the timeline, and the dialogs they open.

use leptos::prelude::*;

use super::close_dialog::CloseDialog;
use super::export::export_journey;
use super::filters::{FilterBar, JourneyFilters};
use super::journal::{read_journal, Journal};
use super::log_dialog::LogDialog;
use super::timeline::Timeline;
use super::whatsapp::StartWhatsApp;
use crate::domain::journey::{channel_counts, filter};
use crate::domain::{Contact, ContactId, Interaction, JourneyEntry, JourneyView};

/// What dialog is open.
#[derive(Clone)]
enum Open {
    Log,
    Close(Interaction),
}

#[component]
pub fn JourneyPane(id: ContactId, contact: Memo<Option<Contact>>) -> impl IntoView {
    crate::perf::mark("cm:journey-mounted");
    let filters = JourneyFilters::get();
    let journal = read_journal(id, filters.interval.get_untracked());
    // What is read so far holds all of the chosen interval (an interval changed while
    // the rest is read waits for it: nothing shown or exported is partial).
    let complete = Memo::new(move |_| {
        let interval = filters.interval.get();
        journal.with(|j| j.has(interval))
    });
    let counts = Memo::new(move |_| {
        let interval = filters.interval.get();
        journal.with(|j| channel_counts(if complete.get() { j.entries() } else { &[] }, interval))
    });
    // The channel and interval filter only: Export writes every interaction it keeps.
    let kept = Memo::new(move |_| {
        let f = filters.filter();
        let complete = complete.get();
        journal.with(|j| if complete { filter(j.entries(), &f).into_iter().cloned().collect::<Vec<JourneyEntry>>() } else { Vec::new() })
    });
    let shown = Memo::new(move |_| {
        let view = filters.view.get();
        kept.with(|k| k.iter().filter(|e| view.shows(e)).cloned().collect::<Vec<_>>())
    });
    let dialog = RwSignal::new(None::<Open>);
    let close_dialog = Callback::new(move |()| dialog.set(None));
    let on_close_item = Callback::new(move |open: Interaction| dialog.set(Some(Open::Close(open))));
    let export = move |_| export_journey(id, kept.get_untracked(), filters.interval.get_untracked());

    let tab = move |view: JourneyView, key: &'static str, label: &'static str| {
        view! {
            <button type="button" role="tab" class="tab" data-view=key aria-selected=move || (filters.view.get() == view).to_string()
                on:click=move |_| filters.view.set(view)>
                {label}
            </button>
        }
    };
    let status = move || match journal.get() {
        Journal::Failed(e) => Some(view! { <p class="field-error" role="alert">{format!("The journey could not be read: {e}")}</p> }.into_any()),
        _ if !complete.get() => Some(view! { <p class="journey-empty" role="status">"Reading the journey…"</p> }.into_any()),
        _ => None,
    };
    let dialogs = move || {
        dialog.get().map(|open| match open {
            Open::Log => {
                let list = contact.with_untracked(|c| c.as_ref().map(|c| c.list_id));
                list.map(|list| view! { <LogDialog contact=id list=list on_close=close_dialog /> }.into_any())
            }
            Open::Close(interaction) => Some(view! { <CloseDialog open=interaction on_close=close_dialog /> }.into_any()),
        })
    };
    view! {
        <section class="card journey" id="journey" aria-labelledby="journey-title">
            <header class="journey-head">
                <h2 class="card-title" id="journey-title">"Customer journey"</h2>
                <div class="journey-actions">
                    <button type="button" class="btn btn-small btn-primary" id="journey-log" on:click=move |_| dialog.set(Some(Open::Log))>
                        "Log interaction"
                    </button>
                    <button type="button" class="btn btn-small" id="journey-export" on:click=export>"Export"</button>
                </div>
            </header>
            <StartWhatsApp id=id contact=contact />
            <div class="tabs journey-tabs" role="tablist" aria-label="Journey view">
                {tab(JourneyView::Activity, "activity", "Activity")}
                {tab(JourneyView::History, "history", "History")}
            </div>
            <FilterBar counts=counts />
            {status}
            <Timeline shown=shown on_close=on_close_item />
        </section>
        {dialogs}
    }
}
