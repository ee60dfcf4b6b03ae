//! The benchmarks' table: every figure beside its budget, and the JavaScript baseline
//! (`baseline.rs`) with the ratio of ours to it. Each benchmark prints its own rows;
//! `tests/bench_report.rs` prints all of them as one table and writes them as JSON.

use serde_json::{json, Value};

/// A table row: figure, measured, target, verdict.
pub type Row = (String, String, String, &'static str);

pub fn ms(v: &Value) -> String {
    v.as_f64().map(|x| format!("{x:.0} ms")).unwrap_or_else(|| "n/a".into())
}

pub fn mb(v: &Value) -> String {
    mb_to(v, 1)
}

/// Megabytes to `decimals` places (the wasm's size: a step of 0.05 MB matters).
pub fn mb_to(v: &Value, decimals: usize) -> String {
    v.as_f64().map(|x| format!("{:.*} MB", decimals, x / 1e6)).unwrap_or_else(|| "n/a".into())
}

/// "ok" under the budget, "OVER" at or above it, "?" without a figure.
pub fn check(v: Option<f64>, limit: f64) -> &'static str {
    match v {
        Some(x) if x < limit => "ok",
        Some(_) => "OVER",
        None => "?",
    }
}

/// Ours over the baseline's, as "0.25x" (below 1: ours is faster).
pub fn ratio(ours: Option<f64>, js: Option<f64>) -> String {
    match (ours, js) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
        _ => "n/a".into(),
    }
}

