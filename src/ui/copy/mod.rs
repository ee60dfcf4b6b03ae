//! Duplicate a contact into another list (issue 13, part 2): the Duplicate… button of
//! Edit Contact and the contacts table's row action both open `CopyDialog`; after a
//! copy the notice links to it.

mod dialog;
mod not_duplicates;
mod plan_view;
mod target_options;

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::domain::trash::contact_name;
use crate::domain::{Contact, ContactId};

pub(crate) use dialog::CopyDialog;

/// Edit Contact's "Duplicate…" (the spec's Duplicate icon).
#[component]
pub fn DuplicateButton(id: ContactId, contact: Memo<Option<Contact>>) -> impl IntoView {
    let name = Signal::derive(move || contact.with(|c| c.as_ref().map(|c| contact_name(&c.data)).unwrap_or_default()));
    view! { <DuplicateOpener source=id label="Duplicate…" class="btn" name=name button_id="duplicate-contact" /> }
}

/// The contacts table's "Duplicate" row action (the spec's Duplicate Contact).
#[component]
pub fn DuplicateRowButton(id: ContactId, name: String) -> impl IntoView {
    view! { <DuplicateOpener source=id label="Duplicate" class="btn btn-small row-duplicate" name=name /> }
}

/// A button that opens the dialog, and the dialog. The dialog lives in `<body>` (a
/// portal): inside a table cell it would take the cell's alignment, and inside the
/// Edit form its submit.
#[component]
fn DuplicateOpener(
    source: ContactId,
    label: &'static str,
    class: &'static str,
    /// The contact's name, for the button's accessible name.
    #[prop(into)]
    name: Signal<String>,
    #[prop(optional)] button_id: Option<&'static str>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let close = Callback::new(move |()| open.set(false));
    view! {
        <button
            type="button"
            class=class
            id=button_id
            aria-haspopup="dialog"
            aria-label=move || format!("Duplicate {} into another list", name.get())
            on:click=move |_| open.set(true)
        >
            {label}
        </button>
        // Made on first use: a page of rows would otherwise hold a portal per row.
        <Show when=move || open.get()>
            <Portal>
                <CopyDialog source=source on_close=close />
            </Portal>
        </Show>
    }
}
