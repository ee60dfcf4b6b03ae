//! The lists a contact can be copied into: those the current view may see, but its own.

use leptos::prelude::*;

use crate::domain::{ContactList, ListId};
use crate::ui::app::AppState;

/// The current view's lists other than `own` (tracked).
pub fn other_lists(state: AppState, own: Option<ListId>) -> Vec<ContactList> {
    state.my_lists.with(|ls| ls.iter().filter(|l| Some(l.id) != own).cloned().collect())
}

/// "Choose a list…" (not pickable again), then `lists`.
#[component]
pub fn TargetOptions(lists: Signal<Vec<ContactList>>, chosen: Signal<Option<ListId>>) -> impl IntoView {
    view! {
        <option value="" disabled=true prop:selected=move || chosen.get().is_none()>"Choose a list…"</option>
        {move || lists.get().into_iter().map(|l| {
            let id = l.id;
            view! { <option value=id.to_string() prop:selected=move || chosen.get() == Some(id)>{l.name.to_string()}</option> }
        }).collect_view()}
    }
}