/// The main benchmark's rows (tests/bench.rs).
pub fn main_rows(r: &Value) -> Vec<Row> {

    let n = &r["n"];
    let keys: Vec<(String, &Value)> = r["keystrokes"].as_array().into_iter().flatten().map(|k| (k["query"].as_str().unwrap_or("?").to_owned(), &k["result"])).collect();
    let mut rows: Vec<Row> = Vec::new();
    let w = &r["write"];
    rows.push((format!("write {n} contacts (add + commit)"), ms(&w["write_ms"]), "< 3000 ms".into(), check(w["write_ms"].as_f64(), 3000.0)));
    rows.push(("  of which IndexedDB commits".into(), ms(&w["commit_ms"]), String::new(), ""));
    rows.push(("  generated = valid = stored = reloaded (checked)".into(), w["reloaded"].to_string(), String::new(), ""));
    rows.push(("  generating the contacts (untimed)".into(), ms(&w["generate_ms"]), String::new(), ""));
    rows.push(("  warm reload in the bench page".into(), ms(&w["reload_ms"]), String::new(), ""));
    for (key, name) in [("first_visit", "first visit"), ("cold", "returning visit")] {
        let c = &r[key];
        // Issue 16's budgets: the first row under 0.8 s, search ready under 1.5 s. A
        // returning visit shows the first screen the last one kept while it loads; the
        // first visit has none (another page wrote the contacts).
        let shown = match (c["first_screen"] == json!(true), c["read_early"] == json!(true)) {
            (true, true) => "first page read early (none kept)",
            (true, false) => "kept first screen",
            (false, _) => "loaded page (none kept)",
        };
        rows.push((format!("cold load, {name}: navigation -> first row painted"), ms(&c["painted"]), "< 800 ms".into(), check(c["painted"].as_f64(), 800.0)));
        rows.push(("  the first row shown was the".into(), shown.into(), String::new(), ""));
        rows.push(("  search ready (#app-ready: the workspace loaded)".into(), ms(&c["ready"]), "< 1500 ms".into(), check(c["ready"].as_f64(), 1500.0)));
        let via = if c["wasm_fetch"]["via_service_worker"] == json!(true) { "service worker" } else { "network" };
        rows.push((format!("  wasm fetched from the {via}"), ms(&c["wasm_fetch"]["end"]), String::new(), ""));
        rows.push(("  wasm main started (cm:main)".into(), ms(&c["marks"]["cm:main"]), String::new(), ""));
        let range = c["range"].as_str().unwrap_or("?").to_owned();
        rows.push(("  pager (first page = the domain's, checked)".into(), range, String::new(), ""));
    }
    rows.push(("  (second visit, warming the wasm code cache: painted)".into(), ms(&r["second_visit"]["painted"]), String::new(), ""));
    let m = &r["memory"];
    let total = match (m["js_heap"].as_f64(), m["wasm"].as_f64()) {
        (Some(a), Some(b)) => Some(a + b),
        _ => None,
    };
    rows.push(("memory after load, before search: JS + wasm".into(), total.map(|x| format!("{:.1} MB", x / 1e6)).unwrap_or_else(|| "n/a".into()), "< 300 MB".into(), check(total.map(|x| x / 1e6), 300.0)));
    rows.push(("  JS heap".into(), mb(&m["js_heap"]), String::new(), ""));
    rows.push(("  wasm linear memory".into(), mb(&m["wasm"]), String::new(), ""));
    rows.push(("  tab renderer process RSS".into(), mb(&r["chromium_rss"]["renderer_bytes"]), String::new(), ""));
    let mut worst: Option<f64> = None;
    for (q, k) in &keys {
        let v = k["ms"].as_f64();
        worst = match (worst, v) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (None, b) => b,
            (a, None) => a,
        };
        let matched = shown_total(k);
        rows.push((format!("search keystroke -> {q:?} ({matched} match)"), ms(&k["ms"]), "< 50 ms".into(), check(v, 50.0)));
    }
    rows.push(("search keystroke, worst".into(), worst.map(|x| format!("{x:.0} ms")).unwrap_or_else(|| "n/a".into()), "< 50 ms".into(), check(worst, 50.0)));
    let e = &r["export"];
    rows.push((format!("export {n} contacts to CSV (click -> file)"), ms(&e["ms"]), "< 3000 ms".into(), check(e["ms"].as_f64(), 3000.0)));
    rows.push(("  longest frame gap meanwhile".into(), ms(&e["max_frame_gap_ms"]), "< 100 ms".into(), check(e["max_frame_gap_ms"].as_f64(), 100.0)));
    rows.push(("  file size".into(), mb(&e["file_bytes"]), String::new(), ""));
    let i = &r["interactions"];
    rows.push((format!("write {} interactions (log + commit)", i["logged"]), ms(&i["write_ms"]), String::new(), ""));
    let (with, without) = (r["cold_with_interactions"]["painted"].as_f64(), r["cold"]["painted"].as_f64());
    rows.push(("cold load, returning visit, with them stored".into(), ms(&r["cold_with_interactions"]["painted"]), "< 800 ms".into(), check(with, 800.0)));
    let delta = with.zip(without).map(|(a, b)| format!("{:+.0} ms", a - b)).unwrap_or_else(|| "n/a".into());
    rows.push(("  change from the visit without them".into(), delta, String::new(), ""));
    rows.push(("  (first visit after writing them: painted)".into(), ms(&r["cold_after_writing_interactions"]["painted"]), String::new(), ""));
    let j = &r["journey_open"];
    rows.push((format!("journey of {} interactions: open -> first item painted", i["busy"]), ms(&j["ms"]), "< 300 ms".into(), check(j["ms"].as_f64(), 300.0)));
    rows.push(("  the first contact opened this session (its code runs first)".into(), String::new(), String::new(), ""));
    rows.push(("  (first journey after writing them: painted)".into(), ms(&r["journey_open_after_write"]["ms"]), String::new(), ""));
    let again = &r["journey_reopen"];
    rows.push(("journey opened again (contacts opened before)".into(), ms(&again["ms"]), "< 300 ms".into(), check(again["ms"].as_f64(), 300.0)));
    rows.push(("  items rendered / shown".into(), format!("{} / {}", j["items"], j["shown"].as_str().unwrap_or("?")), String::new(), ""));
    let f = &r["journey_filter"];
    rows.push(("journey filter change (tick voice only) -> painted".into(), ms(&f["ms"]), "< 50 ms".into(), check(f["ms"].as_f64(), 50.0)));
    rows.push(("  shown after".into(), f["after"].as_str().unwrap_or("?").to_owned(), String::new(), ""));
    rows.extend(crate::duplicates::rows(&r["duplicates"], &ms, &check));
    rows.extend(crate::delete::rows(&r["delete"], &ms, &check));
    // Issue 16: what the contacts page needs under 1.3 MB gzipped: the page's wasm (the
    // first visit fetched it and no other, checked); the import engine's comes with
    // the first import.
    let (page, engine) = (&r["wasm"]["page"], &r["wasm"]["engine"]);
    rows.push(("wasm the contacts page loads, raw".into(), mb_to(&page["raw_bytes"], 2), String::new(), ""));
    rows.push(("wasm the contacts page loads, gzip -9".into(), mb_to(&page["gzip_bytes"], 2), "< 1.3 MB".into(), check(page["gzip_bytes"].as_f64().map(|b| b / 1e6), 1.3)));
    rows.push(("  import engine (worker, loaded by the first import): raw / gzip -9".into(), format!("{} / {}", mb_to(&engine["raw_bytes"], 2), mb_to(&engine["gzip_bytes"], 2)), String::new(), ""));
    rows.push(("  wasm files the first visit fetched".into(), r["first_visit"]["wasm_files"].as_array().map_or(0, Vec::len).to_string(), "1".into(), ""));
    rows.extend(baseline_rows(r));
    rows
}

