//! The form of the Edit Contact page: default fields left, custom fields (global,
//! then the list's) right, social info and additional phones below; Save validates like Add.

use leptos::prelude::*;

use super::additional_phones::AdditionalPhones;
use super::custom_fields_column::CustomFieldsColumn;
use super::default_fields::DefaultFields;
use super::save::ContactForm;
use super::social_fields::SocialFields;
use super::tag_picker::TagPicker;
use crate::domain::{Contact, ContactDraft, ContactErrors, ContactField, ContactId};
use crate::ui::app::AppState;
use crate::ui::copy::DuplicateButton;
use crate::ui::merge::MergeButton;
use crate::ui::journey::WhatsAppOpenBadge;
use crate::ui::kit::{local_time, SaveButton};
use crate::ui::lists::ListSelect;

#[component]
pub fn EditContactForm(
    id: ContactId,
    initial: ContactDraft,
    contact: Memo<Option<Contact>>,
    on_back: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let form = ContactForm::new(initial);
    let (draft, errors) = (form.draft, form.errors);
    let pending = Signal::derive(move || form.save.pending());

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

    let save = form.saving(
        move |ws, now, current| ws.update_contact(id, current, now),
        move || {
            errors.set(ContactErrors::default());
            // Show what was stored (phones normalised, text trimmed).
            if let Some(saved) = state.read_now(|ws| ws.contact(id).map(ContactDraft::from_contact)) {
                draft.set(saved);
                form.edited.stored_as_shown();
            }
            state.info("Contact saved.");
        },
    );

    view! {
        <form class="contact-form" id="edit-contact-form" novalidate=true on:submit=save>
            <header class="page-head">
                <div>
                    <p class="breadcrumb">
                        <a href="#/contacts" on:click=move |ev| { ev.prevent_default(); on_back.run(()); }>"Contacts"</a>
                        " / Edit contact"
                    </p>
                    <h1 id="edit-contact-title">{title}</h1>
                    <WhatsAppOpenBadge contact=contact />
                    <p class="page-sub" id="contact-times">{times}</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="btn" on:click=move |_| on_back.run(())>"Back"</button>
                    <MergeButton id=id contact=contact />
                    <DuplicateButton id=id contact=contact />
                    <SaveButton id="save-contact" pending=pending />
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
                <SaveButton pending=pending />
            </div>
        </form>
    }
}
