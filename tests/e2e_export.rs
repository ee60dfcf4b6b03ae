#![cfg(not(target_arch = "wasm32"))]
//! End-to-end: CSV exports downloaded for real and read back. A list with every kind
//! of field filled exports under headers the import maps back by itself, and the file
//! imported into the emptied list exports again byte for byte; the contacts table's
//! results, its selected rows and the selected lists export with the chosen (and
//! remembered) separator and encoding; formula-like cells are neutralised; accents
//! survive with the BOM.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support::files::{allow_downloads, choose_file, open_import_page, set_duplicate_check, target_of, upload, wait_for_download, TempDir};
use support::{fresh_db_name, Browser};

const ENTER: &str = "\u{E007}";
const LIMIT: Duration = Duration::from_secs(30);

async fn nav(b: &Browser, hash: &str) {
    b.click(&format!(".nav a[href='{hash}']")).await;
}

/// Saves the open New Custom Field dialog as `alias` of `kind` with `choices`.
async fn save_field(b: &Browser, new_button: &str, alias: &str, kind: &str, choices: &[&str]) {
    b.click(new_button).await;
    b.fill("#field-def-alias", alias).await;
    b.select("#field-def-type", kind).await;
    for choice in choices {
        b.wait_for("#field-def-choices").await.send_keys(&format!("{choice}{ENTER}")).await.expect("type a choice");
        b.wait_for_text("#choice-chips", choice).await;
    }
    b.click("#save-field").await;
    b.wait_gone(".overlay").await;
}

/// A new list made on the Lists page; its id.
async fn new_list(b: &Browser, name: &str) -> String {
    nav(b, "#/lists").await;
    b.click("#new-list").await;
    b.fill("#list-name", name).await;
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    let script = format!("const a = document.querySelector('a[aria-label=\"Show contacts of {name}\"]'); return a ? a.getAttribute('href').split('list=')[1] : null;");
    support::files::poll(b, &script, LIMIT, "the new list's row").await.as_str().unwrap_or_default().to_string()
}

/// Imports `file` into `list` through the wizard with the proposed mapping; the
/// number imported. Every column must have been mapped when `all_mapped`.
async fn import(b: &Browser, file: &Path, list: &str, columns: usize, all_mapped: bool) -> u64 {
    open_import_page(b).await;
    if b.count("#import-again").await > 0 {
        b.click("#import-again").await;
    }
    choose_file(b, file).await;
    b.select("#import-list", list).await;
    if all_mapped {
        for column in 0..columns {
            assert_ne!(target_of(b, column).await, "skip", "column {column} of {} is not mapped", file.display());
        }
    }
    set_duplicate_check(b, &[]).await;
    let summary = upload(b, LIMIT).await;
    assert_eq!(summary.failed, 0, "{summary:?}");
    summary.imported
}

/// Clicks `button`, starts the export in the dialog, waits for the
/// file `name` in `dir` and returns its bytes.
async fn export(b: &Browser, button: &str, dir: &Path, name: &str) -> Vec<u8> {
    b.click(button).await;
    b.click("#export-start").await;
    let bytes = wait_for_download(&dir.join(name), LIMIT).await;
    b.wait_gone(".overlay").await;
    bytes
}

/// The records of a CSV file (BOM removed) with separator `sep`.
fn records(bytes: &[u8], sep: u8) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(false).from_reader(text.as_bytes());
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect()).collect()
}

const HEADERS: &str = "First name,Last name,Phone,Mobile,Fax,Email,Website,Company,Street,Postal code,City,Country,Date of birth,Description,\
Facebook,Twitter / X,Instagram,LinkedIn,Skype,Teams,Viber,Line,WeChat,Telegram,Additional phones,Tags,\
Codice,Regione,Budget,Consenso,Primo contatto,Portale,Alt phone,Tier,'=Score,VIP,Call back at";

