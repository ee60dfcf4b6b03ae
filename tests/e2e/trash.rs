//! End-to-end: deleting contacts into the Trash in the built app, in headless
//! Chromium: a contact with an open WhatsApp chat survives a delete with a message
//! naming it and a link to its page (where the chat is closed), the rest go to the Trash (kept across a reload), Restore puts them back,
//! Delete permanently and Empty trash are confirmed with how many.

use crate::support;

use support::app::{confirm, navigate, open_fresh_app, scrolls_sideways, wait_for_heading, wait_for_notice};
use support::contacts::{add_contact, delete_selected_contacts, edit_contact_named, wait_rows, NewContact, ROWS};
use support::journey::wait_journey;
use support::lists::{create_list, NewList};
use support::Browser;

const TRASH_ROWS: &str = "#trash-table tbody tr.trash-row";

/// Each Trash row as "count|names".
async fn trash_rows(b: &Browser) -> Vec<String> {
    let rows = b
        .exec(&format!(
            "return [...document.querySelectorAll('{TRASH_ROWS}')].map(r => r.querySelector('.trash-count').textContent + '|' + r.querySelector('.trash-names').textContent);"
        ))
        .await;
    serde_json::from_value(rows).expect("rows as strings")
}

#[tokio::test(flavor = "multi_thread")]
async fn delete_keeps_an_open_chat_and_the_trash_restores_and_purges() {
    let b = open_fresh_app("e2e-trash").await;
    let leads = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;
    for fields in [[("first_name", "Ada"), ("last_name", "Lovelace")], [("first_name", "Bea"), ("mobile", "+39 333 1234567")], [("first_name", "Cy"), ("last_name", "Young")]] {
        add_contact(&b, NewContact::with(&fields).in_list(&leads)).await;
    }
    // Bea's WhatsApp chat is open.
    edit_contact_named(&b, "Bea").await;
    wait_journey(&b).await;
    b.click(".journey-whatsapp[data-number='393331234567']").await;
    b.wait_for("#whatsapp-open").await;

    // Delete all three: Bea stays, and the notice says why.
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 3).await;
    b.click("#select-all-contacts").await;
    assert_eq!(delete_selected_contacts(&b).await, "Delete 3 contacts? They go to the Trash, where they can be restored for 30 days.");
    let notice = wait_for_notice(&b, "not deleted").await;
    assert!(
        notice.contains("Deleted 2 contacts. 1 contact was not deleted: it has an open WhatsApp conversation: Bea."),
        "{notice}"
    );
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Bea"));
    // The notice stays, with a link to where Bea's conversation can be closed.
    assert_eq!(b.text("#notice .notice-links a").await, "Close the conversation with Bea");
    b.click("#notice .notice-links a").await;
    b.wait_for_text("#edit-contact-title", "Bea").await;
    b.wait_gone("#notice").await;

    // The Trash holds the two, also after a reload.
    navigate(&b, "#/trash").await;
    wait_for_heading(&b, "Trash").await;
    b.wait_for(TRASH_ROWS).await;
    assert_eq!(trash_rows(&b).await, ["2|Ada Lovelace, Cy Young"]);
    b.screenshot("trash-desktop").await;
    b.set_window_size(390, 844).await;
    b.screenshot("trash-phone").await;
    assert!(!scrolls_sideways(&b).await, "the Trash scrolls sideways at 390px");
    b.set_window_size(1280, 800).await;
    b.reload().await;
    b.wait_for(TRASH_ROWS).await;
    assert_eq!(trash_rows(&b).await, ["2|Ada Lovelace, Cy Young"]);
    assert!(b.text("#trash-sub").await.starts_with("2 contacts in the trash"));

    // Restore: both are back in their list.
    b.click(&format!("{TRASH_ROWS} .trash-restore")).await;
    wait_for_notice(&b, "Restored 2 contacts.").await;
    b.wait_for("#trash-empty").await;
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 3).await;
    let rows = b.text("#contacts-table tbody").await;
    assert!(rows.contains("Lovelace") && rows.contains("Young") && rows.contains("Leads"), "{rows}");

    // Delete Ada again, then permanently: the confirmation counts, the trash empties.
    b.click("#contacts-table tbody tr:first-child .row-check").await;
    delete_selected_contacts(&b).await;
    wait_rows(&b, 2).await;
    navigate(&b, "#/trash").await;
    b.wait_for(TRASH_ROWS).await;
    b.click(&format!("{TRASH_ROWS} .trash-purge")).await;
    assert_eq!(
        confirm(&b).await,
        "Delete 1 contact permanently, with their interactions and history? This cannot be undone."
    );
    wait_for_notice(&b, "Deleted 1 contact permanently.").await;
    b.wait_for("#trash-empty").await;

    // Cy too, then Empty trash.
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    b.click("#select-all-contacts").await;
    delete_selected_contacts(&b).await;
    wait_rows(&b, 1).await;
    navigate(&b, "#/trash").await;
    b.wait_for(TRASH_ROWS).await;
    assert_eq!(trash_rows(&b).await, ["1|Cy Young"]);
    b.click("#empty-trash").await;
    assert_eq!(
        confirm(&b).await,
        "Delete the 1 contact in the trash permanently, with their interactions and history? This cannot be undone."
    );
    wait_for_notice(&b, "Trash emptied").await;
    b.wait_for("#trash-empty").await;
    b.reload().await;
    b.wait_for("#trash-empty").await;
    b.close().await;
}
