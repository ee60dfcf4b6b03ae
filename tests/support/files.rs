//! Files for the CSV import and export tests and the benchmarks: the sample files,
//! generated CSV files in a temporary folder, the browser's downloads, the xlsx
//! report and downloaded CSV files read back.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

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

/// The records of a CSV file (BOM removed) with separator `sep`.
pub fn csv_records(bytes: &[u8], sep: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("the CSV file is not UTF-8: {e}"));
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("a CSV record: {e}")).iter().map(str::to_owned).collect())
        .collect()
}
