//! End-to-end: hostile text and hostile files, as a tester tries them (issue 16).
//! - A NUL, a right-to-left override and a name of "Z" with 900 combining marks, typed
//!   (pasted) into the contact form: stored clean, shown inside their box (the rows
//!   above and the edit page's breadcrumb paint the same pixels as without them), and
//!   exported without them; the app reads its own export back. User text in the app's
//!   sentences is isolated.
//! - A 2 MB header line, a 20 MB quoted field that never ends and a 5,000-column file
//!   each get a message that names the problem, with no task over 100 ms (a
//!   `PerformanceObserver` of long tasks); a CSV with stray NULs is imported, the NUL
//!   reported as a removed character of its row.

use crate::support;

use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use support::app::{navigate, open_fresh_app, press_escape, set_value};
use support::contacts::{add_contact, open_contacts_of, wait_rows, NewContact, ROWS};
use support::files::{allow_downloads, wait_for_download, TempDir};
use support::import_wizard::{choose_file, create_list_in_wizard, offer_file, open_import_page, start_over, upload};
use support::lists::{create_list, NewList};
use support::tags::create_tag;
use support::Browser;

const LIMIT: Duration = Duration::from_secs(30);

/// A PNG of the page region `rect` ({x, y, width, height} in CSS pixels), base64.
async fn region(b: &Browser, rect: &Value) -> String {
    let clip = json!({ "x": rect["x"], "y": rect["y"], "width": rect["width"], "height": rect["height"], "scale": 1 });
    let shot = b.cdp("Page.captureScreenshot", json!({ "format": "png", "clip": clip })).await;
    shot["data"].as_str().unwrap_or_else(|| panic!("no screenshot data: {shot}")).to_string()
}

/// The box of the element at `css` (the union of all matches), in page coordinates.
async fn rect_of(b: &Browser, css: &str) -> Value {
    let script = format!(
        "const els = [...document.querySelectorAll({css:?})];
         if (!els.length) return null;
         const rs = els.map(e => e.getBoundingClientRect());
         const x = Math.min(...rs.map(r => r.left)), y = Math.min(...rs.map(r => r.top));
         return {{ x: x + scrollX, y: y + scrollY, width: Math.max(...rs.map(r => r.right)) - x, height: Math.max(...rs.map(r => r.bottom)) - y }};"
    );
    let v = b.exec(&script).await;
    assert!(v.is_object(), "no element `{css}` to measure");
    v
}

/// Opens the edit page of the contact in row `n` (1-based) of the contacts table.
async fn edit_row(b: &Browser, n: usize) {
    b.click(&format!("{ROWS}:nth-child({n}) a[href^='#/contacts/']")).await;
    b.wait_for("#edit-contact-title").await;
}

