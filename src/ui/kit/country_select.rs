//! A country picker: "Italy (+39)", sorted by name, with a first option for none.

use leptos::prelude::*;

use crate::domain::Country;

#[component]
pub fn CountrySelect(
    id: &'static str,
    #[prop(into)] value: Signal<Option<Country>>,
    on_change: Callback<Option<Country>>,
    /// The first option's text (no country chosen).
    none_label: &'static str,
    #[prop(optional, into)] describedby: Option<String>,
) -> impl IntoView {
    // ~250 options: built once, selection follows `value`.
    let options = Country::all()
        .into_iter()
        .map(|c| {
            view! {
                <option value=c.code() prop:selected=move || value.get() == Some(c)>
                    {c.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <select
            id=id
            aria-describedby=describedby
            on:change=move |ev| on_change.run(Country::from_code(&event_target_value(&ev)))
        >
            <option value="" prop:selected=move || value.get().is_none()>{none_label}</option>
            {options}
        </select>
    }
}
