#![cfg(not(target_arch = "wasm32"))]
//! End-to-end: the built app (dist/) in headless Chromium, driven like a user would.
//! Lists and contacts are created through the UI and must survive a page reload
//! (IndexedDB is the only store).

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{fresh_db_name, Browser};

const ROWS: &str = "#contacts-table tbody tr";

/// Goes to a section through the navigation.
async fn nav(b: &Browser, hash: &str) {
    b.click(&format!(".nav a[href='{hash}']")).await;
}

/// Lists page -> New List -> Add List.
async fn create_list(b: &Browser, name: &str, description: &str) {
    nav(b, "#/lists").await;
    b.click("#new-list").await;
    b.fill("#list-name", name).await;
    b.fill("#list-description", description).await;
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#lists-table", name).await;
}

/// Contacts page -> Add contact -> fields -> Save, and waits for the dialog to close.
async fn add_contact(b: &Browser, list: Option<&str>, fields: &[(&str, &str)]) {
    b.click("#add-contact").await;
    b.wait_for("#field-first_name").await;
    if let Some(list) = list {
        b.select("#field-list", list).await;
    }
    for (key, value) in fields {
        b.fill(&format!("#field-{key}"), value).await;
    }
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
}

/// The `value` property of an input (what the user sees in it).
async fn value_of(b: &Browser, css: &str) -> String {
    b.wait_for(css).await;
    let script = format!("return document.querySelector({css:?}).value");
    let v = b.exec(&script).await;
    v.as_str().unwrap_or_else(|| panic!("`{css}` has no text value: {v}")).to_string()
}

/// The id of the list named `name`, read from its "Show Contacts" link.
async fn list_id(b: &Browser, name: &str) -> String {
    let script = format!(
        "const a = document.querySelector('a[aria-label=\"Show contacts of {name}\"]');
         return a ? a.getAttribute('href').split('list=')[1] : null;"
    );
    let id = b.exec(&script).await;
    id.as_str().unwrap_or_else(|| panic!("no Show Contacts link for {name}")).to_string()
}

