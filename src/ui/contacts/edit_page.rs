//! Edit Contact: finds the contact and shows its form, or says it is gone. The form
//! keeps its own draft; after a merge or its undo it is rendered again from the stored
//! contact (`EditedForm`).

use leptos::prelude::*;

use crate::ui::app::Collection;

use super::edit_form::EditContactForm;
use super::view::ContactsView;
use crate::ui::app::Router;
use crate::ui::app::AppState;
use crate::ui::journey::JourneyPane;
use crate::ui::merge::EditedForm;
use crate::domain::{ContactDraft, ContactId};

#[component]
pub fn EditContactPage(id: ContactId) -> impl IntoView {
    let state = AppState::get();
    let router = Router::get();
    let contact = Memo::new(move |_| {
        // An agent's view reaches only contacts of their lists.
        let visible = state.visible.get();
        state.read(&[Collection::Contacts], |ws| ws.contact(id).filter(|c| visible.as_ref().is_none_or(|v| v.contains(&c.list_id))).cloned())
    });
    let form = EditedForm::provide(id);
    let view = ContactsView::get();
    // Back to the table as the user left it (search, sort, page), over the contact's list.
    let back = move || {
        let list = contact.with_untracked(|c| c.as_ref().map(|c| c.list_id));
        router.go_hash(view.href(list));
    };

    view! {
        <section class="page">
            {move || match contact.with_untracked(Option::is_some) {
                false => view! {
                    <div class="empty-state" id="contact-missing">
                        <h1>"Contact not found"</h1>
                        <p>"This contact no longer exists, or is not in a list you can see in this view."</p>
                        <a class="btn" href=move || view.href(None)>"Back to contacts"</a>
                    </div>
                }
                .into_any(),
                true => view! {
                    <div class="edit-with-journey">
                        {move || {
                            form.generation();
                            contact.with_untracked(|c| c.as_ref().map(ContactDraft::from_contact)).map(|initial| {
                                view! { <EditContactForm id=id initial=initial contact=contact on_back=Callback::new(move |()| back()) /> }
                            })
                        }}
                        <JourneyPane id=id contact=contact />
                    </div>
                }
                .into_any(),
            }}
        </section>
    }
}
