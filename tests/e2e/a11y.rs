//! End-to-end: accessibility (issue 16). axe-core, loaded into the page under test,
//! reports no serious or critical violation on any page or dialog of a workspace with
//! data in it; and the main flows (add a contact, import, journey filters, merge,
//! delete) run by keyboard alone: every step is a key press on the focused element,
//! and the focus goes where the next step needs it.

use crate::support;

use std::time::Duration;

use support::a11y::{axe_violations, focused, press, tab_to, ENTER, ESCAPE, SPACE, TAB};
use support::app::{navigate, open_fresh_app};
use support::contacts::{add_contact, open_contacts_of, wait_rows, NewContact, ROWS};
use support::files::fixture;
use support::import_wizard::{choose_file, open_import_page, read_summary};
use support::journey::{at, log_interaction, today, wait_journey, Logged};
use support::lists::{create_list, NewList};
use support::tags::create_tag;
use support::Browser;

const LIMIT: Duration = Duration::from_secs(30);

/// Runs axe where the app is now and files its findings under `place`.
async fn check(b: &Browser, place: &str, found: &mut Vec<String>) {
    for v in axe_violations(b).await {
        found.push(format!("{place}: {v}"));
    }
}

/// Opens a dialog with `opener`, waits for `marker` in it, runs axe, closes it (×).
async fn check_dialog(b: &Browser, opener: &str, marker: &str, place: &str, found: &mut Vec<String>) {
    b.click(opener).await;
    b.wait_for(marker).await;
    check(b, place, found).await;
    b.click(".dialog [aria-label='Close']").await;
    b.wait_gone(".overlay").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_and_dialog_passes_axe() {
    let b = open_fresh_app("e2e-a11y-axe").await;
    let mut found = Vec::new();
    let list = create_list(&b, NewList::named("Clienti").country("IT")).await;
    create_tag(&b, "VIP", None).await;
    open_contacts_of(&b, &list).await;
    add_contact(&b, NewContact::with(&[("first_name", "Anna"), ("last_name", "Rossi"), ("mobile", "333 123 4567"), ("email", "anna@example.it")])).await;
    add_contact(&b, NewContact::with(&[("first_name", "Anna"), ("last_name", "Rosi"), ("email", "anna.rosi@example.it")])).await;
    wait_rows(&b, 2).await;
    check(&b, "contacts page", &mut found).await;

    check_dialog(&b, "#add-contact", "#field-first_name", "add contact dialog", &mut found).await;

    b.click(&format!("{ROWS}:first-child a[href^='#/contacts/']")).await;
    wait_journey(&b).await;
    log(&b, "voice").await;
    check(&b, "edit contact page with its journey", &mut found).await;
    check_dialog(&b, "#journey-log", ".dialog", "log interaction dialog", &mut found).await;
    check_dialog(&b, "#merge-contact", "#merge-filter", "merge dialog", &mut found).await;

    open_contacts_of(&b, &list).await;
    b.click(&format!("{ROWS}:first-child input.row-check")).await;
    check_dialog(&b, "#delete-contacts", "#confirm-ok", "delete confirmation", &mut found).await;
    check_dialog(&b, "#export-contacts", "#export-dialog", "export dialog", &mut found).await;

    for (hash, marker) in [
        ("#/lists", "#new-list"),
        ("#/custom-fields", "h1"),
        ("#/tags", "#tags-table"),
        ("#/agents", "h1"),
        ("#/duplicates", "h1"),
        ("#/trash", "h1"),
        ("#/data", "h1"),
    ] {
        navigate(&b, hash).await;
        b.wait_for(marker).await;
        check(&b, hash, &mut found).await;
    }
    navigate(&b, "#/lists").await;
    check_dialog(&b, "#new-list", ".dialog", "new list dialog", &mut found).await;
    b.click(&format!("a[href='#/lists/{list}']")).await;
    b.wait_for("#tab-settings").await;
    check(&b, "list editor", &mut found).await;

    open_import_page(&b).await;
    check(&b, "import page", &mut found).await;
    choose_file(&b, &fixture("google-contacts.csv")).await;
    check(&b, "import wizard with a file", &mut found).await;

    b.set_window_size(390, 844).await;
    open_contacts_of(&b, &list).await;
    wait_rows(&b, 2).await;
    check(&b, "contacts page at 390 px", &mut found).await;
    b.close().await;
    assert!(found.is_empty(), "axe found serious or critical violations:\n{}", found.join("\n"));
}

/// Logs an inbound interaction on `channel` this morning (through the dialog).
async fn log(b: &Browser, channel: &str) {
    let day = today(b).await;
    log_interaction(b, Logged { channel, direction: "inbound", started: at(day, "09:30"), ..Logged::default() }).await;
}

/// Types `text` into the focused element.
async fn type_text(b: &Browser, text: &str) {
    press(b, text).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn main_flows_run_by_keyboard_alone() {
    let b = open_fresh_app("e2e-a11y-keys").await;
    let list = create_list(&b, NewList::named("Tastiera").country("IT")).await;
    open_contacts_of(&b, &list).await;

    // Add a contact: Tab to "Add contact", Enter, type, Tab to Save, Enter.
    for (first, last, email) in [("Kira", "Neri", "kira@example.it"), ("Kira", "Nero", "kira.nero@example.it"), ("Luca", "Bassi", "luca@example.it")] {
        tab_to(&b, "#add-contact", 40).await;
        press(&b, ENTER).await;
        b.wait_for("#field-first_name").await;
        tab_to(&b, "#field-first_name", 10).await;
        type_text(&b, first).await;
        tab_to(&b, "#field-last_name", 5).await;
        type_text(&b, last).await;
        tab_to(&b, "#field-email", 10).await;
        type_text(&b, email).await;
        press(&b, ENTER).await; // Enter in a field submits the form
        b.wait_gone(".overlay").await;
    }
    wait_rows(&b, 3).await;

    // Journey filters: open Kira Neri (Tab to its Edit link), log a call and a chat, then
    // tick "Voice" with the space bar.
    tab_to(&b, "a[aria-label='Edit Kira Neri']", 60).await;
    press(&b, ENTER).await;
    wait_journey(&b).await;
    log(&b, "voice").await;
    log(&b, "chat").await;
    b.wait_for_text("#journey-shown", "2 of 2").await;
    tab_to(&b, "input.journey-channel[data-channel='voice']", 200).await;
    press(&b, SPACE).await;
    let shown = b.wait_for_text("#journey-shown", "1 of").await;
    assert!(shown.contains("1 of 1"), "the voice filter shows the call only: {shown:?}");

    // Merge Kira Nero into Kira Neri: Tab to Merge, type the filter, pick the match with
    // the space bar, Next, Merge.
    tab_to(&b, "#merge-contact", 200).await;
    press(&b, ENTER).await;
    b.wait_for("#merge-filter").await;
    tab_to(&b, "#merge-filter", 5).await;
    type_text(&b, "Nero").await;
    b.wait_for(".merge-match").await;
    tab_to(&b, ".merge-match input", 10).await;
    press(&b, SPACE).await;
    tab_to(&b, "#merge-next", 10).await;
    press(&b, ENTER).await;
    b.wait_for("#merge-ok").await;
    tab_to(&b, "#merge-ok", 80).await;
    press(&b, ENTER).await;
    b.wait_gone(".overlay").await;
    open_contacts_of(&b, &list).await;
    wait_rows(&b, 2).await;

    // Delete Luca Bassi: Tab to his box, space, Tab to Delete, Enter, confirm with Enter.
    tab_to(&b, "input.row-check[aria-label='Select Luca Bassi']", 60).await;
    press(&b, SPACE).await;
    tab_to(&b, "#delete-contacts", 40).await;
    press(&b, ENTER).await;
    b.wait_for("#confirm-ok").await;
    tab_to(&b, "#confirm-ok", 10).await;
    press(&b, ENTER).await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Kira"), "Kira is kept");

    // Import: the file input is reached by Tab (a keyboard user opens the picker with
    // Enter; WebDriver hands it the file), a new list typed in the wizard, Upload.
    open_import_page(&b).await;
    tab_to(&b, "#import-file", 60).await;
    let input = b.client.active_element().await.expect("the file input has the focus");
    input.send_keys(&fixture("google-contacts.csv").display().to_string()).await.expect("choose the file");
    b.wait_for("#import-preview tbody tr").await;
    tab_to(&b, "#import-new-list-name", 80).await;
    type_text(&b, "Da Google").await;
    tab_to(&b, "#import-create-list", 5).await;
    press(&b, ENTER).await;
    b.wait_for_text("#import-list", "Da Google").await;
    tab_to(&b, "#import-start", 400).await;
    press(&b, ENTER).await;
    let summary = read_summary(&b, LIMIT).await;
    assert!(summary.imported > 0, "the import ran from the keyboard: {summary:?}");
    // Escape and Tab never leave the focus on nothing.
    press(&b, ESCAPE).await;
    press(&b, TAB).await;
    assert!(!focused(&b).await.is_empty(), "Tab after Escape focuses something");
    b.close().await;
}