/// Code points of `text` (a JS string's `[...s].length`).
async fn code_points(b: &Browser, css: &str) -> usize {
    let v = b.exec(&format!("const el = document.querySelector({css:?}); return el ? [...el.textContent.trim()].length : null;")).await;
    v.as_u64().unwrap_or_else(|| panic!("no `{css}`: {v}")) as usize
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_are_stored_clean_kept_in_their_box_and_exported_safely() {
    let b = open_fresh_app("e2e-hostile-text").await;
    let dir = TempDir::new("e2e-hostile-text");
    allow_downloads(&b, dir.path()).await;
    let list = create_list(&b, NewList::named("Clienti")).await;
    open_contacts_of(&b, &list).await;
    for (first, last) in [("Alessandra", "Bianchi"), ("Bruno", "Conti"), ("Carla", "Deri"), ("Dario", "Esposito")] {
        add_contact(&b, NewContact::with(&[("first_name", first), ("last_name", last)])).await;
    }
    wait_rows(&b, 4).await;
    // Rows 1-3: row 4's bottom border changes when a row comes after it.
    let above = rect_of(&b, &format!("{ROWS}:nth-child(-n+3)")).await;
    let rows_before = region(&b, &above).await;

    // "Z" and 900 combining acute accents, pasted (within the 1,000-character limit).
    let zalgo: String = std::iter::once('Z').chain(std::iter::repeat_n('\u{0301}', 900)).collect();
    b.click("#add-contact").await;
    set_value(&b, "#field-first_name", &zalgo).await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 5).await;
    assert_eq!(code_points(&b, &format!("{ROWS}:nth-child(5) td.col-first")).await, 31, "the marks are cut at 30");
    assert_eq!(rect_of(&b, &format!("{ROWS}:nth-child(-n+3)")).await, above, "the rows above did not move");
    assert!(region(&b, &above).await == rows_before, "the marks of row 5 paint over the rows above it");
    b.screenshot("hostile-zalgo-row").await;

    edit_row(&b, 1).await;
    let crumb = rect_of(&b, ".breadcrumb").await;
    let plain_crumb = region(&b, &crumb).await;
    open_contacts_of(&b, &list).await;
    wait_rows(&b, 5).await;
    edit_row(&b, 5).await;
    assert_eq!(rect_of(&b, ".breadcrumb").await, crumb);
    assert!(region(&b, &crumb).await == plain_crumb, "the marks of the title paint over the breadcrumb");
    b.screenshot("hostile-zalgo-edit").await;

    // A NUL and a right-to-left override, pasted into the form.
    open_contacts_of(&b, &list).await;
    wait_rows(&b, 5).await;
    b.click("#add-contact").await;
    set_value(&b, "#field-first_name", "Ann\u{0}a").await;
    set_value(&b, "#field-last_name", "Mallory\u{202E}gnp.exe").await;
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
    wait_rows(&b, 6).await;
    let row = b.exec(&format!("return [...document.querySelectorAll('{ROWS}')].map(r => r.querySelector('td.col-first').textContent + '|' + r.querySelector('td.col-last').textContent).find(t => t.startsWith('Ann'))")).await;
    assert_eq!(row, json!("Anna|Mallorygnp.exe"), "the NUL and the override are not stored");

    // User text inside the app's sentences is isolated (a Hebrew tag's delete question).
    create_tag(&b, "לקוחות", None).await;
    b.click("button[aria-label='Delete tag לקוחות']").await;
    let question = b.wait_for_text(".dialog .confirm-text", "Delete the tag").await;
    assert!(question.contains("“\u{2068}לקוחות\u{2069}”"), "the tag's name is isolated in the question: {question:?}");
    press_escape(&b).await;

    // The export holds neither character, and the app reads it back.
    open_contacts_of(&b, &list).await;
    wait_rows(&b, 6).await;
    b.click("#export-contacts").await;
    b.click("#export-start").await;
    let bytes = wait_for_download(&dir.path().join("Clienti.csv"), LIMIT).await;
    b.wait_gone(".overlay").await;
    let text = String::from_utf8(bytes.clone()).expect("the export is UTF-8");
    assert!(!bytes.contains(&0) && !text.contains('\u{202E}'), "the export holds a NUL or an override");
    assert!(text.contains("Anna,Mallorygnp.exe"), "{text}");
    open_import_page(&b).await;
    choose_file(&b, &dir.path().join("Clienti.csv")).await;
    create_list_in_wizard(&b, "Clienti again").await;
    let summary = upload(&b, LIMIT).await;
    assert_eq!(summary.counts(), (6, 0, 0, 0, 0), "the app imports its own export: {summary:?}");
    b.close().await;
}

/// Starts recording long tasks (> 50 ms) into `window.__longTasks`.
async fn watch_long_tasks(b: &Browser) {
    b.exec(
        "window.__longTasks = [];
         if (!window.__longObserver) {
           window.__longObserver = new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push(e.duration)));
           window.__longObserver.observe({ type: 'longtask' });
         }",
    )
    .await;
}

/// The longest task since `watch_long_tasks` (0 when none passed 50 ms).
async fn longest_task(b: &Browser) -> f64 {
    // Long tasks are reported after they end: give the last one a frame.
    b.exec_async("requestAnimationFrame(() => setTimeout(() => done(Math.max(0, ...window.__longTasks)), 50));").await.as_f64().unwrap_or(f64::NAN)
}

