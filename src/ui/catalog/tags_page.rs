//! Tags: the predefined tags (colour, name, how many contacts carry each), with New,
//! Edit and Delete (which takes the tag off every contact, after a confirmation).

use leptos::prelude::*;

use super::tag_chip::TagChip;
use super::tag_dialog::TagDialog;
use crate::domain::{Change, Tag, TagId, Workspace, WorkspaceError};
use crate::ui::app::{AppState, Collection};
use crate::ui::kit::{grouped, plural, Question, Record, RecordPage, RecordTexts};
use crate::domain::text::quoted;

const TEXTS: RecordTexts = RecordTexts {
    title: "Tags",
    one: "tag",
    many: "tags",
    new_id: "new-tag",
    new_label: "New Tag",
    empty_id: "no-tags",
    empty_title: "No tags yet",
    empty_text: "Tags mark contacts across lists (VIP, Call back, Lead…). Define them here, then pick them in the contact editor.",
    table_id: "tags-table",
    columns: &[("Tag", None), ("Colour", Some("col-code")), ("Contacts", Some("col-num"))],
};

#[component]
pub fn TagsPage() -> impl IntoView {
    let state = AppState::get();
    let rows = Memo::new(move |_| {
        state.read(&[Collection::Tags, Collection::Contacts], |ws| {
            ws.tags().into_iter().map(|t| TagRow { tag: t.clone(), contacts: ws.tag_count(t.id) }).collect::<Vec<_>>()
        })
    });
    let dialog = |row: Option<TagRow>, on_close| view! { <TagDialog editing=row.map(|r| r.tag) on_close=on_close /> }.into_any();
    let on_deleted = Callback::new(move |row: TagRow| state.info(format!("Deleted the tag {}.", quoted(&row.tag.name))));
    view! { <RecordPage texts=TEXTS rows=rows dialog=dialog on_deleted=on_deleted /> }
}

/// A tag and how many contacts carry it.
#[derive(Clone, PartialEq)]
struct TagRow {
    tag: Tag,
    contacts: usize,
}

impl Record for TagRow {
    type Key = (TagId, Box<str>, String, usize);

    fn key(&self) -> Self::Key {
        (self.tag.id, self.tag.name.clone(), self.tag.colour.as_str().to_owned(), self.contacts)
    }

    fn name(&self) -> String {
        self.tag.name.to_string()
    }

    fn cells(&self) -> AnyView {
        view! {
            <td class="col-name"><TagChip tag=self.tag.clone() /></td>
            <td class="col-code"><code>{self.tag.colour.as_str().to_owned()}</code></td>
            <td class="col-num">{grouped(self.contacts)}</td>
        }
        .into_any()
    }

    fn question(&self) -> Question {
        let message = format!("Delete the tag {}? It will be removed from {}. This cannot be undone.", quoted(&self.tag.name), plural(self.contacts, "contact", "contacts"));
        Question { title: "Delete tag", message, confirm_label: "Delete" }
    }

    fn delete(&self, ws: &mut Workspace) -> Result<Change, WorkspaceError> {
        ws.delete_tag(self.tag.id)
    }
}
