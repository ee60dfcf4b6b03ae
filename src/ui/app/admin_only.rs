//! What an agent sees on a management page: said plainly, with the way back.

use leptos::prelude::*;

use crate::domain::Collection;

use super::state::AppState;

#[component]
pub fn AdminOnly(#[prop(into)] title: String, what: &'static str) -> impl IntoView {
    let state = AppState::get();
    let who = move || {
        let id = state.viewing_as.get();
        id.and_then(|id| state.read(&[Collection::Agents], |ws| ws.agent(id).map(|a| a.name.to_string()))).unwrap_or_default()
    };
    view! {
        <section class="page">
            <header class="page-head">
                <h1>{title}</h1>
            </header>
            <div class="empty-state" id="admin-only">
                <h2>{format!("Only admins can manage {what}.")}</h2>
                <p>
                    {move || format!("You are viewing as {}. Switch “Viewing as” in the header to Admin to manage {what}.", who())}
                </p>
            </div>
        </section>
    }
}
