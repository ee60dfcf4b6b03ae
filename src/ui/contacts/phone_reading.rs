//! Under a phone input: the number as it will be saved, with its country
//! ("+39 328 123 4567 · Italy"); when the digits can mean two numbers, both, to
//! pick one.

use leptos::prelude::*;

use super::phone_library::PhoneLibrary;
use crate::domain::{Country, PhoneNumber};
use crate::ui::app::AppState;

#[component]
pub fn PhoneReadingHint(
    /// The input's id: the hint's id and its buttons' ids derive from it.
    input_id: String,
    #[prop(into)] text: Signal<String>,
    #[prop(into)] country: Signal<Option<Country>>,
    /// Replaces the input's text (with the chosen number, written with its country code).
    on_pick: Callback<String>,
) -> impl IntoView {
    let library = PhoneLibrary::get();
    library.prepare(AppState::get());
    let reading = Memo::new(move |_| {
        let text = text.get();
        if text.trim().is_empty() || !library.ready() {
            return None;
        }
        PhoneNumber::parse_in(&text, country.get()).ok()
    });
    let hint_id = format!("reading-{input_id}");
    move || {
        let reading = reading.get()?;
        let hint_id = hint_id.clone();
        Some(match reading.alternative {
            None => view! { <p class="hint phone-reading" id=hint_id>{format!("Saved as {}", reading.number.described())}</p> }.into_any(),
            Some(other) => {
                let choice = move |n: PhoneNumber, which: &'static str| {
                    let id = format!("{hint_id}-{which}");
                    let picked = n.international();
                    view! {
                        <button type="button" class="btn btn-small" id=id on:click=move |_| on_pick.run(picked.clone())>
                            {n.described()}
                        </button>
                    }
                };
                view! {
                    <div class="phone-reading phone-reading-ambiguous" role="group" aria-label="Which number is meant?">
                        <p class="hint">"These digits can be two numbers. Which one is meant?"</p>
                        <div class="phone-reading-choices">
                            {choice(reading.number.clone(), "national")}
                            {choice(other, "international")}
                        </div>
                    </div>
                }
                .into_any()
            }
        })
    }
}
