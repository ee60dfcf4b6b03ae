//! Step 9 of the benchmark (issue 13): delete `n` contacts of the benchmark database
//! and undo it in the bench page (`src/bin/bench/delete.rs`: the workspace's commands,
//! each change committed through the real store as the app commits it). The counts
//! must add up in memory and after a reload from the store; a few contacts with an
//! open WhatsApp chat are asked for too and must be kept.

use serde_json::Value;

use crate::duplicates::{long_task, run_page, Row};
use crate::support::Browser;

pub async fn delete_and_restore(browser: &Browser, db: &str, stored: usize, n: usize) -> Value {
    let windows = [("delete_window", "delete_long_task_ms"), ("restore_window", "restore_long_task_ms")];
    let v = run_page(browser, db, &format!("delete={n}"), &windows).await;
    let count = |k: &str| v[k].as_u64().unwrap_or_else(|| panic!("no {k} in the delete result: {v}")) as usize;
    let (open, deleted) = (count("open_whatsapp_asked"), count("deleted"));
    assert_eq!((count("before"), count("asked")), (stored, n + open), "the delete asked for {n} contacts and {open} with an open chat: {v}");
    assert_eq!((deleted, count("kept_open_whatsapp")), (n, open), "every contact deleted but those with an open WhatsApp chat: {v}");
    let gone = stored - n;
    assert_eq!([count("after_delete"), count("reloaded_after_delete")], [gone; 2], "{n} fewer contacts, also read back from the store: {v}");
    assert_eq!([count("in_trash"), count("trash_reloaded")], [n; 2], "the {n} are in the trash, also read back: {v}");
    assert_eq!((count("restored"), count("restore_refused")), (n, 0), "the undo restored every one: {v}");
    assert_eq!([count("after_restore"), count("reloaded_after_restore")], [stored; 2], "all {stored} back, also read back: {v}");
    assert_eq!(count("trash_after_restore"), 0, "the trash is empty after the undo: {v}");
    v
}

pub fn rows(v: &Value, ms: &dyn Fn(&Value) -> String, check: &dyn Fn(Option<f64>, f64) -> &'static str) -> Vec<Row> {
    let mut rows = Vec::new();
    for (what, key) in [(format!("delete {} contacts (command + commit)", v["deleted"]), "delete"), ("undo it (restore + commit)".into(), "restore")] {
        let total = &v[format!("{key}_ms")];
        rows.push((what, ms(total), "< 2000 ms".into(), check(total.as_f64(), 2000.0)));
        rows.push(("  of which the workspace command".into(), ms(&v[format!("{key}_domain_ms")]), String::new(), ""));
        rows.push(("  longest long task meanwhile (Chromium)".into(), long_task(&v[format!("{key}_long_task_ms")]), String::new(), ""));
    }
    let counts = format!("{} / {} / {}", v["reloaded_after_delete"], v["trash_reloaded"], v["reloaded_after_restore"]);
    rows.push(("  contacts / trash after delete, contacts after undo (reloaded)".into(), counts, String::new(), ""));
    rows.push(("  open WhatsApp chats asked for, kept (checked)".into(), format!("{} / {}", v["open_whatsapp_asked"], v["kept_open_whatsapp"]), String::new(), ""));
    rows
}
