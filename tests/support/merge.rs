//! Page object: Merge Contact from the Edit Contact page (pick the other contact by
//! the filter, the side-by-side preview and its choices, Merge) and Undo merge in the
//! kept contact's journey.

use std::time::Duration;

use super::app::confirm;
use super::journey::show_view;
use super::Browser;

/// The preview's table.
pub const TABLE: &str = "#merge-table";

/// In the open Merge dialog's first step: type `filter` -> pick the match showing `name`.
pub async fn pick_other(b: &Browser, filter: &str, name: &str) {
    b.fill("#merge-filter", filter).await;
    let script = format!(
        "const m = [...document.querySelectorAll('.merge-match')].find(m => m.textContent.includes({name:?}));
         return m ? m.dataset.contact : null;"
    );
    let id = b.poll(&script, Duration::from_secs(10), &format!("a match showing {name}")).await;
    let id = id.as_str().unwrap_or_else(|| panic!("the match of {name} has no contact id: {id}"));
    b.click(&format!(".merge-match[data-contact='{id}'] input")).await;
}

/// The names the first step lists, once it lists some.
pub async fn match_names(b: &Browser) -> Vec<String> {
    b.wait_for(".merge-match").await;
    b.texts(".merge-match-name").await
}

/// Each row of the preview as "field|kept value|other value" (as the cells read).
pub async fn preview_rows(b: &Browser) -> Vec<String> {
    let v = b
        .exec(&format!(
            "return [...document.querySelectorAll('{TABLE} tbody tr')].map(r => [r.dataset.field, ...[...r.querySelectorAll('td')].map(c => c.textContent.trim())].join('|'))"
        ))
        .await;
    serde_json::from_value(v).expect("rows as strings")
}

/// Picks `side` ("kept" or "other") of a conflicting field ("email", "custom-3").
pub async fn choose(b: &Browser, field: &str, side: &str) {
    b.click(&format!("#merge-{field}-{side}")).await;
}

/// Whether `side` of a conflicting field is the one chosen.
pub async fn chosen(b: &Browser, field: &str, side: &str) -> bool {
    let v = b.exec(&format!("return document.querySelector('#merge-{field}-{side}').checked")).await;
    v.as_bool().unwrap_or_else(|| panic!("no choice {side} for {field}: {v}"))
}

/// Merge in the preview; waits for the dialog to close.
pub async fn merge(b: &Browser) {
    b.click("#merge-ok").await;
    b.wait_gone(".overlay").await;
}

/// True when the open dialog is wider than its window (it would scroll sideways).
pub async fn dialog_scrolls_sideways(b: &Browser) -> bool {
    let v = b.exec("const d = document.querySelector('.dialog'); return d.scrollWidth > d.clientWidth || d.getBoundingClientRect().right > window.innerWidth").await;
    v.as_bool().unwrap_or_else(|| panic!("the dialog's width check gave {v}"))
}

/// In the kept contact's journey: History -> Undo merge -> confirm; returns the question.
pub async fn undo_merge(b: &Browser) -> String {
    show_view(b, "history").await;
    b.click("#journey .merge-undo").await;
    confirm(b).await
}
