//! A page of one kind of record (tags, agents): the head with its count and "New …",
//! the table (or the empty state), Edit and Delete on every row, the edit dialog, and
//! the confirmation before a deletion. What is particular to a kind — its columns,
//! words, dialog and deletion — comes from the page that uses it.

use std::hash::Hash;

use leptos::prelude::*;

use super::confirm::{Confirmation, Question};
use super::data_table::DataTable;
use super::empty_state::EmptyState;
use super::page_head::PageHead;
use super::row_actions::RowActions;
use super::text::plural;
use crate::domain::{Change, Workspace, WorkspaceError};
use crate::ui::app::AppState;

/// One row of a record page.
pub trait Record: Clone + Send + Sync + 'static {
    /// What the table keys a row by: all it shows, so an edit redraws the row.
    type Key: Eq + Hash + Clone + Send + Sync + 'static;
    fn key(&self) -> Self::Key;
    /// The name the user knows it by ("Edit tag VIP").
    fn name(&self) -> String;
    /// The row's cells, before its actions.
    fn cells(&self) -> AnyView;
    /// What to ask before deleting it.
    fn question(&self) -> Question;
    /// Deletes it (a domain command).
    fn delete(&self, ws: &mut Workspace) -> Result<Change, WorkspaceError>;
}

/// The fixed words and ids of a record page.
#[derive(Clone, Copy)]
pub struct RecordTexts {
    /// The page's title ("Tags").
    pub title: &'static str,
    /// One record and many, for the count and the row actions ("tag", "tags").
    pub one: &'static str,
    pub many: &'static str,
    /// The "New …" button: its id and words.
    pub new_id: &'static str,
    pub new_label: &'static str,
    /// The empty state: its id, title and text.
    pub empty_id: &'static str,
    pub empty_title: &'static str,
    pub empty_text: &'static str,
    pub table_id: &'static str,
    /// The column headings before the actions column, each with its class.
    pub columns: &'static [(&'static str, Option<&'static str>)],
}

#[component]
pub fn RecordPage<R, D>(
    texts: RecordTexts,
    rows: Memo<Vec<R>>,
    /// The New / Edit dialog: the record edited (`None` creates one), and its close.
    dialog: D,
    /// After a deletion: the notice, and anything else the page follows up with.
    on_deleted: Callback<R>,
    /// Words between the head and the table.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView
where
    R: Record,
    D: Fn(Option<R>, Callback<()>) -> AnyView + Send + Sync + 'static,
{
    let state = AppState::get();
    // `Some(None)` is New, `Some(Some(row))` edits the row.
    let editing = RwSignal::new(None::<Option<R>>);
    let deleting = Confirmation::<R>::new();
    let confirmed = Callback::new(move |row: R| {
        let deleted = row.clone();
        deleting.run(move |ws, _| row.delete(ws), move |result| match result {
            Ok(()) => on_deleted.run(deleted),
            Err(err) => state.error(err.to_string()),
        });
    });
    let row_view = move |row: R| {
        let (edited, doomed) = (row.clone(), row.clone());
        view! {
            <tr>
                {row.cells()}
                <td class="col-actions">
                    <RowActions
                        noun=texts.one
                        name=row.name()
                        on_edit=Callback::new(move |()| editing.set(Some(Some(edited.clone()))))
                        on_delete=Callback::new(move |()| deleting.ask(doomed.clone()))
                    />
                </td>
            </tr>
        }
    };

    view! {
        <section class="page">
            <PageHead
                title=texts.title
                sub=Signal::derive(move || plural(rows.with(Vec::len), texts.one, texts.many))
                new_id=texts.new_id
                new_label=texts.new_label
                on_new=Callback::new(move |()| editing.set(Some(None)))
            />
            {children.map(|words| words())}
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <EmptyState id=texts.empty_id title=texts.empty_title text=texts.empty_text /> }
            >
                <DataTable id=texts.table_id head=move || headings(texts.columns)>
                    <For each=move || rows.get() key=Record::key children=row_view />
                </DataTable>
            </Show>
            {move || editing.get().map(|row| dialog(row, Callback::new(move |()| editing.set(None))))}
            {deleting.view(R::question, confirmed)}
        </section>
    }
}

fn headings(columns: &'static [(&'static str, Option<&'static str>)]) -> impl IntoView {
    columns.iter().map(|&(heading, class)| view! { <th scope="col" class=class>{heading}</th> }).collect_view()
}