/// The CSV import benchmark's rows (tests/bench_import.rs).
pub fn import_rows(r: &Value) -> Vec<Row> {
    let run = &r["run"];
    let under = |v: &Value, limit: f64| check(v.as_f64(), limit);
    let s = &r["summary"];
    let both = |k: &str| format!("{} ({})", s[k], r["expected"][k]);
    let figures: Vec<(String, String, &str, &'static str)> = vec![
        (format!("import {} rows ({:.1} MB): Upload -> summary painted", r["rows"], r["file_bytes"].as_f64().unwrap_or(0.0) / 1_048_576.0), ms(&run["end_to_end_ms"]), "< 5000 ms", under(&run["end_to_end_ms"], 5000.0)),
        ("  summary in the DOM".into(), ms(&run["summary_dom_ms"]), "", ""),
        ("file chosen -> preview painted".into(), ms(&r["preview"]["ms"]), "", ""),
        ("  preview in the DOM".into(), ms(&r["preview"]["dom_ms"]), "", ""),
        ("check before Upload: file chosen -> what would happen painted".into(), ms(&r["check"]["ms"]), "< 1000 ms", under(&r["check"]["ms"], 1000.0)),
        ("  what would happen in the DOM".into(), ms(&r["check"]["dom_ms"]), "", ""),
        ("longest task".into(), ms(&run["longest_task_ms"]), "< 100 ms", under(&run["longest_task_ms"], 100.0)),
        ("  tasks over 100 ms".into(), run["long_tasks_over_100ms"].to_string(), "0", if run["long_tasks_over_100ms"] == json!(0) { "ok" } else { "OVER" }),
        ("  long tasks (> 50 ms), their total".into(), format!("{}, {}", run["long_tasks"], ms(&run["long_task_total_ms"])), "", ""),
        ("memory peak during import: JS heap + wasm (page and engine)".into(), mb(&run["peak_total"]), "< 400 MB", under(&json!(run["peak_total"].as_f64().map(|x| x / 1e6)), 400.0)),
        ("  JS heap peak".into(), mb(&run["peak_js_heap"]), "", ""),
        ("  page's wasm linear memory peak".into(), mb(&run["peak_wasm"]), "", ""),
        ("  import engine worker's wasm memory peak".into(), mb(&run["peak_engine"]), "", ""),
        ("  before Upload: JS heap / wasm".into(), format!("{} / {}", mb(&r["memory_before"]["js_heap"]), mb(&r["memory_before"]["wasm"])), "", ""),
        ("  after the summary: JS heap / wasm".into(), format!("{} / {}", mb(&r["memory_after"]["js_heap"]), mb(&r["memory_after"]["wasm"])), "", ""),
        ("imported (expected)".into(), both("imported"), "", ""),
        ("  of which with warnings (a bad email or phone left out)".into(), both("warned"), "", ""),
        ("duplicates in the file (expected)".into(), both("duplicates_in_file"), "", ""),
        ("already in the list (expected)".into(), both("duplicates_existing"), "", ""),
        ("failed rows: no first name (expected)".into(), both("failed"), "", ""),
    ];
    let mut rows: Vec<Row> = figures.into_iter().map(|(name, value, target, verdict)| (name, value, target.to_owned(), verdict)).collect();
    let js = &r["baseline"];
    if !js.is_null() {
        rows.push((format!("JS baseline: the same file parsed (PapaParse), {} rows", js["rows"]), ms(&js["parse_ms"]), String::new(), ""));
        rows.push(("JS baseline: parsed + stored, one record per row, 3 indexes".into(), ms(&js["parse_and_store_ms"]), String::new(), ""));
        rows.push(("  ours (Upload -> summary painted) / JS".into(), ratio(run["end_to_end_ms"].as_f64(), js["parse_and_store_ms"].as_f64()), String::new(), ""));
    }
    rows
}

/// The JavaScript baseline on the main benchmark's exported rows, beside ours.
fn baseline_rows(r: &Value) -> Vec<Row> {
    let (store, read) = (&r["baseline"]["store"], &r["baseline"]["read"]);
    if store.is_null() {
        return Vec::new();
    }
    vec![
        (format!("JS baseline: parse the {} exported rows (PapaParse)", store["rows"]), ms(&store["parse_ms"]), String::new(), ""),
        ("JS baseline: store them, one record each, 3 indexes".into(), ms(&store["store_ms"]), String::new(), ""),
        ("  ours (IndexedDB commits of the contacts) / JS".into(), ratio(r["write"]["commit_ms"].as_f64(), store["store_ms"].as_f64()), String::new(), ""),
        ("JS baseline: new page -> every record read (getAll)".into(), ms(&read["since_navigation_ms"]), String::new(), ""),
        ("  ours (returning visit, first row painted) / JS".into(), ratio(r["cold"]["painted"].as_f64(), read["since_navigation_ms"].as_f64()), String::new(), ""),
        ("  ours (returning visit, every contact loaded: #app-ready) / JS".into(), ratio(r["cold"]["ready"].as_f64(), read["since_navigation_ms"].as_f64()), String::new(), ""),
    ]
}

/// The total a keystroke's page showed ("1–25 of 12,345" -> "12,345").
fn shown_total(k: &Value) -> String {
    k["range"].as_str().and_then(|r| r.rsplit_once(" of ")).map_or_else(|| "?".into(), |(_, t)| t.to_owned())
}

pub fn print(rows: &[Row]) {
    println!("\n{:<62} {:>16}  {:<10} {}", "figure", "measured", "target", "");
    println!("{}", "-".repeat(96));
    for (name, value, target, verdict) in rows {
        println!("{name:<62} {value:>16}  {target:<10} {verdict}");
    }
    println!();
}

/// The rows as JSON objects.
pub fn to_json(rows: &[Row]) -> Value {
    Value::Array(rows.iter().map(|(figure, measured, target, verdict)| json!({ "figure": figure, "measured": measured, "target": target, "verdict": verdict })).collect())
}
