//! Contacts: filter by list, search as you type, sort, page, select and delete, add;
//! export to CSV what the table shows (every page of it) or the selected rows.

use leptos::prelude::*;

use super::add_dialog::AddContactDialog;
use super::column_chooser::ColumnChooser;
use super::custom_fields_column::fields_of;
use super::list_filter::ListFilter;
use super::table::ContactsTable;
use super::search_box::SearchBox;
use super::tag_filter::TagFilter;
use super::view::ContactsView;
use super::view_url::ViewParams;
use crate::domain::export::csv_file_name;
use crate::domain::trash::{contact_name, kept_open_whatsapp_sentence};
use crate::domain::{Contact, ContactId, ContactQuery, CustomField};
use crate::ui::app::{AppState, Collection, NoticeLink, Route, Router, Setting};
use crate::ui::export::{ExportDialog, ExportRequest};
use crate::ui::kit::{grouped, plural, Confirmation, Pager, Question};
use crate::domain::text::quoted;

/// The rows on screen and the page they are really from (the query clamps a page
/// that no longer exists, e.g. after deleting the last rows).
#[derive(Clone, PartialEq)]
struct Shown {
    total: usize,
    page: usize,
    rows: Vec<Contact>,
}

#[component]
pub fn ContactsPage() -> impl IntoView {
    let state = AppState::get();
    let view = ContactsView::get();
    let router = Router::get();

    let filter = Memo::new(move |_| match router.route.get() {
        Route::Contacts(list) => list,
        _ => None,
    });
    // A filter naming a deleted list shows everything rather than nothing.
    let list = Memo::new(move |_| {
        let wanted = filter.get();
        state.my_lists.with(|ls| wanted.filter(|id| ls.iter().any(|l| l.id == *id)))
    });

    // The address holds the view (view_url.rs): show what it says, after starting
    // over when it names another list ...
    Effect::new(move |_| {
        let hash = router.hash.get();
        // Leaving for another page changes the address too: not a view to show.
        if !matches!(Route::parse(&hash), Route::Contacts(_)) {
            return;
        }
        view.follow_list(list.get());
        view.apply(ViewParams::from_hash(&hash));
    });
    // ... and keep it in step as the user searches, filters, sorts and pages (in place:
    // Back leaves the page, it does not undo each keystroke).
    Effect::watch(
        move || (view.params(), list.get()),
        move |(params, list), _, _| {
            let hash = params.to_hash(*list);
            let here = matches!(router.route.get_untracked(), Route::Contacts(_));
            if here && router.hash.with_untracked(|h| *h != hash) {
                router.replace(hash);
            }
        },
        false,
    );

    // The table's query (list and tag filters, search, sort, page).
    let query = move || ContactQuery {
        list: list.get(),
        search: view.search.get(),
        sort: view.sort.get(),
        descending: view.descending.get(),
        page: view.page.get(),
        page_size: view.page_size.get(),
        tag: view.tag.get(),
        visible_lists: state.visible.get(),
    };
    let shown = Memo::new(move |_| {
        let mut query = query();
        state.read(&[Collection::Contacts, Collection::Tags], |ws| {
            crate::perf::mark("cm:query");
            let mut result = ws.query(&query);
            crate::perf::mark("cm:queried");
            if result.rows.is_empty() && result.total > 0 && query.page > 0 {
                query.page = (result.total - 1) / query.page_size.max(1);
                result = ws.query(&query);
            }
            Shown { total: result.total, page: query.page, rows: result.rows }
        })
    });
    let rows = Memo::new(move |_| shown.with(|s| s.rows.clone()));
    let total = Signal::derive(move || shown.with(|s| s.total));
    let page = Signal::derive(move || shown.with(|s| s.page));
    let in_scope = Memo::new(move |_| {
        let list = list.get();
        let visible = state.visible.get();
        state.read(&[Collection::Contacts], |ws| match (list, visible) {
            (Some(id), _) => ws.contact_count(id),
            (None, Some(ids)) => ids.iter().map(|id| ws.contact_count(*id)).sum(),
            (None, None) => ws.total_contacts(),
        })
    });
    let has_lists = move || state.my_lists.with(|l| !l.is_empty());
    // Columns can show the list's fields, or for all lists the global ones.
    let fields_here = Memo::new(move |_| fields_of(state, list.get()));
    let columns = Memo::new(move |_| {
        let chosen = view.columns.get();
        fields_here.with(|fs| fs.iter().filter(|f| chosen.contains(&f.id)).cloned().collect::<Vec<CustomField>>())
    });

    let adding = RwSignal::new(false);
    let deleting = Confirmation::<Vec<ContactId>>::new();
    let selected_count = move || view.selected.with(|s| s.len());

    let on_page_size = Callback::new(move |n: usize| {
        // Keep the first visible row on screen.
        let first = page.get_untracked() * view.page_size.get_untracked();
        view.page_size.set(n);
        state.remember(Setting::PageSize(n));
        view.page.set(first / n.max(1));
    });
    let delete_selected = Callback::new(move |ids: Vec<ContactId>| {
        // The command runs before the save: what it did is told once saved.
        let outcome = std::rc::Rc::new(std::cell::Cell::new((0, None::<String>, Vec::new())));
        let told = std::rc::Rc::clone(&outcome);
        deleting.run(
            move |ws, now| {
                let (done, change) = ws.delete_contacts(&ids, now)?;
                let kept: Vec<&Contact> = done.kept_open_whatsapp.iter().filter_map(|id| ws.contact(*id)).collect();
                let sentence = kept_open_whatsapp_sentence(kept.iter().map(|c| &c.data), done.kept_open_whatsapp.len());
                outcome.set((done.deleted, sentence, kept.iter().take(KEPT_LINKS).map(|c| close_link(c)).collect()));
                Ok(change)
            },
            move |result| match result {
                Ok(()) => {
                    view.selected.update(|s| s.clear());
                    match told.take() {
                        (deleted, None, _) => state.info(format!("Deleted {}.", plural(deleted, "contact", "contacts"))),
                        (0, Some(kept), links) => state.act(kept, links),
                        (deleted, Some(kept), links) => state.act(format!("Deleted {}. {kept}", plural(deleted, "contact", "contacts")), links),
                    }
                }
                Err(err) => state.error(err.to_string()),
            },
        );
    });
    let question = |ids: &Vec<ContactId>| Question {
        title: "Delete contacts",
        message: format!("Delete {}? They go to the Trash, where they can be restored for 30 days.", plural(ids.len(), "contact", "contacts")),
        confirm_label: "Delete",
    };

    let exporting = RwSignal::new(None::<ExportRequest>);
    // Every contact the table shows, on every page, in its order; or the selected
    // ones (in the table's order, then any selected rows the filters now hide).
    let export = move |only_selected: bool| {
        let q = untrack(query);
        let name = list.get_untracked().and_then(|id| state.lists.with_untracked(|ls| ls.iter().find(|l| l.id == id).map(|l| l.name.to_string())));
        let mut ids = state.read_now(|ws| ws.query_ids(&q));
        let (file_name, what) = if only_selected {
            let sel = view.selected.get_untracked();
            ids.retain(|id| sel.contains(id));
            let mut hidden: Vec<ContactId> = sel.into_iter().filter(|id| !ids.contains(id)).collect();
            hidden.sort();
            ids.extend(hidden);
            ("selected-contacts.csv".to_owned(), "the selected contacts".to_owned())
        } else {
            let file = name.as_deref().map_or_else(|| "contacts.csv".to_owned(), csv_file_name);
            (file, "the contacts the table shows".to_owned())
        };
        exporting.set(Some(ExportRequest::Contacts { ids, file_name, what }));
    };

    let set_search = move |text: String| {
        if view.search.with_untracked(|s| *s != text) {
            view.search.set(text);
            view.restart();
        }
    };

    let heading = move || {
        list.get()
            .and_then(|id| state.lists.with(|ls| ls.iter().find(|l| l.id == id).map(|l| l.name.to_string())))
            .map(|name| format!("Contacts in {name}"))
            .unwrap_or_else(|| "Contacts".to_string())
    };

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <h1>{heading}</h1>
                    <p class="page-sub">{move || plural(in_scope.get(), "contact", "contacts")}</p>
                    // Say why some lists are missing in an agent's view.
                    {move || state.visible.get().map(|ids| view! {
                        <p class="page-sub" id="agent-scope">
                            {agent_scope(ids.len())}
                        </p>
                    })}
                </div>
                <div class="head-actions">
                <a
                    class="btn"
                    id="import-contacts"
                    href=move || Route::Import(list.get()).to_hash()
                    class:disabled=move || !has_lists()
                >
                    "Import contacts"
                </a>
                <button
                    type="button"
                    class="btn btn-primary"
                    id="add-contact"
                    disabled=move || !has_lists()
                    title=move || if has_lists() { "Add a contact" } else { "Create a list first" }
                    on:click=move |_| adding.set(true)
                >
                    <span aria-hidden="true" class="plus">"+"</span>
                    " Add contact"
                </button>
                </div>
            </header>

            <Show
                when=has_lists
                fallback=move || {
                    if !state.is_admin() {
                        return view! {
                            <div class="empty-state" id="no-lists">
                                <h2>"No lists assigned to you"</h2>
                                <p>"An admin assigns lists to agents with “Add Agents to List” on the Lists page."</p>
                            </div>
                        }
                        .into_any();
                    }
                    view! {
                        <div class="empty-state" id="no-lists">
                            <h2>"Create a list first"</h2>
                            <p>"Every contact belongs to a list. Create one, then add contacts to it."</p>
                            <a class="btn btn-primary" href=Route::Lists.to_hash()>"Go to Lists"</a>
                        </div>
                    }
                    .into_any()
                }
            >
                <div class="toolbar">
                    <ListFilter current=list on_change=Callback::new(move |()| view.restart()) />
                    <TagFilter current=view.tag on_change=Callback::new(move |()| view.restart()) />
                    <SearchBox placeholder="Search name, email or phone" on_text=Callback::new(set_search) />
                    <div class="toolbar-end">
                        <ColumnChooser fields=fields_here />
                        <Show when=move || { selected_count() > 0 }>
                            <span class="selection-count">{move || format!("{} selected", grouped(selected_count()))}</span>
                        </Show>
                        <button type="button" class="btn" id="export-contacts" disabled=move || total.get() == 0 on:click=move |_| export(false)>
                            "Export"
                        </button>
                        <button type="button" class="btn" id="export-selected" disabled=move || selected_count() == 0 on:click=move |_| export(true)>
                            "Export selected"
                        </button>
                        <button
                            type="button"
                            class="btn btn-danger-outline"
                            id="delete-contacts"
                            disabled=move || selected_count() == 0
                            on:click=move |_| deleting.ask(view.selected.with_untracked(|s| s.iter().copied().collect()))
                        >
                            "Delete"
                        </button>
                    </div>
                </div>

                <ContactsTable rows=rows columns=columns />
                <Show when=move || total.get() == 0>
                    <div class="empty-state" id="no-contacts">
                        {move || {
                            if !view.search.with(String::is_empty) {
                                format!("No contacts match {}.", quoted(&view.search.get()))
                            } else if list.get().is_some() {
                                "This list has no contacts yet. Add one with “Add contact”.".to_string()
                            } else {
                                "No contacts yet. Add one with “Add contact”.".to_string()
                            }
                        }}
                    </div>
                </Show>
                <Pager total=total page=page on_page_size=on_page_size />
            </Show>

            {move || exporting.get().map(|request| view! {
                <ExportDialog request=request on_close=Callback::new(move |()| exporting.set(None)) />
            })}
            <Show when=move || adding.get()>
                <AddContactDialog
                    preselected=list.get_untracked()
                    on_close=Callback::new(move |()| adding.set(false))
                />
            </Show>
            {deleting.view(question, delete_selected)}
        </section>
    }
}

/// Why an agent's view shows fewer contacts.
pub(super) fn agent_scope(lists: usize) -> String {
    format!("Agent view: only the {} assigned to this agent.", plural(lists, "list", "lists"))
}

/// How many kept contacts a delete's notice links to (the sentence counts them all).
const KEPT_LINKS: usize = 3;

/// A link to a kept contact's page, where its open conversation can be closed.
fn close_link(contact: &Contact) -> NoticeLink {
    NoticeLink { label: format!("Close the conversation with {}", contact_name(&contact.data)), route: Route::EditContact(contact.id) }
}
