//! End-to-end: duplicating a contact into another list as a user would, in headless
//! Chromium. From Edit Contact into a list with a required select the contact has no
//! value for: the dialog names the value left behind, refuses an empty required field
//! at the field, then copies; the copy sits in its list, the source is unchanged, and
//! each history says where the copy went / came from. Then from the contacts table's
//! row action (reachable on a phone) into a third list, after Esc closed it once. Both
//! pairs are remembered as "not duplicates".

use crate::support;

use support::app::{input_value, open_fresh_app, press_escape, scrolls_sideways};
use support::contacts::{add_contact, contact_fields, contact_rows, contacts_in_list, edit_contact_named, open_contacts_of, NewContact};
use support::copy::{add_copy, choose_target, duplicate_from_edit_page, duplicate_from_row, edited_contact_id, focus_in_dialog, focused_id, list_with_field, row_action, within_window_width};
use support::app::stored_setting;
use support::custom_fields::FieldDef;
use support::journey::{show_view, wait_journey};
use support::lists::{create_list, NewList};
use support::Browser;

const NOTES: &str = "Met at the fair";

/// Shows the History view of the open contact and waits until it says `text`.
async fn history_says(b: &Browser, text: &str) {
    wait_journey(b).await;
    show_view(b, "history").await;
    b.wait_for_text("#journey", text).await;
}

/// The pairs of the setting `name` ("1-2,1-3"), once it holds `n` (it is written
/// after the copy).
async fn wait_setting(b: &Browser, name: &str, n: usize) -> Vec<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let pairs: Vec<String> = stored_setting(b, name).await.map(|v| v.split(',').map(str::to_string).collect()).unwrap_or_default();
        if pairs.len() == n || std::time::Instant::now() > deadline {
            return pairs;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicate_into_a_list_with_a_required_field_then_from_the_table() {
    let b = open_fresh_app("e2e-copy").await;
    let (leads, notes) = list_with_field(&b, "Leads", &FieldDef::new("Notes", "text")).await;
    let tier_def = FieldDef { choices: &["Gold", "Silver"], required: true, ..FieldDef::new("Tier", "select") };
    let (customers, tier) = list_with_field(&b, "Customers", &tier_def).await;
    let partners = create_list(&b, NewList::named("Partners")).await;
    open_contacts_of(&b, &leads).await;
    let notes_key = format!("custom-{notes}");
    add_contact(&b, NewContact::with(&[("first_name", "Ada"), ("last_name", "Lovelace"), (&notes_key, NOTES)]).in_list(&leads)).await;

    // From Edit Contact: focus goes into the dialog; the target names what is left behind
    // and asks for its required field.
    edit_contact_named(&b, "Ada").await;
    let source = edited_contact_id(&b).await;
    duplicate_from_edit_page(&b).await;
    assert!(focus_in_dialog(&b).await, "the focus stays outside the dialog");
    assert_eq!(b.count(&format!("#copy-target option[value='{leads}']")).await, 0, "the contact's own list is offered");
    choose_target(&b, &customers).await;
    let dropped = b.wait_for_text("#copy-dropped", "Not copied").await;
    assert_eq!(dropped, format!("Not copied — Customers has no such field: Notes: {NOTES}."));
    let tier_input = format!("#field-custom-{tier}");
    let label = b.text(&format!("label[for='field-custom-{tier}']")).await;
    assert!(label.starts_with("Tier") && label.contains("required"), "the field to fill is labelled {label:?}");

    // Empty required field: refused at the field, focus there, the dialog stays.
    b.click("#copy-submit").await;
    b.wait_for_text(&format!("#error-custom-{tier}"), "Tier is required").await;
    assert_eq!(focused_id(&b).await, format!("field-custom-{tier}"));
    assert_eq!(b.count("#copy-form").await, 1, "a refused copy closed the dialog");
    b.screenshot("copy-dialog-1280").await;
    b.set_window_size(390, 844).await;
    b.screenshot("copy-dialog-390").await;
    assert!(!scrolls_sideways(&b).await, "the dialog scrolls sideways at 390 px");
    b.set_window_size(1280, 800).await;

    // Filled: copied, and the notice leads to the copy.
    b.select(&tier_input, "Gold").await;
    assert_eq!(add_copy(&b).await, "Copied Ada Lovelace into Customers.");
    b.screenshot("copy-notice-1280").await;
    history_says(&b, "Duplicated into list Customers").await;
    b.click("#notice .notice-links a").await;
    let copy = edited_contact_id(&b).await;
    assert_ne!(copy, source, "Open the copy opened the source");
    b.wait_for_text("#edit-contact-title", "Ada Lovelace").await;
    assert_eq!(input_value(&b, "#field-list").await, customers);
    assert_eq!(input_value(&b, &tier_input).await, "Gold");
    assert_eq!(b.count(&format!("#field-custom-{notes}")).await, 0, "the copy shows the source list's field");
    history_says(&b, &format!("Copied from contact {source} of list Leads")).await;

    // The copy is the only contact of Customers (the refused attempt added none); the
    // source is unchanged in Leads.
    assert_eq!(contacts_in_list(&b, &customers).await, 1);
    assert!(contact_rows(&b, &customers).await.iter().any(|r| r.contains("Ada")));
    assert_eq!(contacts_in_list(&b, &leads).await, 1);
    assert_eq!(contact_fields(&b, &leads, "Ada", &[&notes_key]).await, vec![NOTES.to_string()]);
    assert_eq!(edited_contact_id(&b).await, source);

    // From the table's row action on a phone: reachable without scrolling sideways;
    // Esc closes the dialog and gives the focus back; then a copy into Partners, which
    // requires nothing.
    b.set_window_size(390, 844).await;
    open_contacts_of(&b, &leads).await;
    // Duplicate sits in the row's ⋯ menu: its button must be on screen.
    let menu = format!("details.row-menu:has({}) > summary", row_action("Ada Lovelace"));
    assert!(within_window_width(&b, &menu).await, "the row's ⋯ menu is off screen at 390 px");
    assert!(!scrolls_sideways(&b).await, "the contacts page scrolls sideways at 390 px");
    b.screenshot("copy-row-actions-390").await;
    duplicate_from_row(&b, "Ada Lovelace").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    let back = b.exec("return document.activeElement.getAttribute('aria-label');").await;
    assert_eq!(back.as_str(), Some("More actions for Ada Lovelace"), "the focus did not return to the row's ⋯ menu");
    duplicate_from_row(&b, "Ada Lovelace").await;
    choose_target(&b, &partners).await;
    b.wait_for_text("#copy-dropped", "Partners has no such field: Notes").await;
    assert_eq!(b.count("#copy-to-fill").await, 0, "Partners asks for a field it does not require");
    assert_eq!(add_copy(&b).await, "Copied Ada Lovelace into Partners.");
    b.set_window_size(1280, 800).await;
    assert_eq!(contacts_in_list(&b, &partners).await, 1);
    assert_eq!(contacts_in_list(&b, &leads).await, 1);

    // Both copies are remembered as "not duplicates" of the source, for the finder.
    let pairs = wait_setting(&b, "duplicates.not_duplicates", 2).await;
    assert!(pairs.contains(&format!("{source}-{copy}")), "{pairs:?}");
    assert!(pairs.iter().all(|p| p.starts_with(&format!("{source}-"))), "{pairs:?}");
    b.close().await;
}
