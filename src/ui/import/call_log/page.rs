//! The call log tab of the Import page: the wizard's steps, one at a time. The
//! session belongs to the page, so switching tabs keeps the wizard where it was.

use leptos::prelude::*;

use super::super::error::ImportError;
use super::super::session::Stage;
use super::file_step::CallLogFileStep;
use super::progress::CallLogProgress;
use super::session::CallLogSession;
use super::setup::CallLogSetup;
use super::summary::CallLogSummary;

#[component]
pub fn CallLogWizard(session: CallLogSession) -> impl IntoView {
    view! {
        <div class="call-log-wizard" id="call-log">
            // In setup the message shows beside Import, where the user is looking.
            {move || (session.stage() != Stage::Setup).then(|| view! { <ImportError session=session.file /> })}
            {move || match session.stage() {
                Stage::ChooseFile => view! { <CallLogFileStep session=session /> }.into_any(),
                Stage::Opening => view! { <p class="muted" role="status">"Reading the file…"</p> }.into_any(),
                Stage::Setup => view! { <CallLogSetup session=session /> }.into_any(),
                Stage::Running => view! { <CallLogProgress session=session /> }.into_any(),
                Stage::Done => view! { <CallLogSummary session=session /> }.into_any(),
            }}
        </div>
    }
}
