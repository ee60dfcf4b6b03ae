//! End-to-end: what the CSV import wizard does with batches, in the built app (dist/)
//! in headless Chromium: duplicates in the file and in the list left out, a big import
//! stopped midway or cut by a reload, the xlsx report, and undo from the history and
//! from the summary. Each test checks the summary's counts and what the contacts page
//! then shows.

use crate::support;

use std::path::Path;
use std::time::Duration;

use support::app::{confirm, input_value, open_fresh_app, wait_for_notice};
use support::call_log::{choose_log, import_log};
use support::contacts::{add_contact, assert_names, contact_rows, contacts_in_list, open_contacts_of, NewContact};
use support::files::{allow_downloads, fixture, generated_csv, wait_for_download, xlsx_rows, TempDir};
use support::import_wizard::{
    choose_file, create_list_in_wizard, history, import_from_contacts_page, offer_file, open_import_page, read_summary, reload_mid_import, set_duplicate_check,
    start_and_wait_progress, start_import_with_new_list, upload, upload_with_duplicate_check, wait_batch_status, Summary,
    EMAIL_AND_PHONE,
};
use support::text::{grouped, numbers_in};
use support::Browser;

/// Imports of the sample files finish in well under this.
const SMALL: Duration = Duration::from_secs(30);
/// Rows of the generated file for stop / interrupt: enough to take a few seconds.
const BIG_ROWS: usize = 300_000;

/// Chooses `path` and checks the list is the one the wizard was opened on, then
/// uploads with the duplicate check on email + phone.
async fn import_file(b: &Browser, path: &Path, list: &str) -> Summary {
    choose_file(b, path).await;
    assert_eq!(input_value(b, "#import-list").await, list, "the list is preselected");
    upload_with_duplicate_check(b, EMAIL_AND_PHONE, SMALL).await
}

/// A fresh app (database named from `db`) importing a generated file of `BIG_ROWS`
/// rows (from `seed`) into a new list `list` with the duplicate check on email +
/// phone, until the progress bar passes `at_least`; returns the folder holding the
/// file, the browser, the list's id and the share of the file read.
async fn start_a_big_import(db: &str, list: &str, seed: u64, at_least: f64) -> (TempDir, Browser, String, f64) {
    let dir = TempDir::new(&format!("cm-{db}"));
    let path = dir.write("big.csv", &generated_csv(BIG_ROWS, seed));
    let (b, list) = start_import_with_new_list(db, list, &path).await;
    set_duplicate_check(&b, EMAIL_AND_PHONE).await;
    let at = start_and_wait_progress(&b, at_least).await;
    (dir, b, list, at)
}

