#![cfg(not(target_arch = "wasm32"))]
//! End-to-end: the CSV import wizard. Sample files (tests/fixtures/import, counts in
//! its README) and generated ones go through the real file input; each test checks
//! the summary's counts and what the contacts page then shows. Also: stopping, the
//! xlsx report, undo, an import interrupted by a reload, file-level errors, and
//! screenshots of every step.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::files::{
    allow_downloads, choose_file, contacts_in_list, create_list_in_wizard, fixture, generated_csv, open_import_page,
    poll, read_summary, set_duplicate_check, target_of, upload, wait_for_download, xlsx_rows, Summary, TempDir,
};
use support::{fresh_db_name, Browser};

/// Imports of the sample files finish in well under this.
const SMALL: Duration = Duration::from_secs(30);
/// Rows of the generated file for stop / interrupt: enough to take a few seconds.
const BIG_ROWS: usize = 300_000;

/// A fresh app on the import page with `file` chosen and a new list made in the
/// wizard (so it is the target); returns the browser and the list's id.
async fn wizard_with_list(db: &str, list: &str, file: &std::path::Path) -> (Browser, String) {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name(db)).await;
    open_import_page(&b).await;
    choose_file(&b, file).await;
    let id = create_list_in_wizard(&b, list).await;
    (b, id)
}

/// From the contacts page of `list`: "Import contacts" opens the wizard on that list.
async fn import_into(b: &Browser, list: &str) {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    b.click("#import-contacts").await;
    poll(b, &format!("return location.hash === '#/import?list={list}'"), Duration::from_secs(10), "#/import?list=").await;
    if b.count("#import-again").await > 0 {
        b.click("#import-again").await;
    }
    b.wait_for("#import-file").await;
}

/// Chooses `path` and checks the list is the one the wizard was opened on, then
/// uploads with the duplicate check on email + phone.
async fn import_file(b: &Browser, path: &std::path::Path, list: &str) -> Summary {
    choose_file(b, path).await;
    assert_eq!(value_of(b, "#import-list").await, list, "the list is preselected");
    import_upload(b).await
}

/// (imported, of those with warnings, duplicates in the file, duplicates in the list, failed).
fn counts(s: &Summary) -> (u64, u64, u64, u64, u64) {
    (s.imported, s.warned, s.duplicates_in_file, s.duplicates_existing, s.failed)
}

/// The texts of the contact rows of `list` (page size 100: every sample file fits).
async fn contact_rows(b: &Browser, list: &str) -> Vec<String> {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    b.wait_for("#add-contact").await;
    if b.count("#page-size").await > 0 {
        b.select("#page-size", "100").await;
    }
    b.texts("#contacts-table tbody tr").await
}

/// Adds a contact to `list` through its contacts page's Add Contact dialog.
async fn add_contact(b: &Browser, list: &str, fields: &[(&str, &str)]) {
    contact_rows(b, list).await;
    b.click("#add-contact").await;
    for (key, value) in fields {
        b.fill(&format!("#field-{key}"), value).await;
    }
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
}

/// Asserts every name in `want` shows in some row and none of `absent` does.
fn assert_names(rows: &[String], want: &[&str], absent: &[&str]) {
    let all = rows.join("\n");
    for name in want {
        assert!(all.contains(name), "{name:?} is not in the contacts table:\n{all}");
    }
    for name in absent {
        assert!(!all.contains(name), "{name:?} should not be in the contacts table:\n{all}");
    }
}

/// Opens the edit page of the contact whose row contains `name`.
async fn edit_contact_named(b: &Browser, name: &str) {
    let script = format!(
        "const r = [...document.querySelectorAll('#contacts-table tbody tr')].find(r => r.textContent.includes({name:?}));
         const a = r && r.querySelector('.col-actions a');
         return a ? a.getAttribute('href') : null;"
    );
    let href = poll(b, &script, Duration::from_secs(10), &format!("an edit link on the row of {name}")).await;
    b.exec(&format!("location.hash = {href}")).await;
    b.wait_for("#edit-contact-form").await;
}

