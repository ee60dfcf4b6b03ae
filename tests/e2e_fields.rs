#![cfg(not(target_arch = "wasm32"))]
//! End-to-end: custom fields (list and global, every type), their values on contacts,
//! required fields, soft delete / restore / permanent delete of global fields, the
//! fields CSV export, and dispositions three levels deep. Each test has its own fresh
//! database and checks that what it did survives a reload.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{fresh_db_name, Browser};

/// WebDriver's Enter key.
const ENTER: &str = "\u{E007}";

async fn nav(b: &Browser, hash: &str) {
    b.click(&format!(".nav a[href='{hash}']")).await;
}

async fn create_list(b: &Browser, name: &str) -> String {
    nav(b, "#/lists").await;
    b.click("#new-list").await;
    b.fill("#list-name", name).await;
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#lists-table", name).await;
    let script = format!(
        "const a = document.querySelector('a[aria-label=\"Show contacts of {name}\"]');
         return a ? a.getAttribute('href').split('list=')[1] : null;"
    );
    b.exec(&script).await.as_str().unwrap_or_else(|| panic!("no Show Contacts link for {name}")).to_string()
}

/// Opens the list editor on one of its tabs ("custom-fields", "dispositions").
async fn open_list_tab(b: &Browser, list: &str, tab: &str) {
    b.exec(&format!("location.hash = '#/lists/{list}'")).await;
    b.click(&format!("#tab-{tab}")).await;
}

/// A field definition for the dialog.
struct Def<'a> {
    alias: &'a str,
    kind: &'a str,
    choices: &'a [&'a str],
    required: bool,
    click_to_action: bool,
}

impl<'a> Def<'a> {
    fn new(alias: &'a str, kind: &'a str) -> Self {
        Def { alias, kind, choices: &[], required: false, click_to_action: false }
    }
}

/// Fills and saves the open New / Edit Custom Field dialog.
async fn fill_field_dialog(b: &Browser, def: &Def<'_>) {
    b.fill("#field-def-alias", def.alias).await;
    b.select("#field-def-type", def.kind).await;
    for choice in def.choices {
        // Enter adds the choice and must not submit the form.
        let input = b.wait_for("#field-def-choices").await;
        input.send_keys(&format!("{choice}{ENTER}")).await.expect("type a choice");
        b.wait_for_text("#choice-chips", choice).await;
        assert_eq!(b.count(".overlay").await, 1, "Enter in the choices input submitted the form");
    }
    if def.required {
        b.click("label[for='field-def-required']").await;
    }
    if def.click_to_action {
        b.click("label[for='field-def-cta']").await;
    }
    b.click("#save-field").await;
    b.wait_gone(".overlay").await;
}

