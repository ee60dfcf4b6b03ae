#![cfg(not(target_arch = "wasm32"))]
//! The benchmark report (issue 16): after `tests/bench.rs` and `tests/bench_import.rs`
//! ran (`bash .ci/bench` runs all three), one table of every figure beside its budget,
//! with the JavaScript baseline and the ratio of ours to it, printed and written to
//! target/bench-report.json. Never fails on time; fails when a benchmark left no result.

mod support;
// Only their table rows are used here.
#[allow(dead_code)]
#[path = "bench_steps/delete.rs"]
mod delete;
#[allow(dead_code)]
#[path = "bench_steps/duplicates.rs"]
mod duplicates;
#[path = "bench_steps/report.rs"]
mod report;

use serde_json::{json, Value};
use support::repo_path;

fn result(file: &str) -> Value {
    let path = repo_path(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{} is missing ({e}): run bash .ci/bench", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

#[test]
#[ignore = "benchmark report: run with bash .ci/bench"]
fn bench_report() {
    let (main, import) = (result("target/bench-result.json"), result("target/bench-import-result.json"));
    let mut rows = report::main_rows(&main);
    rows.extend(report::import_rows(&import));
    println!("\nBenchmark report: {} contacts, headless Chromium, this machine ({} cores)", main["n"], std::thread::available_parallelism().map_or(0, |n| n.get()));
    report::print(&rows);
    let over: Vec<&str> = rows.iter().filter(|r| r.3 == "OVER").map(|r| r.0.trim()).collect();
    println!("over budget: {}", if over.is_empty() { "none".to_owned() } else { over.join("; ") });
    let out = repo_path("target/bench-report.json");
    let json = json!({ "rows": report::to_json(&rows), "over_budget": over, "bench": main, "import": import });
    std::fs::write(&out, serde_json::to_string_pretty(&json).unwrap_or_default()).unwrap_or_else(|e| panic!("write {}: {e}", out.display()));
    println!("bench report: {}", out.display());
}
