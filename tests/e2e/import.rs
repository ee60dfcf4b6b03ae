//! End-to-end: the CSV import wizard on files of every kind. Sample files
//! (tests/fixtures/import, counts in its README) go through the real file input: the
//! format sniffed, the preview, the proposed mapping; each test checks the summary's
//! counts and what the contacts page then shows. Also: file-level errors, and
//! screenshots of every step. (Duplicates, stopping, the report, undo and an import
//! interrupted by a reload: import_batches.rs.)

use crate::support;

use std::time::Duration;

use serde_json::json;
use support::app::{input_value, open_fresh_app, scrolls_sideways};
use support::contacts::{assert_names, contact_fields, contact_rows, contacts_in_list};
use support::files::{fixture, TempDir};
use support::import_wizard::{
    choose_file, create_list_in_wizard, format_shown, import_from_contacts_page, offer_file, open_import_page, preview_table,
    start_import_with_new_list, target_of, upload_with_duplicate_check, EMAIL_AND_PHONE,
};
use support::Browser;

/// Imports of the sample files finish in well under this.
const SMALL: Duration = Duration::from_secs(30);

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

#[tokio::test(flavor = "multi_thread")]
async fn google_contacts_export_is_mapped_and_imported() {
    let file = fixture("google-contacts.csv");
    let (b, list) = start_import_with_new_list("e2e-import-google", "Google", &file).await;
    // The contacts page of one list offers the import with that list chosen.
    import_from_contacts_page(&b, &list).await;
    choose_file(&b, &file).await;
    assert_eq!(input_value(&b, "#import-list").await, list, "the list is preselected");
    let (headers, rows) = preview_table(&b).await;
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
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (9, 1, 1, 0, 0), "{s:?}");
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
    let (b, list) = start_import_with_new_list("e2e-import-outlook", "Outlook", &fixture("outlook.csv")).await;
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
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (7, 1, 1, 0, 0), "{s:?}");
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
    let (b, list) = start_import_with_new_list("e2e-import-1252", "Clienti", &fixture("windows-1252-semicolon.csv")).await;
    assert_eq!(format_shown(&b).await, json!(["windows-1252", ";", "\"", true]), "the sniffed format");
    let (headers, rows) = preview_table(&b).await;
    assert!(headers.iter().any(|h| h == "Città"), "{headers:?}");
    assert_eq!(rows.first().and_then(|r| r.first()).map(String::as_str), Some("Niccolò"), "{rows:?}");
    assert_eq!(target_of(&b, 0).await, "first_name", "Nome");
    assert_eq!(target_of(&b, 1).await, "last_name", "Cognome");
    assert_eq!(target_of(&b, 4).await, "mobile", "Cellulare");
    b.screenshot("import-step2-1252-desktop").await;
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (7, 1, 1, 0, 0), "{s:?}");

    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Niccolò", "François", "Lefèvre", "José", "Martínez", "Jürgen", "Müller", "Renée", "Noël", "Giovanni"], &[]);
    assert_eq!(contact_fields(&b, &list, "Noël", &["company"]).await, ["Crème & Brûlée"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn utf16le_file_with_bom_is_read() {
    let (b, list) = start_import_with_new_list("e2e-import-utf16", "Europe", &fixture("utf16le.csv")).await;
    assert_eq!(format_shown(&b).await, json!(["UTF-16LE", "tab", "\"", true]), "the sniffed format");
    let (headers, _) = preview_table(&b).await;
    assert_eq!(headers.first().map(String::as_str), Some("First Name"), "no BOM in the first header: {headers:?}");
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (4, 0, 1, 0, 1), "{s:?}");
    let rows = contact_rows(&b, &list).await;
    assert_names(&rows, &["Björn", "Andersson", "Łukasz", "Kowalski", "Ελένη", "Παπαδοπούλου", "Saoirse", "Ó Briain"], &["Nameless"]);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quoted_line_breaks_stay_inside_one_contact() {
    let (b, list) = start_import_with_new_list("e2e-import-newlines", "Notes", &fixture("quoted-newlines.csv")).await;
    let (_, rows) = preview_table(&b).await;
    let first = rows.first().cloned().unwrap_or_default();
    assert!(first.get(4).is_some_and(|c| c.contains("Via Nazionale 10") && c.contains("Scala B")), "one cell: {first:?}");
    assert_eq!(first.get(5).map(String::as_str), Some("First line\nSecond line, with a comma"), "{first:?}");
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (5, 1, 1, 0, 0), "{s:?}");
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
async fn files_that_cannot_be_imported_are_refused_in_words() {
    let dir = TempDir::new("cm-e2e-import-errors");
    let b = open_fresh_app("e2e-import-errors").await;
    open_import_page(&b).await;
    offer_file(&b, &dir.write("empty.csv", b"")).await;
    let said = b.wait_for_text("#import-error", "empty").await;
    println!("empty file: {said}");

    offer_file(&b, &dir.write("picture.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0")).await;
    let said = b.wait_for_text("#import-error", "PNG").await;
    assert!(said.contains("not a CSV"), "{said}");

    // 61 MB: over the limit (said before anything is read).
    let rows = b"Name,Email\nsomeone,someone@example.com\n".repeat(61 * (1 << 20) / 37 + 1);
    offer_file(&b, &dir.write("huge.csv", &rows)).await;
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
    let b = open_fresh_app("e2e-import-shots").await;
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
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (9, 1, 1, 0, 0), "{s:?}");
    b.screenshot("import-summary-desktop").await;
    b.exec("document.querySelector('#import-history').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-history-desktop").await;
    contact_rows(&b, &list).await;
    b.screenshot("import-contacts-after-desktop").await;

    b.set_window_size(390, 844).await;
    import_from_contacts_page(&b, &list).await;
    b.screenshot("import-step1-phone").await;
    choose_file(&b, &fixture("windows-1252-semicolon.csv")).await;
    b.exec("window.scrollTo(0, 0)").await;
    b.screenshot("import-step2-phone").await;
    let overflow = scrolls_sideways(&b).await;
    b.exec("document.querySelector('select.import-target').scrollIntoView({block: 'center'})").await;
    b.screenshot("import-step2-mapping-phone").await;
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (7, 1, 1, 0, 0), "{s:?}");
    b.screenshot("import-summary-phone").await;
    let overflow_summary = scrolls_sideways(&b).await;
    assert_eq!((overflow, overflow_summary), (false, false), "the import page scrolls sideways at 390px");
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
