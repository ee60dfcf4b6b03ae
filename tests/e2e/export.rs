//! End-to-end: CSV exports downloaded for real and read back. A list with every kind
//! of field filled exports under headers the import maps back by itself, and the file
//! imported into the emptied list exports again byte for byte; the contacts table's
//! results, its selected rows and the selected lists export with the chosen (and
//! remembered) separator and encoding; formula-like cells are neutralised; accents
//! survive with the BOM. The selected global custom fields export too.

use crate::support;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support::app::{navigate, open_fresh_app};
use support::contacts::{delete_selected_contacts, open_contacts_of};
use support::custom_fields::{add_custom_field, FieldDef, FieldScope};
use support::files::{allow_downloads, csv_records, wait_for_download, TempDir};
use support::import_wizard::{choose_file, open_import_page, start_over, target_of, upload_with_duplicate_check};
use support::lists::{create_list, open_list_editor, ListTab, NewList};
use support::tags::create_tag;
use support::Browser;

const LIMIT: Duration = Duration::from_secs(30);

/// Imports `file` into `list` through the wizard with the proposed mapping; the
/// number imported. Every column must have been mapped when `all_mapped`.
async fn import(b: &Browser, file: &Path, list: &str, columns: usize, all_mapped: bool) -> u64 {
    open_import_page(b).await;
    start_over(b).await;
    choose_file(b, file).await;
    b.select("#import-list", list).await;
    if all_mapped {
        for column in 0..columns {
            assert_ne!(target_of(b, column).await, "skip", "column {column} of {} is not mapped", file.display());
        }
    }
    let summary = upload_with_duplicate_check(b, &[], LIMIT).await;
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
    let b = open_fresh_app("e2e-export-round").await;
    let dir = TempDir::new("cm-e2e-export");
    allow_downloads(&b, dir.path()).await;

    for tag in ["VIP", "Roma"] {
        create_tag(&b, tag, None).await;
    }
    navigate(&b, "#/custom-fields").await;
    let globals: [(&str, &str, &[&str]); 6] = [
        ("Codice", "text", &[]),
        ("Regione", "select", &["Nord", "Sud"]),
        ("Budget", "number", &[]),
        ("Consenso", "switch", &[]),
        ("Primo contatto", "datetime", &[]),
        ("Portale", "url", &[]),
    ];
    for (alias, kind, choices) in globals {
        add_custom_field(&b, FieldScope::Global, &FieldDef { choices, ..FieldDef::new(alias, kind) }).await;
    }
    let list = create_list(&b, NewList::named("Clienti")).await;
    open_list_editor(&b, &list, ListTab::CustomFields).await;
    let own: [(&str, &str, &[&str]); 5] = [
        ("Alt phone", "text", &[]),
        ("Tier", "select", &["Gold", "Silver"]),
        ("=Score", "number", &[]),
        ("VIP", "switch", &[]),
        ("Call back at", "datetime", &[]),
    ];
    for (alias, kind, choices) in own {
        add_custom_field(&b, FieldScope::List, &FieldDef { choices, ..FieldDef::new(alias, kind) }).await;
    }
    let columns = HEADERS.split(',').count();
    let source = dir.write("source.csv", source_csv().as_bytes());
    assert_eq!(import(&b, &source, &list, columns, true).await, 3);

    // The list's Export to CSV, with the default options (comma, BOM).
    navigate(&b, "#/lists").await;
    let first = export(&b, "button[aria-label='Export the contacts of Clienti to CSV']", dir.path(), "Clienti.csv").await;
    assert!(first.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
    let rows = csv_records(&first, b',');
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
    open_contacts_of(&b, &list).await;
    b.click("#select-all-contacts").await;
    delete_selected_contacts(&b).await;
    b.wait_for("#no-contacts").await;
    let exported = dir.path().join("Clienti.csv");
    assert_eq!(import(&b, &exported, &list, columns, true).await, 3);
    std::fs::rename(&exported, dir.path().join("first.csv")).expect("move the first export aside");
    navigate(&b, "#/lists").await;
    let second = export(&b, "button[aria-label='Export the contacts of Clienti to CSV']", dir.path(), "Clienti.csv").await;
    assert_eq!(String::from_utf8_lossy(&second), String::from_utf8_lossy(&first), "the round trip changed the contacts");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn table_results_selected_rows_and_lists_export_with_remembered_options() {
    let b = open_fresh_app("e2e-export-table").await;
    let dir = TempDir::new("cm-e2e-export");
    allow_downloads(&b, dir.path()).await;
    let sales = create_list(&b, NewList::named("Vendite")).await;
    let _other = create_list(&b, NewList::named("@Leads")).await;
    let file = dir.write("people.csv", "First name,Last name,Email\nAnna,Rossi,anna@x.it\nAnnalisa,Città,annalisa@x.it\nMarco,Verdi,marco@x.it\n@Mallory,=cmd,mallory@x.it\n".as_bytes());
    assert_eq!(import(&b, &file, &sales, 3, true).await, 4);

    // What the table shows after a search, with ";" and no BOM.
    navigate(&b, "#/contacts").await;
    b.fill("#contact-search", "ann").await;
    let two = "return document.querySelectorAll('#contacts-table tbody tr').length === 2";
    b.poll(two, LIMIT, "the 2 contacts matching ann").await;
    b.click("#export-contacts").await;
    b.wait_for("#export-dialog").await;
    b.select("#export-separator", ";").await;
    b.select("#export-encoding", "plain").await;
    b.screenshot("export-dialog").await;
    b.click("#export-start").await;
    let shown = wait_for_download(&dir.path().join("contacts.csv"), LIMIT).await;
    b.wait_gone(".overlay").await;
    assert!(!shown.starts_with("\u{feff}".as_bytes()), "plain UTF-8 on request");
    let rows = csv_records(&shown, b';');
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
    let rows = csv_records(&selected, b',');
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!((rows[1][0].as_str(), rows[1][1].as_str()), ("'@Mallory", "'=cmd"), "formula-like cells neutralised");

    // The selected lists.
    navigate(&b, "#/lists").await;
    b.click("input[aria-label='Select all lists']").await;
    let lists = export(&b, "#export-lists", dir.path(), "lists.csv").await;
    let rows = csv_records(&lists, b',');
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

#[tokio::test(flavor = "multi_thread")]
async fn selected_global_fields_export_to_csv() {
    let b = open_fresh_app("e2e-fields-export").await;
    // A real download into a folder of our own.
    let dir = TempDir::new("cm-e2e-dl");
    allow_downloads(&b, dir.path()).await;

    navigate(&b, "#/custom-fields").await;
    add_custom_field(&b, FieldScope::Global, &FieldDef { required: true, click_to_action: true, ..FieldDef::new("Hotline", "text") }).await;
    add_custom_field(&b, FieldScope::Global, &FieldDef { choices: &["A", "B"], ..FieldDef::new("=Grade", "select") }).await;
    add_custom_field(&b, FieldScope::Global, &FieldDef::new("Not exported", "number")).await;
    assert_eq!(b.exec("return document.querySelector('#export-fields').disabled").await, json!(true));
    b.click("#global-fields-table tbody tr:nth-child(1) .col-check input").await;
    b.click("#global-fields-table tbody tr:nth-child(2) .col-check input").await;
    b.wait_for_text(".selection-count", "2 selected").await;
    b.click("#export-fields").await;

    let bytes = wait_for_download(&dir.path().join("global-custom-fields.csv"), Duration::from_secs(10)).await;
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("the download is not UTF-8: {e}"));
    assert!(text.starts_with('\u{feff}'), "a BOM for Excel");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "Alias,Type,Choices,Required,Click to action,Status",
            "Hotline,Text,,yes,yes,available",
            "'=Grade,Select,A | B,no,no,available",
        ]
    );
    b.close().await;
}