/// The values the edit page of the contact named `name` (in `list`) shows in the
/// fields `keys` ("email", "description", ...).
async fn contact_fields(b: &Browser, list: &str, name: &str, keys: &[&str]) -> Vec<String> {
    contact_rows(b, list).await;
    edit_contact_named(b, name).await;
    let mut values = Vec::new();
    for key in keys {
        values.push(value_of(b, &format!("#field-{key}")).await);
    }
    values
}

/// The `value` of the input at `css` (waits for it); panics when it has none (not an
/// input), so an expected "" cannot pass on the wrong element.
async fn value_of(b: &Browser, css: &str) -> String {
    b.wait_for(css).await;
    let v = b.exec(&format!("return document.querySelector({css:?}).value")).await;
    v.as_str().unwrap_or_else(|| panic!("`{css}` has no text value: {v}")).to_string()
}

/// The selected value of each of the wizard's format pickers.
async fn format_shown(b: &Browser) -> Value {
    b.exec(
        "const v = s => { const el = document.querySelector(s); return el ? (el.type === 'checkbox' ? el.checked : el.value) : null; };
         return [v('#import-encoding'), v('#import-delimiter'), v('#import-quote'), v('#import-has-header')];",
    )
    .await
}

/// The preview table: its header cells and the cells of its rows.
async fn preview(b: &Browser) -> (Vec<String>, Vec<Vec<String>>) {
    let v = b
        .exec(
            "const t = document.querySelector('#import-preview');
             return [[...t.querySelectorAll('thead th')].map(c => c.textContent),
                     [...t.querySelectorAll('tbody tr')].map(r => [...r.querySelectorAll('td')].map(c => c.textContent))];",
        )
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the preview table (#import-preview): {e}: {v}"))
}

/// The elements matching `css` (their id, or text): all of them, and those not wholly
/// inside the window.
async fn outside_view(b: &Browser, css: &str) -> (Vec<String>, Vec<String>) {
    let script = format!(
        "const name = el => el.id || el.textContent.trim();
         const all = [...document.querySelectorAll({css:?})];
         return [all.map(name), all.filter(el => {{
           const r = el.getBoundingClientRect();
           return r.left < 0 || r.top < 0 || r.right > window.innerWidth || r.bottom > window.innerHeight;
         }}).map(name)];"
    );
    let v = b.exec(&script).await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the elements `{css}` in view: {e}: {v}"))
}

/// Confirms the app's confirmation dialog (as deletes do).
async fn confirm(b: &Browser) -> String {
    let question = b.text(".dialog .confirm-text").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    question
}

/// Waits until the notice says `n` contacts were removed; returns its text.
async fn wait_removed(b: &Browser, n: u64) -> String {
    let said = b.wait_for_text("#notice", "removed").await;
    assert!(numbers_in(&said).contains(&n), "the notice should say {n} contacts were removed: {said:?}");
    said
}

/// The whole numbers in a text, thousands separators dropped ("1,234 of 5" -> [1234, 5]).
fn numbers_in(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut current = String::new();
    for (i, c) in chars.iter().enumerate() {
        let separator = matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}')
            && !current.is_empty()
            && chars.get(i + 1..i + 4).is_some_and(|next| next.iter().all(char::is_ascii_digit));
        if c.is_ascii_digit() {
            current.push(*c);
        } else if !separator && !current.is_empty() {
            out.extend(current.parse::<u64>().ok());
            current.clear();
        }
    }
    out.extend(current.parse::<u64>().ok());
    out
}

/// A count as the app writes it: "12,345".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The history rows of the import page: (batch id, status, whole row text).
async fn history(b: &Browser) -> Vec<(String, String, String)> {
    b.wait_for("#import-history").await;
    let v = b
        .exec(
            "return [...document.querySelectorAll('#import-history tr[data-batch]')].map(r =>
               [r.dataset.batch, (r.querySelector('.batch-status') || {textContent: ''}).textContent.trim(), r.innerText]);",
        )
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the import history rows: {e}: {v}"))
}

