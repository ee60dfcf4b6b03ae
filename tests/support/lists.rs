//! The Lists page and the list editor: making a list, finding its id, the editor's
//! tabs and the dispositions tree.

use std::time::Duration;

use super::app::navigate;
use super::Browser;

/// What the New List dialog is filled with; `NewList::named("Leads")` leaves the rest
/// as the dialog proposes it.
pub struct NewList<'a> {
    name: &'a str,
    description: &'a str,
    country: Option<&'a str>,
}

impl<'a> NewList<'a> {
    pub fn named(name: &'a str) -> Self {
        NewList { name, description: "", country: None }
    }

    pub fn description(self, description: &'a str) -> Self {
        NewList { description, ..self }
    }

    /// The list's default country (an ISO code such as "IT").
    pub fn country(self, country: &'a str) -> Self {
        NewList { country: Some(country), ..self }
    }
}

/// Lists page -> New List -> fill -> Add List; returns the new list's id.
pub async fn create_list(b: &Browser, list: NewList<'_>) -> String {
    open_new_list_dialog(b).await;
    submit_new_list(b, list).await
}

/// Lists page -> New List: the dialog is open, its name field shown.
pub async fn open_new_list_dialog(b: &Browser) {
    navigate(b, "#/lists").await;
    b.click("#new-list").await;
    b.wait_for("#list-name").await;
}

/// Fills the open New List dialog, clicks Add List, waits for the list's row; returns
/// its id.
pub async fn submit_new_list(b: &Browser, list: NewList<'_>) -> String {
    b.fill("#list-name", list.name).await;
    if !list.description.is_empty() {
        b.fill("#list-description", list.description).await;
    }
    if let Some(country) = list.country {
        b.select("#list-country", country).await;
    }
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#lists-table", list.name).await;
    list_id(b, list.name).await
}

/// The id of the list named `name`, read from its "Show Contacts" link on the Lists
/// page (waits for the link).
pub async fn list_id(b: &Browser, name: &str) -> String {
    let script = format!(
        "const a = document.querySelector('a[aria-label=\"Show contacts of {name}\"]');
         return a ? a.getAttribute('href').split('list=')[1] : null;"
    );
    let id = b.poll(&script, Duration::from_secs(10), &format!("the Show Contacts link of {name}")).await;
    id.as_str().unwrap_or_else(|| panic!("the id of {name} is not text: {id}")).to_string()
}

/// Lists page -> "Edit list" of the list named `name`: its editor opens on Settings.
pub async fn edit_list_named(b: &Browser, name: &str) {
    navigate(b, "#/lists").await;
    b.click(&format!("a[aria-label='Edit list {name}']")).await;
    b.wait_for("#tab-settings[aria-selected=true]").await;
}

/// The tabs of the list editor.
#[derive(Clone, Copy)]
pub enum ListTab {
    Settings,
    CustomFields,
    Dispositions,
}

impl ListTab {
    fn id(self) -> &'static str {
        match self {
            ListTab::Settings => "tab-settings",
            ListTab::CustomFields => "tab-custom-fields",
            ListTab::Dispositions => "tab-dispositions",
        }
    }
}

/// Opens the editor of list `list` (by its address) on `tab`.
pub async fn open_list_editor(b: &Browser, list: &str, tab: ListTab) {
    b.exec(&format!("location.hash = '#/lists/{list}'")).await;
    open_list_tab(b, tab).await;
}

/// In the open list editor: clicks `tab` and waits until it is the selected one.
pub async fn open_list_tab(b: &Browser, tab: ListTab) {
    let id = tab.id();
    b.click(&format!("#{id}")).await;
    b.wait_for(&format!("#{id}[aria-selected=true]")).await;
}

/// On the Dispositions tab: a new disposition at the top level or under `parent`;
/// waits until the tree shows it.
pub async fn add_disposition(b: &Browser, parent: Option<&str>, name: &str) {
    match parent {
        None => b.click("#new-disposition").await,
        Some(p) => b.click(&format!("button[aria-label='Add a sub-disposition under {p}']")).await,
    }
    b.fill("#disposition-name", name).await;
    b.click("#save-disposition").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#disposition-tree", name).await;
}
