//! End-to-end: custom fields (list and global, every type), their values on contacts,
//! required fields, soft delete / restore / permanent delete of global fields, and
//! screenshots of the fields' pages. Each test has its own fresh database and checks
//! that what it did survives a reload. (Dispositions: dispositions.rs; the fields
//! CSV export: export.rs.)

use crate::support;

use serde_json::json;
use support::app::{confirm, control_value, discard_changes, navigate, open_fresh_app, press_escape, scrolls_sideways, set_value};
use support::contacts::{add_contact, edit_contact_named, fill_new_contact, save_new_contact, NewContact};
use support::custom_fields::{add_custom_field, field_id, type_choice, FieldDef, FieldScope};
use support::lists::{add_disposition, create_list, open_list_editor, open_list_tab, ListTab, NewList};
use support::Browser;

/// Opens the edit page of the only contact, `name`, from the contacts page.
async fn edit_the_contact(b: &Browser, name: &str) {
    navigate(b, "#/contacts").await;
    edit_contact_named(b, name).await;
}

/// True when some stored contact page of the app's database (`?db=`) holds `text`
/// (pages are postcard bytes: strings are plain UTF-8), read straight from IndexedDB
/// like tests/store.rs does. Panics when the database or its pages are missing.
async fn stored_pages_contain(b: &Browser, text: &str) -> bool {
    let script = format!(
        "const needle = new TextEncoder().encode({text:?});
         const name = new URLSearchParams(location.search).get('db');
         const req = indexedDB.open(name);
         req.onupgradeneeded = () => {{ req.transaction.abort(); done({{ error: 'no database ' + name }}); }};
         req.onerror = () => done({{ error: String(req.error) }});
         req.onsuccess = () => {{
           const db = req.result;
           if (!db.objectStoreNames.contains('pages')) {{ db.close(); done({{ error: 'no pages store' }}); return; }}
           const all = db.transaction('pages', 'readonly').objectStore('pages').getAll();
           all.onerror = () => {{ db.close(); done({{ error: String(all.error) }}); }};
           all.onsuccess = () => {{
             db.close();
             const has = bytes => {{
               outer: for (let i = 0; i + needle.length <= bytes.length; i++) {{
                 for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
                 return true;
               }}
               return false;
             }};
             const pages = all.result.map(v => v instanceof Uint8Array ? v : new Uint8Array(v));
             done({{ pages: pages.length, found: pages.some(has) }});
           }};
         }};"
    );
    let v = b.exec_async(&script).await;
    assert!(v["pages"].as_u64().is_some_and(|n| n > 0), "no contact pages in IndexedDB: {v}");
    v["found"].as_bool().unwrap_or_else(|| panic!("reading IndexedDB: {v}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_field_type_on_a_list_and_globally_round_trips() {
    let b = open_fresh_app("e2e-fields-types").await;
    let list = create_list(&b, NewList::named("Sales")).await;

    // List fields: Text (click to action), Select, Number, Switch, Datetime.
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    b.wait_for("#no-list-fields").await;
    let list_defs = [
        FieldDef { click_to_action: true, ..FieldDef::new("Alt phone", "text") },
        FieldDef { choices: &["Gold", "Silver", "Bronze"], ..FieldDef::new("Tier", "select") },
        FieldDef::new("Score", "number"),
        FieldDef::new("VIP", "switch"),
        FieldDef::new("Call back at", "datetime"),
    ];
    // A list field cannot be a URL: the option is not offered.
    b.click("#new-list-field").await;
    b.wait_for("#field-def-type option").await;
    let offered = b.exec("return [...document.querySelectorAll('#field-def-type option')].map(o => o.value)").await;
    assert_eq!(offered, json!(["text", "select", "number", "switch", "datetime"]), "the types a list field can have (no url)");
    // A choice is removed with its chip's button.
    b.select("#field-def-type", "select").await;
    type_choice(&b, "Typo").await;
    b.click("button[aria-label='Remove choice Typo']").await;
    b.wait_gone(".chip").await;
    // The removed chip's button had the focus: it comes back to the choice entry (next
    // frame), so Esc still reaches the dialog.
    b.poll("return document.activeElement && document.activeElement.id === 'field-def-choices'", std::time::Duration::from_secs(5), "the focus back in the choice entry").await;
    press_escape(&b).await;
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;
    for def in &list_defs {
        add_custom_field(&b, FieldScope::List, def).await;
        b.wait_for_text("#list-fields-table", def.alias).await;
    }
    let tier_row = b.text("#list-fields-table tbody tr:nth-child(2)").await;
    assert!(tier_row.contains("Select") && tier_row.contains("Gold, Silver, Bronze"), "{tier_row}");

    // Global fields: the same types plus URL.
    navigate(&b, "#/custom-fields").await;
    let global_defs = [
        FieldDef::new("Customer code", "text"),
        FieldDef { choices: &["North", "South"], ..FieldDef::new("Region", "select") },
        FieldDef::new("Budget", "number"),
        FieldDef::new("Consent", "switch"),
        FieldDef::new("First contact", "datetime"),
        FieldDef::new("Booking page", "url"),
    ];
    for def in &global_defs {
        add_custom_field(&b, FieldScope::Global, def).await;
        b.wait_for_text("#global-fields-table", def.alias).await;
    }
    let mut ids = Vec::new();
    for def in global_defs.iter() {
        ids.push(field_id(&b, FieldScope::Global, def.alias).await);
    }
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    for def in list_defs.iter() {
        ids.push(field_id(&b, FieldScope::List, def.alias).await);
    }

    // A contact with every value; the form shows global fields, then the list's.
    navigate(&b, "#/contacts").await;
    fill_new_contact(&b, NewContact::with(&[("first_name", "Grace")]).in_list(&list)).await;
    let css = |i: usize| format!("#field-custom-{}", ids[i]);
    b.fill(&css(0), "C-042").await;
    b.select(&css(1), "South").await;
    b.fill(&css(2), "1500,5").await;
    b.click(&format!("label[for='field-custom-{}']", ids[3])).await;
    set_value(&b, &css(4), "2026-03-01T09:30").await;
    b.fill(&css(5), "https://example.com/grace").await;
    b.fill(&css(6), "+39 333 123-4567").await;
    b.select(&css(7), "Silver").await;
    b.fill(&css(8), "42").await;
    b.click(&format!("label[for='field-custom-{}']", ids[9])).await;
    set_value(&b, &css(10), "2026-12-24T17:00").await;
    let order = b.exec("return [...document.querySelectorAll('#custom-fields .custom-field')].map(f => f.querySelector('input,select').id)").await;
    let expected: Vec<String> = (0..ids.len()).map(|i| format!("field-custom-{}", ids[i])).collect();
    assert_eq!(order, json!(expected), "global fields first, then the list's");
    save_new_contact(&b).await;

    // After a reload the editor shows every value, parsed and normalised.
    b.reload().await;
    edit_the_contact(&b, "Grace").await;
    let want = [
        json!("C-042"),
        json!("South"),
        json!("1500.5"),
        json!(true),
        json!("2026-03-01T09:30"),
        json!("https://example.com/grace"),
        json!("+39 333 123-4567"),
        json!("Silver"),
        json!("42"),
        json!(true),
        json!("2026-12-24T17:00"),
    ];
    for (i, w) in want.iter().enumerate() {
        assert_eq!(&control_value(&b, &css(i)).await, w, "value of field {i}");
    }
    // Click to action: digits only, as a tel: link.
    let link = b.exec("const a = document.querySelector('#custom-fields a.cta-link'); return a ? a.getAttribute('href') : null").await;
    assert_eq!(link, json!("tel:+393331234567"));
    // At desktop width the page has the spec's two halves: the details (custom fields
    // after the default ones) and the Customer Journey beside them.
    let layout = b.exec("const r = s => document.querySelector(s).getBoundingClientRect(); const c = r('#custom-fields'), d = r('#field-first_name'), j = r('#journey'); return [c.top > d.bottom, j.left > c.right && j.left > d.right]").await;
    assert_eq!(layout, json!([true, true]));

    // Removing a choice a contact holds is refused, next to the choices.
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    b.click("button[aria-label='Edit custom field Tier']").await;
    b.click("button[aria-label='Remove choice Silver']").await;
    b.click("#save-field").await;
    b.wait_for_text("#error-def-choices", "1 contact(s) hold values that do not fit").await;
    press_escape(&b).await;
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn required_field_blocks_save_and_type_changes_that_do_not_fit_are_refused() {
    let b = open_fresh_app("e2e-fields-required").await;
    let list = create_list(&b, NewList::named("Support")).await;
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    add_custom_field(&b, FieldScope::List, &FieldDef { required: true, ..FieldDef::new("Ticket", "number") }).await;
    let id = field_id(&b, FieldScope::List, "Ticket").await;
    // The same alias twice, or a default field's name, is refused next to the alias,
    // saying why.
    b.click("#new-list-field").await;
    b.fill("#field-def-alias", "ticket").await;
    b.click("#save-field").await;
    b.wait_for_text("#error-def-alias", "list custom field is already called \"Ticket\"").await;
    b.fill("#field-def-alias", "E-Mail").await;
    b.click("#save-field").await;
    b.wait_for_text("#error-def-alias", "\"Email\" is a default field of every contact").await;
    press_escape(&b).await;
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;

    navigate(&b, "#/contacts").await;
    fill_new_contact(&b, NewContact::with(&[("first_name", "Alan")]).in_list(&list)).await;
    let input = format!("#field-custom-{id}");
    let error = format!("#error-custom-{id}");
    b.wait_for_text(&format!("label[for='field-custom-{id}']"), "*").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "Ticket is required").await;
    assert_eq!(b.count(".overlay").await, 1, "the dialog stays open");
    b.fill(&input, "abc").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "must be a number").await;
    // A number input shows no grey "0" that reads like a value.
    let hint = b.exec(&format!("return document.querySelector('{input}').getAttribute('placeholder') || ''")).await;
    assert_eq!(hint, json!(""));
    // The error goes as soon as the value is right, before any save.
    b.fill(&input, "1234").await;
    b.wait_gone(&error).await;
    assert_eq!(b.count(".overlay").await, 1, "typing saved nothing");
    save_new_contact(&b).await;

    // Editing: clearing a required value is refused the same way.
    edit_the_contact(&b, "Alan").await;
    set_value(&b, &input, "").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "Ticket is required").await;

    // Number -> Switch cannot hold "1234": refused, with the count, next to the type.
    // (Leaving the refused edit asks first: its change is discarded.)
    b.exec(&format!("location.hash = '#/lists/{list}'")).await;
    b.click("#unsaved-discard").await;
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    b.click("button[aria-label='Edit custom field Ticket']").await;
    b.select("#field-def-type", "switch").await;
    b.click("#save-field").await;
    let msg = b.wait_for_text("#error-def-type", "1 contact(s) hold values that do not fit").await;
    assert!(msg.contains("1234"), "{msg}");
    // Number -> Text converts the value: after a reload the contact's input is a text
    // input holding "1234".
    b.select("#field-def-type", "text").await;
    b.click("#save-field").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#list-fields-table", "Text").await;
    b.reload().await;
    edit_the_contact(&b, "Alan").await;
    assert_eq!(control_value(&b, "#field-first_name").await, json!("Alan"));
    let mode = b.exec(&format!("return document.querySelector({input:?}).getAttribute('inputmode')")).await;
    assert_eq!(mode, json!("text"), "the field is a Text field on the contact now");
    assert_eq!(control_value(&b, &input).await, json!("1234"), "the number converted to text");
    open_list_editor(&b, &list, ListTab::CustomFields).await;

    // Deleting the list field warns that its values go too.
    b.click("button[aria-label='Delete custom field Ticket']").await;
    b.wait_for_text(".confirm-text", "Its values in 1 contact go too").await;
    b.click("#confirm-ok").await;
    b.wait_for("#no-list-fields").await;
    b.reload().await;
    open_list_tab(&b, ListTab::CustomFields).await;
    b.wait_for("#no-list-fields").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn global_field_soft_delete_restore_and_permanent_delete() {
    let b = open_fresh_app("e2e-fields-global").await;
    let list = create_list(&b, NewList::named("Partners")).await;
    navigate(&b, "#/custom-fields").await;
    add_custom_field(&b, FieldScope::Global, &FieldDef::new("Code", "text")).await;
    let id = field_id(&b, FieldScope::Global, "Code").await;
    let input = format!("#field-custom-{id}");

    navigate(&b, "#/contacts").await;
    let key = format!("custom-{id}");
    add_contact(&b, NewContact::with(&[("first_name", "Linus"), (&key, "ABC-1")]).in_list(&list)).await;

    // Soft delete: a warning first, then the field shows under Deleted only.
    navigate(&b, "#/custom-fields").await;
    b.click("button[aria-label='Delete custom field Code']").await;
    b.wait_for_text(".confirm-text", "can be restored").await;
    confirm(&b).await;
    b.click("#filter-available").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-deleted").await;
    b.wait_for_text("#global-fields-table", "Deleted").await;
    edit_the_contact(&b, "Linus").await;
    // The form rendered (the contact's name, and the column saying there are no fields)
    // before the field's input is counted.
    assert_eq!(control_value(&b, "#field-first_name").await, json!("Linus"));
    b.wait_for("#custom-fields #no-custom-fields").await;
    assert_eq!(b.count(&input).await, 0, "a deleted field is not in the form");
    assert!(stored_pages_contain(&b, "ABC-1").await, "a soft-deleted field keeps its values in storage");

    // Restore: the value is back.
    navigate(&b, "#/custom-fields").await;
    b.click("#filter-deleted").await;
    b.click("button[aria-label='Restore custom field Code']").await;
    b.wait_for("#no-global-fields").await;
    b.reload().await;
    edit_the_contact(&b, "Linus").await;
    assert_eq!(control_value(&b, &input).await, json!("ABC-1"));

    // Delete again (select + toolbar), then permanently.
    navigate(&b, "#/custom-fields").await;
    b.click("#select-all-fields").await;
    b.click("#delete-fields").await;
    confirm(&b).await;
    b.click("#filter-deleted").await;
    b.click("button[aria-label='Delete custom field Code permanently']").await;
    b.wait_for_text(".confirm-text", "erased from every contact (1 contact holds one)").await;
    b.click("#confirm-ok").await;
    b.wait_for("#no-global-fields").await;

    // After a reload: not under Deleted, not under All, not on the contact; a new
    // field with the same alias starts empty (the old values are gone from storage).
    b.reload().await;
    navigate(&b, "#/custom-fields").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-deleted").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-all").await;
    add_custom_field(&b, FieldScope::Global, &FieldDef::new("Code", "text")).await;
    let new_id = field_id(&b, FieldScope::Global, "Code").await;
    assert_ne!(new_id, id);
    edit_the_contact(&b, "Linus").await;
    assert_eq!(control_value(&b, "#field-first_name").await, json!("Linus"));
    assert_eq!(control_value(&b, &format!("#field-custom-{new_id}")).await, json!(""));
    assert_eq!(b.count(&input).await, 0);
    // No input of the form holds the old value ...
    let values = b.exec("return [...document.querySelectorAll('#edit-contact-form input, #edit-contact-form select, #edit-contact-form textarea')].map(e => e.value)").await;
    let values: Vec<String> = serde_json::from_value(values.clone()).unwrap_or_else(|e| panic!("the form's values: {e}: {values}"));
    assert!(values.iter().any(|v| v == "Linus"), "the form's values: {values:?}");
    assert!(!values.iter().any(|v| v.contains("ABC-1")), "the purged value still shows: {values:?}");
    // ... and IndexedDB's contact pages no longer hold it (they still hold the contact).
    assert!(stored_pages_contain(&b, "Linus").await, "the contact is in storage");
    assert!(!stored_pages_contain(&b, "ABC-1").await, "a purged field's value remains in storage");
    b.close().await;
}

