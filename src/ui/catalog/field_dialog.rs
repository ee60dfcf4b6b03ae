//! New / Edit Custom Field, for list fields and global fields alike: alias, type,
//! choices (Select), Required, Click to Action. Domain refusals show next to the part
//! of the form they are about.

use leptos::prelude::*;

use super::choices_input::ChoicesInput;
use crate::domain::field_draft::{FieldDraft, FieldError, FieldTypeName};
use crate::domain::{FieldId, FieldScope, WorkspaceError};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{focus_id, DialogForm, FormTexts, FormField, Select, TextInput, ToggleSwitch};

/// Where a refusal is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Alias,
    Type,
    Choices,
}

fn slot_of(err: &FieldError) -> Slot {
    match err {
        FieldError::AliasRequired | FieldError::AliasTooLong(_) | FieldError::AliasTaken { .. } | FieldError::AliasIsDefault(_) => Slot::Alias,
        FieldError::NoChoices | FieldError::DuplicateChoice(_) | FieldError::ChoiceTooLong(_) => Slot::Choices,
        _ => Slot::Type,
    }
}

const FORM: FormTexts = FormTexts {
    form_id: "field-form",
    submit_id: "save-field",
    new_title: "New custom field",
    edit_title: "Edit custom field",
    add_label: "Add Custom Field",
};

#[component]
pub fn FieldDialog(scope: FieldScope, editing: Option<FieldId>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let initial = editing
        .and_then(|id| state.read_now(|ws| ws.field(id).map(FieldDraft::from_field)))
        .unwrap_or_default();
    let alias = RwSignal::new(initial.alias.clone());
    let type_name = RwSignal::new(initial.type_name);
    let choices = RwSignal::new(initial.choices.clone());
    let required = RwSignal::new(initial.required);
    let click_to_action = RwSignal::new(initial.click_to_action);
    let shown = move || FieldDraft {
        alias: alias.get(),
        type_name: type_name.get(),
        choices: choices.get(),
        required: required.get(),
        click_to_action: click_to_action.get(),
    };
    let changed = Signal::derive(move || shown() != initial);
    let error = RwSignal::new(None::<(Slot, String)>);
    let save = Command::new();
    let types: &'static [FieldTypeName] = match scope {
        FieldScope::Global => &FieldTypeName::FOR_GLOBAL,
        FieldScope::List(_) => &FieldTypeName::FOR_LISTS,
    };
    let message_at = move |slot: Slot| Signal::derive(move || error.with(|e| e.as_ref().filter(|(s, _)| *s == slot).map(|(_, m)| m.clone())));
    let alias_error = message_at(Slot::Alias);
    let type_error = message_at(Slot::Type);
    let choices_error = message_at(Slot::Choices);

    let submit = Callback::new(move |()| {
        let draft = untrack(shown);
        save.run(
            move |ws, now| match editing {
                Some(id) => ws.update_field(id, &draft, now),
                None => ws.create_field(scope, &draft, now).map(|(_, change)| change),
            },
            move |result| match result {
                Ok(()) => {
                    state.info(if editing.is_some() { "Custom field saved." } else { "Custom field added." });
                    on_close.run(());
                }
                Err(WorkspaceError::Field(e)) => {
                    // Values that no longer fit a select come from its removed choices.
                    let slot = match slot_of(&e) {
                        Slot::Type if matches!(e, FieldError::ValuesDoNotFit { .. }) && type_name.get_untracked() == FieldTypeName::Select => Slot::Choices,
                        slot => slot,
                    };
                    error.set(Some((slot, e.to_string())));
                    let target = match slot {
                        Slot::Alias => "field-def-alias",
                        Slot::Type => "field-def-type",
                        Slot::Choices => "field-def-choices",
                    };
                    request_animation_frame(move || focus_id(target));
                }
                Err(other) => state.error(other.to_string()),
            },
        );
    });

    let set_type = Callback::new(move |key: String| {
        if let Some(t) = FieldTypeName::from_key(&key) {
            type_name.set(t);
        }
    });
    view! {
        <DialogForm texts=FORM editing=editing.is_some() pending=Signal::derive(move || save.pending()) on_submit=submit on_close=on_close changed=changed>
            <FormField id="field-def-alias" label="Alias" required=true error_id="error-def-alias" error=alias_error>
                <TextInput value=alias on_input=Callback::new(move |text| alias.set(text)) />
                <p class="toggle-hint">"The name shown in the contact's view."</p>
            </FormField>
            <FormField id="field-def-type" label="Type" error_id="error-def-type" error=type_error>
                <Select on_change=set_type>
                    {types
                        .iter()
                        .map(|t| {
                            let t = *t;
                            view! { <option value=t.key() prop:selected=move || type_name.get() == t>{t.label()}</option> }
                        })
                        .collect_view()}
                </Select>
            </FormField>
            <Show when=move || type_name.get() == FieldTypeName::Select>
                <ChoicesInput choices=choices error=choices_error />
            </Show>
            {[
                ("field-def-required", "Required", "A contact cannot be saved without a value.", required),
                ("field-def-cta", "Click to Action", "The value becomes a click-to-dial link in the contact's view.", click_to_action),
            ]
                .into_iter()
                .map(|(id, label, hint, flag)| view! { <ToggleSwitch id=id label=label hint=hint checked=flag on_change=Callback::new(move |on| flag.set(on)) /> })
                .collect_view()}
        </DialogForm>
    }
}
