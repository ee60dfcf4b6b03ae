//! Page object: importing a call log (the "Call log" tab of the Import page): the
//! file, the proposed columns, the run and its summary, the report.

use std::path::Path;
use std::time::Duration;

use super::app::navigate;
use super::text::digits;
use super::Browser;

/// The counts of the summary step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSummary {
    pub rows: u64,
    pub logged: u64,
    pub unmatched: u64,
    pub ambiguous: u64,
    pub invalid: u64,
}

/// Import page → "Call log" tab: the file input is there.
pub async fn open_call_log_tab(b: &Browser) {
    navigate(b, "#/import").await;
    b.click("#import-tab-calls").await;
    b.wait_for("#call-log-file").await;
}

/// Chooses `path` and waits for the column mapping.
pub async fn choose_log(b: &Browser, path: &Path) {
    let input = b.wait_for("#call-log-file").await;
    input.send_keys(&path.display().to_string()).await.unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
    b.poll("return document.querySelectorAll('select.call-log-target').length > 0", Duration::from_secs(30), "the call log mapping").await;
}

/// What each column is proposed to hold (the select values, in column order).
pub async fn proposed_columns(b: &Browser) -> Vec<String> {
    let v = b.exec("return [...document.querySelectorAll('select.call-log-target')].map(s => s.value)").await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the call log mapping: {e}: {v}"))
}

/// Clicks "Import the log" and waits for the summary's counts.
pub async fn import_log(b: &Browser, limit: Duration) -> CallSummary {
    b.click("#call-log-start").await;
    let script = "const s = document.querySelector('#call-log-summary');
         if (!s) return null;
         const n = k => { const el = s.querySelector(`[data-count='${k}']`); return el ? el.textContent : null; };
         return { rows: n('rows'), logged: n('logged'), unmatched: n('unmatched'), ambiguous: n('ambiguous'), invalid: n('invalid') };";
    let v = b.poll(script, limit, "the call log summary (#call-log-summary)").await;
    let count = |k: &str| {
        let text = v[k].as_str().unwrap_or_else(|| panic!("no [data-count] for {k} in #call-log-summary: {v}"));
        digits(text).unwrap_or_else(|| panic!("no number in the {k} count {text:?}"))
    };
    CallSummary { rows: count("rows"), logged: count("logged"), unmatched: count("unmatched"), ambiguous: count("ambiguous"), invalid: count("invalid") }
}

/// Clicks the report download (the caller allowed downloads into a folder).
pub async fn download_report(b: &Browser) {
    b.click("#call-log-download-report").await;
}
