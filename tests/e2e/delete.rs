//! End-to-end: deleting contacts from the contacts table as a new user would, in
//! headless Chromium: one contact, the ticked ones, the whole page through the
//! select-all box (the confirmation names how many, the count under the heading
//! follows), then a contact with an open WhatsApp chat survives a delete with a
//! message naming it and goes once the chat is closed. The Trash holds them all.

use crate::support;

use std::time::Duration;

use support::app::{navigate, wait_for_heading};
use support::contacts::{add_contact, contacts_in_list, edit_contact_named, wait_rows, NewContact, ROWS};
use support::delete::{delete_ticked, tick_rows};
use support::files::TempDir;
use support::import_wizard::{start_import_with_new_list, upload};
use support::journey::wait_journey;
use support::Browser;

/// Imported contacts: more than a page (25), so "the whole page" is not everyone.
const GUESTS: usize = 30;

/// "Delete N contacts? …", as the confirmation asks.
fn question(n: &str) -> String {
    format!("Delete {n}? They go to the Trash, where they can be restored for 30 days.")
}

/// The names in the contacts table, in its order.
async fn shown_names(b: &Browser) -> Vec<String> {
    let names = b.exec(&format!("return [...document.querySelectorAll('{ROWS} input.row-check')].map(i => i.getAttribute('aria-label').replace('Select ', ''));")).await;
    serde_json::from_value(names).expect("names as strings")
}

fn guest(i: usize) -> String {
    format!("Guest{i:02} Row")
}

#[tokio::test(flavor = "multi_thread")]
async fn delete_one_the_ticked_the_whole_page_and_an_open_chat_only_once_closed() {
    let dir = TempDir::new("e2e-delete");
    let rows: String = (1..=GUESTS).map(|i| format!("Guest{i:02},Row,guest{i:02}@example.com\n")).collect();
    let file = dir.write("guests.csv", format!("First Name,Last Name,E-mail Address\n{rows}").as_bytes());
    let (b, leads) = start_import_with_new_list("e2e-delete", "Leads", &file).await;
    assert_eq!(upload(&b, Duration::from_secs(30)).await.imported, GUESTS as u64);
    assert_eq!(contacts_in_list(&b, &leads).await, GUESTS as u64);
    wait_rows(&b, 25).await;

    // One contact.
    tick_rows(&b, &[&guest(1)]).await;
    assert_eq!(delete_ticked(&b, "Deleted 1 contact.").await, question("1 contact"));
    assert_eq!(contacts_in_list(&b, &leads).await, 29);
    wait_rows(&b, 25).await;
    assert_eq!(shown_names(&b).await.first(), Some(&guest(2)), "Guest01 is gone from the top of the table");

    // The ticked ones: three of them, their neighbour stays.
    tick_rows(&b, &[&guest(2), &guest(3), &guest(5)]).await;
    assert_eq!(delete_ticked(&b, "Deleted 3 contacts.").await, question("3 contacts"));
    assert_eq!(contacts_in_list(&b, &leads).await, 26);
    wait_rows(&b, 25).await;
    let shown = shown_names(&b).await;
    assert_eq!(shown.first(), Some(&guest(4)), "{shown:?}");
    assert!(![guest(2), guest(3), guest(5)].iter().any(|g| shown.contains(g)), "{shown:?}");

    // The whole page through the select-all box: 25 of the 26; the last one stays.
    b.click("#select-all-contacts").await;
    assert_eq!(delete_ticked(&b, "Deleted 25 contacts.").await, question("25 contacts"));
    assert_eq!(contacts_in_list(&b, &leads).await, 1);
    wait_rows(&b, 1).await;
    assert_eq!(shown_names(&b).await, [guest(GUESTS)]);

    // Bea's WhatsApp chat is open: a delete of everyone keeps her, and says so.
    add_contact(&b, NewContact::with(&[("first_name", "Bea"), ("mobile", "+39 333 1234567")]).in_list(&leads)).await;
    edit_contact_named(&b, "Bea").await;
    wait_journey(&b).await;
    b.click(".journey-whatsapp[data-number='393331234567']").await;
    b.wait_for("#whatsapp-open").await;
    assert_eq!(contacts_in_list(&b, &leads).await, 2);
    wait_rows(&b, 2).await;
    b.click("#select-all-contacts").await;
    let kept = "Deleted 1 contact. 1 contact was not deleted: it has an open WhatsApp conversation: Bea.";
    assert_eq!(delete_ticked(&b, kept).await, question("2 contacts"));
    assert_eq!(contacts_in_list(&b, &leads).await, 1);
    wait_rows(&b, 1).await;
    assert_eq!(shown_names(&b).await, ["Bea"]);

    // Once the chat is closed she is deleted like anyone.
    edit_contact_named(&b, "Bea").await;
    wait_journey(&b).await;
    b.click(".journey-close").await;
    b.click("#journey-close-save").await;
    b.wait_gone(".overlay").await;
    b.wait_gone("#whatsapp-open").await;
    assert_eq!(contacts_in_list(&b, &leads).await, 1);
    tick_rows(&b, &["Bea"]).await;
    assert_eq!(delete_ticked(&b, "Deleted 1 contact.").await, question("1 contact"));
    assert_eq!(contacts_in_list(&b, &leads).await, 0);

    // Every deleted contact is in the Trash, also after a reload.
    navigate(&b, "#/trash").await;
    wait_for_heading(&b, "Trash").await;
    b.reload().await;
    let sub = b.wait_for_text("#trash-sub", "in the trash").await;
    assert!(sub.starts_with(&format!("{} contacts in the trash", GUESTS + 1)), "{sub}");
    b.close().await;
}