/// Waits until exactly `n` contact rows are shown (0: the table is there and the
/// empty state shows, so a page that never rendered cannot pass).
async fn wait_rows(b: &Browser, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let table = b.count("#contacts-table").await;
        let have = b.count(ROWS).await;
        let empty_state = b.count("#no-contacts").await;
        if table == 1 && have == n && (n > 0 || empty_state == 1) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} contact rows, have {have} (contacts tables: {table}, empty states: {empty_state})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn list_and_contact_round_trip_through_reload() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-roundtrip")).await;

    // No lists yet: the contacts page says what to do first.
    b.wait_for_text("#no-lists", "Create a list first").await;

    // A list needs a name: the error sits next to the field, nothing is created.
    nav(&b, "#/lists").await;
    b.click("#new-list").await;
    b.click("#add-list").await;
    b.wait_for("#error-list-name").await;
    b.client.execute("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))", vec![]).await.expect("press Esc");
    b.wait_gone(".overlay").await;
    create_list(&b, "Customers", "People who bought something").await;

    // Add Contact with no first name and a bad phone: both errors, nothing saved.
    nav(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.fill("#field-phone", "12").await;
    b.fill("#field-email", "not-an-email").await;
    b.click("#save-contact").await;
    b.wait_for("#error-first_name").await;
    b.wait_for("#error-phone").await;
    b.wait_for("#error-email").await;
    assert_eq!(b.count(".overlay").await, 1, "the dialog stays open while the draft is invalid");
    b.click(".dialog .dialog-foot button[type=button]").await; // Cancel
    b.wait_gone(".overlay").await;
    wait_rows(&b, 0).await;

    // A valid contact: the phone is stored in WhatsApp form and shown as links.
    add_contact(
        &b,
        None,
        &[("first_name", "Ada"), ("last_name", "Lovelace"), ("phone", "+39 333 123 4567"), ("email", "ada@example.com")],
    )
    .await;
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
    b.click("#contacts-table tbody tr .col-actions a").await;
    b.wait_for("#edit-contact-form").await;
    assert_eq!(value_of(&b, "#field-phone").await, "+393331234567");
    b.fill("#field-email", "broken@").await;
    b.click("#save-contact").await;
    b.wait_for("#error-email").await;
    b.fill("#field-email", "ada@analytical.example").await;
    b.fill("#field-last_name", "King").await;
    b.fill("#field-city", "London").await;
    b.fill("#field-mobile", "0039 347-1234567").await;
    b.click("#save-contact").await;
    b.wait_for_text("#notice", "saved").await;
    assert_eq!(value_of(&b, "#field-mobile").await, "+393471234567", "the form shows the stored form, with its +");
    b.wait_gone("#error-email").await;
    b.reload().await;
    b.wait_for("#edit-contact-form").await;
    assert_eq!(value_of(&b, "#field-last_name").await, "King");
    assert_eq!(value_of(&b, "#field-city").await, "London");
    assert_eq!(value_of(&b, "#field-email").await, "ada@analytical.example");

    // Back on the table: the edit shows; delete it with the confirmation.
    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("King"));
    b.click("#contacts-table tbody tr .row-check").await;
    b.click("#delete-contacts").await;
    let question = b.text(".dialog .confirm-text").await;
    assert_eq!(question, "Delete 1 contact? This cannot be undone.");
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 0).await;
    b.reload().await;
    b.wait_for("#no-contacts").await;
    wait_rows(&b, 0).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_sort_and_paging() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-paging")).await;
    create_list(&b, "Leads", "").await;
    nav(&b, "#/contacts").await;

    // 30 contacts through the Add Contact dialog (one list: it is preselected).
    for i in 1..=29 {
        add_contact(&b, None, &[("first_name", &format!("Person{i:02}")), ("last_name", "Tester")]).await;
    }
    add_contact(&b, None, &[("first_name", "Zelda"), ("last_name", "Fitz"), ("mobile", "+39 347 765 4321")]).await;
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
    b.click("#delete-contacts").await;
    assert_eq!(b.text(".dialog .confirm-text").await, "Delete 25 contacts? This cannot be undone.");
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 5).await;
    assert_eq!(b.text("#page-range").await, "1–5 of 5");

    // The page size is remembered across a reload.
    b.select("#page-size", "100").await;
    b.reload().await;
    wait_rows(&b, 5).await;
    assert_eq!(value_of(&b, "#page-size").await, "100");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleting_a_list_deletes_its_contacts() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-lists")).await;
    create_list(&b, "Alpha", "first").await;
    create_list(&b, "Beta", "second").await;
    let alpha = list_id(&b, "Alpha").await;
    let beta = list_id(&b, "Beta").await;

    // "Show Contacts" filters the contacts page; Add Contact preselects that list.
    b.click("a[aria-label='Show contacts of Alpha']").await;
    b.wait_for_text("h1", "Contacts in Alpha").await;
    add_contact(&b, None, &[("first_name", "Anna")]).await;
    add_contact(&b, None, &[("first_name", "Aaron")]).await;
    wait_rows(&b, 2).await;
    add_contact(&b, Some(&beta), &[("first_name", "Bob")]).await;
    wait_rows(&b, 2).await; // Bob is in Beta: not shown under the Alpha filter.

    // A selection does not follow the user to another list (it could be deleted unseen).
    b.click("#contacts-table tbody tr .row-check").await;
    nav(&b, "#/lists").await;
    b.click("a[aria-label='Show contacts of Beta']").await;
    b.wait_for_text("h1", "Contacts in Beta").await;
    wait_rows(&b, 1).await;
    let disabled = b.exec("return document.querySelector('#delete-contacts').disabled").await;
    assert_eq!(disabled, json!(true), "nothing selected after changing list");
    b.select("#list-filter", "").await;
    wait_rows(&b, 3).await;
    b.select("#list-filter", &beta).await;
    wait_rows(&b, 1).await;

    // Rename a list in the Settings tab of Edit List.
    nav(&b, "#/lists").await;
    b.click("a[aria-label='Edit list Beta']").await;
    b.wait_for("#tab-settings[aria-selected=true]").await;
    b.fill("#list-name", "Alpha").await;
    b.click("#save-list").await;
    b.wait_for_text("#error-list-name", "already exists").await;
    b.fill("#list-name", "Beta customers").await;
    b.click("#save-list").await;
    b.wait_for_text("h1", "Beta customers").await;
    b.click("#tab-custom-fields").await;
    b.wait_for("#tab-custom-fields[aria-selected=true]").await;

    // Delete Alpha from the lists table: the confirmation counts its contacts.
    nav(&b, "#/lists").await;
    b.wait_for_text("#lists-table", "Beta customers").await;
    let counts = b.texts("#lists-table tbody td.col-num").await;
    assert_eq!(counts, vec!["2", "1"]);
    b.click(&format!("#lists-table tbody tr:has(a[href='#/lists/{alpha}']) input[type=checkbox]")).await;
    b.click("#delete-lists").await;
    let question = b.text(".dialog .confirm-text").await;
    assert_eq!(question, "Delete the list “Alpha” and 2 contacts in it? This cannot be undone.");
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.wait_gone(&format!("a[href='#/lists/{alpha}']")).await;

    b.reload().await;
    b.wait_for_text("#lists-table", "Beta customers").await;
    assert!(!b.text("#lists-table").await.contains("Alpha"));
    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Bob"));
    b.close().await;
}

