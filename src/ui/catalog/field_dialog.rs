//! New / Edit Custom Field, for list fields and global fields alike: alias, type,
//! choices (Select), Required, Click to Action. Domain refusals show next to the part
//! of the form they are about.

use leptos::prelude::*;

use super::choices_input::ChoicesInput;
use crate::ui::kit::Dialog;
use crate::ui::kit::focus_id;
use crate::ui::kit::sentence;
use crate::ui::app::{ActionError, AppState};
use crate::ui::kit::ToggleSwitch;
use crate::domain::field_draft::{FieldDraft, FieldError, FieldTypeName};
use crate::domain::{FieldId, FieldScope, WorkspaceError};

/// Where a refusal is shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Alias,
    Type,
    Choices,
}

fn slot_of(err: &FieldError) -> Slot {
    match err {
        FieldError::AliasRequired | FieldError::AliasTooLong(_) | FieldError::AliasTaken(_) => Slot::Alias,
        FieldError::NoChoices | FieldError::DuplicateChoice(_) | FieldError::ChoiceTooLong(_) => Slot::Choices,
        _ => Slot::Type,
    }
}

#[component]
pub fn FieldDialog(scope: FieldScope, editing: Option<FieldId>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let initial = editing
        .and_then(|id| state.read(|ws| ws.field(id).map(FieldDraft::from_field)))
        .unwrap_or_default();
    let alias = RwSignal::new(initial.alias);
    let type_name = RwSignal::new(initial.type_name);
    let choices = RwSignal::new(initial.choices);
    let required = RwSignal::new(initial.required);
    let click_to_action = RwSignal::new(initial.click_to_action);
    let error = RwSignal::new(None::<(Slot, String)>);
    let saving = RwSignal::new(false);
    let types: &'static [FieldTypeName] = match scope {
        FieldScope::Global => &FieldTypeName::FOR_GLOBAL,
        FieldScope::List(_) => &FieldTypeName::FOR_LISTS,
    };
    let message_at = move |slot: Slot| Signal::derive(move || error.with(|e| e.as_ref().filter(|(s, _)| *s == slot).map(|(_, m)| m.clone())));
    let alias_error = message_at(Slot::Alias);
    let type_error = message_at(Slot::Type);
    let choices_error = message_at(Slot::Choices);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let draft = FieldDraft {
            alias: alias.get_untracked(),
            type_name: type_name.get_untracked(),
            choices: choices.get_untracked(),
            required: required.get_untracked(),
            click_to_action: click_to_action.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let result = match editing {
                Some(id) => state.apply(move |ws, now| ws.update_field(id, &draft, now).map(|c| ((), c))).await,
                None => state.apply(move |ws, now| ws.create_field(scope, &draft, now).map(|(_, c)| ((), c))).await,
            };
            saving.set(false);
            match result {
                Ok(()) => {
                    state.info(if editing.is_some() { "Custom field saved." } else { "Custom field added." });
                    on_close.run(());
                }
                Err(ActionError::Rejected(WorkspaceError::Field(e))) => {
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
                Err(ActionError::Storage(_)) => {}
                Err(other) => state.error(other.to_string()),
            }
        });
    };

    let title = if editing.is_some() { "Edit custom field" } else { "New custom field" };
    view! {
        <Dialog title=title.to_string() on_close=on_close>
            <form id="field-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    <div class="field" class:has-error=move || alias_error.with(Option::is_some)>
                        <label for="field-def-alias">"Alias" <span class="required" aria-hidden="true">" *"</span></label>
                        <input
                            type="text"
                            id="field-def-alias"
                            autocomplete="off"
                            aria-required="true"
                            aria-invalid=move || alias_error.with(Option::is_some).then_some("true")
                            prop:value=move || alias.get()
                            on:input=move |ev| alias.set(event_target_value(&ev))
                        />
                        <p class="toggle-hint">"The name shown in the contact's view."</p>
                        {move || alias_error.get().map(|m| view! { <p class="field-error" id="error-def-alias" role="alert">{sentence(&m)}</p> })}
                    </div>
                    <div class="field" class:has-error=move || type_error.with(Option::is_some)>
                        <label for="field-def-type">"Type"</label>
                        <select
                            id="field-def-type"
                            aria-invalid=move || type_error.with(Option::is_some).then_some("true")
                            on:change=move |ev| {
                                if let Some(t) = FieldTypeName::from_key(&event_target_value(&ev)) {
                                    type_name.set(t);
                                }
                            }
                        >
                            {types
                                .iter()
                                .map(|t| {
                                    let t = *t;
                                    view! { <option value=t.key() prop:selected=move || type_name.get() == t>{t.label()}</option> }
                                })
                                .collect_view()}
                        </select>
                        {move || type_error.get().map(|m| view! { <p class="field-error" id="error-def-type" role="alert">{sentence(&m)}</p> })}
                    </div>
                    <Show when=move || type_name.get() == FieldTypeName::Select>
                        <ChoicesInput choices=choices error=choices_error />
                    </Show>
                    <ToggleSwitch
                        id="field-def-required"
                        label="Required"
                        hint="A contact cannot be saved without a value."
                        checked=required
                        on_change=Callback::new(move |on| required.set(on))
                    />
                    <ToggleSwitch
                        id="field-def-cta"
                        label="Click to Action"
                        hint="The value becomes a click-to-dial link in the contact's view."
                        checked=click_to_action
                        on_change=Callback::new(move |on| click_to_action.set(on))
                    />
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="save-field" disabled=move || saving.get()>
                        {if editing.is_some() { "Save" } else { "Add Custom Field" }}
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
