//! A sortable column header: a button inside the `<th>`, with `aria-sort` telling
//! screen readers the current order.

use leptos::prelude::*;

use crate::ui::contacts::ContactsView;
use crate::domain::SortKey;

#[component]
pub fn SortHeader(label: &'static str, key: SortKey) -> impl IntoView {
    let view = ContactsView::get();
    let active = move || view.sort.get() == key;
    let aria_sort = move || match (active(), view.descending.get()) {
        (false, _) => "none",
        (true, false) => "ascending",
        (true, true) => "descending",
    };
    let arrow = move || match (active(), view.descending.get()) {
        (false, _) => "↕",
        (true, false) => "↑",
        (true, true) => "↓",
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="sort-btn" class:sorted=active on:click=move |_| view.sort_by(key)>
                {label}
                <span class="sort-arrow" aria-hidden="true">{arrow}</span>
            </button>
        </th>
    }
}