/// Screenshots of the main screens at desktop and phone widths, for a person to look
/// at (target/screenshots/). Also checks the phone layout does not overflow sideways.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_desktop_and_phone() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-shots")).await;
    b.wait_for("#no-lists").await;
    b.screenshot("contacts-empty-desktop").await;
    create_list(&b, "Customers", "People who bought something this year").await;
    create_list(&b, "Newsletter", "").await;
    let customers = list_id(&b, "Customers").await;
    nav(&b, "#/contacts").await;
    let people = [
        ("Ada", "Lovelace", "+39 333 123 4567", "ada@example.com"),
        ("Grace", "Hopper", "+1 202 555 0143", "grace@example.org"),
        ("Alan", "Turing", "+44 20 7946 0958", "alan@example.co.uk"),
    ];
    for (first, last, phone, email) in people {
        add_contact(
            &b,
            Some(&customers),
            &[("first_name", first), ("last_name", last), ("phone", phone), ("mobile", phone), ("email", email)],
        )
        .await;
    }
    wait_rows(&b, 3).await;

    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        nav(&b, "#/lists").await;
        b.wait_for("#lists-table").await;
        b.screenshot(&format!("lists-{tag}")).await;
        b.click("a[aria-label='Edit list Customers']").await;
        b.wait_for("#list-settings-form").await;
        b.screenshot(&format!("list-editor-{tag}")).await;
        nav(&b, "#/contacts").await;
        wait_rows(&b, 3).await;
        b.screenshot(&format!("contacts-{tag}")).await;
        let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(overflow, json!(false), "the page scrolls sideways at {w}px");
        b.click("#add-contact").await;
        b.wait_for("#field-first_name").await;
        b.click("#save-contact").await;
        b.wait_for("#error-first_name").await;
        b.screenshot(&format!("add-contact-{tag}")).await;
        b.client.execute("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))", vec![]).await.expect("press Esc");
        b.wait_gone(".overlay").await;
        b.click("#contacts-table tbody tr .col-actions a").await;
        b.wait_for("#edit-contact-form").await;
        b.screenshot(&format!("edit-contact-{tag}")).await;
        // The lower part: social info and an additional phone with an error.
        b.click("#add-phone").await;
        b.fill("#field-additional_phone-0-label", "Office").await;
        b.fill("#field-additional_phone-0-number", "123").await;
        b.click("#save-contact").await;
        b.wait_for("#error-additional_phone-0").await;
        b.exec("document.querySelector('#add-phone').scrollIntoView({block: 'end'})").await;
        b.screenshot(&format!("edit-contact-lower-{tag}")).await;
    }
    b.close().await;
}

/// One tab at a time: a second tab on the same workspace says so and offers "Use here";
/// taking over makes the first tab step back with the same offer.
#[tokio::test(flavor = "multi_thread")]
async fn second_tab_takes_over_with_use_here() {
    let b = Browser::start().await;
    let db = fresh_db_name("e2e-tabs");
    b.open_app(&db).await;
    create_list(&b, "Shared", "").await;
    let first = b.client.window().await.expect("first tab");

    let second = b.client.new_window(true).await.expect("open a second tab").handle;
    b.client.switch_to_window(second.clone()).await.expect("switch to the second tab");
    b.client.goto(&b.url(&format!("/?db={db}#/lists"))).await.expect("open the app again");
    b.wait_for_text("#open-elsewhere", "open in another tab").await;
    b.click("#use-here").await;
    b.wait_for("#app-ready").await;
    b.wait_for_text("#lists-table", "Shared").await;

    b.client.switch_to_window(first).await.expect("back to the first tab");
    b.wait_for_text("#open-elsewhere", "now open in another tab").await;
    b.screenshot("open-elsewhere-desktop").await;
    b.close().await;
}

