//! The CSV import wizard: choosing a file, its list, the mapping and the duplicate
//! check, Upload and the summary, the import history, and a big import's progress.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::app::{navigate, open_fresh_app};
use super::text::digits;
use super::Browser;

/// The counts of the summary step, and its status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub imported: u64,
    /// Of the imported, rows with warnings (values left out).
    pub warned: u64,
    pub duplicates_in_file: u64,
    pub duplicates_existing: u64,
    pub failed: u64,
    pub status: String,
}

impl Summary {
    /// (imported, of those with warnings, duplicates in the file, duplicates in the list, failed).
    pub fn counts(&self) -> (u64, u64, u64, u64, u64) {
        (self.imported, self.warned, self.duplicates_in_file, self.duplicates_existing, self.failed)
    }
}

/// Opens the import page through the navigation.
pub async fn open_import_page(b: &Browser) {
    navigate(b, "#/import").await;
    b.wait_for("#import-file").await;
}

/// A fresh app (database named from `prefix`) on the import page with `file` chosen
/// and a new list `list` made in the wizard (so it is the target); returns the browser
/// and the list's id.
pub async fn start_import_with_new_list(prefix: &str, list: &str, file: &Path) -> (Browser, String) {
    let b = open_fresh_app(prefix).await;
    open_import_page(&b).await;
    choose_file(&b, file).await;
    let id = create_list_in_wizard(&b, list).await;
    (b, id)
}

/// From the contacts page of `list`: "Import contacts" opens the wizard on that list.
pub async fn import_from_contacts_page(b: &Browser, list: &str) {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    b.click("#import-contacts").await;
    b.poll(&format!("return location.hash === '#/import?list={list}'"), Duration::from_secs(10), "#/import?list=").await;
    start_over(b).await;
}

/// On the import page: "Import again" if a summary is shown, then waits for the file input.
pub async fn start_over(b: &Browser) {
    if b.count("#import-again").await > 0 {
        b.click("#import-again").await;
    }
    b.wait_for("#import-file").await;
}

/// On the import page, before a file is chosen: a new list through the wizard's own
/// "create a list" (it is selected); returns its id.
pub async fn create_list_in_wizard(b: &Browser, name: &str) -> String {
    b.fill("#import-new-list-name", name).await;
    b.click("#import-create-list").await;
    let script = format!(
        "const s = document.querySelector('#import-list');
         const o = s && s.selectedOptions[0];
         return o && o.value && o.textContent.includes({name:?}) ? o.value : null;"
    );
    let id = b.poll(&script, Duration::from_secs(10), &format!("the new list {name} selected in #import-list")).await;
    id.as_str().unwrap_or_else(|| panic!("the new list's id is not text: {id}")).to_string()
}

/// Chooses `path` in the file input and waits for the preview (step 2).
pub async fn choose_file(b: &Browser, path: &Path) {
    offer_file(b, path).await;
    b.poll("return !!document.querySelector('#import-preview tbody tr')", Duration::from_secs(30), "the preview table").await;
}

