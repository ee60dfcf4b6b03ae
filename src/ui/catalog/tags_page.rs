//! Tags: the predefined tags (colour, name, how many contacts carry each), with New,
//! Edit and Delete (which takes the tag off every contact, after a confirmation).

use leptos::prelude::*;

use crate::ui::kit::RowActions;
use crate::ui::kit::ConfirmDialog;
use crate::ui::kit::{grouped, plural};
use crate::ui::app::{ActionError, AppState};
use super::tag_chip::TagChip;
use super::tag_dialog::TagDialog;
use crate::domain::{Tag, TagId};

/// Which dialog is open.
#[derive(Clone, PartialEq)]
enum Editing {
    New,
    Edit(Tag),
}

#[component]
pub fn TagsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.lists_rev.track();
        state.contacts_rev.track();
        state.read(|ws| ws.tags().into_iter().map(|t| (t.clone(), ws.tag_count(t.id))).collect::<Vec<(Tag, usize)>>())
    });
    let editing = RwSignal::new(None::<Editing>);
    let to_delete = RwSignal::new(None::<(TagId, String, usize)>);
    let deleting = RwSignal::new(false);
    let confirm = Callback::new(move |()| {
        let Some((id, name, _)) = to_delete.get_untracked() else { return };
        deleting.set(true);
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, _| ws.delete_tag(id).map(|c| ((), c))).await;
            deleting.set(false);
            to_delete.set(None);
            match result {
                Ok(()) => state.info(format!("Deleted the tag “{name}”.")),
                Err(ActionError::Storage(_)) => {}
                Err(err) => state.error(err.to_string()),
            }
        });
    });

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <h1>"Tags"</h1>
                    <p class="page-sub">{move || plural(rows.with(Vec::len), "tag", "tags")}</p>
                </div>
                <button type="button" class="btn btn-primary" id="new-tag" on:click=move |_| editing.set(Some(Editing::New))>
                    <span aria-hidden="true" class="plus">"+"</span>
                    " New Tag"
                </button>
            </header>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! {
                    <div class="empty-state" id="no-tags">
                        <h2>"No tags yet"</h2>
                        <p>"Tags mark contacts across lists (VIP, Call back, Lead…). Define them here, then pick them in the contact editor."</p>
                    </div>
                }
            >
                <div class="table-wrap">
                    <table id="tags-table" class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">"Tag"</th>
                                <th scope="col" class="col-code">"Colour"</th>
                                <th scope="col" class="col-num">"Contacts"</th>
                                <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|(t, n)| (t.id, t.name.clone(), t.colour.as_str().to_owned(), *n)
                                children=move |(t, n)| {
                                    let name = t.name.to_string();
                                    let (edit_tag, del_name, id) = (t.clone(), name.clone(), t.id);
                                    view! {
                                        <tr>
                                            <td class="col-name"><TagChip tag=t.clone() /></td>
                                            <td class="col-code"><code>{t.colour.as_str().to_owned()}</code></td>
                                            <td class="col-num">{grouped(n)}</td>
                                            <td class="col-actions">
                                                <RowActions
                                                    noun="tag"
                                                    name=name.clone()
                                                    on_edit=Callback::new(move |()| editing.set(Some(Editing::Edit(edit_tag.clone()))))
                                                    on_delete=Callback::new(move |()| to_delete.set(Some((id, del_name.clone(), n))))
                                                />
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || editing.get().map(|e| {
                let tag = match e { Editing::New => None, Editing::Edit(t) => Some(t) };
                view! { <TagDialog editing=tag on_close=Callback::new(move |()| editing.set(None)) /> }
            })}
            {move || to_delete.get().map(|(_, name, n)| view! {
                <ConfirmDialog
                    title="Delete tag"
                    message=format!("Delete the tag “{name}”? It will be removed from {}. This cannot be undone.", plural(n, "contact", "contacts"))
                    confirm_label="Delete"
                    busy=deleting
                    on_confirm=confirm
                    on_close=Callback::new(move |()| to_delete.set(None))
                />
            })}
        </section>
    }
}
