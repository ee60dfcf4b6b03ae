//! The outcome of an interaction, as the Log and Close dialogs ask for it: a
//! disposition of the list (indented by depth) and the agent's notes.

use leptos::prelude::*;

use crate::domain::{Collection, DispositionId, ListId};
use crate::ui::app::AppState;
use crate::ui::kit::{choice_options, FormField, Select, TextArea};

#[component]
pub fn OutcomeFields(
    list: ListId,
    /// The chosen disposition's id, "" for none.
    disposition: RwSignal<String>,
    notes: RwSignal<String>,
    /// Prefix of the controls' ids ("journey-log", "journey-close").
    id_prefix: &'static str,
) -> impl IntoView {
    let state = AppState::get();
    let choices = state.read(&[Collection::Dispositions], |ws| {
        let tree = ws.dispositions(list).into_iter().map(|(depth, d)| (d.id.get().to_string(), format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth.saturating_sub(1)), d.name)));
        std::iter::once((String::new(), "None".to_owned())).chain(tree).collect::<Vec<_>>()
    });
    let has_choices = choices.len() > 1;
    view! {
        <FormField id=format!("{id_prefix}-disposition") label="Disposition">
            <Select on_change=Callback::new(move |v| disposition.set(v)) disabled=!has_choices>
                {choice_options(choices, disposition.into())}
            </Select>
            {(!has_choices).then(|| view! { <p class="hint">"This list has no dispositions yet."</p> })}
        </FormField>
        <FormField id=format!("{id_prefix}-notes") label="Notes" class="field-wide">
            <TextArea value=notes on_input=Callback::new(move |v| notes.set(v)) rows=3 />
        </FormField>
    }
}

/// The disposition a select's value names; "" (or anything else) is none.
pub fn chosen_disposition(value: &str) -> Option<DispositionId> {
    value.parse().ok().map(DispositionId::new)
}
