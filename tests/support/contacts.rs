//! The contacts page and the contact form: adding a contact through the dialog,
//! opening one to edit, the table's rows and the count under the heading.

use std::time::{Duration, Instant};

use super::app::{confirm, input_value};
use super::Browser;

/// The rows of the contacts table.
pub const ROWS: &str = "#contacts-table tbody tr";

/// What the Add Contact dialog is filled with: field keys ("first_name", "phone",
/// "custom-{id}", ...) and values, and the list to choose (else the one the dialog preselects).
pub struct NewContact<'a> {
    fields: &'a [(&'a str, &'a str)],
    list: Option<&'a str>,
}

impl<'a> NewContact<'a> {
    pub fn with(fields: &'a [(&'a str, &'a str)]) -> Self {
        NewContact { fields, list: None }
    }

    /// Chooses the list with this id in the dialog.
    pub fn in_list(self, list: &'a str) -> Self {
        NewContact { list: Some(list), ..self }
    }
}

/// On a contacts page: Add contact -> list -> fields -> Save, and waits for the
/// dialog to close.
pub async fn add_contact(b: &Browser, contact: NewContact<'_>) {
    fill_new_contact(b, contact).await;
    save_new_contact(b).await;
}

/// On a contacts page: Add contact -> list -> fields; the dialog stays open.
pub async fn fill_new_contact(b: &Browser, contact: NewContact<'_>) {
    b.click("#add-contact").await;
    b.wait_for("#field-first_name").await;
    if let Some(list) = contact.list {
        b.select("#field-list", list).await;
    }
    for (key, value) in contact.fields {
        b.fill(&format!("#field-{key}"), value).await;
    }
}

/// Clicks Save in the open Add Contact dialog and waits for it to close.
pub async fn save_new_contact(b: &Browser) {
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
}

/// Waits until exactly `n` contact rows are shown (0: the table is there and the
/// empty state shows, so a page that never rendered cannot pass).
pub async fn wait_rows(b: &Browser, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let table = b.count("#contacts-table").await;
        let have = b.count(ROWS).await;
        let empty_state = b.count("#no-contacts").await;
        if table == 1 && have == n && (n > 0 || empty_state == 1) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} contact rows, have {have} (contacts tables: {table}, empty states: {empty_state})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Opens the contacts page of list `list` (by its address) and waits for it.
pub async fn open_contacts_of(b: &Browser, list: &str) {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    b.wait_for("#add-contact").await;
}

/// The texts of the contact rows of `list` (page size 100: every sample file fits).
pub async fn contact_rows(b: &Browser, list: &str) -> Vec<String> {
    open_contacts_of(b, list).await;
    if b.count("#page-size").await > 0 {
        b.select("#page-size", "100").await;
    }
    b.texts(ROWS).await
}

/// Asserts every name in `want` shows in some row and none of `absent` does.
pub fn assert_names(rows: &[String], want: &[&str], absent: &[&str]) {
    let all = rows.join("\n");
    for name in want {
        assert!(all.contains(name), "{name:?} is not in the contacts table:\n{all}");
    }
    for name in absent {
        assert!(!all.contains(name), "{name:?} should not be in the contacts table:\n{all}");
    }
}

/// On a contacts page: clicks Edit on the row that contains `name` (waits for the
/// row) and waits for the edit form.
pub async fn edit_contact_named(b: &Browser, name: &str) {
    let script = format!(
        "const r = [...document.querySelectorAll('{ROWS}')].find(r => r.textContent.includes({name:?}));
         const a = r && r.querySelector('.col-actions a');
         return a ? a.getAttribute('href') : null;"
    );
    let href = b.poll(&script, Duration::from_secs(10), &format!("an edit link on the row of {name}")).await;
    let href = href.as_str().unwrap_or_else(|| panic!("the edit link of {name} has no address: {href}"));
    b.click(&format!("{ROWS} .col-actions a[href='{href}']")).await;
    b.wait_for("#edit-contact-form").await;
}

/// The values the edit page of the contact named `name` (in `list`) shows in the
/// fields `keys` ("email", "description", ...).
pub async fn contact_fields(b: &Browser, list: &str, name: &str, keys: &[&str]) -> Vec<String> {
    contact_rows(b, list).await;
    edit_contact_named(b, name).await;
    let mut values = Vec::new();
    for key in keys {
        values.push(input_value(b, &format!("#field-{key}")).await);
    }
    values
}

/// Clicks Delete over the selected rows and confirms; returns the confirmation's question.
pub async fn delete_selected_contacts(b: &Browser) -> String {
    b.click("#delete-contacts").await;
    confirm(b).await
}

/// How many contacts the contacts page counts in `list`: the line under its heading,
/// which the app words "1 contact" / "12,345 contacts" (and "0 contacts" for an empty
/// list). Waits until the page shows that list (its filter names it); panics on any
/// other wording, so a heading without its number can never read as 0. At 0 the
/// page's empty state must show too.
pub async fn contacts_in_list(b: &Browser, list: &str) -> u64 {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    let script = format!(
        "const f = document.querySelector('#list-filter');
         const sub = document.querySelector('.page-head .page-sub');
         return f && f.value === {list:?} && document.querySelector('#add-contact') && sub ? sub.textContent : null;"
    );
    let v = b.poll(&script, Duration::from_secs(10), &format!("the contacts page of list {list} with its count")).await;
    let text = v.as_str().unwrap_or_else(|| panic!("the contacts count is not text: {v}"));
    let n = contact_count(text).unwrap_or_else(|| panic!("the contacts page of list {list} does not say how many: {text:?}"));
    if n == 0 {
        b.wait_for_text("#no-contacts", "no contacts").await;
    }
    n
}

/// "1 contact" -> 1, "12,345 contacts" -> 12345, "0 contacts" -> 0; anything else None.
pub fn contact_count(text: &str) -> Option<u64> {
    let text = text.trim();
    let number = text.strip_suffix(" contacts").or_else(|| text.strip_suffix(" contact").filter(|n| *n == "1"))?;
    let grouped_ok = number.split(',').enumerate().all(|(i, g)| {
        !g.is_empty() && g.len() <= 3 && (i == 0 || g.len() == 3) && g.chars().all(|c| c.is_ascii_digit())
    });
    if !grouped_ok {
        return None;
    }
    number.replace(',', "").parse().ok()
}
