//! Files for the CSV import tests and benchmark: the sample files, generated CSV
//! files in a temporary folder, the browser's downloads and the xlsx report read
//! back; and the steps of the import wizard that take a file and give a summary.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{repo_path, unique_suffix, Browser};

/// A sample file of tests/fixtures/import (or `$IMPORT_FIXTURES`, a folder holding them).
pub fn fixture(name: &str) -> PathBuf {
    let dir = std::env::var_os("IMPORT_FIXTURES").map(PathBuf::from).unwrap_or_else(|| repo_path("tests/fixtures/import"));
    let path = dir.join(name);
    assert!(path.is_file(), "the sample file {} is missing", path.display());
    path
}

/// A folder of its own under the system's temp folder, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("{prefix}-{}", unique_suffix()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `bytes` to `name` in this folder; returns the absolute path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The domain's generated Outlook-style export (`sample::generate_csv`): per hundred
/// rows five duplicates (email + phone) and one invalid row; about one row in ten has
/// a tag from `CSV_TAGS`.
pub fn generated_csv(rows: usize, seed: u64) -> Vec<u8> {
    contacts_manager::domain::sample::generate_csv(rows, seed)
}

/// The tag names the generated file uses (they must exist, or its rows fail).
pub fn generated_csv_tags() -> Vec<&'static str> {
    contacts_manager::domain::sample::CSV_TAGS.to_vec()
}

/// The most rows of `generated_csv` that fit in `max_bytes` (up to `rows`), sized
/// from a sample of the same generator.
pub fn generated_rows_within(rows: usize, max_bytes: usize, seed: u64) -> usize {
    let sample_rows = 20_000;
    let per_row = generated_csv(sample_rows, seed).len() as f64 / sample_rows as f64;
    // 1% slack: rows further on have longer row numbers in their emails.
    rows.min((max_bytes as f64 / per_row * 0.99) as usize)
}

/// Lets Chromium save downloads into `dir` without asking.
pub async fn allow_downloads(b: &Browser, dir: &Path) {
    b.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": dir.display().to_string() })).await;
}

