//! End-to-end: the address holds the whole contacts view (issue 14, part 4). A search
//! and a sort show in the address; Import then Back, and a reload, bring them back;
//! "Show Contacts" of a list after a search shows the whole list (the stale filter a
//! user hit: the heading said 61 and the table showed 8), and Back returns to the
//! search. A link typed by hand with list, search, tag and sort is shown as it says.

use crate::support;

use std::time::Duration;

use support::app::{input_value, navigate};
use support::contacts::{add_contact, NewContact, ROWS};
use support::lists::{create_list, NewList};
use support::Browser;

async fn hash(b: &Browser) -> String {
    b.exec("return location.hash").await.as_str().unwrap_or_default().to_owned()
}

/// Waits until the table shows exactly these first names, in this order.
async fn wait_names(b: &Browser, want: &[&str]) {
    let want_json = serde_json::to_string(want).unwrap_or_default();
    let script = format!(
        "const got = [...document.querySelectorAll('{ROWS} .col-first')].map(td => td.childNodes[0] ? td.childNodes[0].textContent.trim() : '');
         return JSON.stringify(got) === JSON.stringify({want_json}) ? true : null;"
    );
    let poll = b.poll(&script, Duration::from_secs(10), &format!("the rows {want:?}")).await;
    assert_eq!(poll, true);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_address_holds_the_contacts_view_and_back_and_reload_restore_it() {
    let b = support::app::open_fresh_app("e2e-contacts-url").await;
    let alpha = create_list(&b, NewList::named("Alpha")).await;
    let beta = create_list(&b, NewList::named("Beta")).await;
    navigate(&b, "#/contacts").await;
    for (first, last, list) in [("Mario", "Rossi", &alpha), ("Anna", "Rossi", &alpha), ("Luca", "Bianchi", &alpha), ("Giulia", "Rossi", &beta)] {
        add_contact(&b, NewContact::with(&[("first_name", first), ("last_name", last)]).in_list(list)).await;
    }
    wait_names(&b, &["Anna", "Giulia", "Luca", "Mario"]).await;

    // Search and sort: the address says so.
    b.fill("#contact-search", "Rossi").await;
    wait_names(&b, &["Anna", "Giulia", "Mario"]).await;
    b.click("#contacts-table thead th:nth-child(2) .sort-btn").await; // First name: now descending
    wait_names(&b, &["Mario", "Giulia", "Anna"]).await;
    let view = hash(&b).await;
    assert_eq!(view, "#/contacts?q=Rossi&desc=1", "the address does not hold the view");

    // Import, then Back: the same view.
    navigate(&b, "#/import").await;
    b.wait_for("#import-file, #import-again").await;
    b.client.back().await.expect("back");
    wait_names(&b, &["Mario", "Giulia", "Anna"]).await;
    assert_eq!(input_value(&b, "#contact-search").await, "Rossi");

    // A reload: the same view.
    b.reload().await;
    b.wait_for("#contact-search").await;
    wait_names(&b, &["Mario", "Giulia", "Anna"]).await;
    assert_eq!(input_value(&b, "#contact-search").await, "Rossi");
    assert_eq!(hash(&b).await, view);

    // "Show Contacts" of Alpha from the Lists page: the whole list, nothing stale.
    navigate(&b, "#/lists").await;
    b.click("a[aria-label='Show contacts of Alpha']").await;
    wait_names(&b, &["Anna", "Luca", "Mario"]).await;
    assert_eq!(input_value(&b, "#contact-search").await, "", "the search of another view stayed");
    assert_eq!(hash(&b).await, format!("#/contacts?list={alpha}"));
    assert!(b.text(".page-sub").await.starts_with("3 contacts"), "the heading and the table disagree: {}", b.text(".page-sub").await);

    // Back twice: the Lists page, then the search again.
    b.client.back().await.expect("back");
    b.wait_for("#lists-table").await;
    b.client.back().await.expect("back");
    wait_names(&b, &["Mario", "Giulia", "Anna"]).await;
    assert_eq!(input_value(&b, "#contact-search").await, "Rossi");

    // Changing the list keeps the search (and starts at page 1).
    b.select("#list-filter", &beta).await;
    wait_names(&b, &["Giulia"]).await;
    assert_eq!(hash(&b).await, format!("#/contacts?list={beta}&q=Rossi&desc=1"));

    // An address typed by hand: list Alpha, sorted by last name, descending.
    b.exec(&format!("location.hash = '#/contacts?list={alpha}&sort=last&desc=1'")).await;
    b.wait_for_text("#contacts-table thead .sort-btn.sorted", "LAST NAME").await; // upper case by the CSS
    let names = b.exec(&format!("return [...document.querySelectorAll('{ROWS} .col-last')].map(td => td.textContent.trim())")).await;
    assert_eq!(names, serde_json::json!(["Rossi", "Rossi", "Bianchi"]), "sorted by last name, descending");
    assert_eq!(input_value(&b, "#contact-search").await, "", "no search was asked for");
    b.close().await;
}
