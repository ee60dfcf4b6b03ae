//! The JavaScript baseline (`baseline/baseline.js`, PapaParse from target/npm): the
//! same rows parsed, stored one IndexedDB record per contact with three indexes, and
//! read back with getAll in a later page load. Mount `mounts()` on the bench's server.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use crate::support::{poll_json, repo_path, Browser};

/// The server mounts the baseline needs: its page, and PapaParse.
pub fn mounts() -> Vec<(String, PathBuf)> {
    let papaparse = repo_path("target/npm/node_modules/papaparse");
    assert!(papaparse.join("papaparse.min.js").is_file(), "PapaParse is missing from target/npm: run bash .ci/setup");
    vec![("/baseline/".into(), repo_path("tests/bench_steps/baseline")), ("/npm/papaparse/".into(), papaparse)]
}

/// Fetches the CSV at `csv_path` (on the same server), parses and stores it into
/// database `db`: rows, parse and store times.
pub async fn store(browser: &Browser, csv_path: &str, db: &str) -> Value {
    browser.client.goto(&browser.url(&format!("/baseline/?store={csv_path}&db={db}"))).await.expect("open the baseline page");
    let result = poll_json(browser, "bench-result", Duration::from_secs(900)).await;
    assert!(result["error"].is_null() && result["rows"].as_u64().is_some_and(|r| r > 0), "the baseline stored nothing: {result}");
    result
}

/// A page load that opens `db` and reads every record: time from navigation start.
pub async fn read(browser: &Browser, db: &str) -> Value {
    browser.client.goto(&browser.url(&format!("/baseline/?read={db}"))).await.expect("open the baseline page");
    let result = poll_json(browser, "bench-result", Duration::from_secs(300)).await;
    assert!(result["error"].is_null(), "the baseline read failed: {result}");
    result
}
