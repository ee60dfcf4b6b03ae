//! A multi-line text input bound to the surrounding `FormField`.

use leptos::prelude::*;

use super::form_field::FieldIds;

#[component]
pub fn TextArea(
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let ids = FieldIds::get();
    view! {
        <textarea
            id=ids.input.clone()
            rows=rows
            aria-required=ids.required.then_some("true")
            aria-invalid=ids.invalid()
            aria-describedby=ids.described_by()
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}
