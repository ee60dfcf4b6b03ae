//! Deleting contacts from the contacts table as a user does: ticking rows by name,
//! Delete and its confirmation, and the notice that tells what was deleted.

use std::time::Duration;

use super::contacts::{delete_selected_contacts, ROWS};
use super::Browser;

/// Ticks the checkbox of each row showing `names` (a contact's full name, as the
/// box's label says it).
pub async fn tick_rows(b: &Browser, names: &[&str]) {
    for name in names {
        b.click(&format!("{ROWS} input.row-check[aria-label='Select {name}']")).await;
    }
}

/// Delete over the ticked rows, confirmed; returns the confirmation's question and the
/// notice that follows it (waited for until it is exactly `notice`).
pub async fn delete_ticked(b: &Browser, notice: &str) -> String {
    let question = delete_selected_contacts(b).await;
    wait_notice_is(b, notice).await;
    question
}

/// Waits until the notice says exactly `text` (a stale notice that merely contains it
/// does not count).
pub async fn wait_notice_is(b: &Browser, text: &str) {
    let script = format!("const n = document.querySelector('#notice span'); return !!n && n.textContent === {text:?};");
    b.poll(&script, Duration::from_secs(10), &format!("the notice {text:?}")).await;
}
