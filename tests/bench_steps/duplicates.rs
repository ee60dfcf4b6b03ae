//! Step 8 of the benchmark (issue 13): find duplicates over every contact of the
//! benchmark database in the bench page (`src/bin/bench/duplicates.rs`: the domain's
//! finder in slices, each its own task), with planted copies that must each be found
//! with their original. Also the page runner and long-task reading step 9 shares.

use std::time::Duration;

use serde_json::{json, Value};

pub use crate::report::Row;
use crate::support::Browser;

/// Opens the bench page with `query` (after `db=`), waits for its result, and adds
/// `longest_long_task_ms` for each `[start, end]` window the result names (`windows`:
/// result key -> figure key): the longest task over 50 ms Chromium reported overlapping
/// it, 0 when none was.
pub async fn run_page(browser: &Browser, db: &str, query: &str, windows: &[(&str, &str)]) -> Value {
    browser.client.goto(&browser.url(&format!("/bench/?db={db}&{query}"))).await.expect("open the bench page");
    let mut result = crate::support::poll_json(browser, "bench-result", Duration::from_secs(900)).await;
    assert!(result.get("error").is_none(), "the bench page ({query}) failed: {result}");
    let tasks = long_tasks(browser).await;
    for (window, figure) in windows {
        result[*figure] = longest_within(&tasks, &result[*window]);
    }
    result
}

/// Every long task (over 50 ms) of the page so far, as [start, duration]: Chromium
/// buffers them for an observer that asks for `buffered`. Null where unsupported.
async fn long_tasks(browser: &Browser) -> Value {
    let script = "if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) { done(null); return; }
         const all = [];
         const observer = new PerformanceObserver(l => l.getEntries().forEach(e => all.push([e.startTime, e.duration])));
         observer.observe({ type: 'longtask', buffered: true });
         setTimeout(() => { observer.disconnect(); done(all); }, 300);";
    browser.exec_async(script).await
}

fn longest_within(tasks: &Value, window: &Value) -> Value {
    let (Some(tasks), Some(start), Some(end)) = (tasks.as_array(), window[0].as_f64(), window[1].as_f64()) else { return Value::Null };
    let overlapping = tasks.iter().filter_map(|t| Some((t[0].as_f64()?, t[1].as_f64()?))).filter(|(s, d)| *s < end && s + d > start);
    json!(overlapping.map(|(_, d)| d).fold(0.0, f64::max))
}

/// Step 8: the search over the `n` stored contacts (plus the page's planted copies).
pub async fn find_duplicates(browser: &Browser, db: &str, n: usize) -> Value {
    let v = run_page(browser, db, "duplicates=1", &[("window", "longest_long_task_ms")]).await;
    let planted = v["planted"].as_u64().unwrap_or_default();
    assert_eq!(v["stored"].as_u64(), Some(n as u64), "the finder's workspace holds the {n} stored contacts: {v}");
    assert_eq!(v["contacts"].as_u64(), Some(n as u64 + planted), "the finder looked at every contact and planted copy: {v}");
    assert!(planted > 0 && v["planted_found"].as_u64() == Some(planted), "every planted copy is grouped with its original: {v}");
    v
}

/// The figures "long task" rows show: the longest over 50 ms, or none.
pub fn long_task(v: &Value) -> String {
    match v.as_f64() {
        Some(ms) if ms > 0.0 => format!("{ms:.0} ms"),
        Some(_) => "none > 50 ms".into(),
        None => "n/a".into(),
    }
}

pub fn rows(v: &Value, ms: &dyn Fn(&Value) -> String, check: &dyn Fn(Option<f64>, f64) -> &'static str) -> Vec<Row> {
    let total = v["total_ms"].as_f64();
    let longest = v["longest_slice_ms"].as_f64();
    vec![
        (format!("find duplicates over {} contacts (slices of {})", v["contacts"], v["slice_items"]), ms(&v["total_ms"]), "< 5000 ms".into(), check(total, 5000.0)),
        (format!("  longest slice (task), in {}", v["longest_slice_phase"].as_str().unwrap_or("?")), ms(&v["longest_slice_ms"]), "< 100 ms".into(), check(longest, 100.0)),
        ("  longest long task meanwhile (Chromium)".into(), long_task(&v["longest_long_task_ms"]), "< 100 ms".into(), check(v["longest_long_task_ms"].as_f64(), 100.0)),
        ("  slices / finder work in them".into(), format!("{} / {}", v["slices"], ms(&v["work_ms"])), String::new(), ""),
        (format!("  groups found ({} contacts in them)", v["grouped_contacts"]), v["groups"].to_string(), String::new(), ""),
        ("  planted copies grouped with their original (checked)".into(), format!("{} of {}", v["planted_found"], v["planted"]), String::new(), ""),
    ]
}