/// Dialogs are keyboard-usable: focus moves in, Tab stays in, Esc closes and gives
/// focus back to the button that opened it.
#[tokio::test(flavor = "multi_thread")]
async fn dialogs_trap_focus_and_close_on_escape() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-dialog")).await;
    nav(&b, "#/lists").await;
    b.click("#new-list").await;
    b.wait_for("#list-name").await;
    let focused = b.exec("return document.activeElement.id").await;
    assert_eq!(focused, json!("list-name"), "focus starts in the first field");

    // Tab (a real key press) from the last button wraps to the first focusable element
    // of the dialog: the header's Close button (it has no id: named by its label).
    let focusable = "const dialog = document.querySelector('.dialog');
         const all = [...dialog.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])')]
           .map(el => el.id || el.getAttribute('aria-label') || el.textContent.trim());
         return [all[0], all[all.length - 1]];";
    assert_eq!(b.exec(focusable).await, json!(["Close", "add-list"]), "the dialog's first and last focusable elements");
    let last = b.wait_for("#add-list").await;
    last.send_keys("\u{E004}").await.expect("press Tab on Add List");
    let focused = "const a = document.activeElement;
         return [a.closest('.dialog') !== null, a.id || a.getAttribute('aria-label') || a.tagName];";
    assert_eq!(b.exec(focused).await, json!([true, "Close"]), "Tab from the last button wraps to the dialog's first element");
    // Shift+Tab from there wraps back to the last one, by its id.
    let first = b.wait_for(".dialog .dialog-head button[aria-label='Close']").await;
    first.send_keys("\u{E008}\u{E004}\u{E008}").await.expect("press Shift+Tab on Close");
    assert_eq!(b.exec("return document.activeElement.id").await, json!("add-list"), "Shift+Tab wraps to the last element");

    b.client
        .execute("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))", vec![])
        .await
        .expect("press Esc");
    b.wait_gone(".overlay").await;
    let back = b.exec("return document.activeElement.id").await;
    assert_eq!(back, json!("new-list"), "focus returns to the opener");
    b.close().await;
}

/// A save the browser refuses (storage full) is told in words, and the table shows
/// what IndexedDB holds: nothing half-saved.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_save_is_reported_and_nothing_shows() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-quota")).await;
    create_list(&b, "Full", "").await;
    nav(&b, "#/contacts").await;
    add_contact(&b, None, &[("first_name", "Kept")]).await;
    wait_rows(&b, 1).await;

    // Make IndexedDB refuse writes the way a full disk does (CDP's quota override
    // does not reach IndexedDB here): every put throws QuotaExceededError.
    b.exec(
        "window.__realPut = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () { throw new DOMException('simulated full disk', 'QuotaExceededError'); };",
    )
    .await;
    b.click("#add-contact").await;
    b.fill("#field-first_name", "Refused").await;
    b.click("#save-contact").await;
    let notice = b.wait_for_text("#notice.notice-error", "Saving failed").await;
    assert!(notice.to_lowercase().contains("full") || notice.contains("nothing was changed"), "notice: {notice}");
    b.screenshot("save-refused-desktop").await;
    wait_rows(&b, 1).await;
    assert!(!b.text(ROWS).await.contains("Refused"));

    b.exec("IDBObjectStore.prototype.put = window.__realPut;").await;
    b.client
        .execute("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))", vec![])
        .await
        .expect("press Esc");
    b.reload().await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Kept"));
    b.close().await;
}

/// A list's default country: proposed from the browser's language, chosen in the list
/// form; the contact form reads numbers without a country code with it, shows each
/// number as it will be saved, and asks when the digits can mean two numbers.
#[tokio::test(flavor = "multi_thread")]
async fn numbers_without_a_country_code_take_the_lists_country() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-phone-country")).await;
    nav(&b, "#/lists").await;
    b.click("#new-list").await;
    let language = b.exec("return navigator.language").await;
    let language = language.as_str().unwrap_or_else(|| panic!("navigator.language: {language}")).to_string();
    if let Some((_, region)) = language.split_once('-') {
        assert_eq!(value_of(&b, "#list-country").await, region.to_uppercase(), "proposed from the browser's {language}");
    }
    b.fill("#list-name", "Milano").await;
    b.select("#list-country", "IT").await;
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#lists-table", "Milano").await;
    let list = list_id(&b, "Milano").await;
    // The list's settings show the country it was given.
    b.exec(&format!("location.hash = '#/lists/{list}'")).await;
    assert_eq!(value_of(&b, "#list-country").await, "IT");
    b.screenshot("list-settings-country-desktop").await;

    nav(&b, "#/contacts").await;
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
    assert_eq!(value_of(&b, "#field-phone").await, "+39 328 123 4567");
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
    b.click(&format!("{ROWS} a[aria-label^='Edit']")).await;
    assert_eq!(value_of(&b, "#field-phone").await, "+393281234567");
    assert_eq!(value_of(&b, "#field-mobile").await, "+393331234567");
    b.wait_for_text("#reading-field-mobile", "Italy").await;
    b.set_window_size(390, 844).await;
    b.exec("document.querySelector('#field-phone').scrollIntoView({block: 'center'})").await;
    b.screenshot("phone-country-edit-phone").await;
    let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
    assert_eq!(overflow, json!(false), "the edit page scrolls sideways at 390px");
    b.close().await;
}
