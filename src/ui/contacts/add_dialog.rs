//! Add Contact: a dialog with the list, every default field, social handles and
//! additional phones. Nothing is saved until the domain accepts the whole draft.

use leptos::prelude::*;

use super::additional_phones::AdditionalPhones;
use super::save::show_failure;
use super::custom_fields_column::CustomFieldsColumn;
use super::default_fields::DefaultFields;
use crate::ui::kit::Dialog;
use crate::ui::lists::ListSelect;
use super::social_fields::SocialFields;
use crate::ui::app::AppState;
use super::tag_picker::TagPicker;
use crate::domain::{ContactDraft, ContactErrors, ListId};

#[component]
pub fn AddContactDialog(preselected: Option<ListId>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    // With one list there is nothing to choose: preselect it.
    let only_list = state.my_lists.with_untracked(|ls| if ls.len() == 1 { Some(ls[0].id) } else { None });
    let draft = RwSignal::new(ContactDraft { list_id: preselected.or(only_list), ..ContactDraft::default() });
    let errors = RwSignal::new(ContactErrors::default());
    let saving = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, now| ws.create_contact(&current, now)).await;
            saving.set(false);
            match result {
                Ok(_) => {
                    state.info("Contact added.");
                    on_close.run(());
                }
                Err(err) => show_failure(state, errors, err),
            }
        });
    };

    view! {
        <Dialog title="Add contact" on_close=on_close wide=true>
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
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="save-contact" disabled=move || saving.get()>
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