/// The id of the field row whose alias cell is `alias`, in the table at `table`.
async fn field_id(b: &Browser, table: &str, alias: &str) -> String {
    let script = format!(
        "const rows = [...document.querySelectorAll('{table} tbody tr')];
         const r = rows.find(r => r.querySelector('.row-title').textContent === {alias:?});
         return r ? r.dataset.field : null;"
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(id) = b.exec(&script).await.as_str() {
            return id.to_string();
        }
        assert!(Instant::now() < deadline, "no row for the field {alias} in {table}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Sets an input through the DOM and fires `input` (datetime-local takes no typing
/// that works across locales).
async fn set_value(b: &Browser, css: &str, value: &str) {
    b.wait_for(css).await;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?};
         el.dispatchEvent(new Event('input', {{bubbles: true}})); el.dispatchEvent(new Event('change', {{bubbles: true}}));"
    );
    b.exec(&script).await;
}

async fn value_of(b: &Browser, css: &str) -> Value {
    b.wait_for(css).await;
    b.exec(&format!("const el = document.querySelector({css:?}); return el.type === 'checkbox' ? el.checked : el.value;")).await
}

/// Opens the edit page of the only contact shown on the contacts page.
async fn edit_first_contact(b: &Browser) {
    nav(b, "#/contacts").await;
    b.click("#contacts-table tbody tr .col-actions a").await;
    b.wait_for("#edit-contact-form").await;
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

async fn press_escape(b: &Browser) {
    b.exec("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_field_type_on_a_list_and_globally_round_trips() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-fields-types")).await;
    let list = create_list(&b, "Sales").await;

    // List fields: Text (click to action), Select, Number, Switch, Datetime.
    open_list_tab(&b, &list, "custom-fields").await;
    b.wait_for("#no-list-fields").await;
    let list_defs = [
        Def { click_to_action: true, ..Def::new("Alt phone", "text") },
        Def { choices: &["Gold", "Silver", "Bronze"], ..Def::new("Tier", "select") },
        Def::new("Score", "number"),
        Def::new("VIP", "switch"),
        Def::new("Call back at", "datetime"),
    ];
    // A list field cannot be a URL: the option is not offered.
    b.click("#new-list-field").await;
    b.wait_for("#field-def-type option").await;
    let offered = b.exec("return [...document.querySelectorAll('#field-def-type option')].map(o => o.value)").await;
    assert_eq!(offered, json!(["text", "select", "number", "switch", "datetime"]), "the types a list field can have (no url)");
    // A choice is removed with its chip's button.
    b.select("#field-def-type", "select").await;
    b.wait_for("#field-def-choices").await.send_keys(&format!("Typo{ENTER}")).await.expect("type");
    b.click("button[aria-label='Remove choice Typo']").await;
    b.wait_gone(".chip").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    for def in &list_defs {
        b.click("#new-list-field").await;
        fill_field_dialog(&b, def).await;
        b.wait_for_text("#list-fields-table", def.alias).await;
    }
    let tier_row = b.text("#list-fields-table tbody tr:nth-child(2)").await;
    assert!(tier_row.contains("Select") && tier_row.contains("Gold, Silver, Bronze"), "{tier_row}");

    // Global fields: the same types plus URL.
    nav(&b, "#/custom-fields").await;
    let global_defs = [
        Def::new("Customer code", "text"),
        Def { choices: &["North", "South"], ..Def::new("Region", "select") },
        Def::new("Budget", "number"),
        Def::new("Consent", "switch"),
        Def::new("First contact", "datetime"),
        Def::new("Website", "url"),
    ];
    for def in &global_defs {
        b.click("#new-global-field").await;
        fill_field_dialog(&b, def).await;
        b.wait_for_text("#global-fields-table", def.alias).await;
    }
    let mut ids = Vec::new();
    for def in global_defs.iter() {
        ids.push(field_id(&b, "#global-fields-table", def.alias).await);
    }
    open_list_tab(&b, &list, "custom-fields").await;
    for def in list_defs.iter() {
        ids.push(field_id(&b, "#list-fields-table", def.alias).await);
    }

    // A contact with every value; the form shows global fields, then the list's.
    nav(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.select("#field-list", &list).await;
    b.fill("#field-first_name", "Grace").await;
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
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;

    // After a reload the editor shows every value, parsed and normalised.
    b.reload().await;
    edit_first_contact(&b).await;
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
        assert_eq!(&value_of(&b, &css(i)).await, w, "value of field {i}");
    }
    // Click to action: digits only, as a tel: link.
    let link = b.exec("const a = document.querySelector('#custom-fields a.cta-link'); return a ? a.getAttribute('href') : null").await;
    assert_eq!(link, json!("tel:+393331234567"));
    // The right-hand column sits next to the default fields at desktop width.
    let side = b.exec("const a = document.querySelector('#custom-fields').getBoundingClientRect(); const d = document.querySelector('#field-first_name').getBoundingClientRect(); return a.left > d.right").await;
    assert_eq!(side, json!(true));

    // Removing a choice a contact holds is refused, next to the choices.
    open_list_tab(&b, &list, "custom-fields").await;
    b.click("button[aria-label='Edit custom field Tier']").await;
    b.click("button[aria-label='Remove choice Silver']").await;
    b.click("#save-field").await;
    b.wait_for_text("#error-def-choices", "1 contact(s) hold values that do not fit").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn required_field_blocks_save_and_type_changes_that_do_not_fit_are_refused() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-fields-required")).await;
    let list = create_list(&b, "Support").await;
    open_list_tab(&b, &list, "custom-fields").await;
    b.click("#new-list-field").await;
    fill_field_dialog(&b, &Def { required: true, ..Def::new("Ticket", "number") }).await;
    let id = field_id(&b, "#list-fields-table", "Ticket").await;
    // The same alias twice is refused next to the alias.
    b.click("#new-list-field").await;
    b.fill("#field-def-alias", "ticket").await;
    b.click("#save-field").await;
    b.wait_for_text("#error-def-alias", "already exists").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;

    nav(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.select("#field-list", &list).await;
    b.fill("#field-first_name", "Alan").await;
    let input = format!("#field-custom-{id}");
    let error = format!("#error-custom-{id}");
    b.wait_for_text(&format!("label[for='field-custom-{id}']"), "*").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "Ticket is required").await;
    assert_eq!(b.count(".overlay").await, 1, "the dialog stays open");
    b.fill(&input, "abc").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "must be a number").await;
    b.fill(&input, "1234").await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;

    // Editing: clearing a required value is refused the same way.
    edit_first_contact(&b).await;
    set_value(&b, &input, "").await;
    b.click("#save-contact").await;
    b.wait_for_text(&error, "Ticket is required").await;

    // Number -> Switch cannot hold "1234": refused, with the count, next to the type.
    open_list_tab(&b, &list, "custom-fields").await;
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
    edit_first_contact(&b).await;
    assert_eq!(value_of(&b, "#field-first_name").await, json!("Alan"));
    let mode = b.exec(&format!("return document.querySelector({input:?}).getAttribute('inputmode')")).await;
    assert_eq!(mode, json!("text"), "the field is a Text field on the contact now");
    assert_eq!(value_of(&b, &input).await, json!("1234"), "the number converted to text");
    open_list_tab(&b, &list, "custom-fields").await;

    // Deleting the list field warns that its values go too.
    b.click("button[aria-label='Delete custom field Ticket']").await;
    b.wait_for_text(".confirm-text", "Its values in 1 contact go too").await;
    b.click("#confirm-ok").await;
    b.wait_for("#no-list-fields").await;
    b.reload().await;
    b.click("#tab-custom-fields").await;
    b.wait_for("#no-list-fields").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn global_field_soft_delete_restore_and_permanent_delete() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-fields-global")).await;
    let list = create_list(&b, "Partners").await;
    nav(&b, "#/custom-fields").await;
    b.click("#new-global-field").await;
    fill_field_dialog(&b, &Def::new("Code", "text")).await;
    let id = field_id(&b, "#global-fields-table", "Code").await;
    let input = format!("#field-custom-{id}");

    nav(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.select("#field-list", &list).await;
    b.fill("#field-first_name", "Linus").await;
    b.fill(&input, "ABC-1").await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;

    // Soft delete: a warning first, then the field shows under Deleted only.
    nav(&b, "#/custom-fields").await;
    b.click("button[aria-label='Delete custom field Code']").await;
    b.wait_for_text(".confirm-text", "can be restored").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.click("#filter-available").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-deleted").await;
    b.wait_for_text("#global-fields-table", "Deleted").await;
    edit_first_contact(&b).await;
    // The form rendered (the contact's name, and the column saying there are no fields)
    // before the field's input is counted.
    assert_eq!(value_of(&b, "#field-first_name").await, json!("Linus"));
    b.wait_for("#custom-fields #no-custom-fields").await;
    assert_eq!(b.count(&input).await, 0, "a deleted field is not in the form");
    assert!(stored_pages_contain(&b, "ABC-1").await, "a soft-deleted field keeps its values in storage");

    // Restore: the value is back.
    nav(&b, "#/custom-fields").await;
    b.click("#filter-deleted").await;
    b.click("button[aria-label='Restore custom field Code']").await;
    b.wait_for("#no-global-fields").await;
    b.reload().await;
    edit_first_contact(&b).await;
    assert_eq!(value_of(&b, &input).await, json!("ABC-1"));

    // Delete again (select + toolbar), then permanently.
    nav(&b, "#/custom-fields").await;
    b.click("#select-all-fields").await;
    b.click("#delete-fields").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.click("#filter-deleted").await;
    b.click("button[aria-label='Delete custom field Code permanently']").await;
    b.wait_for_text(".confirm-text", "erased from every contact (1 contact holds one)").await;
    b.click("#confirm-ok").await;
    b.wait_for("#no-global-fields").await;

    // After a reload: not under Deleted, not under All, not on the contact; a new
    // field with the same alias starts empty (the old values are gone from storage).
    b.reload().await;
    nav(&b, "#/custom-fields").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-deleted").await;
    b.wait_for("#no-global-fields").await;
    b.click("#filter-all").await;
    b.click("#new-global-field").await;
    fill_field_dialog(&b, &Def::new("Code", "text")).await;
    let new_id = field_id(&b, "#global-fields-table", "Code").await;
    assert_ne!(new_id, id);
    edit_first_contact(&b).await;
    assert_eq!(value_of(&b, "#field-first_name").await, json!("Linus"));
    assert_eq!(value_of(&b, &format!("#field-custom-{new_id}")).await, json!(""));
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

#[tokio::test(flavor = "multi_thread")]
async fn dispositions_nest_three_levels_and_survive_reload() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-dispositions")).await;
    let list = create_list(&b, "Outbound").await;
    open_list_tab(&b, &list, "dispositions").await;
    b.wait_for("#no-dispositions").await;
    let add = |parent: Option<&'static str>, name: &'static str| {
        let b = &b;
        async move {
            match parent {
                None => b.click("#new-disposition").await,
                Some(p) => b.click(&format!("button[aria-label='Add a sub-disposition under {p}']")).await,
            }
            b.fill("#disposition-name", name).await;
            b.click("#save-disposition").await;
            b.wait_gone(".overlay").await;
            b.wait_for_text("#disposition-tree", name).await;
        }
    };
    add(None, "Sale").await;
    add(None, "No answer").await;
    add(Some("Sale"), "Upsell").await;
    add(Some("Upsell"), "Premium").await;
    // A sibling with the same name is refused in the dialog.
    b.click("#new-disposition").await;
    b.fill("#disposition-name", "sale").await;
    b.click("#save-disposition").await;
    b.wait_for_text("#error-disposition-name", "already exists").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;

    let tree = "return [...document.querySelectorAll('#disposition-tree .disp-row')].map(r => [r.dataset.depth, r.querySelector('.disp-name').textContent, !!r.querySelector('.disp-add')])";
    let want = json!([["1", "No answer", true], ["1", "Sale", true], ["2", "Upsell", true], ["3", "Premium", false]]);
    assert_eq!(b.exec(tree).await, want, "the third level has no add button");

    b.reload().await;
    b.click("#tab-dispositions").await;
    b.wait_for_text("#disposition-tree", "Premium").await;
    assert_eq!(b.exec(tree).await, want);

    // Rename, then delete a branch (the warning counts what goes with it).
    b.click("button[aria-label='Rename Premium']").await;
    b.fill("#disposition-name", "Premium plus").await;
    b.click("#save-disposition").await;
    b.wait_for_text("#disposition-tree", "Premium plus").await;
    b.click("button[aria-label='Delete Sale']").await;
    b.wait_for_text(".confirm-text", "Its 2 sub-dispositions go too").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.reload().await;
    b.click("#tab-dispositions").await;
    b.wait_for_text("#disposition-tree", "No answer").await;
    assert_eq!(b.exec(tree).await, json!([["1", "No answer", true]]));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn selected_global_fields_export_to_csv() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-fields-export")).await;
    // A real download into a folder of our own.
    let dir = std::env::temp_dir().join(format!("cm-e2e-dl-{}", fresh_db_name("x")));
    std::fs::create_dir_all(&dir).expect("download dir");
    b.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": dir.display().to_string() })).await;

    nav(&b, "#/custom-fields").await;
    b.click("#new-global-field").await;
    fill_field_dialog(&b, &Def { required: true, click_to_action: true, ..Def::new("Hotline", "text") }).await;
    b.click("#new-global-field").await;
    fill_field_dialog(&b, &Def { choices: &["A", "B"], ..Def::new("=Grade", "select") }).await;
    b.click("#new-global-field").await;
    fill_field_dialog(&b, &Def::new("Not exported", "number")).await;
    assert_eq!(b.exec("return document.querySelector('#export-fields').disabled").await, json!(true));
    b.click("#global-fields-table tbody tr:nth-child(1) .col-check input").await;
    b.click("#global-fields-table tbody tr:nth-child(2) .col-check input").await;
    b.wait_for_text(".selection-count", "2 selected").await;
    b.click("#export-fields").await;

    let file = dir.join("global-custom-fields.csv");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !file.is_file() {
        assert!(Instant::now() < deadline, "no download in {}", dir.display());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let bytes = std::fs::read(&file).expect("read the download");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "Alias,Type,Choices,Required,Click to action,Status",
            "Hotline,Text,,yes,yes,available",
            "'=Grade,Select,A | B,no,no,available",
        ]
    );
    let _ = std::fs::remove_dir_all(&dir);
    b.close().await;
}

