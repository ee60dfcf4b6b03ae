//! End-to-end: Merge Contact in the built app, in headless Chromium. Two contacts, an
//! interaction logged on the one to merge; Merge… refused while the form has unsaved
//! changes; the filter finds the other, the preview shows both side by side (also at
//! phone width, without sideways scrolling), one conflict decided for the other side
//! and one left to the kept contact; the form then shows the merged values, the other
//! contact is gone, the kept contact's journey holds its interaction and the merge.
//! Undo merge gives both contacts back as they were, the interaction on its owner.

use crate::support;

use std::time::Duration;

use support::app::{input_value, navigate, open_fresh_app, wait_for_notice};
use support::contacts::{add_contact, edit_contact_named, wait_rows, NewContact, ROWS};
use support::journey::{at, log_interaction, show_view, today, wait_journey, wait_shown, Logged};
use support::lists::{create_list, NewList};
use support::merge::{choose, chosen, dialog_scrolls_sideways, match_names, merge, pick_other, preview_rows, undo_merge, TABLE};
use support::Browser;

const ADA: [(&str, &str); 5] = [("first_name", "Ada"), ("last_name", "Lovelace"), ("email", "ada@example.com"), ("company", "Analytical"), ("city", "London")];
const BEA: [(&str, &str); 6] =
    [("first_name", "Bea"), ("last_name", "Rossi"), ("email", "bea@example.com"), ("company", "Engines Ltd"), ("city", "Rome"), ("phone", "+39 333 1234567")];

/// The values of the open Edit Contact form's fields `keys`.
async fn form_values(b: &Browser, keys: &[&str]) -> Vec<String> {
    let mut values = Vec::new();
    for key in keys {
        values.push(input_value(b, &format!("#field-{key}")).await);
    }
    values
}

/// Waits until the open form's field `key` holds `want` (the form is rendered again
/// after a merge or an undo).
async fn wait_value(b: &Browser, key: &str, want: &str) {
    let script = format!("const el = document.querySelector('#field-{key}'); return el && el.value === {want:?};");
    b.poll(&script, Duration::from_secs(10), &format!("#field-{key} holding {want:?}")).await;
}

/// From the contacts page: the Edit page of `name`, its journey read.
async fn open_contact(b: &Browser, name: &str) {
    navigate(b, "#/contacts").await;
    edit_contact_named(b, name).await;
    wait_journey(b).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn merge_with_choices_then_undo_gives_both_back() {
    let b = open_fresh_app("e2e-merge").await;
    let leads = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&ADA).in_list(&leads)).await;
    add_contact(&b, NewContact::with(&BEA).in_list(&leads)).await;
    wait_rows(&b, 2).await;

    // Bea called today.
    open_contact(&b, "Rossi").await;
    let day = today(&b).await;
    let call = Logged { channel: "voice", direction: "inbound", started: at(day, "09:00"), ended: at(day, "09:05"), notes: "Asked about the offer", ..Logged::default() };
    log_interaction(&b, call).await;
    show_view(&b, "activity").await;
    wait_shown(&b, "1 of 1 shown").await;

    // Ada's form with an unsaved change: Merge… is refused, and works once saved.
    open_contact(&b, "Lovelace").await;
    b.fill("#field-description", "Met at the fair").await;
    b.click("#merge-contact").await;
    wait_for_notice(&b, "This form has unsaved changes").await;
    assert_eq!(b.count(".overlay").await, 0, "the merge dialog opened over unsaved changes");
    b.click("#save-contact").await;
    wait_for_notice(&b, "Contact saved.").await;

    // The filter lists every match but Ada herself; pick Bea by name, Next: both side by side.
    b.click("#merge-contact").await;
    b.fill("#merge-filter", "example.com").await;
    assert_eq!(match_names(&b).await, ["Bea Rossi"]);
    pick_other(&b, "rossi", "Bea Rossi").await;
    b.screenshot("merge-pick-desktop").await;
    b.click("#merge-next").await;
    b.wait_for(TABLE).await;
    let rows = preview_rows(&b).await;
    for want in [
        "first_name|Ada|Bea",
        "email|ada@example.com|bea@example.com",
        "company|Analytical|Engines Ltd",
        "phone|—|+393331234567 taken",
        "description|Met at the fair kept|—",
        "tags|None",
    ] {
        assert!(rows.iter().any(|r| r == want), "no preview row {want:?} in {rows:#?}");
    }
    assert!(chosen(&b, "company", "kept").await, "the kept contact's value is not preselected");
    b.screenshot("merge-preview-desktop").await;
    b.set_window_size(390, 844).await;
    assert!(!dialog_scrolls_sideways(&b).await, "the merge preview scrolls sideways at 390px");
    b.screenshot("merge-preview-phone").await;
    b.set_window_size(1280, 800).await;

    // Bea's email, Ada's company (preselected): Merge.
    choose(&b, "email", "other").await;
    assert!(chosen(&b, "email", "other").await && !chosen(&b, "email", "kept").await);
    merge(&b).await;
    wait_for_notice(&b, "Bea Rossi was merged into Ada Lovelace.").await;
    wait_value(&b, "email", "bea@example.com").await;
    assert_eq!(
        form_values(&b, &["first_name", "last_name", "email", "company", "city", "phone", "description"]).await,
        ["Ada", "Lovelace", "bea@example.com", "Analytical", "London", "+393331234567", "Met at the fair"]
    );
    // Ada's journey: Bea's call, and the merge in the history.
    show_view(&b, "activity").await;
    wait_shown(&b, "1 of 1 shown").await;
    b.wait_for_text("#journey", "Asked about the offer").await;
    show_view(&b, "history").await;
    b.wait_for_text("#journey", "Bea Rossi (contact").await;
    // Bea is gone from the table.
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    let table = b.text(ROWS).await;
    assert!(table.contains("Lovelace") && !table.contains("Rossi"), "{table}");

    // Undo: both back as they were, the call on Bea's journey again.
    open_contact(&b, "Lovelace").await;
    assert_eq!(
        undo_merge(&b).await,
        "Undo the merge? Bea Rossi comes back exactly as before, with their interactions; Ada Lovelace gets back the values from before the merge."
    );
    wait_for_notice(&b, "Merge undone: Bea Rossi is back.").await;
    wait_value(&b, "email", "ada@example.com").await;
    assert_eq!(form_values(&b, &["email", "company", "phone", "description"]).await, ["ada@example.com", "Analytical", "", "Met at the fair"]);
    show_view(&b, "activity").await;
    wait_shown(&b, "0 of 0 shown").await;
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    open_contact(&b, "Rossi").await;
    assert_eq!(
        form_values(&b, &["first_name", "last_name", "email", "company", "city", "phone"]).await,
        ["Bea", "Rossi", "bea@example.com", "Engines Ltd", "Rome", "+393331234567"]
    );
    wait_shown(&b, "1 of 1 shown").await;
    b.wait_for_text("#journey", "Asked about the offer").await;
    b.close().await;
}