/// Waits until `path` is downloaded completely (no .crdownload beside it, size steady).
pub async fn wait_for_download(path: &Path, limit: Duration) -> Vec<u8> {
    let deadline = Instant::now() + limit;
    let partial = PathBuf::from(format!("{}.crdownload", path.display()));
    let mut last_len = None;
    loop {
        let len = std::fs::metadata(path).ok().map(|m| m.len());
        if len.is_some() && len == last_len && !partial.exists() {
            return std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        }
        last_len = len;
        if Instant::now() > deadline {
            let seen: Vec<String> = path
                .parent()
                .and_then(|d| std::fs::read_dir(d).ok())
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            panic!("no complete download {} within {limit:?}; the folder holds {seen:?}", path.display());
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Every row of the sheet `sheet` of the xlsx workbook at `path`, each cell as text
/// (whole numbers without ".0", empty cells as "").
pub fn xlsx_rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap_or_else(|e| panic!("open {} as xlsx: {e}", path.display()));
    let names = workbook.sheet_names();
    let range = workbook
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("sheet {sheet:?} of {} (sheets: {names:?}): {e}", path.display()));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The digits of a text as a number ("12,345 rows" -> 12345); None without digits.
pub fn digits(text: &str) -> Option<u64> {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    d.parse().ok()
}

/// Polls `script` (a function body that returns a value) until it returns something
/// other than null or false, for up to `limit`; returns that. On timeout panics with
/// `what` and the page's text.
pub async fn poll(b: &Browser, script: &str, limit: Duration, what: &str) -> Value {
    let deadline = Instant::now() + limit;
    loop {
        let v = b.client.execute(script, vec![]).await.unwrap_or(Value::Null);
        if !v.is_null() && v != Value::Bool(false) {
            return v;
        }
        if Instant::now() > deadline {
            let shot = b.screenshot(&format!("failure-{}", unique_suffix())).await;
            let text = b.exec("return document.body ? document.body.innerText : ''").await;
            let text: String = text.as_str().unwrap_or_default().chars().take(800).collect();
            panic!("timed out after {limit:?} waiting for {what}\n  screenshot: {}\n  page text: {text:?}", shot.display());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// ---- The import wizard -------------------------------------------------------------

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

/// Opens the import page through the navigation.
pub async fn open_import_page(b: &Browser) {
    b.click(".nav a[href='#/import']").await;
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
    let id = poll(b, &script, Duration::from_secs(10), &format!("the new list {name} selected in #import-list")).await;
    id.as_str().unwrap_or_else(|| panic!("the new list's id is not text: {id}")).to_string()
}

/// Chooses `path` in the file input and waits for the preview (step 2).
pub async fn choose_file(b: &Browser, path: &Path) {
    let input = b.wait_for("#import-file").await;
    input.send_keys(&path.display().to_string()).await.unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
    poll(b, "return !!document.querySelector('#import-preview tbody tr')", Duration::from_secs(30), "the preview table").await;
}

/// The duplicate-check boxes the wizard always offers (the list's custom fields add more).
pub const DEDUPE_OFFERED: [&str; 5] = ["email", "phone", "mobile", "first_name", "last_name"];

/// Ticks exactly the duplicate-check boxes in `fields` ("email", "phone", ...). Waits
/// for the boxes, and fails unless every box the wizard always offers is there (so
/// "none ticked" cannot pass with no boxes at all).
pub async fn set_duplicate_check(b: &Browser, fields: &[&str]) {
    poll(
        b,
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

/// The counts and status of the summary step (waits up to `limit` for it).
pub async fn read_summary(b: &Browser, limit: Duration) -> Summary {
    let script = "const s = document.querySelector('#import-summary');
         const st = document.querySelector('#import-status');
         if (!s || !st) return null;
         const n = k => { const el = s.querySelector(`[data-count='${k}']`); return el ? el.textContent : null; };
         return { imported: n('imported'), warned: n('warned'), file: n('duplicates-in-file'), existing: n('duplicates-existing'),
                  failed: n('failed'), status: st.textContent };";
    let v = poll(b, script, limit, "the import summary (#import-summary, #import-status)").await;
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

/// Clicks Upload and waits for the summary.
pub async fn upload(b: &Browser, limit: Duration) -> Summary {
    b.click("#import-start").await;
    read_summary(b, limit).await
}

/// How many contacts the contacts page counts in `list`: the line under its heading,
/// which the app words "1 contact" / "12,345 contacts" (and "0 contacts" for an empty
/// list). Waits until the page shows that list (its filter names it); panics on any
/// other wording, so a heading without its number can never read as 0. At 0 the
/// page's empty state must show too.
pub async fn contacts_in_list(b: &Browser, list: &str) -> u64 {
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    let script = format!(
        "const f = document.querySelector('#list-filter');
         const sub = document.querySelector('.page-head .page-sub');
         return f && f.value === {list:?} && document.querySelector('#add-contact') && sub ? sub.textContent : null;"
    );
    let v = poll(b, &script, Duration::from_secs(10), &format!("the contacts page of list {list} with its count")).await;
    let text = v.as_str().unwrap_or_else(|| panic!("the contacts count is not text: {v}"));
    let n = contact_count(text).unwrap_or_else(|| panic!("the contacts page of list {list} does not say how many: {text:?}"));
    if n == 0 {
        b.wait_for_text("#no-contacts", "no contacts").await;
    }
    n
}

/// "1 contact" -> 1, "12,345 contacts" -> 12345, "0 contacts" -> 0; anything else None.
pub fn contact_count(text: &str) -> Option<u64> {
    let text = text.trim();
    let number = text.strip_suffix(" contacts").or_else(|| text.strip_suffix(" contact").filter(|n| *n == "1"))?;
    let grouped_ok = number.split(',').enumerate().all(|(i, g)| {
        !g.is_empty() && g.len() <= 3 && (i == 0 || g.len() == 3) && g.chars().all(|c| c.is_ascii_digit())
    });
    if !grouped_ok {
        return None;
    }
    number.replace(',', "").parse().ok()
}
