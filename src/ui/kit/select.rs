//! A native `<select>` bound to the surrounding `FormField`; the caller gives the
//! options (they differ: lists, a field's choices).

use leptos::prelude::*;

use super::form_field::FieldIds;

#[component]
pub fn Select(
    /// The chosen option's value.
    on_change: Callback<String>,
    #[prop(optional, into)] disabled: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let ids = FieldIds::get();
    view! {
        <select
            id=ids.input.clone()
            aria-required=ids.required.then_some("true")
            aria-invalid=ids.invalid()
            aria-describedby=ids.described_by()
            disabled=move || disabled.get()
            on:change=move |ev| on_change.run(event_target_value(&ev))
        >
            {children()}
        </select>
    }
}
