//! "All lists" or one list: the filter of the contacts page, kept in the address.

use leptos::prelude::*;

use crate::ui::app::{Route, Router};
use crate::ui::app::AppState;
use crate::domain::ListId;

#[component]
pub fn ListFilter(#[prop(into)] current: Signal<Option<ListId>>, on_change: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let router = Router::get();
    let change = move |ev: leptos::ev::Event| {
        let list = event_target_value(&ev).parse::<u32>().ok().map(ListId::new);
        router.go(Route::Contacts(list));
        on_change.run(());
    };
    view! {
        <label class="field-inline">
            <span>"List"</span>
            <select id="list-filter" on:change=change>
                <option value="" prop:selected=move || current.get().is_none()>"All lists"</option>
                <For
                    each=move || state.my_lists.get()
                    key=|l| (l.id, l.name.clone())
                    children=move |l| {
                        let id = l.id;
                        view! {
                            <option value=id.to_string() prop:selected=move || current.get() == Some(id)>
                                {l.name.to_string()}
                            </option>
                        }
                    }
                />
            </select>
        </label>
    }
}
