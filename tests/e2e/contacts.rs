//! End-to-end: the built app (dist/) in headless Chromium, driven like a user would.
//! Lists and contacts are created through the UI and must survive a page reload
//! (IndexedDB is the only store).

use crate::support;

use serde_json::json;
use support::app::{confirm, input_value, navigate, open_fresh_app, press_escape, scrolls_sideways, wait_for_heading, wait_for_notice};
use support::contacts::{add_contact, delete_selected_contacts, edit_contact_named, wait_rows, NewContact, ROWS};
use support::lists::{
    create_list, edit_list_named, open_list_editor, open_list_tab, open_new_list_dialog, submit_new_list, ListTab, NewList,
};

#[tokio::test(flavor = "multi_thread")]
async fn list_and_contact_round_trip_through_reload() {
    let b = open_fresh_app("e2e-roundtrip").await;

    // No lists yet: the contacts page says what to do first.
    b.wait_for_text("#no-lists", "Create a list first").await;

    // A list needs a name: the error sits next to the field, nothing is created.
    open_new_list_dialog(&b).await;
    b.click("#add-list").await;
    b.wait_for("#error-list-name").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    create_list(&b, NewList::named("Customers").description("People who bought something")).await;

    // Add Contact with no first name and a bad phone: both errors, nothing saved.
    navigate(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.fill("#field-phone", "12").await;
    b.fill("#field-email", "not-an-email").await;
    b.click("#save-contact").await;
    b.wait_for("#error-first_name").await;
    b.wait_for("#error-phone").await;
    b.wait_for("#error-email").await;
    assert_eq!(b.count(".overlay").await, 1, "the dialog stays open while the draft is invalid");
    b.click(".dialog .dialog-foot button[type=button]").await; // Cancel
    // What was typed is not dropped silently: Discard, then it closes.
    b.click("#unsaved-discard").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 0).await;

    // A valid contact: the phone is stored in WhatsApp form and shown as links.
    let ada = [("first_name", "Ada"), ("last_name", "Lovelace"), ("phone", "+39 333 123 4567"), ("email", "ada@example.com")];
    add_contact(&b, NewContact::with(&ada)).await;
    wait_rows(&b, 1).await;
    let row = b.text(ROWS).await;
    assert!(row.contains("Ada") && row.contains("Lovelace") && row.contains("Customers"), "row: {row}");
    let links = b
        .exec(
            "const r = document.querySelector('#contacts-table tbody tr');
             return [r.querySelector('a.tel-link').getAttribute('href'), r.querySelector('a.wa-link').getAttribute('href'),
                     r.querySelector('a.wa-link').getAttribute('rel')];",
        )
        .await;
    assert_eq!(links, json!(["tel:+393331234567", "https://wa.me/393331234567", "noopener noreferrer"]));

    // Reload: the contact came from IndexedDB.
    b.reload().await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Lovelace"));

    // Edit: an invalid email is refused next to its field, a valid change is saved.
    edit_contact_named(&b, "Lovelace").await;
    assert_eq!(input_value(&b, "#field-phone").await, "+393331234567");
    b.fill("#field-email", "broken@").await;
    b.click("#save-contact").await;
    b.wait_for("#error-email").await;
    b.fill("#field-email", "ada@analytical.example").await;
    b.fill("#field-last_name", "King").await;
    b.fill("#field-city", "London").await;
    b.fill("#field-mobile", "0039 347-1234567").await;
    b.click("#save-contact").await;
    wait_for_notice(&b, "saved").await;
    assert_eq!(input_value(&b, "#field-mobile").await, "+393471234567", "the form shows the stored form, with its +");
    b.wait_gone("#error-email").await;
    b.reload().await;
    b.wait_for("#edit-contact-form").await;
    assert_eq!(input_value(&b, "#field-last_name").await, "King");
    assert_eq!(input_value(&b, "#field-city").await, "London");
    assert_eq!(input_value(&b, "#field-email").await, "ada@analytical.example");

    // Back on the table: the edit shows; delete it with the confirmation.
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("King"));
    b.click("#contacts-table tbody tr .row-check").await;
    let question = delete_selected_contacts(&b).await;
    assert_eq!(question, "Delete 1 contact? They go to the Trash, where they can be restored for 30 days.");
    wait_rows(&b, 0).await;
    b.reload().await;
    b.wait_for("#no-contacts").await;
    wait_rows(&b, 0).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_sort_and_paging() {
    let b = open_fresh_app("e2e-paging").await;
    create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;

    // 30 contacts through the Add Contact dialog (one list: it is preselected).
    for i in 1..=29 {
        let person = format!("Person{i:02}");
        add_contact(&b, NewContact::with(&[("first_name", &person), ("last_name", "Tester")])).await;
    }
    add_contact(&b, NewContact::with(&[("first_name", "Zelda"), ("last_name", "Fitz"), ("mobile", "+39 347 765 4321")])).await;
    b.wait_for_text("#page-range", "of 30").await;

    // Page size 25: two pages.
    wait_rows(&b, 25).await;
    assert_eq!(b.text("#page-range").await, "1–25 of 30");
    b.click("#page-next").await;
    wait_rows(&b, 5).await;
    assert_eq!(b.text("#page-range").await, "26–30 of 30");
    b.click("#page-prev").await;
    wait_rows(&b, 25).await;
    b.select("#page-size", "50").await;
    wait_rows(&b, 30).await;

    // Sort by first name, descending on the second click.
    b.click("#contacts-table thead th:nth-child(2) button").await;
    let sort = b.exec("return document.querySelector('#contacts-table thead th:nth-child(2)').getAttribute('aria-sort')").await;
    assert_eq!(sort, json!("descending"));
    assert!(b.text(ROWS).await.contains("Zelda"), "Zelda first when sorted descending");

    // Search narrows as you type: by name, then by phone digits.
    b.fill("#contact-search", "zel").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Fitz"));
    b.fill("#contact-search", "347 765").await;
    wait_rows(&b, 1).await;
    b.fill("#contact-search", "Person1").await;
    wait_rows(&b, 10).await;
    b.fill("#contact-search", "nobody-by-this-name").await;
    wait_rows(&b, 0).await;
    b.wait_for_text("#no-contacts", "No contacts match").await;
    b.fill("#contact-search", "").await;
    wait_rows(&b, 30).await;

    // Select all on this page and delete: the confirmation counts them.
    b.select("#page-size", "25").await;
    wait_rows(&b, 25).await;
    b.click("#select-all-contacts").await;
    assert_eq!(delete_selected_contacts(&b).await, "Delete 25 contacts? They go to the Trash, where they can be restored for 30 days.");
    wait_rows(&b, 5).await;
    assert_eq!(b.text("#page-range").await, "1–5 of 5");

    // The page size is remembered across a reload.
    b.select("#page-size", "100").await;
    b.reload().await;
    wait_rows(&b, 5).await;
    assert_eq!(input_value(&b, "#page-size").await, "100");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_list_deletes_its_contacts() {
    let b = open_fresh_app("e2e-lists").await;
    let alpha = create_list(&b, NewList::named("Alpha").description("first")).await;
    let beta = create_list(&b, NewList::named("Beta").description("second")).await;

    // "Show Contacts" filters the contacts page; Add Contact preselects that list.
    b.click("a[aria-label='Show contacts of Alpha']").await;
    wait_for_heading(&b, "Contacts in Alpha").await;
    add_contact(&b, NewContact::with(&[("first_name", "Anna")])).await;
    add_contact(&b, NewContact::with(&[("first_name", "Aaron")])).await;
    wait_rows(&b, 2).await;
    add_contact(&b, NewContact::with(&[("first_name", "Bob")]).in_list(&beta)).await;
    wait_rows(&b, 2).await; // Bob is in Beta: not shown under the Alpha filter.

    // A selection does not follow the user to another list (it could be deleted unseen).
    b.click("#contacts-table tbody tr .row-check").await;
    navigate(&b, "#/lists").await;
    b.click("a[aria-label='Show contacts of Beta']").await;
    wait_for_heading(&b, "Contacts in Beta").await;
    wait_rows(&b, 1).await;
    let disabled = b.exec("return document.querySelector('#delete-contacts').disabled").await;
    assert_eq!(disabled, json!(true), "nothing selected after changing list");
    b.select("#list-filter", "").await;
    wait_rows(&b, 3).await;
    b.select("#list-filter", &beta).await;
    wait_rows(&b, 1).await;

    // Rename a list in the Settings tab of Edit List.
    edit_list_named(&b, "Beta").await;
    b.fill("#list-name", "Alpha").await;
    b.click("#save-list").await;
    b.wait_for_text("#error-list-name", "already exists").await;
    b.fill("#list-name", "Beta customers").await;
    b.click("#save-list").await;
    wait_for_heading(&b, "Beta customers").await;
    open_list_tab(&b, ListTab::CustomFields).await;

    // Delete Alpha from the lists table: the confirmation counts its contacts.
    navigate(&b, "#/lists").await;
    b.wait_for_text("#lists-table", "Beta customers").await;
    let counts = b.texts("#lists-table tbody td.col-num").await;
    assert_eq!(counts, vec!["2", "1"]);
    b.click(&format!("#lists-table tbody tr:has(a[href='#/lists/{alpha}']) input[type=checkbox]")).await;
    b.click("#delete-lists").await;
    let question = confirm(&b).await;
    assert_eq!(question, "Delete the list “\u{2068}Alpha\u{2069}” and 2 contacts in it? This cannot be undone.");
    b.wait_gone(&format!("a[href='#/lists/{alpha}']")).await;

    b.reload().await;
    b.wait_for_text("#lists-table", "Beta customers").await;
    assert!(!b.text("#lists-table").await.contains("Alpha"));
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Bob"));
    b.close().await;
}

/// A list's default country: proposed from the browser's language, chosen in the list
/// form; the contact form reads numbers without a country code with it, shows each
/// number as it will be saved, and asks when the digits can mean two numbers.
#[tokio::test(flavor = "multi_thread")]
async fn numbers_without_a_country_code_take_the_lists_country() {
    let b = open_fresh_app("e2e-phone-country").await;
    open_new_list_dialog(&b).await;
    let language = b.exec("return navigator.language").await;
    let language = language.as_str().unwrap_or_else(|| panic!("navigator.language: {language}")).to_string();
    if let Some((_, region)) = language.split_once('-') {
        assert_eq!(input_value(&b, "#list-country").await, region.to_uppercase(), "proposed from the browser's {language}");
    }
    let list = submit_new_list(&b, NewList::named("Milano").country("IT")).await;
    // The list's settings show the country it was given.
    open_list_editor(&b, &list, ListTab::Settings).await;
    assert_eq!(input_value(&b, "#list-country").await, "IT");
    b.screenshot("list-settings-country-desktop").await;

    navigate(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.wait_for("#field-first_name").await;
    b.select("#field-list", &list).await;
    b.fill("#field-first_name", "Luca").await;
    b.fill("#field-mobile", "333 1234567").await;
    let shown = b.wait_for_text("#reading-field-mobile", "Italy").await;
    assert_eq!(shown, "Saved as +39 333 123 4567 · Italy");
    // 3281234567 is an Italian mobile and a Belgian landline: the form asks.
    b.fill("#field-phone", "3281234567").await;
    let national = b.wait_for_text("#reading-field-phone-national", "Italy").await;
    let international = b.text("#reading-field-phone-international").await;
    assert_eq!((national.as_str(), international.as_str()), ("+39 328 123 4567 · Italy", "+32 81 23 45 67 · Belgium"));
    b.screenshot("phone-country-ambiguous-desktop").await;
    b.click("#save-contact").await;
    let error = b.wait_for_text("#error-phone", "can be").await;
    assert!(error.contains("+39 328 123 4567 · Italy") && error.contains("+32 81 23 45 67 · Belgium"), "{error}");
    assert_eq!(b.count(".overlay").await, 1, "nothing saved while the number is ambiguous");
    b.click("#reading-field-phone-national").await;
    assert_eq!(input_value(&b, "#field-phone").await, "+39 328 123 4567");
    b.wait_for_text("#reading-field-phone", "Saved as +39 328 123 4567").await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 1).await;

    // Saved in WhatsApp form with the country code, and still so after a reload; the
    // edit form shows it with "+", so saving it again keeps the same number.
    let shown = b.text(ROWS).await;
    assert!(shown.contains("393281234567") || shown.contains("+39 328 123 4567"), "{shown}");
    b.reload().await;
    wait_rows(&b, 1).await;
    edit_contact_named(&b, "Luca").await;
    assert_eq!(input_value(&b, "#field-phone").await, "+393281234567");
    assert_eq!(input_value(&b, "#field-mobile").await, "+393331234567");
    b.wait_for_text("#reading-field-mobile", "Italy").await;
    b.set_window_size(390, 844).await;
    b.exec("document.querySelector('#field-phone').scrollIntoView({block: 'center'})").await;
    b.screenshot("phone-country-edit-phone").await;
    assert!(!scrolls_sideways(&b).await, "the edit page scrolls sideways at 390px");
    b.close().await;
}
