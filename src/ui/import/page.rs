//! Import Contacts: choose a CSV file, check how it is read and where its columns
//! go, upload with a duplicate check, then a summary; the history of imports below.

use leptos::prelude::*;

use crate::domain::ListId;

use super::error::ImportError;
use super::file_step::ImportFileStep;
use super::history::ImportHistory;
use super::progress::ImportProgress;
use super::session::{ImportSession, Stage};
use super::setup::ImportSetup;
use super::summary::ImportSummary;

#[component]
pub fn ImportPage(list: Option<ListId>) -> impl IntoView {
    let session = ImportSession::new(list);
    view! {
        <section class="page import-page" aria-labelledby="import-title">
            <header class="page-head">
                <h1 id="import-title">"Import contacts"</h1>
            </header>
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
        </section>
    }
}
