//! Add Contact: a dialog with the list, every default field, social handles and
//! additional phones. Nothing is saved until the domain accepts the whole draft.

use leptos::prelude::*;

use super::additional_phones::AdditionalPhones;
use super::custom_fields_column::CustomFieldsColumn;
use super::default_fields::DefaultFields;
use super::save::ContactForm;
use super::social_fields::SocialFields;
use super::tag_picker::TagPicker;
use crate::domain::{ContactDraft, ListId};
use crate::ui::app::{AppState, Unsaved};
use crate::ui::kit::{Dialog, SaveButton};
use crate::ui::lists::ListSelect;

#[component]
pub fn AddContactDialog(preselected: Option<ListId>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    // With one list there is nothing to choose: preselect it.
    let only_list = state.my_lists.with_untracked(|ls| if ls.len() == 1 { Some(ls[0].id) } else { None });
    let form = ContactForm::new(ContactDraft { list_id: preselected.or(only_list), ..ContactDraft::default() });
    let (draft, errors) = (form.draft, form.errors);
    let save = form.saving(
        |ws, now, current| ws.create_contact(current, now).map(|(_, change)| change),
        move || {
            state.info("Contact added.");
            on_close.run(());
        },
    );
    let close = Unsaved::get().closing(on_close);

    view! {
        <Dialog title="Add contact" on_close=close wide=true>
            <form class="contact-form" id="add-contact-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    <p class="hint">"Fields marked " <span class="required">"*"</span> " are required."</p>
                    <div class="field-grid">
                        <ListSelect draft=draft errors=errors />
                    </div>
                    <DefaultFields draft=draft errors=errors />
                    <CustomFieldsColumn draft=draft errors=errors grouped=true />
                    <SocialFields draft=draft errors=errors />
                    <AdditionalPhones draft=draft errors=errors />
                    <TagPicker draft=draft />
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| close.run(())>"Cancel"</button>
                    <SaveButton id="save-contact" pending=Signal::derive(move || form.save.pending()) />
                </footer>
            </form>
        </Dialog>
    }
}
