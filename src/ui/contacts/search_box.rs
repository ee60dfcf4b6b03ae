//! The contacts search box: shows the view's search, reports each change of text.

use leptos::prelude::*;

use super::view::ContactsView;

#[component]
pub fn SearchBox(placeholder: &'static str, on_text: Callback<String>) -> impl IntoView {
    let view = ContactsView::get();
    // `change` too: some ways of clearing the box (WebDriver's clear) fire no `input`.
    view! {
        <label class="field-inline search">
            <span class="visually-hidden">"Search contacts"</span>
            <input
                type="search"
                id="contact-search"
                placeholder=placeholder
                autocomplete="off"
                prop:value=move || view.search.get()
                on:input=move |ev| on_text.run(event_target_value(&ev))
                on:change=move |ev| on_text.run(event_target_value(&ev))
            />
        </label>
    }
}
