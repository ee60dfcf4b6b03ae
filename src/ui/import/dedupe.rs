//! The fields that mark a duplicate: a row whose values in all of them match a
//! contact of the list, or an earlier row of the file, is left out.

use leptos::prelude::*;

use crate::domain::ContactField;
use crate::domain::import::DedupField;

use crate::ui::app::AppState;

use super::session::ImportSession;

/// The fields offered for the check: the ones people match contacts by.
const OFFERED: [ContactField; 5] =
    [ContactField::Email, ContactField::Phone, ContactField::Mobile, ContactField::FirstName, ContactField::LastName];

fn dedupe_value(f: &DedupField) -> String {
    match f {
        DedupField::Field(field) => field.key().to_string(),
        DedupField::Custom(id) => format!("custom:{}", id.get()),
    }
}

#[component]
pub fn ImportDedupe(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    let choices = Memo::new(move |_| {
        let mut fields: Vec<(DedupField, String)> =
            OFFERED.iter().map(|f| (DedupField::Field(*f), f.label().to_string())).collect();
        fields.extend(session.custom_fields(state).into_iter().map(|f| (DedupField::Custom(f.id), f.alias.to_string())));
        fields
    });
    view! {
        <fieldset class="dedupe">
            <legend class="hint">
                "A row is a duplicate when all the ticked fields match. Empty values never match. Tick none to import every row."
            </legend>
            {move || {
                choices
                    .get()
                    .into_iter()
                    .map(|(field, label)| {
                        view! {
                            <label class="check-inline">
                                <input
                                    type="checkbox"
                                    class="import-dedupe"
                                    value=dedupe_value(&field)
                                    prop:checked=move || session.dedupe.with(|d| d.contains(&field))
                                    on:change=move |ev| session.toggle_dedupe(field, event_target_checked(&ev))
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()
            }}
        </fieldset>
    }
}
