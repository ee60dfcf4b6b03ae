//! End-to-end: unsaved work is never lost silently (issue 14, part 1), as a new user
//! loses it: a contact edited then a menu link, the page's Back button or the browser's
//! Back; a new contact typed into Add Contact then Esc or a click outside. Each asks
//! "Keep editing / Discard changes / Save" and does what was answered; a reload asks
//! the browser to confirm. Nothing asks when nothing changed. The list forms (settings
//! page, New List) ask the same way.

use crate::support;

use serde_json::json;
use support::app::{input_value, navigate, open_fresh_app, press_escape, wait_for_notice};
use support::contacts::{add_contact, edit_contact_named, fill_new_contact, NewContact, ROWS};
use support::lists::{create_list, open_list_editor, open_new_list_dialog, ListTab, NewList};
use support::Browser;

const QUESTION: &str = "#unsaved-question";

/// Waits for the question; answers with `button` ("keep", "discard", "save") and waits
/// for it to go.
async fn answer(b: &Browser, button: &str) {
    b.wait_for_text(QUESTION, "not saved").await;
    b.click(&format!("#unsaved-{button}")).await;
    b.wait_gone(QUESTION).await;
}

/// The hash of the address bar.
async fn hash(b: &Browser) -> String {
    let v = b.exec("return location.hash").await;
    v.as_str().unwrap_or_else(|| panic!("no hash: {v}")).to_owned()
}