/// Chooses `path` in the file input and waits for nothing (the file may be refused).
pub async fn offer_file(b: &Browser, path: &Path) {
    let input = b.wait_for("#import-file").await;
    input.send_keys(&path.display().to_string()).await.unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

/// The duplicate-check boxes the wizard always offers (the list's custom fields add more).
pub const DEDUPE_OFFERED: [&str; 5] = ["email", "phone", "mobile", "first_name", "last_name"];

/// The duplicate check most tests import with.
pub const EMAIL_AND_PHONE: &[&str] = &["email", "phone"];

/// Ticks exactly the duplicate-check boxes in `fields` ("email", "phone", ...). Waits
/// for the boxes, and fails unless every box the wizard always offers is there (so
/// "none ticked" cannot pass with no boxes at all).
pub async fn set_duplicate_check(b: &Browser, fields: &[&str]) {
    b.poll(
        "return document.querySelectorAll('input.import-dedupe').length > 0",
        Duration::from_secs(10),
        "the duplicate check boxes (input.import-dedupe)",
    )
    .await;
    let script = format!(
        "const want = {};
         const boxes = [...document.querySelectorAll('input.import-dedupe')];
         for (const el of boxes) if (el.checked !== want.includes(el.value)) el.click();
         return [boxes.map(el => el.value), boxes.filter(el => el.checked).map(el => el.value)];",
        json!(fields)
    );
    let v = b.exec(&script).await;
    let (offered, mut ticked): (Vec<String>, Vec<String>) =
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the duplicate check boxes: {e}: {v}"));
    for f in DEDUPE_OFFERED.iter().chain(fields) {
        assert!(offered.iter().any(|o| o == f), "no duplicate check box {f:?}; the boxes: {offered:?}");
    }
    ticked.sort();
    let mut want: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    want.sort();
    assert_eq!(ticked, want, "the duplicate check boxes ticked (of {offered:?})");
}

/// The target chosen for CSV column `column` (0-based).
pub async fn target_of(b: &Browser, column: usize) -> String {
    let css = format!("select.import-target[data-column='{column}']");
    b.wait_for(&css).await;
    let v = b.exec(&format!("return document.querySelector({css:?}).value")).await;
    v.as_str().unwrap_or_else(|| panic!("`{css}` has no text value: {v}")).to_string()
}

/// The selected value of each of the wizard's format pickers: encoding, delimiter,
/// quote, has a header.
pub async fn format_shown(b: &Browser) -> Value {
    b.exec(
        "const v = s => { const el = document.querySelector(s); return el ? (el.type === 'checkbox' ? el.checked : el.value) : null; };
         return [v('#import-encoding'), v('#import-delimiter'), v('#import-quote'), v('#import-has-header')];",
    )
    .await
}

/// The preview table: its header cells and the cells of its rows.
pub async fn preview_table(b: &Browser) -> (Vec<String>, Vec<Vec<String>>) {
    let v = b
        .exec(
            "const t = document.querySelector('#import-preview');
             return [[...t.querySelectorAll('thead th')].map(c => c.textContent),
                     [...t.querySelectorAll('tbody tr')].map(r => [...r.querySelectorAll('td')].map(c => c.textContent))];",
        )
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the preview table (#import-preview): {e}: {v}"))
}

/// The counts and status of the summary step (waits up to `limit` for it).
pub async fn read_summary(b: &Browser, limit: Duration) -> Summary {
    let script = "const s = document.querySelector('#import-summary');
         const st = document.querySelector('#import-status');
         if (!s || !st) return null;
         const n = k => { const el = s.querySelector(`[data-count='${k}']`); return el ? el.textContent : null; };
         return { imported: n('imported'), warned: n('warned'), file: n('duplicates-in-file'), existing: n('duplicates-existing'),
                  failed: n('failed'), status: st.textContent };";
    let v = b.poll(script, limit, "the import summary (#import-summary, #import-status)").await;
    let count = |k: &str| {
        let text = v[k].as_str().unwrap_or_else(|| panic!("no [data-count] for {k} in #import-summary: {v}"));
        digits(text).unwrap_or_else(|| panic!("no number in the {k} count {text:?}"))
    };
    Summary {
        imported: count("imported"),
        warned: count("warned"),
        duplicates_in_file: count("file"),
        duplicates_existing: count("existing"),
        failed: count("failed"),
        status: v["status"].as_str().unwrap_or_else(|| panic!("no #import-status text: {v}")).to_string(),
    }
}

/// Clicks Upload, once the check before it has answered for the current choices (it
/// is asked of the import engine, and its answer changes the page's height under the
/// button), and waits for the summary.
pub async fn upload(b: &Browser, limit: Duration) -> Summary {
    b.poll(
        "const c = document.querySelector('#import-check'); return !!c && !c.textContent.includes('Checking the first rows');",
        Duration::from_secs(30),
        "the check before Upload to answer",
    )
    .await;
    b.click("#import-start").await;
    read_summary(b, limit).await
}

/// Ticks exactly the duplicate-check boxes `fields`, clicks Upload and waits for the summary.
pub async fn upload_with_duplicate_check(b: &Browser, fields: &[&str], limit: Duration) -> Summary {
    set_duplicate_check(b, fields).await;
    upload(b, limit).await
}

/// The history rows of the import page: (batch id, status, whole row text).
pub async fn history(b: &Browser) -> Vec<(String, String, String)> {
    b.wait_for("#import-history").await;
    let v = b
        .exec(
            "return [...document.querySelectorAll('#import-history tr[data-batch]')].map(r =>
               [r.dataset.batch, (r.querySelector('.batch-status') || {textContent: ''}).textContent.trim(), r.innerText]);",
        )
        .await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the import history rows: {e}: {v}"))
}

/// Waits until the status of history row `row` (a CSS selector) reads exactly `want`.
pub async fn wait_batch_status(b: &Browser, row: &str, want: &str, limit: Duration) {
    let script = format!(
        "const s = document.querySelector(\"{row} .batch-status\"); return !!s && s.textContent.trim() === {want:?}"
    );
    b.poll(&script, limit, &format!("the history row to say {want:?}")).await;
}

/// Clicks Upload and waits until the progress bar has moved past `at_least` of the
/// file (but the import still runs); returns that share.
pub async fn start_and_wait_progress(b: &Browser, at_least: f64) -> f64 {
    b.click("#import-start").await;
    let script = format!(
        "const p = document.querySelector('#import-progress');
         if (document.querySelector('#import-summary')) return 'finished before it could be stopped';
         return p && p.max > 0 && p.value / p.max >= {at_least} ? p.value / p.max : null;"
    );
    let v = b.poll(&script, Duration::from_secs(120), "the progress bar to move").await;
    v.as_f64().unwrap_or_else(|| panic!("the import {v}: use more rows"))
}

/// Reloads mid-import like a user would (F5); a "leave the page?" prompt, if the app
/// asks, is accepted.
pub async fn reload_mid_import(b: &Browser) {
    b.exec("window.__beforeReload = true; setTimeout(() => location.reload(), 0)").await;
    let ready = "return !window.__beforeReload && document.readyState === 'complete' && !!document.querySelector('#app-ready')";
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(text) = b.client.get_alert_text().await {
            println!("the page asked before leaving: {text:?}");
            let _ = b.client.accept_alert().await;
        } else if b.client.execute(ready, vec![]).await.ok() == Some(json!(true)) {
            return;
        }
        assert!(Instant::now() < deadline, "the app did not load again after the reload");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