/// Offers `path` to the wizard and returns the message shown and the longest task.
async fn message_for(b: &Browser, path: &Path, css: &str, text: &str) -> (String, f64) {
    navigate(b, "#/import").await;
    start_over(b).await;
    watch_long_tasks(b).await;
    offer_file(b, path).await;
    let message = b.wait_for_text(css, text).await;
    (message, longest_task(b).await)
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_files_get_their_message_without_long_tasks() {
    let dir = TempDir::new("e2e-hostile-files");
    let header = {
        let mut f = (0..200_000).map(|i| format!("c{i}")).collect::<Vec<_>>().join(",").into_bytes();
        f.truncate(2 << 20);
        f.extend_from_slice(b"\nAnna,Rossi\n");
        dir.write("long-header.csv", &f)
    };
    let field = {
        let mut f = b"\"".to_vec();
        f.extend(std::iter::repeat_n(b'x', 20 << 20));
        dir.write("endless-field.csv", &f)
    };
    let field_after_header = {
        let mut f = b"First Name,Last Name,Notes\nAnna,Rossi,\"".to_vec();
        f.extend(std::iter::repeat_n(b'x', 20 << 20));
        dir.write("endless-field-after-header.csv", &f)
    };
    let wide = {
        let mut f = (1..=5_000).map(|i| format!("Field {i}")).collect::<Vec<_>>().join(",");
        for r in 0..100 {
            f.push('\n');
            f.push_str(&(1..=5_000).map(|i| format!("v{r}-{i}")).collect::<Vec<_>>().join(","));
        }
        dir.write("wide.csv", f.as_bytes())
    };
    let b = open_fresh_app("e2e-hostile-files").await;
    // First an ordinary file (the first file chosen also warms up the phone library, a
    // one-time task the figures below are not about).
    // Stray NULs: the file is read, the NUL removed from its value and reported.
    let nul = dir.write("nul.csv", b"First Name,Last Name,E-mail Address\nAnna,Ro\0ssi,anna@example.it\nBruno,Conti,bruno@example.it\n");
    open_import_page(&b).await;
    choose_file(&b, &nul).await;
    create_list_in_wizard(&b, "Stray NUL").await;
    let summary = upload(&b, LIMIT).await;
    assert_eq!(summary.counts(), (2, 1, 0, 0, 0), "both rows imported, one with a warning: {summary:?}");

    for (path, css, want) in [
        (&header, "#import-file-problem", "first line does not end in its first 64 KB"),
        (&field, "#import-file-problem", "a quoted value in its first rows does not end in its first 64 KB"),
        (&wide, "#import-file-problem", "it has 5000 columns; at most 1000 can be imported"),
    ] {
        let (message, longest) = message_for(&b, path, css, "cannot be imported").await;
        println!("{}: {message:?}, longest task {longest:.0} ms", path.display());
        assert!(message.contains(want), "{}: {message:?}", path.display());
        assert!(longest < 100.0, "{}: a task of {longest:.0} ms", path.display());
        // Upload says the same, not "choose the first name's column".
        b.click("#import-start").await;
        let error = b.wait_for_text("#import-error", "cannot be imported").await;
        assert!(error.contains(want), "{error:?}");
        b.screenshot(&format!("hostile-file-{}", path.file_stem().and_then(|s| s.to_str()).unwrap_or("file"))).await;
        b.click("#import-choose-another").await;
    }
    // The column names end but the first row does not: the preview says so, and the
    // import can run (it reports the row it cannot read).
    let (note, longest) = message_for(&b, &field_after_header, ".preview-notes", "does not end").await;
    println!("endless field after the header: {note:?}, longest task {longest:.0} ms");
    assert!(note.contains("The first row after the column names does not end either"), "{note:?}");
    assert!(longest < 100.0, "a task of {longest:.0} ms");

    b.close().await;
}