/// Screenshots of the list editor tabs, the field dialog, the Global custom fields
/// page and the contact editor, at desktop and phone widths.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_custom_fields_and_dispositions() {
    let b = open_fresh_app("e2e-fields-shots").await;
    let list = create_list(&b, NewList::named("Customers")).await;
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    for def in [
        FieldDef { required: true, ..FieldDef::new("Account number", "text") },
        FieldDef { choices: &["Gold", "Silver", "Bronze"], ..FieldDef::new("Tier", "select") },
        FieldDef { click_to_action: true, ..FieldDef::new("Direct line", "text") },
        FieldDef::new("Renewal", "datetime"),
    ] {
        add_custom_field(&b, FieldScope::List, &def).await;
    }
    navigate(&b, "#/custom-fields").await;
    for def in [FieldDef::new("Booking page", "url"), FieldDef::new("Newsletter", "switch"), FieldDef::new("Old code", "text")] {
        add_custom_field(&b, FieldScope::Global, &def).await;
    }
    b.click("button[aria-label='Delete custom field Old code']").await;
    confirm(&b).await;
    open_list_editor(&b, &list, ListTab::Dispositions).await;
    for (parent, name) in [(None, "Sale"), (None, "Not interested"), (Some("Sale"), "New customer"), (Some("New customer"), "Annual plan")] {
        add_disposition(&b, parent, name).await;
    }
    navigate(&b, "#/contacts").await;
    fill_new_contact(&b, NewContact::with(&[("first_name", "Ada"), ("last_name", "Lovelace")])).await;
    b.fill("#custom-fields input[aria-required='true']", "AC-1815").await;
    save_new_contact(&b).await;

    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        open_list_editor(&b, &list, ListTab::CustomFields).await;
        b.wait_for("#list-fields-table").await;
        b.screenshot(&format!("fields-list-tab-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the list editor scrolls sideways at {w}px");
        b.click("button[aria-label='Edit custom field Tier']").await;
        b.wait_for("#choice-chips").await;
        b.screenshot(&format!("fields-dialog-{tag}")).await;
        press_escape(&b).await;
        b.wait_gone(".overlay").await;
        open_list_tab(&b, ListTab::Dispositions).await;
        b.wait_for("#disposition-tree").await;
        b.screenshot(&format!("fields-dispositions-{tag}")).await;
        navigate(&b, "#/custom-fields").await;
        b.wait_for("#global-fields-table").await;
        b.screenshot(&format!("fields-global-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the global fields page scrolls sideways at {w}px");
        edit_the_contact(&b, "Ada").await;
        b.wait_for("#custom-fields .custom-field").await;
        b.screenshot(&format!("fields-contact-{tag}")).await;
        b.exec("document.querySelector('#custom-fields').scrollIntoView({block: 'center'})").await;
        b.screenshot(&format!("fields-contact-column-{tag}")).await;
    }
    b.close().await;
}
