//! Import Contacts: choose a CSV file, check how it is read and where its columns
//! go, upload with a duplicate check, then a summary; the history of imports below.
//! A second tab imports a call or message log into the contacts' journeys.

use leptos::prelude::*;

use crate::domain::ListId;

use super::call_log::{CallLogSession, CallLogWizard};
use super::error::ImportError;
use super::file_step::ImportFileStep;
use super::history::ImportHistory;
use super::progress::ImportProgress;
use super::session::{ImportSession, Stage};
use super::setup::ImportSetup;
use super::summary::ImportSummary;

#[component]
pub fn ImportPage(list: Option<ListId>) -> impl IntoView {
    // Both wizards need the import engine from the first file chosen.
    super::engine::start_early();
    let session = ImportSession::new(list);
    // Each tab's session lives with the page: switching tabs keeps both wizards where
    // they were (only the shown one is in the page, so their ids never clash).
    let call_log = CallLogSession::new();
    let calls = RwSignal::new(false);
    let tab = move |id: &'static str, label: &'static str, mine: bool| {
        view! {
            <button type="button" role="tab" class="tab" id=id aria-selected=move || (calls.get() == mine).to_string() on:click=move |_| calls.set(mine)>
                {label}
            </button>
        }
    };
    view! {
        <section class="page import-page" aria-labelledby="import-title">
            <header class="page-head">
                <h1 id="import-title">{move || if calls.get() { "Import a call log" } else { "Import contacts" }}</h1>
            </header>
            <div class="tabs import-tabs" role="tablist" aria-label="What to import">
                {tab("import-tab-contacts", "Contacts", false)}
                {tab("import-tab-calls", "Call log", true)}
            </div>
            {move || {
                if calls.get() {
                    return view! { <CallLogWizard session=call_log /> }.into_any();
                }
                view! {
                    // In setup the message shows beside Upload, where the user is looking.
                    {move || (session.stage.get() != Stage::Setup).then(|| view! { <ImportError session=session /> })}
                    {move || match session.stage.get() {
                        Stage::ChooseFile => view! { <ImportFileStep session=session /> }.into_any(),
                        Stage::Opening => view! { <p class="muted" role="status">"Reading the file…"</p> }.into_any(),
                        Stage::Setup => view! { <ImportSetup session=session /> }.into_any(),
                        Stage::Running => view! { <ImportProgress session=session /> }.into_any(),
                        Stage::Done => view! { <ImportSummary session=session /> }.into_any(),
                    }}
                    <ImportHistory />
                }
                .into_any()
            }}
        </section>
    }
}
