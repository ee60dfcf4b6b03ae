//! "All lists" or one list: the filter of the contacts page, kept in the address.

use leptos::prelude::*;

use crate::domain::ListId;
use super::view::ContactsView;
use super::view_url::ViewParams;
use crate::ui::app::Router;
use crate::ui::lists::ListOptions;

#[component]
pub fn ListFilter(#[prop(into)] current: Signal<Option<ListId>>, on_change: Callback<()>) -> impl IntoView {
    let router = Router::get();
    let view = ContactsView::get();
    let change = move |ev: leptos::ev::Event| {
        let list = event_target_value(&ev).parse::<u32>().ok().map(ListId::new);
        // The search and sort stay; the page starts over.
        let params = ViewParams { page: 0, ..view.params() };
        router.go_hash(params.to_hash(list));
        on_change.run(());
    };
    view! {
        <label class="field-inline">
            <span>"List"</span>
            <select id="list-filter" on:change=change>
                <ListOptions current=current none_label="All lists" />
            </select>
        </label>
    }
}