fn source_csv() -> String {
    let mut out = format!("{HEADERS}\n");
    for (i, name) in ["Zoë", "Émile", "Ñandú"].iter().enumerate() {
        out.push_str(&format!(
            "{name},\"D'Angelo, Jr\",+39 06 1234 567{i},+39 333 123 456{i},+39 06 7654321,p{i}@example.it,https://example.it/p{i},\"Acme; S.p.A.\",\"Via Roma 1\nScala B\",00100,Forlì,Italia,1990-04-2{i},=1+{i} note,\
fb{i},@tw{i},ig{i},li{i},sk{i},te{i},vi{i},ln{i},wc{i},tg{i},\"Work: +39 02 123456{i}; Casa: +39 347 000000{i}\",\"VIP, Roma\",\
-C-04{i},Sud,-1500.{i},yes,2026-03-0{}T09:30,https://example.com/p{i},+39 333 123-456{i},Gold,4{i},{},2026-12-24T17:0{i}\n",
            i + 1,
            i % 2 == 0
        ));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_list_with_every_field_exports_and_imports_back_unchanged() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-export-round")).await;
    let dir = TempDir::new("cm-e2e-export");
    allow_downloads(&b, dir.path()).await;

    nav(&b, "#/tags").await;
    for tag in ["VIP", "Roma"] {
        b.click("#new-tag").await;
        b.fill("#tag-name", tag).await;
        b.click("#save-tag").await;
        b.wait_gone(".overlay").await;
    }
    nav(&b, "#/custom-fields").await;
    let globals: [(&str, &str, &[&str]); 6] = [
        ("Codice", "text", &[]),
        ("Regione", "select", &["Nord", "Sud"]),
        ("Budget", "number", &[]),
        ("Consenso", "switch", &[]),
        ("Primo contatto", "datetime", &[]),
        ("Portale", "url", &[]),
    ];
    for (alias, kind, choices) in globals {
        save_field(&b, "#new-global-field", alias, kind, choices).await;
    }
    let list = new_list(&b, "Clienti").await;
    b.exec(&format!("location.hash = '#/lists/{list}'")).await;
    b.click("#tab-custom-fields").await;
    let own: [(&str, &str, &[&str]); 5] = [
        ("Alt phone", "text", &[]),
        ("Tier", "select", &["Gold", "Silver"]),
        ("=Score", "number", &[]),
        ("VIP", "switch", &[]),
        ("Call back at", "datetime", &[]),
    ];
    for (alias, kind, choices) in own {
        save_field(&b, "#new-list-field", alias, kind, choices).await;
    }
    let columns = HEADERS.split(',').count();
    let source = dir.write("source.csv", source_csv().as_bytes());
    assert_eq!(import(&b, &source, &list, columns, true).await, 3);

    // The list's Export to CSV, with the default options (comma, BOM).
    nav(&b, "#/lists").await;
    let first = export(&b, "button[aria-label='Export the contacts of Clienti to CSV']", dir.path(), "Clienti.csv").await;
    assert!(first.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let rows = records(&first, b',');
    assert_eq!(rows[0].join(","), HEADERS, "human-readable headers (a formula-like alias neutralised)");
    assert_eq!(rows.len(), 4, "the header and 3 contacts");
    let zoe = &rows[1];
    assert_eq!(zoe[0], "Zoë", "accents intact");
    assert_eq!(zoe[10], "Forlì");
    assert_eq!(zoe[13], "'=1+0 note", "a formula-like value is neutralised");
    assert_eq!(zoe[2], "390612345670", "phones are digits, not neutralised");
    assert_eq!(zoe[24], "Work: 39021234560; Casa: 393470000000");
    assert_eq!(zoe[25], "VIP, Roma");
    assert_eq!(zoe[26..].join("|"), "'-C-040|Sud|-1500|true|2026-03-01T09:30|https://example.com/p0|'+39 333 123-4560|Gold|40|true|2026-12-24T17:00");

    // Empty the list, import the export back (every column proposed by itself), and
    // export again: the same file, so the same contacts.
    b.exec(&format!("location.hash = '#/contacts?list={list}'")).await;
    b.click("#select-all-contacts").await;
    b.click("#delete-contacts").await;
    b.click("#confirm-ok").await;
    b.wait_for("#no-contacts").await;
    let exported = dir.path().join("Clienti.csv");
    assert_eq!(import(&b, &exported, &list, columns, true).await, 3);
    std::fs::rename(&exported, dir.path().join("first.csv")).expect("move the first export aside");
    nav(&b, "#/lists").await;
    let second = export(&b, "button[aria-label='Export the contacts of Clienti to CSV']", dir.path(), "Clienti.csv").await;
    assert_eq!(String::from_utf8_lossy(&second), String::from_utf8_lossy(&first), "the round trip changed the contacts");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn table_results_selected_rows_and_lists_export_with_remembered_options() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-export-table")).await;
    let dir = TempDir::new("cm-e2e-export");
    allow_downloads(&b, dir.path()).await;
    let sales = new_list(&b, "Vendite").await;
    let _other = new_list(&b, "@Leads").await;
    let file = dir.write("people.csv", "First name,Last name,Email\nAnna,Rossi,anna@x.it\nAnnalisa,Città,annalisa@x.it\nMarco,Verdi,marco@x.it\n@Mallory,=cmd,mallory@x.it\n".as_bytes());
    assert_eq!(import(&b, &file, &sales, 3, true).await, 4);

    // What the table shows after a search, with ";" and no BOM.
    nav(&b, "#/contacts").await;
    b.fill("#contact-search", "ann").await;
    let two = "return document.querySelectorAll('#contacts-table tbody tr').length === 2";
    support::files::poll(&b, two, LIMIT, "the 2 contacts matching ann").await;
    b.click("#export-contacts").await;
    b.wait_for("#export-dialog").await;
    b.select("#export-separator", ";").await;
    b.select("#export-encoding", "plain").await;
    b.screenshot("export-dialog").await;
    b.click("#export-start").await;
    let shown = wait_for_download(&dir.path().join("contacts.csv"), LIMIT).await;
    b.wait_gone(".overlay").await;
    assert!(!shown.starts_with("\u{feff}".as_bytes()), "plain UTF-8 on request");
    let rows = records(&shown, b';');
    assert_eq!(rows.len(), 3, "the header and the 2 matches: {rows:?}");
    assert_eq!(rows[0][..3].join(";"), "First name;Last name;Phone");
    assert_eq!((rows[1][0].as_str(), rows[2][0].as_str(), rows[2][1].as_str()), ("Anna", "Annalisa", "Città"));

    // The selected row only; the dialog remembers ";" and plain.
    b.fill("#contact-search", "").await;
    b.wait_for_text("#contacts-table", "Mallory").await;
    let script = "const r = [...document.querySelectorAll('#contacts-table tbody tr')].find(r => r.textContent.includes('Mallory'));
                  r.querySelector('.row-check').click(); return true;";
    b.exec(script).await;
    b.wait_for_text(".selection-count", "1 selected").await;
    b.click("#export-selected").await;
    b.wait_for("#export-dialog").await;
    let remembered = b.exec("return [document.querySelector('#export-separator').value, document.querySelector('#export-encoding').value]").await;
    assert_eq!(remembered, json!([";", "plain"]), "the options are remembered");
    b.select("#export-separator", ",").await;
    b.select("#export-encoding", "bom").await;
    b.click("#export-start").await;
    let selected = wait_for_download(&dir.path().join("selected-contacts.csv"), LIMIT).await;
    b.wait_gone(".overlay").await;
    assert!(selected.starts_with("\u{feff}".as_bytes()));
    let rows = records(&selected, b',');
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[1][0].as_str(), rows[1][1].as_str()), ("'@Mallory", "'=cmd"), "formula-like cells neutralised");

    // The selected lists.
    nav(&b, "#/lists").await;
    b.click("input[aria-label='Select all lists']").await;
    let lists = export(&b, "#export-lists", dir.path(), "lists.csv").await;
    let rows = records(&lists, b',');
    assert_eq!(rows[0].join(","), "List ID,Name,Description,Contacts,Agents,Created");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!((rows[1][1].as_str(), rows[1][3].as_str()), ("'@Leads", "0"));
    assert_eq!((rows[2][0].as_str(), rows[2][1].as_str(), rows[2][3].as_str()), (sales.as_str(), "Vendite", "4"));
    b.set_window_size(1280, 800).await;
    let sideways = b.exec("const w = document.querySelector('#lists-table').closest('.table-wrap'); return w.scrollWidth > w.clientWidth").await;
    assert_eq!(sideways, json!(false), "the lists table scrolls sideways at 1280px");
    b.screenshot("export-lists-page").await;
    b.close().await;
}