/// Waits until the notice says `n` contacts were removed; returns its text.
async fn wait_removed(b: &Browser, n: u64) -> String {
    let said = wait_for_notice(b, "removed").await;
    assert!(numbers_in(&said).contains(&n), "the notice should say {n} contacts were removed: {said:?}");
    said
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicates_in_the_file_and_in_the_list_are_left_out() {
    let file = fixture("google-contacts.csv");
    let (b, list) = start_import_with_new_list("e2e-import-dupes", "Leads", &file).await;
    // Marco is already in the list (typed in, email and phone written another way).
    open_contacts_of(&b, &list).await;
    let marco = [("first_name", "Marco"), ("email", "Marco.Bianchi@example.it"), ("phone", "0039 347 7654321")];
    add_contact(&b, NewContact::with(&marco)).await;
    assert_eq!(contacts_in_list(&b, &list).await, 1);

    // The file, then the same file again ("#import-again"): every valid row is in the list by then.
    import_from_contacts_page(&b, &list).await;
    let (first, s) = upload_twice(&b, &file, &list).await;
    assert_eq!(first.counts(), (8, 1, 1, 1, 0), "Anna twice in the file, Marco already in the list: {first:?}");
    // Paolo has no valid phone, and a row with an empty check field duplicates nothing:
    // he goes in again.
    assert_eq!(s.counts(), (1, 1, 0, 9, 0), "{s:?}");
    assert!(s.status.contains("Finished"), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 10);
    let rows = contact_rows(&b, &list).await;
    assert_eq!(rows.iter().filter(|r| r.contains("Marco")).count(), 1, "one Marco: {rows:?}");

    // Without a duplicate check every valid row goes in.
    import_from_contacts_page(&b, &list).await;
    choose_file(&b, &file).await;
    set_duplicate_check(&b, &[]).await;
    let s = upload(&b, SMALL).await;
    assert_eq!(s.counts(), (10, 1, 0, 0, 0), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 20);
    b.close().await;
}

/// Imports `file` into `list`, then starts over with "#import-again" and imports it
/// again; returns both summaries.
async fn upload_twice(b: &Browser, file: &Path, list: &str) -> (Summary, Summary) {
    let first = import_file(b, file, list).await;
    assert!(first.status.contains("Finished"), "{first:?}");
    b.click("#import-again").await;
    b.wait_for("#import-file").await;
    choose_file(b, file).await;
    b.select("#import-list", list).await;
    (first, upload_with_duplicate_check(b, EMAIL_AND_PHONE, SMALL).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_import_stops_midway() {
    let (_dir, b, list, at) = start_a_big_import("e2e-import-stop", "Big", 7, 0.05).await;
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
    let (b, _list) = start_import_with_new_list("e2e-import-report", "Report", &fixture("google-contacts.csv")).await;
    allow_downloads(&b, dir.path()).await;
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (9, 1, 1, 0, 0), "{s:?}");
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

/// The Import page's two tabs run at once: a call log imported while a big contacts
/// import runs (both in the one engine worker) ends with its rows counted, and the
/// contacts import goes on to its end, every row counted, neither stopped by the other.
#[tokio::test(flavor = "multi_thread")]
async fn a_call_log_imports_while_a_contacts_import_runs() {
    let (dir, b, list, at) = start_a_big_import("e2e-import-both", "Both", 11, 0.02).await;
    let log = "Data;Ora;Numero;Durata\r\n05/03/2024;09:15;+39 333 123 4567;00:02:05\r\n05/03/2024;10:02;+39 320 000 0000;0:00:30\r\n";
    let file = dir.write("chiamate.csv", log.as_bytes());
    b.click("#import-tab-calls").await;
    choose_log(&b, &file).await;
    let calls = import_log(&b, Duration::from_secs(60)).await;
    assert_eq!(calls.rows, 2, "{calls:?}");
    assert_eq!(calls.logged + calls.unmatched + calls.ambiguous + calls.invalid, 2, "{calls:?}");
    b.click("#import-tab-contacts").await;
    let still_running = b.count("#import-progress").await > 0;
    let s = read_summary(&b, Duration::from_secs(120)).await;
    println!("the contacts import was at {:.0}% when the call log started; still running after it: {still_running}", at * 100.0);
    assert!(s.status.contains("Finished"), "{s:?}");
    let rows_read = s.imported + s.duplicates_in_file + s.duplicates_existing + s.failed;
    assert_eq!(rows_read, BIG_ROWS as u64, "every row counted: {s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, s.imported, "the list holds what the summary counts");
    b.close().await;
}

/// The import engine, a worker with a wasm of its own, is started when the import
/// page opens and used from the first file chosen: one that cannot load says so in
/// words, and the next try loads it (and the whole import, its check and its report
/// run through it).
#[tokio::test(flavor = "multi_thread")]
async fn an_import_engine_that_cannot_load_says_so_and_the_next_try_works() {
    let dir = TempDir::new("cm-e2e-import-engine");
    let file = fixture("google-contacts.csv");
    let b = open_fresh_app("e2e-import-engine").await;
    let real = b
        .exec(
            "const link = document.querySelector('link[rel=cm-engine]');
             const real = link.href; link.href = real.replace(/engine-loader-/, 'engine-loader-gone-'); return real;",
        )
        .await;
    open_import_page(&b).await;
    offer_file(&b, &file).await;
    let message = b.wait_for_text("#import-error", "import engine could not be loaded").await;
    assert!(message.contains("offline"), "{message}");
    assert_eq!(b.count("#import-preview").await, 0, "no preview without the engine");

    b.exec(&format!("document.querySelector('link[rel=cm-engine]').href = {real}; return true;")).await;
    choose_file(&b, &file).await;
    create_list_in_wizard(&b, "Engine").await;
    allow_downloads(&b, dir.path()).await;
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (9, 1, 1, 0, 0), "{s:?}");
    b.click("#import-download-report").await;
    let report = dir.path().join("google-contacts-import-report.xlsx");
    wait_for_download(&report, Duration::from_secs(20)).await;
    assert_eq!(xlsx_rows(&report, "Duplicates").len(), 2, "the header and the one duplicate");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn undo_takes_an_import_back_out() {
    let file = fixture("outlook.csv");
    let (b, list) = start_import_with_new_list("e2e-import-undo", "Undo", &file).await;
    open_contacts_of(&b, &list).await;
    add_contact(&b, NewContact::with(&[("first_name", "Kept")])).await;
    assert_eq!(contacts_in_list(&b, &list).await, 1, "Kept alone before the import");
    import_from_contacts_page(&b, &list).await;
    let s = import_file(&b, &file, &list).await;
    assert_eq!(s.counts(), (7, 1, 1, 0, 0), "{s:?}");
    assert_eq!(contacts_in_list(&b, &list).await, 8);
    import_from_contacts_page(&b, &list).await;
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
    wait_batch_status(&b, &row, undone, Duration::from_secs(10)).await;
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
    let (b, list) = start_import_with_new_list("e2e-import-undo-summary", "Undo here", &fixture("utf16le.csv")).await;
    let s = upload_with_duplicate_check(&b, EMAIL_AND_PHONE, SMALL).await;
    assert_eq!(s.counts(), (4, 0, 1, 0, 1), "{s:?}");
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
    let (_dir, b, list, at) = start_a_big_import("e2e-import-interrupt", "Big list", 11, 0.1).await;
    reload_mid_import(&b).await;
    println!("reloaded at {:.0}% of the file", at * 100.0);
    // At start-up the app says an import was cut short, and what it kept.
    let notice = wait_for_notice(&b, "interrupted").await;

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
    wait_batch_status(&b, &row, &undone, Duration::from_secs(30)).await;
    b.wait_for(&format!("{row} .batch-undo[disabled]")).await;
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.reload().await;
    assert_eq!(contacts_in_list(&b, &list).await, 0);
    b.close().await;
}
