//! The options of a list picker: "Choose a list…", then the lists the current view may
//! use (an agent's view offers only their lists).

use leptos::prelude::*;

use crate::ui::app::AppState;
use crate::domain::ListId;

#[component]
pub fn ListOptions(#[prop(into)] current: Signal<Option<ListId>>) -> impl IntoView {
    let state = AppState::get();
    view! {
        <option value="" prop:selected=move || current.get().is_none()>"Choose a list…"</option>
        {move || {
            state
                .my_lists
                .get()
                .into_iter()
                .map(|l| {
                    let id = l.id;
                    view! {
                        <option value=id.to_string() prop:selected=move || current.get() == Some(id)>
                            {l.name.to_string()}
                        </option>
                    }
                })
                .collect_view()
        }}
    }
}
