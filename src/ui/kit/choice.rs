//! Fixed choices in a `<select>`: the options from (value, label) pairs with the
//! current one selected, and a select that sits beside its label on one line
//! (toolbars, the import's format bar).

use leptos::prelude::*;

/// The `<option>`s of `choices`, the one whose value is `current` selected.
pub fn choice_options(choices: Vec<(String, String)>, current: Signal<String>) -> impl IntoView {
    choices
        .into_iter()
        .map(|(value, label)| {
            let mine = value.clone();
            view! { <option value=value prop:selected=move || current.with(|c| *c == mine)>{label}</option> }
        })
        .collect_view()
}

#[component]
pub fn InlineSelect(
    id: &'static str,
    label: &'static str,
    /// The label's class; `field-inline` when not given.
    #[prop(optional)]
    class: Option<&'static str>,
    choices: Vec<(String, String)>,
    #[prop(into)] current: Signal<String>,
    /// The chosen option's value.
    on_change: Callback<String>,
    /// Options shown before the fixed ones (a value found in the file, say).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <label class=class.unwrap_or("field-inline")>
            <span>{label}</span>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                {children.map(|c| c())}
                {choice_options(choices, current)}
            </select>
        </label>
    }
}
