//! Duplicate a contact into another list: a list with one custom field of its own,
//! the Duplicate dialog opened from Edit Contact or from a row of the contacts table,
//! its target, what it says it leaves behind, Add contact and the notice after.

use std::time::Duration;

use super::custom_fields::{add_custom_field, field_id, FieldDef, FieldScope};
use super::lists::{create_list, open_list_editor, ListTab, NewList};
use super::Browser;

/// Lists page -> New List `name`, then one custom field `def` on its Custom Fields
/// tab; returns the list's id and the field's.
pub async fn list_with_field(b: &Browser, name: &str, def: &FieldDef<'_>) -> (String, String) {
    let list = create_list(b, NewList::named(name)).await;
    open_list_editor(b, &list, ListTab::CustomFields).await;
    add_custom_field(b, FieldScope::List, def).await;
    let field = field_id(b, FieldScope::List, def.alias).await;
    (list, field)
}

/// On Edit Contact: Duplicate… -> the dialog is open.
pub async fn duplicate_from_edit_page(b: &Browser) {
    b.click("#duplicate-contact").await;
    b.wait_for("#copy-form").await;
}

/// The Duplicate row action of the contact named `name` (first and last name), as
/// the contacts table shows it.
pub fn row_action(name: &str) -> String {
    format!("button.row-duplicate[aria-label='Duplicate {name} into another list']")
}

/// On a contacts page: the row action Duplicate of `name` -> the dialog is open.
pub async fn duplicate_from_row(b: &Browser, name: &str) {
    b.click(&row_action(name)).await;
    b.wait_for("#copy-form").await;
}

/// In the open dialog: picks the target list (by id).
pub async fn choose_target(b: &Browser, list: &str) {
    b.select("#copy-target", list).await;
}

/// Clicks Add contact, waits for the dialog to close; returns the notice's text.
pub async fn add_copy(b: &Browser) -> String {
    b.click("#copy-submit").await;
    b.wait_gone(".overlay").await;
    b.text("#notice span").await
}

/// True while keyboard focus is inside the open dialog.
pub async fn focus_in_dialog(b: &Browser) -> bool {
    let v = b.exec("return !!(document.activeElement && document.activeElement.closest('.dialog'));").await;
    v.as_bool().unwrap_or_else(|| panic!("the focus check gave {v}"))
}

/// The id of the element that has keyboard focus ("" for none).
pub async fn focused_id(b: &Browser) -> String {
    let v = b.exec("return document.activeElement ? document.activeElement.id : '';").await;
    v.as_str().unwrap_or_else(|| panic!("the focused element's id: {v}")).to_string()
}

/// True when the element at `css` lies wholly inside the window's width (reachable
/// without scrolling sideways).
pub async fn within_window_width(b: &Browser, css: &str) -> bool {
    b.wait_for(css).await;
    let v = b.exec(&format!("const r = document.querySelector({css:?}).getBoundingClientRect(); return r.left >= 0 && r.right <= window.innerWidth;")).await;
    v.as_bool().unwrap_or_else(|| panic!("the width check of `{css}` gave {v}"))
}

/// The contact id in the address of an Edit Contact page ("#/contacts/12" -> "12"),
/// waited for.
pub async fn edited_contact_id(b: &Browser) -> String {
    let script = "const m = location.hash.match(/^#\\/contacts\\/(\\d+)$/); return m ? m[1] : null;";
    let v = b.poll(script, Duration::from_secs(10), "an Edit Contact address").await;
    v.as_str().unwrap_or_else(|| panic!("the contact id is not text: {v}")).to_string()
}