/// Screenshots of the list editor tabs, the field dialog, the Global custom fields
/// page and the contact editor, at desktop and phone widths.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_custom_fields_and_dispositions() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-fields-shots")).await;
    let list = create_list(&b, "Customers").await;
    open_list_tab(&b, &list, "custom-fields").await;
    for def in [
        Def { required: true, ..Def::new("Account number", "text") },
        Def { choices: &["Gold", "Silver", "Bronze"], ..Def::new("Tier", "select") },
        Def { click_to_action: true, ..Def::new("Direct line", "text") },
        Def::new("Renewal", "datetime"),
    ] {
        b.click("#new-list-field").await;
        fill_field_dialog(&b, &def).await;
    }
    nav(&b, "#/custom-fields").await;
    for def in [Def::new("Website", "url"), Def::new("Newsletter", "switch"), Def::new("Old code", "text")] {
        b.click("#new-global-field").await;
        fill_field_dialog(&b, &def).await;
    }
    b.click("button[aria-label='Delete custom field Old code']").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    open_list_tab(&b, &list, "dispositions").await;
    for (parent, name) in [(None, "Sale"), (None, "Not interested"), (Some("Sale"), "New customer"), (Some("New customer"), "Annual plan")] {
        match parent {
            None => b.click("#new-disposition").await,
            Some(p) => b.click(&format!("button[aria-label='Add a sub-disposition under {p}']")).await,
        }
        b.fill("#disposition-name", name).await;
        b.click("#save-disposition").await;
        b.wait_gone(".overlay").await;
    }
    nav(&b, "#/contacts").await;
    b.click("#add-contact").await;
    b.fill("#field-first_name", "Ada").await;
    b.fill("#field-last_name", "Lovelace").await;
    b.fill("#custom-fields input[aria-required='true']", "AC-1815").await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;

    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        open_list_tab(&b, &list, "custom-fields").await;
        b.wait_for("#list-fields-table").await;
        b.screenshot(&format!("fields-list-tab-{tag}")).await;
        let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(overflow, json!(false), "the list editor scrolls sideways at {w}px");
        b.click("button[aria-label='Edit custom field Tier']").await;
        b.wait_for("#choice-chips").await;
        b.screenshot(&format!("fields-dialog-{tag}")).await;
        press_escape(&b).await;
        b.wait_gone(".overlay").await;
        b.click("#tab-dispositions").await;
        b.wait_for("#disposition-tree").await;
        b.screenshot(&format!("fields-dispositions-{tag}")).await;
        nav(&b, "#/custom-fields").await;
        b.wait_for("#global-fields-table").await;
        b.screenshot(&format!("fields-global-{tag}")).await;
        let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(overflow, json!(false), "the global fields page scrolls sideways at {w}px");
        edit_first_contact(&b).await;
        b.wait_for("#custom-fields .custom-field").await;
        b.screenshot(&format!("fields-contact-{tag}")).await;
        b.exec("document.querySelector('#custom-fields').scrollIntoView({block: 'center'})").await;
        b.screenshot(&format!("fields-contact-column-{tag}")).await;
    }
    b.close().await;
}
