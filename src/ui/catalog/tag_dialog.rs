//! New tag / Edit tag: a name and a colour (a colour picker plus its hex text, kept
//! in step). The domain accepts only "#rrggbb".

use leptos::prelude::*;

use crate::ui::kit::Dialog;
use crate::ui::kit::focus_id;
use crate::ui::kit::sentence;
use crate::ui::app::{ActionError, AppState};
use crate::domain::workspace::WorkspaceError;
use crate::domain::tag::TagError;
use crate::domain::{Tag, TagColour, TagDraft};

/// A calm default for a new tag.
const DEFAULT_COLOUR: &str = "#1e5aa8";

#[component]
pub fn TagDialog(
    /// The tag being edited; `None` creates one.
    editing: Option<Tag>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let id = editing.as_ref().map(|t| t.id);
    let draft = RwSignal::new(match &editing {
        Some(t) => TagDraft { name: t.name.to_string(), colour: t.colour.as_str().to_owned() },
        None => TagDraft { name: String::new(), colour: DEFAULT_COLOUR.into() },
    });
    let name_error = RwSignal::new(None::<String>);
    let colour_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    // The picker only takes a valid colour: show the last valid one while typing.
    let picker_value = Memo::new(move |_| {
        draft.with(|d| TagColour::parse(&d.colour).map(|c| c.as_str().to_owned())).unwrap_or_else(|| DEFAULT_COLOUR.into())
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state
                .apply(move |ws, _| match id {
                    Some(id) => ws.update_tag(id, &current).map(|c| ((), c)),
                    None => ws.create_tag(&current).map(|(_, c)| ((), c)),
                })
                .await;
            saving.set(false);
            match result {
                Ok(()) => {
                    state.info(if id.is_some() { "Tag saved." } else { "Tag added." });
                    on_close.run(());
                }
                Err(ActionError::Rejected(WorkspaceError::Tag(TagError::BadColour))) => {
                    colour_error.set(Some(TagError::BadColour.to_string()));
                    name_error.set(None);
                    request_animation_frame(|| focus_id("tag-colour-text"));
                }
                Err(ActionError::Rejected(WorkspaceError::Tag(e))) => {
                    name_error.set(Some(e.to_string()));
                    colour_error.set(None);
                    request_animation_frame(|| focus_id("tag-name"));
                }
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    };

    view! {
        <Dialog title=if id.is_some() { "Edit tag" } else { "New tag" } on_close=on_close>
            <form id="tag-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    <div class="field" class:has-error=move || name_error.with(Option::is_some)>
                        <label for="tag-name">"Name" <span class="required" aria-hidden="true">" *"</span></label>
                        <input
                            type="text"
                            id="tag-name"
                            autocomplete="off"
                            aria-required="true"
                            aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || name_error.with(Option::is_some).then_some("error-tag-name")
                            prop:value=move || draft.with(|d| d.name.clone())
                            on:input=move |ev| draft.update(|d| d.name = event_target_value(&ev))
                        />
                        {move || name_error.get().map(|m| view! { <p class="field-error" id="error-tag-name" role="alert">{sentence(&m)}</p> })}
                    </div>
                    <div class="field" class:has-error=move || colour_error.with(Option::is_some)>
                        <label for="tag-colour-text">"Colour"</label>
                        <div class="colour-row">
                            <input
                                type="color"
                                id="tag-colour"
                                class="colour-picker"
                                aria-label="Pick a colour"
                                prop:value=move || picker_value.get()
                                on:input=move |ev| draft.update(|d| d.colour = event_target_value(&ev))
                            />
                            <input
                                type="text"
                                id="tag-colour-text"
                                autocomplete="off"
                                spellcheck="false"
                                maxlength="7"
                                placeholder="#3366cc"
                                aria-invalid=move || colour_error.with(Option::is_some).then_some("true")
                                aria-describedby=move || colour_error.with(Option::is_some).then_some("error-tag-colour")
                                prop:value=move || draft.with(|d| d.colour.clone())
                                on:input=move |ev| draft.update(|d| d.colour = event_target_value(&ev))
                            />
                        </div>
                        {move || colour_error.get().map(|m| view! { <p class="field-error" id="error-tag-colour" role="alert">{sentence(&m)}</p> })}
                    </div>
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="save-tag" disabled=move || saving.get()>
                        {if id.is_some() { "Save" } else { "Add Tag" }}
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
