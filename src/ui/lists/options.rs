//! The options of a list picker: "Choose a list…" (or another first option), then the
//! lists the current view may use (an agent's view offers only their lists).

use leptos::prelude::*;

use crate::ui::app::AppState;
use crate::domain::ListId;

#[component]
pub fn ListOptions(
    #[prop(into)] current: Signal<Option<ListId>>,
    /// The first option, for no list ("All lists" in a filter).
    #[prop(optional)]
    none_label: Option<&'static str>,
) -> impl IntoView {
    let state = AppState::get();
    view! {
        <option value="" prop:selected=move || current.get().is_none()>{none_label.unwrap_or("Choose a list…")}</option>
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
