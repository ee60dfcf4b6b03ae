//! New tag / Edit tag: a name and a colour (a colour picker plus its hex text, kept
//! in step). The domain accepts only "#rrggbb".

use leptos::prelude::*;

use crate::domain::tag::TagError;
use crate::domain::workspace::WorkspaceError;
use crate::domain::{Tag, TagColour, TagDraft};
use crate::ui::app::{AppState, Command};
use crate::ui::kit::{focus_id, DialogForm, FormTexts, FormField, TextInput};

/// A calm default for a new tag.
const DEFAULT_COLOUR: &str = "#1e5aa8";

const FORM: FormTexts = FormTexts { form_id: "tag-form", submit_id: "save-tag", new_title: "New tag", edit_title: "Edit tag", add_label: "Add Tag" };

#[component]
pub fn TagDialog(
    /// The tag being edited; `None` creates one.
    editing: Option<Tag>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let save = Command::new();
    let id = editing.as_ref().map(|t| t.id);
    let opened = match &editing {
        Some(t) => TagDraft { name: t.name.to_string(), colour: t.colour.as_str().to_owned() },
        None => TagDraft { name: String::new(), colour: DEFAULT_COLOUR.into() },
    };
    let draft = RwSignal::new(opened.clone());
    let changed = Signal::derive(move || draft.with(|d| *d != opened));
    let name_error = RwSignal::new(None::<String>);
    let colour_error = RwSignal::new(None::<String>);
    // The picker only takes a valid colour: show the last valid one while typing.
    let picker_value = Memo::new(move |_| {
        draft.with(|d| TagColour::parse(&d.colour).map(|c| c.as_str().to_owned())).unwrap_or_else(|| DEFAULT_COLOUR.into())
    });
    let set_colour = Callback::new(move |colour: String| draft.update(|d| d.colour = colour));

    let submit = Callback::new(move |()| {
        let current = draft.get_untracked();
        save.run(
            move |ws, _| match id {
                Some(id) => ws.update_tag(id, &current),
                None => ws.create_tag(&current).map(|(_, change)| change),
            },
            move |result| match result {
                Ok(()) => {
                    state.info(if id.is_some() { "Tag saved." } else { "Tag added." });
                    on_close.run(());
                }
                Err(WorkspaceError::Tag(TagError::BadColour)) => {
                    colour_error.set(Some(TagError::BadColour.to_string()));
                    name_error.set(None);
                    request_animation_frame(|| focus_id("tag-colour-text"));
                }
                Err(WorkspaceError::Tag(e)) => {
                    name_error.set(Some(e.to_string()));
                    colour_error.set(None);
                    request_animation_frame(|| focus_id("tag-name"));
                }
                Err(err) => state.error(err.to_string()),
            },
        );
    });

    view! {
        <DialogForm texts=FORM editing=id.is_some() pending=Signal::derive(move || save.pending()) on_submit=submit on_close=on_close changed=changed>
            <FormField id="tag-name" label="Name" required=true error=name_error>
                <TextInput value=Signal::derive(move || draft.with(|d| d.name.clone())) on_input=Callback::new(move |name| draft.update(|d| d.name = name)) />
            </FormField>
            <FormField id="tag-colour-text" label="Colour" error_id="error-tag-colour" error=colour_error>
                <div class="colour-row">
                    <input type="color" id="tag-colour" class="colour-picker" aria-label="Pick a colour" prop:value=move || picker_value.get() on:input=move |ev| set_colour.run(event_target_value(&ev)) />
                    <TextInput
                        value=Signal::derive(move || draft.with(|d| d.colour.clone()))
                        on_input=set_colour
                        maxlength=7
                        placeholder="#3366cc"
                        no_spellcheck=true
                    />
                </div>
            </FormField>
        </DialogForm>
    }
}
