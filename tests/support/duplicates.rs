//! The Find duplicates page: choosing the list, a search to its end (or to Stop), the
//! groups it shows (their members' names, why they matched), "Not duplicates"; and
//! importing a whole file into a list without a duplicate check, as its data is.

use std::path::Path;
use std::time::Duration;

use super::app::navigate;
use super::import_wizard::{choose_file, set_duplicate_check, upload, Summary};
use super::Browser;

/// One card per group.
pub const GROUPS: &str = "#dups-groups > li.dup-group";

/// Opens the page through the navigation.
pub async fn open_duplicates(b: &Browser) {
    navigate(b, "#/duplicates").await;
    b.wait_for("#dups-find").await;
}

/// Imports every valid row of `file` into list `list` (no duplicate check: the rows
/// that would be duplicates go in too).
pub async fn import_every_row(b: &Browser, list: &str, file: &Path, limit: Duration) -> Summary {
    b.exec(&format!("location.hash = '#/import?list={list}'")).await;
    choose_file(b, file).await;
    set_duplicate_check(b, &[]).await;
    upload(b, limit).await
}

/// Chooses `list` (a list id, or "" for all lists).
pub async fn choose_list(b: &Browser, list: &str) {
    b.select("#dups-list", list).await;
}

/// Find duplicates, then waits (up to `limit`) until the search has ended; returns
/// the summary.
pub async fn find_duplicates(b: &Browser, limit: Duration) -> String {
    b.click("#dups-find").await;
    wait_summary(b, limit).await
}

/// Waits until no search runs and the summary says what was found; returns it.
pub async fn wait_summary(b: &Browser, limit: Duration) -> String {
    let script = "const s = document.querySelector('#dups-summary');
         const t = s ? s.textContent : '';
         return !document.querySelector('#dups-stop') && t && !t.startsWith('Searching') ? t : null;";
    let v = b.poll(script, limit, "the search to end (#dups-summary)").await;
    v.as_str().unwrap_or_else(|| panic!("the summary is not text: {v}")).to_string()
}

/// The groups shown, in order: each its members' names, sorted.
pub async fn group_names(b: &Browser) -> Vec<Vec<String>> {
    let v = b
        .exec(&format!(
            "return [...document.querySelectorAll('{GROUPS}')].map(g => [...g.querySelectorAll('a.dup-name')].map(a => a.textContent).sort());"
        ))
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the groups' names: {e}: {v}"))
}

/// Why the group holding `name` matched, as it reads.
pub async fn why_of(b: &Browser, name: &str) -> String {
    let v = b.exec(&format!("{}; return g ? [...g.querySelectorAll('.dup-why, .dup-links')].map(e => e.innerText).join(' ') : null;", group_holding(name))).await;
    v.as_str().unwrap_or_else(|| panic!("no group holds {name}: {v}")).to_string()
}

/// Clicks "Not duplicates" on the group holding `name`.
pub async fn not_duplicates(b: &Browser, name: &str) {
    let v = b.exec(&format!("{}; if (!g) return false; g.querySelector('.dup-apart').click(); return true;", group_holding(name))).await;
    assert_eq!(v, serde_json::json!(true), "no group holds {name}");
}

/// Clicks Merge… on the second member of the group holding `name`; returns the id of
/// the group's first member (the one kept).
pub async fn merge_in_group_of(b: &Browser, name: &str) -> String {
    let script = format!(
        "{}; if (!g) return null; const rows = g.querySelectorAll('tr.dup-member');
         rows[1].querySelector('.dup-merge').click(); return rows[0].dataset.contact;",
        group_holding(name)
    );
    let v = b.exec(&script).await;
    v.as_str().unwrap_or_else(|| panic!("no group holds {name}: {v}")).to_string()
}

/// A script line setting `g` to the card of the group with a member named `name`.
fn group_holding(name: &str) -> String {
    format!("const g = [...document.querySelectorAll('{GROUPS}')].find(g => [...g.querySelectorAll('a.dup-name')].some(a => a.textContent === {name:?}))")
}
