//! Host-side end-to-end support: a static server for dist/, chromedriver, and a
//! headless Chromium session with waits and helpers (`Browser`); on top of it, page
//! objects that do what a user does on one part of the app (`app`, `lists`,
//! `contacts`, `custom_fields`, `tags`, `agents`, `import_wizard`). Every test launches
//! its own browser on a fresh profile and its own database name
//! (`app::open_fresh_app`). Files using this start with
//! `#![cfg(not(target_arch = "wasm32"))]`.
#![allow(dead_code, unused_imports)]

pub mod a11y;
pub mod agents;
pub mod app;
pub mod call_log;
mod browser;
pub mod contacts;
pub mod copy;
pub mod custom_fields;
pub mod delete;
mod driver;
pub mod duplicates;
pub mod files;
pub mod import_wizard;
pub mod journey;
pub mod lists;
pub mod memory;
pub mod merge;
mod server;
pub mod tags;
pub mod text;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};

pub use browser::{Browser, Launch, WAIT};
pub use fantoccini::elements::Element;
pub use fantoccini::Locator;
pub use server::StaticServer;

/// A path inside the repository.
pub fn repo_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The built app: dist/, or `$E2E_DIST` (to try the harness on another folder).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("E2E_DIST").map(PathBuf::from).unwrap_or_else(|| repo_path("dist"))
}

/// A database name no other call (in this or another process) returns.
pub fn fresh_db_name(prefix: &str) -> String {
    format!("{prefix}-{}", unique_suffix())
}

fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{}-{nanos}-{n}", std::process::id())
}

/// Polls a page that reports one JSON result in `#id` (with `data-done` set), printing
/// what its `#bench-status` says meanwhile; fails after `limit`.
pub async fn poll_json(browser: &Browser, id: &str, limit: Duration) -> Value {
    let script = format!(
        "const el = document.getElementById('{id}');
         return el && el.dataset.done ? el.textContent : (document.getElementById('bench-status') || {{}}).textContent || null;"
    );
    let deadline = Instant::now() + limit;
    let mut last = String::new();
    loop {
        let v = browser.client.execute(&script, vec![]).await.unwrap_or(Value::Null);
        if let Some(text) = v.as_str() {
            if let Ok(json) = serde_json::from_str::<Value>(text) {
                return json;
            }
            if text != last {
                println!("bench: page says: {text}");
                last = text.to_string();
            }
        }
        assert!(Instant::now() < deadline, "bench page gave no result within {limit:?} (last: {last})");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
