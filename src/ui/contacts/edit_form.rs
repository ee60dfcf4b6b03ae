//! The form of the Edit Contact page: default fields left, custom fields (global,
//! then the list's) right, social info and additional phones below; Save validates like Add.

use leptos::prelude::*;

use super::additional_phones::AdditionalPhones;
use super::save::show_failure;
use super::custom_fields_column::CustomFieldsColumn;
use super::default_fields::DefaultFields;
use crate::ui::kit::local_time;
use crate::ui::lists::ListSelect;
use super::social_fields::SocialFields;
use crate::ui::app::AppState;
use super::tag_picker::TagPicker;
use crate::domain::{Contact, ContactDraft, ContactErrors, ContactField, ContactId};

#[component]
pub fn EditContactForm(
    id: ContactId,
    initial: ContactDraft,
    contact: Memo<Option<Contact>>,
    on_back: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let draft = RwSignal::new(initial);
    let errors = RwSignal::new(ContactErrors::default());
    let saving = RwSignal::new(false);

    let title = move || {
        contact.with(|c| {
            c.as_ref()
                .map(|c| {
                    [Some(c.data.first_name()), c.data.get(ContactField::LastName)]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        })
    };
    let times = move || {
        contact.with(|c| {
            c.as_ref()
                .map(|c| format!("Created {} · Updated {}", local_time(c.created), local_time(c.updated)))
                .unwrap_or_default()
        })
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, now| ws.update_contact(id, &current, now).map(|c| ((), c))).await;
            saving.set(false);
            match result {
                Ok(()) => {
                    errors.set(ContactErrors::default());
                    // Show what was stored (phones normalised, text trimmed).
                    if let Some(saved) = state.read(|ws| ws.contact(id).map(ContactDraft::from_contact)) {
                        draft.set(saved);
                    }
                    state.info("Contact saved.");
                }
                Err(err) => show_failure(state, errors, err),
            }
        });
    };

    view! {
        <form class="contact-form" id="edit-contact-form" novalidate=true on:submit=save>
            <header class="page-head">
                <div>
                    <p class="breadcrumb">
                        <a href="#/contacts" on:click=move |ev| { ev.prevent_default(); on_back.run(()); }>"Contacts"</a>
                        " / Edit contact"
                    </p>
                    <h1 id="edit-contact-title">{title}</h1>
                    <p class="page-sub" id="contact-times">{times}</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="btn" on:click=move |_| on_back.run(())>"Back"</button>
                    <button type="submit" class="btn btn-primary" id="save-contact" disabled=move || saving.get()>
                        {move || if saving.get() { "Saving…" } else { "Save" }}
                    </button>
                </div>
            </header>
            <div class="edit-columns">
                <div class="card">
                    <h2 class="card-title">"Contact details"</h2>
                    <div class="field-grid">
                        <ListSelect draft=draft errors=errors />
                    </div>
                    <DefaultFields draft=draft errors=errors links=true />
                </div>
                <aside class="card">
                    <h2 class="card-title">"Custom fields"</h2>
                    <CustomFieldsColumn draft=draft errors=errors />
                </aside>
            </div>
            <div class="card">
                <SocialFields draft=draft errors=errors open=true />
                <AdditionalPhones draft=draft errors=errors />
                <TagPicker draft=draft />
            </div>
            <div class="form-actions">
                <button type="button" class="btn" on:click=move |_| on_back.run(())>"Back"</button>
                <button type="submit" class="btn btn-primary" disabled=move || saving.get()>
                    {move || if saving.get() { "Saving…" } else { "Save" }}
                </button>
            </div>
        </form>
    }
}
