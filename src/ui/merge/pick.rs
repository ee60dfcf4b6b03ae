//! The merge dialog's first step: a filter over first name, last name, email and phone
//! (the contacts page's search), every match but the kept contact among the lists the
//! current view may see, one picked with a radio button, then Next.

use leptos::prelude::*;

use crate::domain::trash::contact_name;
use crate::domain::{Contact, ContactField, ContactId, ContactQuery, Workspace};
use crate::ui::app::{AppState, Collection};
use crate::ui::kit::{phone_display, FormField, TextInput};

/// More matches than this ask for a narrower filter.
const SHOWN: usize = 50;

/// One match as the list shows it.
#[derive(Clone, PartialEq)]
struct Match {
    id: ContactId,
    name: String,
    phone: String,
    email: String,
    list: String,
}

impl Match {
    fn of(ws: &Workspace, c: &Contact) -> Self {
        let phone = c.data.get(ContactField::Phone).or(c.data.get(ContactField::Mobile)).map(phone_display).unwrap_or_default();
        Match {
            id: c.id,
            name: contact_name(&c.data),
            phone,
            email: c.data.get(ContactField::Email).unwrap_or_default().to_owned(),
            list: ws.list(c.list_id).map(|l| l.name.to_string()).unwrap_or_default(),
        }
    }
}

#[component]
pub fn MergePick(
    kept: ContactId,
    /// The filter and the contact picked (both kept when going back from the preview).
    filter: RwSignal<String>,
    picked: RwSignal<Option<ContactId>>,
    on_next: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    // The matches, at most `SHOWN`, and whether there are more.
    let matches = Memo::new(move |_| {
        let search = filter.get();
        if search.trim().is_empty() {
            return (Vec::new(), false);
        }
        let query = ContactQuery { search, visible_lists: state.visible.get(), page_size: SHOWN + 2, ..ContactQuery::default() };
        state.read(&[Collection::Contacts, Collection::Lists], |ws| {
            let mut found: Vec<Match> = ws.query(&query).rows.iter().filter(|c| c.id != kept).map(|c| Match::of(ws, c)).collect();
            let more = found.len() > SHOWN;
            found.truncate(SHOWN);
            (found, more)
        })
    });
    let status = move || {
        matches.with(|(found, more)| match (found.len(), more) {
            _ if filter.with(|f| f.trim().is_empty()) => "Type a name, email or phone number.".to_owned(),
            (0, _) => "No other contact matches.".to_owned(),
            (n, false) => format!("{n} matching: pick the contact to merge into this one."),
            (n, true) => format!("The first {n} matches: type more to narrow them."),
        })
    };
    // Only a contact the list still shows can go on.
    let chosen = move || picked.get().filter(|id| matches.with(|(found, _)| found.iter().any(|m| m.id == *id)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if untrack(chosen).is_some() {
            on_next.run(());
        }
    };

    view! {
        <form id="merge-pick" novalidate=true on:submit=submit>
            <div class="dialog-body">
                <FormField id="merge-filter" label="Find the contact to merge">
                    <TextInput kind="search" value=filter placeholder="First name, last name, email or phone" on_input=Callback::new(move |text| filter.set(text)) />
                </FormField>
                <p class="hint" id="merge-pick-status" role="status">{status}</p>
                <fieldset class="merge-matches">
                    <legend class="visually-hidden">"Matching contacts"</legend>
                    <For
                        each=move || matches.get().0
                        key=|m| m.id
                        children=move |m| {
                            let id = m.id;
                            let facts = [m.phone, m.email, m.list].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
                            view! {
                                <label class="merge-match" data-contact=id.to_string()>
                                    <input
                                        type="radio"
                                        name="merge-other"
                                        value=id.to_string()
                                        prop:checked=move || picked.get() == Some(id)
                                        on:change=move |_| picked.set(Some(id))
                                    />
                                    <span class="merge-match-text">
                                        <span class="merge-match-name">{m.name}</span>
                                        <span class="merge-match-facts">{facts}</span>
                                    </span>
                                </label>
                            }
                        }
                    />
                </fieldset>
            </div>
            <footer class="dialog-foot">
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button type="submit" class="btn btn-primary" id="merge-next" disabled=move || chosen().is_none()>"Next"</button>
            </footer>
        </form>
    }
}