/// Clicks Upload and waits until the progress bar has moved past `at_least` of the
/// file (but the import still runs); returns that share.
async fn start_and_wait_progress(b: &Browser, at_least: f64) -> f64 {
    b.click("#import-start").await;
    let script = format!(
        "const p = document.querySelector('#import-progress');
         if (document.querySelector('#import-summary')) return 'finished before it could be stopped';
         return p && p.max > 0 && p.value / p.max >= {at_least} ? p.value / p.max : null;"
    );
    let v = poll(b, &script, Duration::from_secs(120), "the progress bar to move").await;
    v.as_f64().unwrap_or_else(|| panic!("the import {v}: use more rows"))
}

/// Reloads mid-import like a user would (F5); a "leave the page?" prompt, if the app
/// asks, is accepted.
async fn reload_mid_import(b: &Browser) {
    b.exec("window.__beforeReload = true; setTimeout(() => location.reload(), 0)").await;
    let ready = "return !window.__beforeReload && document.readyState === 'complete' && !!document.querySelector('#app-ready')";
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(text) = b.client.get_alert_text().await {
            println!("the page asked before leaving: {text:?}");
            let _ = b.client.accept_alert().await;
        } else if b.client.execute(ready, vec![]).await.ok() == Some(json!(true)) {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the app did not load again after the reload");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn google_contacts_export_is_mapped_and_imported() {
    let file = fixture("google-contacts.csv");
    let (b, list) = wizard_with_list("e2e-import-google", "Google", &file).await;
    // The contacts page of one list offers the import with that list chosen.
    import_into(&b, &list).await;
    choose_file(&b, &file).await;
    assert_eq!(value_of(&b, "#import-list").await, list, "the list is preselected");
    let (headers, rows) = preview(&b).await;
    assert_eq!(headers.get(1).map(String::as_str), Some("Given Name"), "{headers:?}");
    assert_eq!(rows.first().and_then(|r| r.get(1)).map(String::as_str), Some("Anna"), "{rows:?}");
    assert_eq!(format_shown(&b).await, json!(["UTF-8", ",", "\"", true]));
    // The proposed mapping: Google's names map to the app's fields. A picker's value
    // is the target's code: the field's key, "additional_phones", "tags", "skip".
    let want = [
        (0, "skip"), // "Name": a weak first-name claim loses to "Given Name"
        (1, "first_name"),
        (3, "last_name"),
        (5, "date_of_birth"),
        (6, "description"),
        (9, "email"),
        (11, "phone"),
        (13, "additional_phones"),
        (14, "company"),
        (16, "street"),
        (17, "city"),
        (18, "postal_code"),
        (19, "country"),
        (20, "url"),
    ];
    for (column, target) in want {
        assert_eq!(target_of(&b, column).await, target, "column {column} ({:?})", headers.get(column));
    }
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (9, 1, 1, 0, 0), "{s:?}");
    assert!(s.status.contains("Finished"), "{s:?}");
    let reasons = b.text("#import-warning-reasons").await;
    assert_eq!(reasons, "Phone not valid: 1 row", "the warnings by reason name the phone");

    assert_eq!(contacts_in_list(&b, &list).await, 9);
    let rows = contact_rows(&b, &list).await;
    // Paolo's phone is too short: he is imported without it.
    assert_names(&rows, &["Anna", "Rossi", "Marco", "Zoë", "Dubois", "Sofia", "Paolo"], &[]);
    let marco = contact_fields(&b, &list, "Bianchi", &["email", "company", "city"]).await;
    assert_eq!(marco, ["marco.bianchi@example.it", "Globex", "Milano"]);
    // Reloaded from IndexedDB, the contacts are still there.
    b.reload().await;
    assert_eq!(contacts_in_list(&b, &list).await, 9);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn outlook_export_is_imported() {
    let (b, list) = wizard_with_list("e2e-import-outlook", "Outlook", &fixture("outlook.csv")).await;
    let want = [
        (0, "first_name"),
        (2, "last_name"),
        (6, "email"),
        (8, "mobile"),
        (9, "phone"),
        (12, "company"),
        (18, "date_of_birth"),
        (21, "tags"),
    ];
    for (column, target) in want {
        assert_eq!(target_of(&b, column).await, target, "column {column}");
    }
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (7, 1, 1, 0, 0), "{s:?}");
    assert!(s.status.contains("Finished"), "{s:?}");

    assert_eq!(contacts_in_list(&b, &list).await, 7);
    let rows = contact_rows(&b, &list).await;
    // Peter Parker's email is not valid: he is imported without it.
    assert_names(&rows, &["Laura", "Conti", "Miller", "Costa", "Gallo", "Brown", "Marino", "Parker"], &[]);
    assert_eq!(contact_fields(&b, &list, "Parker", &["email"]).await, [""]);
    let david = contact_fields(&b, &list, "Miller", &["date_of_birth", "company", "street"]).await;
    assert_eq!(david, ["1980-12-25", "Wayne Enterprises", "1600 Amphitheatre Pkwy"], "Outlook's 25/12/1980 is a date");
    let sara = contact_fields(&b, &list, "Gallo", &["description"]).await;
    assert_eq!(sara, ["Call after 5pm; ask for \"Sara\""]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn windows_1252_semicolon_file_keeps_its_accents() {
    let (b, list) = wizard_with_list("e2e-import-1252", "Clienti", &fixture("windows-1252-semicolon.csv")).await;
    assert_eq!(format_shown(&b).await, json!(["windows-1252", ";", "\"", true]), "the sniffed format");
    let (headers, rows) = preview(&b).await;
    assert!(headers.iter().any(|h| h == "Città"), "{headers:?}");
    assert_eq!(rows.first().and_then(|r| r.first()).map(String::as_str), Some("Niccolò"), "{rows:?}");
    assert_eq!(target_of(&b, 0).await, "first_name", "Nome");
    assert_eq!(target_of(&b, 1).await, "last_name", "Cognome");
    assert_eq!(target_of(&b, 4).await, "mobile", "Cellulare");
    b.screenshot("import-step2-1252-desktop").await;
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (7, 1, 1, 0, 0), "{s:?}");

    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Niccolò", "François", "Lefèvre", "José", "Martínez", "Jürgen", "Müller", "Renée", "Noël", "Giovanni"], &[]);
    assert_eq!(contact_fields(&b, &list, "Noël", &["company"]).await, ["Crème & Brûlée"]);
    b.close().await;
}

/// Uploads with the duplicate check on email + phone (the file is already chosen).
async fn import_upload(b: &Browser) -> Summary {
    set_duplicate_check(b, &["email", "phone"]).await;
    upload(b, SMALL).await
}

#[tokio::test(flavor = "multi_thread")]
async fn utf16le_file_with_bom_is_read() {
    let (b, list) = wizard_with_list("e2e-import-utf16", "Europe", &fixture("utf16le.csv")).await;
    assert_eq!(format_shown(&b).await, json!(["UTF-16LE", "tab", "\"", true]), "the sniffed format");
    let (headers, _) = preview(&b).await;
    assert_eq!(headers.first().map(String::as_str), Some("First Name"), "no BOM in the first header: {headers:?}");
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (4, 0, 1, 0, 1), "{s:?}");
    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Björn", "Andersson", "Łukasz", "Kowalski", "Ελένη", "Παπαδοπούλου", "Saoirse", "Ó Briain"], &["Nameless"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quoted_line_breaks_stay_inside_one_contact() {
    let (b, list) = wizard_with_list("e2e-import-newlines", "Notes", &fixture("quoted-newlines.csv")).await;
    let (_, rows) = preview(&b).await;
    let first = rows.first().cloned().unwrap_or_default();
    assert!(first.get(4).is_some_and(|c| c.contains("Via Nazionale 10") && c.contains("Scala B")), "one cell: {first:?}");
    assert_eq!(first.get(5).map(String::as_str), Some("First line\nSecond line, with a comma"), "{first:?}");
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (5, 1, 1, 0, 0), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 5);
    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Matteo", "Emma", "Valentina", "Simone", "Lorenzo"], &[]);
    let matteo = contact_fields(&b, &list, "Ricci", &["description", "street"]).await;
    assert_eq!(matteo[0], "First line\nSecond line, with a comma");
    assert!(matteo[1].contains("Via Nazionale 10") && matteo[1].contains("Scala B, interno 4"), "{matteo:?}");
    assert_eq!(contact_fields(&b, &list, "Valentina", &["description"]).await, ["Notes:\n- a\n- b"]);
    assert_eq!(contact_fields(&b, &list, "Colombo", &["description"]).await, ["She said \"call me\"\nafter lunch"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicates_in_the_file_and_in_the_list_are_left_out() {
    let file = fixture("google-contacts.csv");
    let (b, list) = wizard_with_list("e2e-import-dupes", "Leads", &file).await;
    // Marco is already in the list (typed in, email and phone written another way).
    add_contact(&b, &list, &[("first_name", "Marco"), ("email", "Marco.Bianchi@example.it"), ("phone", "0039 347 7654321")]).await;
    assert_eq!(contacts_in_list(&b, &list).await, 1);

    // The file, then the same file again ("#import-again"): every valid row is in the list by then.
    import_into(&b, &list).await;
    let (first, s) = upload_twice(&b, &file, &list).await;
    assert_eq!(counts(&first), (8, 1, 1, 1, 0), "Anna twice in the file, Marco already in the list: {first:?}");
    // Paolo has no valid phone, and a row with an empty check field duplicates nothing:
    // he goes in again.
    assert_eq!(counts(&s), (1, 1, 0, 9, 0), "{s:?}");
    assert!(s.status.contains("Finished"), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 10);
    let rows = contact_rows(&b, &list).await;
    assert_eq!(rows.iter().filter(|r| r.contains("Marco")).count(), 1, "one Marco: {rows:?}");

    // Without a duplicate check every valid row goes in.
    import_into(&b, &list).await;
    choose_file(&b, &file).await;
    set_duplicate_check(&b, &[]).await;
    let s = upload(&b, SMALL).await;
    assert_eq!(counts(&s), (10, 1, 0, 0, 0), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 20);
    b.close().await;
}

/// Imports `file` into `list`, then starts over with "#import-again" and imports it
/// again; returns both summaries.
async fn upload_twice(b: &Browser, file: &std::path::Path, list: &str) -> (Summary, Summary) {
    let first = import_file(b, file, list).await;
    assert!(first.status.contains("Finished"), "{first:?}");
    b.click("#import-again").await;
    b.wait_for("#import-file").await;
    choose_file(b, file).await;
    b.select("#import-list", list).await;
    (first, import_upload(b).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_import_stops_midway() {
    let dir = TempDir::new("cm-e2e-import-stop");
    let path = dir.write("big.csv", &generated_csv(BIG_ROWS, 7));
    let (b, list) = wizard_with_list("e2e-import-stop", "Big", &path).await;
    set_duplicate_check(&b, &["email", "phone"]).await;
    let at = start_and_wait_progress(&b, 0.05).await;
    b.screenshot("import-running-desktop").await;
    let text = b.text("#import-progress-text").await;
    assert!(text.contains('%') && text.contains("rows/s") && text.contains("left"), "rows, percent, rate and time left: {text:?}");
    // Stop, timing on the page's clock how long until the summary shows.
    let clicked = b
        .exec(
            "const r = window.__stop = { rows: document.querySelector('#import-progress-text').textContent, t0: performance.now() };
             new MutationObserver((_, o) => {
               if (document.querySelector('#import-summary')) { r.ms = performance.now() - r.t0; o.disconnect(); }
             }).observe(document.body, { childList: true, subtree: true });
             document.querySelector('#import-stop').click();
             return r.rows;",
        )
        .await;
    let s = read_summary(&b, Duration::from_secs(60)).await;
    let stop_ms = b.exec("return window.__stop.ms").await.as_f64().unwrap_or(f64::NAN);
    let rows_at_click = numbers_in(clicked.as_str().unwrap_or_default()).first().copied().unwrap_or(0);
    let rows_read = s.imported + s.duplicates_in_file + s.duplicates_existing + s.failed;
    println!(
        "stopped at {:.0}% of the file; Stop clicked at {rows_at_click} rows read, {rows_read} read in the end; summary {stop_ms:.0} ms after the click: {s:?}",
        at * 100.0
    );
    assert!(s.status.contains("Stopped"), "{s:?}");
    // Stopped midway: some rows in, and fewer rows read than the file has (rows read =
    // imported + duplicates + failed; the warned are among the imported).
    assert!(s.imported > 0, "{s:?}");
    assert!(rows_read < BIG_ROWS as u64, "Stop did not stop the import: {rows_read} of {BIG_ROWS} rows read: {s:?}");
    assert!(numbers_in(&s.status).contains(&rows_read), "the status says the {rows_read} rows read: {s:?}");
    assert!(stop_ms < 2000.0, "Stop took {stop_ms:.0} ms to take effect");
    b.screenshot("import-stopped-desktop").await;
    assert_eq!(contacts_in_list(&b, &list).await, s.imported, "the list holds what the summary counts");
    // The history says Stopped too.
    open_import_page(&b).await;
    let rows = history(&b).await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1, "Stopped", "{rows:?}");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_report_lists_failed_and_duplicate_rows_and_warnings_with_their_values() {
    let dir = TempDir::new("cm-e2e-import-report");
    let (b, _list) = wizard_with_list("e2e-import-report", "Report", &fixture("google-contacts.csv")).await;
    allow_downloads(&b, dir.path()).await;
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (9, 1, 1, 0, 0), "{s:?}");
    b.click("#import-download-report").await;
    let file = dir.path().join("google-contacts-import-report.xlsx");
    wait_for_download(&file, Duration::from_secs(20)).await;

    let header = [
        "Row", "Reason", "Name", "Given Name", "Additional Name", "Family Name", "Nickname", "Birthday", "Notes",
        "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value",
        "Phone 2 - Type", "Phone 2 - Value", "Organization 1 - Name", "Organization 1 - Title", "Address 1 - Street",
        "Address 1 - City", "Address 1 - Postal Code", "Address 1 - Country", "Website 1 - Value",
    ]
    .map(String::from);
    let failed = xlsx_rows(&file, "Failed rows");
    assert_eq!(failed.first(), Some(&header.to_vec()), "the header row");
    assert_eq!(failed.len(), 1, "no failed row: {failed:?}");
    // Paolo was imported without his phone: the Warnings sheet says where and why.
    let warnings = xlsx_rows(&file, "Warnings");
    assert_eq!(
        warnings,
        [
            ["Row", "Column", "Field", "Value", "Problem"].map(String::from).to_vec(),
            ["9", "Phone 1 - Value", "Phone", "+39 12", "the number is too short for its country"].map(String::from).to_vec(),
        ]
    );

    let duplicates = xlsx_rows(&file, "Duplicates");
    assert_eq!(duplicates.first(), Some(&header.to_vec()));
    assert_eq!(duplicates.len(), 2, "one duplicate: {duplicates:?}");
    let anna = &duplicates[1];
    assert_eq!(anna[0], "8", "{anna:?}");
    assert!(anna[1].contains("row 2"), "duplicate of row 2: {anna:?}");
    assert_eq!((anna[3].as_str(), anna[8].as_str()), ("Anna", "Entered twice"));
    assert_eq!(anna[11], "Anna.Rossi@Example.com ", "the value as the file has it");
    assert_eq!(anna[13], "0039 333-1234567");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn undo_takes_an_import_back_out() {
    let file = fixture("outlook.csv");
    let (b, list) = wizard_with_list("e2e-import-undo", "Undo", &file).await;
    add_contact(&b, &list, &[("first_name", "Kept")]).await;
    assert_eq!(contacts_in_list(&b, &list).await, 1, "Kept alone before the import");
    import_into(&b, &list).await;
    let s = import_file(&b, &file, &list).await;
    assert_eq!(counts(&s), (7, 1, 1, 0, 0), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 8);
    import_into(&b, &list).await;
    let batches = history(&b).await;
    assert_eq!(batches.len(), 1, "{batches:?}");
    assert_eq!(batches[0].1, "Finished", "{batches:?}");
    let row = format!("#import-history tr[data-batch='{}']", batches[0].0);
    b.wait_for(&format!("{row} .batch-undo:not([disabled])")).await;

    b.click(&format!("{row} .batch-undo")).await;
    let question = confirm(&b).await;
    assert!(numbers_in(&question).contains(&7), "the confirmation counts the contacts: {question:?}");
    let said = wait_removed(&b, 7).await;
    println!("undo said: {said:?}");
    // The history row says so (import_history.rs: the status, then " · undone (N removed)"),
    // and its Undo button is disabled.
    let undone = "Finished · undone (7 removed)";
    let status = format!(
        "const s = document.querySelector(\"{row} .batch-status\"); return s && s.textContent.trim() === {undone:?} ? s.textContent.trim() : null"
    );
    poll(&b, &status, Duration::from_secs(10), &format!("the history row to say {undone:?}")).await;
    b.wait_for(&format!("{row} .batch-undo[disabled]")).await;
    b.screenshot("import-undone-desktop").await;
    let batches = history(&b).await;
    assert_eq!(batches.len(), 1, "{batches:?}");
    assert_eq!(batches[0].1, undone, "{batches:?}");
    assert_eq!(b.count(&format!("{row} .batch-undo")).await, 1, "one Undo button on the row: {batches:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 1);
    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Kept"], &["Conti", "Miller"]);
    b.reload().await;
    assert_eq!(contacts_in_list(&b, &list).await, 1);
    assert_names(&contact_rows(&b, &list).await, &["Kept"], &["Conti", "Miller"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn undo_from_the_summary() {
    let (b, list) = wizard_with_list("e2e-import-undo-summary", "Undo here", &fixture("utf16le.csv")).await;
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (4, 0, 1, 0, 1), "{s:?}");
    // (The summary goes when the page is left, so the list's count before the undo is
    // the summary's; undo_takes_an_import_back_out reads it on the contacts page.)
    b.click("#import-undo").await;
    let question = confirm(&b).await;
    assert!(numbers_in(&question).contains(&4), "the confirmation counts the contacts: {question:?}");
    wait_removed(&b, 4).await;
    b.wait_for("#import-undo[disabled]").await;
    // contacts_in_list reads "0 contacts" and waits for the empty state.
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.reload().await;
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.wait_for_text("#no-contacts", "This list has no contacts yet").await;
    assert_eq!(b.count("#contacts-table tbody tr").await, 0, "no rows under the empty state");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_cut_by_a_reload_is_interrupted_and_can_be_undone() {
    let dir = TempDir::new("cm-e2e-import-interrupt");
    let path = dir.write("big.csv", &generated_csv(BIG_ROWS, 11));
    let (b, list) = wizard_with_list("e2e-import-interrupt", "Big list", &path).await;
    set_duplicate_check(&b, &["email", "phone"]).await;
    let at = start_and_wait_progress(&b, 0.1).await;
    reload_mid_import(&b).await;
    println!("reloaded at {:.0}% of the file", at * 100.0);
    // At start-up the app says an import was cut short, and what it kept.
    let notice = b.wait_for_text("#notice", "interrupted").await;

    let kept = contacts_in_list(&b, &list).await;
    assert!(kept > 0 && kept < BIG_ROWS as u64, "what was committed before the reload stays: {kept}");
    assert!(numbers_in(&notice).contains(&kept), "the notice counts the {kept} contacts kept: {notice:?}");
    open_import_page(&b).await;
    let batches = history(&b).await;
    assert_eq!(batches.len(), 1, "{batches:?}");
    let (batch, status, text) = batches[0].clone();
    assert_eq!(status, "Interrupted", "{batches:?}");
    assert!(numbers_in(&text).contains(&kept), "the row says how many were committed ({kept}): {text:?}");
    let row = format!("#import-history tr[data-batch='{batch}']");
    b.wait_for(&format!("{row} .batch-keep")).await;
    b.screenshot("import-history-interrupted-desktop").await;

    b.click(&format!("{row} .batch-undo")).await;
    confirm(&b).await;
    // Undo settles the batch (workspace/imports.rs): it reads as stopped at its last commit.
    let undone = format!("Stopped · undone ({} removed)", grouped(kept));
    poll(
        &b,
        &format!("const s = document.querySelector(\"{row} .batch-status\"); return !!s && s.textContent.trim() === {undone:?}"),
        Duration::from_secs(30),
        &format!("the interrupted batch to say {undone:?}"),
    )
    .await;
    b.wait_for(&format!("{row} .batch-undo[disabled]")).await;
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.reload().await;
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn files_that_cannot_be_imported_are_refused_in_words() {
    let dir = TempDir::new("cm-e2e-import-errors");
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-import-errors")).await;
    open_import_page(&b).await;
    let choose = |path: std::path::PathBuf| {
        let b = &b;
        async move {
            let input = b.wait_for("#import-file").await;
            input.send_keys(&path.display().to_string()).await.expect("choose a file");
        }
    };

    choose(dir.write("empty.csv", b"")).await;
    let said = b.wait_for_text("#import-error", "empty").await;
    println!("empty file: {said}");

    choose(dir.write("picture.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0")).await;
    let said = b.wait_for_text("#import-error", "PNG").await;
    assert!(said.contains("not a CSV"), "{said}");

    // 61 MB: over the limit (said before anything is read).
    let rows = b"Name,Email\nsomeone,someone@example.com\n".repeat(61 * (1 << 20) / 37 + 1);
    choose(dir.write("huge.csv", &rows)).await;
    let said = b.wait_for_text("#import-error", "60").await;
    assert!(said.contains("MB"), "{said}");
    b.screenshot("import-file-error-desktop").await;

    // A mapping without the first name is refused; nothing starts.
    choose_file(&b, &fixture("google-contacts.csv")).await;
    create_list_in_wizard(&b, "Errors").await;
    b.select("select.import-target[data-column='1']", "skip").await;
    b.click("#import-start").await;
    let said = b.wait_for_text("#import-error", "first name").await;
    println!("mapping error: {said}");
    b.screenshot("import-mapping-error-desktop").await;
    assert_eq!(b.count("#import-progress").await, 0, "nothing started");
    // The user clicked Upload at the foot of the page: the error must be in sight.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (errors, cut) = outside_view(&b, "#import-error").await;
    assert_eq!(errors.len(), 1, "one mapping error on the page: {errors:?}");
    assert_eq!(cut, Vec::<String>::new(), "the mapping error is out of sight after Upload");
    b.close().await;
}

/// Every step at desktop size, the mapping and the summary at phone size; the page
/// never scrolls sideways.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_import_wizard() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-import-shots")).await;
    open_import_page(&b).await;
    b.screenshot("import-step1-desktop").await;
    choose_file(&b, &fixture("google-contacts.csv")).await;
    let list = create_list_in_wizard(&b, "Customers").await;
    b.exec("window.scrollTo(0, 0)").await;
    b.screenshot("import-step2-desktop").await;
    b.exec("document.querySelector('select.import-target').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-step2-mapping-desktop").await;
    b.exec("document.querySelector('#import-start').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-step2-start-desktop").await;
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (9, 1, 1, 0, 0), "{s:?}");
    b.screenshot("import-summary-desktop").await;
    b.exec("document.querySelector('#import-history').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-history-desktop").await;
    contact_rows(&b, &list).await;
    b.screenshot("import-contacts-after-desktop").await;

    b.set_window_size(390, 844).await;
    import_into(&b, &list).await;
    b.screenshot("import-step1-phone").await;
    choose_file(&b, &fixture("windows-1252-semicolon.csv")).await;
    b.exec("window.scrollTo(0, 0)").await;
    b.screenshot("import-step2-phone").await;
    let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
    b.exec("document.querySelector('select.import-target').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-step2-mapping-phone").await;
    let s = import_upload(&b).await;
    assert_eq!(counts(&s), (7, 1, 1, 0, 0), "{s:?}");
    b.screenshot("import-summary-phone").await;
    let overflow_summary = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
    assert_eq!((overflow, overflow_summary), (json!(false), json!(false)), "the import page scrolls sideways at 390px");
    b.exec("document.querySelector('#import-undo').scrollIntoView({block: 'center'})").await;
    let (buttons, cut) = outside_view(&b, "#import-summary .form-actions .btn").await;
    assert_eq!(
        buttons,
        ["import-again", "import-download-report", "import-undo", "import-show-contacts"],
        "the summary's buttons"
    );
    assert_eq!(cut, Vec::<String>::new(), "summary buttons cut off at 390px");
    b.close().await;
}
