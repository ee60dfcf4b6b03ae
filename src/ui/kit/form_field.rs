//! One form field: its label (with `*` when required), the control, an optional hint
//! and the error line, tied together by ids. The control reads those ids from
//! `FieldIds::get()`, so no form writes `aria-invalid` or `aria-describedby` by hand.
//!
//! ```ignore
//! <FormField id="tag-name" label="Name" required=true error=name_error>
//!     <TextInput value=name on_input=set_name />
//! </FormField>
//! ```

use leptos::prelude::*;

use super::text::sentence;

/// The ids of the field around the control being built.
#[derive(Clone)]
pub struct FieldIds {
    /// The control's id (the label's `for`).
    pub input: String,
    pub error: String,
    pub required: bool,
    message: Signal<Option<String>>,
}

impl FieldIds {
    /// The field around this control; a control outside a `FormField` is a bug worth
    /// failing loudly on.
    pub fn get() -> Self {
        expect_context::<FieldIds>()
    }

    /// `aria-invalid` while the field shows an error.
    pub fn invalid(&self) -> impl Fn() -> Option<&'static str> + Clone + Send + Sync + 'static {
        let message = self.message;
        move || message.with(Option::is_some).then_some("true")
    }

    /// `aria-describedby`: the error line while there is one.
    pub fn described_by(&self) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
        let (message, id) = (self.message, self.error.clone());
        move || message.with(Option::is_some).then(|| id.clone())
    }
}

#[component]
pub fn FormField(
    /// The control's id.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    /// The error line's id; `error-<id>` when not given.
    #[prop(optional, into)]
    error_id: Option<String>,
    #[prop(optional)] required: bool,
    /// The message under the field, `None` when all is well.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Extra classes beside `field` (e.g. `field-wide`).
    #[prop(optional, into)]
    class: Option<&'static str>,
    /// A line of help under the field, after the error line.
    #[prop(optional)]
    hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let error_id = error_id.unwrap_or_else(|| format!("error-{id}"));
    provide_context(FieldIds { input: id.clone(), error: error_id.clone(), required, message: error });
    let class = match class {
        Some(extra) => format!("field {extra}"),
        None => "field".to_string(),
    };
    view! {
        <div class=class class:has-error=move || error.with(Option::is_some)>
            <label for=id>
                {label}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                {required.then(|| view! { <span class="visually-hidden">" (required)"</span> })}
            </label>
            {children()}
            {move || {
                error.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{sentence(&m)}</p> })
            }}
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
        </div>
    }
}

/// A one-line text input bound to the surrounding `FormField`.
#[component]
pub fn TextInput(
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional, into)] kind: Option<&'static str>,
    #[prop(optional, into)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] placeholder: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
    /// Names and codes, where the spelling checker only gets in the way.
    #[prop(optional)]
    no_spellcheck: bool,
) -> impl IntoView {
    let ids = FieldIds::get();
    view! {
        <input
            type=kind.unwrap_or("text")
            id=ids.input.clone()
            autocomplete=autocomplete.unwrap_or("off")
            placeholder=placeholder
            maxlength=maxlength
            spellcheck=no_spellcheck.then_some("false")
            aria-required=ids.required.then_some("true")
            aria-invalid=ids.invalid()
            aria-describedby=ids.described_by()
            prop:value=move || value.get()
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}
