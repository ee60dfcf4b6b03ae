//! The root: provides the shared state, starts the workspace, and shows the shell or
//! whatever stands in its way (loading, another tab, an error).

use leptos::prelude::*;

use crate::ui::contacts::{ContactsView, FirstScreenPage};
use crate::ui::kit::{sentence, with_stop};

use super::boot::{Boot, Phase};
use crate::ui::data::{database_of, named_workspace};
use super::lock_panel::LockPanel;
use super::notice_area::NoticeArea;
use super::router::Router;
use super::shell::{Frame, Shell, Viewer};
use super::state::AppState;
use super::unsaved::{Unsaved, UnsavedQuestion};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(database_of(&named_workspace()));
    let view = ContactsView::new();
    provide_context(state);
    provide_context(view);
    let unsaved = Unsaved::new();
    provide_context(unsaved);
    provide_context(Router::new(unsaved));
    // The journey's filters stay while the app is open, across contacts.
    provide_context(crate::ui::journey::JourneyFilters::new());
    provide_context(crate::ui::contacts::PhoneLibrary::new());
    let boot = Boot::new(state, view);
    boot.start();
    let phase = boot.phase;

    view! {
        {move || match phase.get() {
            Phase::Starting(text) => view! { <LoadingPanel text=text /> }.into_any(),
            Phase::FirstScreen(screen) => view! {
                <Frame id="app-first-screen" viewer=Viewer::Kept { label: screen.viewing_as.clone(), admin: screen.agent_lists.is_none() }>
                    <FirstScreenPage screen=screen />
                </Frame>
            }
            .into_any(),
            Phase::TakingOver => view! {
                <div class="center-panel" role="status" id="app-loading">
                    <div class="spinner" aria-hidden="true"></div>
                    <p>"Asking the other tab to let go of the workspace… If it does not answer within 3 seconds (busy or frozen), this tab takes over, and any import or export under way there stops."</p>
                    <button type="button" class="btn" id="take-over-now" on:click=move |_| boot.take_over_now()>"Take over now"</button>
                </div>
            }
            .into_any(),
            Phase::Elsewhere { released } => view! {
                <LockPanel released=released on_use_here=Callback::new(move |()| boot.use_here()) />
            }
            .into_any(),
            Phase::Failed(message) => view! {
                <div class="center-panel" role="alert" id="app-error">
                    <div class="card panel-card">
                        <p class="panel-brand">
                            <span class="brand-mark" aria-hidden="true">"CM"</span>
                            " Contacts Manager"
                        </p>
                        <h1>"Your contacts could not be opened"</h1>
                        <p>{with_stop(&sentence(&message))}</p>
                        <button type="button" class="btn btn-primary" on:click=move |_| { let _ = window().location().reload(); }>
                            "Reload"
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Phase::Ready => view! { <Shell /> }.into_any(),
        }}
        <NoticeArea />
        <super::update_banner::UpdateBanner />
        <UnsavedQuestion />
    }
}

/// Start-up under way: a spinner and what it is doing.
#[component]
pub fn LoadingPanel(text: &'static str) -> impl IntoView {
    view! {
        <div class="center-panel" role="status" id="app-loading">
            <div class="spinner" aria-hidden="true"></div>
            <p>{text}</p>
        </div>
    }
}