/// Whether a reload now would be stopped by the page (its `beforeunload` handler
/// cancels the event, which makes the browser ask).
async fn reload_is_held(b: &Browser) -> bool {
    let v = b.exec("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented").await;
    v.as_bool().unwrap_or_else(|| panic!("the beforeunload check gave {v}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn leaving_an_edited_contact_asks_and_does_what_was_answered() {
    let b = open_fresh_app("e2e-unsaved-edit").await;
    let list = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada"), ("email", "ada@example.com")]).in_list(&list)).await;
    edit_contact_named(&b, "Ada").await;
    let edit_hash = hash(&b).await;

    // Nothing changed: a menu link just goes, and a reload is not held.
    assert!(!reload_is_held(&b).await, "a clean form holds the reload");
    navigate(&b, "#/lists").await;
    b.wait_for("#lists-table").await;
    assert_eq!(b.count(QUESTION).await, 0);

    // A menu link with a changed name: Keep editing stays, with the change and the address.
    b.client.back().await.expect("back to the contact");
    b.wait_for("#edit-contact-form").await;
    b.fill("#field-first_name", "Adele").await;
    assert!(reload_is_held(&b).await, "a reload would lose the change silently");
    navigate(&b, "#/lists").await;
    answer(&b, "keep").await;
    assert_eq!(input_value(&b, "#field-first_name").await, "Adele");
    assert_eq!(hash(&b).await, edit_hash, "the address is the form's again");

    // The page's own Back button, then Discard: the contacts, Ada unchanged.
    b.click("#edit-contact-form .head-actions button.btn:first-child").await;
    answer(&b, "discard").await;
    b.wait_for_text(ROWS, "Ada").await;
    assert!(b.texts(ROWS).await.iter().all(|r| !r.contains("Adele")), "the discarded name was saved");

    // The browser's Back, then Save: stored, and on to where Back pointed.
    edit_contact_named(&b, "Ada").await;
    b.fill("#field-email", "adele@example.com").await;
    b.client.back().await.expect("browser back");
    answer(&b, "save").await;
    wait_for_notice(&b, "Contact saved.").await;
    b.wait_for(ROWS).await;
    b.wait_for_text(ROWS, "adele@example.com").await;
    assert!(!hash(&b).await.starts_with("#/contacts/"), "still on the contact: {}", hash(&b).await);

    // A refused save keeps the form open with its error, and does not leave.
    edit_contact_named(&b, "Ada").await;
    b.fill("#field-email", "adele@").await;
    navigate(&b, "#/tags").await;
    answer(&b, "save").await;
    b.wait_for("#error-email").await;
    assert_eq!(b.count("#edit-contact-form").await, 1, "left the form despite the refused save");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_add_contact_with_typed_values_asks_first() {
    let b = open_fresh_app("e2e-unsaved-add").await;
    let list = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;

    // Opened and closed untouched: no question.
    b.click("#add-contact").await;
    b.wait_for("#field-first_name").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;

    fill_new_contact(&b, NewContact::with(&[("first_name", "Bea"), ("email", "bea@example.com")]).in_list(&list)).await;
    // Esc: Keep editing leaves the dialog as it was, focus back inside it.
    press_escape(&b).await;
    answer(&b, "keep").await;
    assert_eq!(input_value(&b, "#field-email").await, "bea@example.com");
    let inside = b.exec("return !!document.activeElement.closest('#add-contact-form')").await;
    assert_eq!(inside, json!(true), "the focus is not back in the dialog");

    // A click outside, then Discard: closed, and it opens empty again.
    b.exec("document.querySelector('.overlay').dispatchEvent(new MouseEvent('mousedown', {bubbles: true}))").await;
    answer(&b, "discard").await;
    b.wait_gone(".overlay").await;
    b.click("#add-contact").await;
    assert_eq!(input_value(&b, "#field-first_name").await, "");

    // Typed again, Cancel, Save: the contact is added.
    b.fill("#field-first_name", "Cy").await;
    b.click("#add-contact-form .dialog-foot button.btn:first-child").await;
    answer(&b, "save").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text(ROWS, "Cy").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn list_forms_ask_too() {
    let b = open_fresh_app("e2e-unsaved-list").await;
    let list = create_list(&b, NewList::named("Leads")).await;
    // The list's settings, renamed, then a menu link: Save stores the name and goes on.
    open_list_editor(&b, &list, ListTab::Settings).await;
    b.fill("#list-name", "Leads 2026").await;
    navigate(&b, "#/contacts").await;
    answer(&b, "save").await;
    wait_for_notice(&b, "List saved.").await;
    b.wait_for("#contacts-table").await;
    navigate(&b, "#/lists").await;
    b.wait_for_text("#lists-table", "Leads 2026").await;

    // New List with a name typed, then Esc: Discard closes it and adds nothing.
    open_new_list_dialog(&b).await;
    b.fill("#list-name", "Partners").await;
    press_escape(&b).await;
    answer(&b, "discard").await;
    b.wait_gone(".overlay").await;
    assert!(!b.text("#lists-table").await.contains("Partners"), "a discarded list was added");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tag_agent_and_custom_field_dialogs_ask_before_dropping_what_was_typed() {
    let b = open_fresh_app("e2e-unsaved-dialogs").await;

    // New tag, a name typed, Esc: asks; Keep editing keeps it; Esc again, Discard closes.
    navigate(&b, "#/tags").await;
    b.click("#new-tag").await;
    b.fill("#tag-name", "Richiamare domani").await;
    press_escape(&b).await;
    answer(&b, "keep").await;
    assert_eq!(input_value(&b, "#tag-name").await, "Richiamare domani", "Keep editing lost the name");
    press_escape(&b).await;
    answer(&b, "discard").await;
    b.wait_gone("#tag-form").await;
    assert!(!b.text("main").await.contains("Richiamare domani"), "a discarded tag was added");

    // Nothing typed: Esc just closes.
    b.click("#new-tag").await;
    b.wait_for("#tag-name").await;
    press_escape(&b).await;
    b.wait_gone("#tag-form").await;
    assert_eq!(b.count(QUESTION).await, 0, "an untouched dialog asked");

    // New custom field, an alias typed, Cancel then Save: the field is added.
    navigate(&b, "#/custom-fields").await;
    b.click("#new-global-field").await;
    b.fill("#field-def-alias", "Account manager").await;
    b.click("#field-form button.btn:not(.btn-primary)").await;
    answer(&b, "save").await;
    b.wait_gone("#field-form").await;
    b.wait_for_text("#global-fields-table", "Account manager").await;

    // New agent, a name typed, then the browser's Back: asks; Discard goes back,
    // nothing added.
    navigate(&b, "#/agents").await;
    b.click("#new-agent").await;
    b.fill("#agent-name", "Giulia Rossi").await;
    b.client.back().await.expect("browser back");
    answer(&b, "discard").await;
    b.wait_for("#global-fields-table").await;
    navigate(&b, "#/agents").await;
    b.wait_for("#new-agent").await;
    assert!(!b.text("main").await.contains("Giulia Rossi"), "a discarded agent was added");
    b.close().await;
}
