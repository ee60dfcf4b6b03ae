//! The choices of a Select field: type one and press Enter (or Add); each shows as a
//! chip with a remove button. Enter never submits the surrounding form.

use leptos::prelude::*;

use crate::ui::kit::{focus_id, FormField};
use crate::domain::text::quoted;

#[component]
pub fn ChoicesInput(
    choices: RwSignal<Vec<String>>,
    /// The domain's complaint about the choices, shown under the input.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let local_error = RwSignal::new(None::<String>);
    let add = move || {
        let text = typed.get_untracked().trim().to_string();
        if text.is_empty() {
            return;
        }
        let folded = text.to_lowercase();
        if choices.with_untracked(|c| c.iter().any(|k| k.to_lowercase() == folded)) {
            local_error.set(Some(format!("{} is already a choice", quoted(&text))));
            return;
        }
        choices.update(|c| c.push(text));
        typed.set(String::new());
        local_error.set(None);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            add();
        }
    };
    let shown_error = Signal::derive(move || local_error.get().or_else(|| error.get()));
    // A composite control (chips, an entry and its Add button): the entry is described
    // by its help line, not by the field's error, so it keeps its own attributes.
    view! {
        <FormField id="field-def-choices" label="Choices" required=true error_id="error-def-choices" error=shown_error>
            <ul class="chips" id="choice-chips" aria-label="Choices">
                <For
                    each=move || numbered(choices.get())
                    key=|(i, c)| (*i, c.clone())
                    children={move |(i, c)| {
                        let label = format!("Remove choice {c}");
                        view! {
                            <li class="chip">
                                <span class="chip-text">{c}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=label
                                    on:click=move |_| {
                                        choices.update(|list| {
                                            if i < list.len() {
                                                list.remove(i);
                                            }
                                        });
                                        // The chip's button is gone: keep focus in the dialog.
                                        request_animation_frame(|| focus_id("field-def-choices"));
                                    }
                                >
                                    "×"
                                </button>
                            </li>
                        }
                    }}
                />
            </ul>
            <div class="choice-entry">
                <input
                    type="text"
                    id="field-def-choices"
                    autocomplete="off"
                    placeholder="Type a choice and press Enter"
                    aria-describedby="choices-help"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                    on:keydown=on_key
                />
                <button type="button" class="btn" id="add-choice" on:click=move |_| add()>"Add"</button>
            </div>
            <p class="toggle-hint" id="choices-help">"Each choice is one option of the drop-down."</p>
        </FormField>
    }
}

/// Choices with their position (a chip removes by position).
fn numbered(choices: Vec<String>) -> Vec<(usize, String)> {
    choices.into_iter().enumerate().collect()
}
