//! End-to-end: the corpus of real export layouts (tests/fixtures/import/corpus, expected
//! results in its README) through the wizard in headless Chromium. Each file: the
//! list's country chosen, the check before Upload read, the import, the counts, the
//! numbers stored with their country, websites repaired, tags created, and the report's
//! Warnings sheet read back with calamine. No contact is lost for a secondary field.

use crate::support;

use std::time::Duration;

use support::app::open_fresh_app;
use support::contacts::{contact_fields, contacts_in_list};
use support::files::{allow_downloads, wait_for_download, xlsx_rows, TempDir};
use support::import_wizard::{
    choose_file, create_list_in_wizard, open_import_page, set_duplicate_check, upload, Summary, EMAIL_AND_PHONE,
};
use support::{fresh_db_name, repo_path, Browser};

const SMALL: Duration = Duration::from_secs(30);

/// One corpus file and what the README says of it.
struct Case {
    file: &'static str,
    country: &'static str,
    /// (imported, with warnings, duplicates, failed).
    counts: (u64, u64, u64, u64),
    /// Lines of the report's Warnings sheet (one per value), header excluded.
    warning_lines: usize,
    /// The tags that exist after the import (sorted as the Tags page sorts them).
    tags: &'static [&'static str],
    /// (a contact's last name, field key, the value its edit page shows: phones are
    /// stored in WhatsApp form and shown with "+").
    stored: &'static [(&'static str, &'static str, &'static str)],
}

const CASES: [Case; 8] = [
    Case {
        file: "google-contacts.csv",
        country: "IT",
        counts: (10, 5, 1, 1),
        warning_lines: 5,
        tags: &["Customers", "Friends", "Milano", "starred"],
        stored: &[("Rossi", "phone", "+393331234567"), ("Rossi", "url", "https://www.acme-example.it"), ("Bianchi", "phone", "+393477654321")],
    },
    Case {
        file: "outlook.csv",
        country: "US",
        counts: (9, 3, 1, 1),
        warning_lines: 3,
        tags: &["Customers", "Prospects", "VIP"],
        stored: &[("O'Connor", "phone", "+16172531000"), ("O'Connor", "url", "https://www.northwind.example"), ("O'Connor", "date_of_birth", "1978-07-15")],
    },
    Case {
        file: "icloud-numbers.csv",
        country: "US",
        counts: (8, 4, 1, 1),
        warning_lines: 4,
        tags: &[],
        stored: &[("Appleseed", "mobile", "+18885555512"), ("Smith", "mobile", "+16175550143")],
    },
    Case {
        file: "hubspot.csv",
        country: "US",
        counts: (9, 3, 0, 2),
        warning_lines: 3,
        tags: &[],
        stored: &[("Johnson", "phone", "+16172531000"), ("Johnson", "mobile", "+16175550102"), ("Brown", "phone", "+12125550103")],
    },
    Case {
        file: "salesforce.csv",
        country: "US",
        counts: (11, 2, 1, 1),
        warning_lines: 2,
        tags: &[],
        stored: &[("Young", "phone", "+17852416200"), ("Lefèvre", "mobile", "+33612345678")],
    },
    Case {
        file: "zoho-crm.csv",
        country: "US",
        counts: (8, 3, 1, 1),
        warning_lines: 5,
        tags: &["Asia", "Customer", "Enterprise", "Prospect"],
        stored: &[("Goldberg", "phone", "+14155550132"), ("Sharma", "mobile", "+919820012345")],
    },
    Case {
        file: "excel-it.csv",
        country: "IT",
        counts: (10, 6, 1, 1),
        warning_lines: 7,
        tags: &[],
        stored: &[("Rossi", "phone", "+39021000000"), ("Rossi", "mobile", "+393331234567"), ("Greco", "mobile", "+393281234567")],
    },
    Case {
        file: "excel-de.csv",
        country: "DE",
        counts: (9, 3, 1, 1),
        warning_lines: 4,
        tags: &[],
        stored: &[("Müller", "phone", "+493012345678"), ("Müller", "mobile", "+4915123456789"), ("Schäfer", "date_of_birth", "1988-02-01")],
    },
];

fn counts(s: &Summary) -> (u64, u64, u64, u64) {
    (s.imported, s.warned, s.duplicates_in_file + s.duplicates_existing, s.failed)
}

async fn import_case(b: &Browser, case: &Case, downloads: &std::path::Path) {
    let name = case.file;
    b.open_app(&fresh_db_name("e2e-corpus")).await;
    open_import_page(b).await;
    let path = repo_path(&format!("tests/fixtures/import/corpus/{name}"));
    choose_file(b, &path).await;
    let list = create_list_in_wizard(b, name).await;
    b.select("#import-country", case.country).await;
    set_duplicate_check(b, EMAIL_AND_PHONE).await;
    // The check before Upload reads the whole (small) file and says what will happen.
    let (imported, warned, duplicates, failed) = case.counts;
    let rows = imported + duplicates + failed;
    let sentence = format!(
        "const el = document.querySelector('#import-check-sentence');
         return el && el.textContent.startsWith('{rows} rows read: {imported} would import, {warned} with warnings') ? el.textContent : null;"
    );
    let check = b.poll(&sentence, Duration::from_secs(10), &format!("{name}: the check before Upload")).await;
    let check = check.as_str().unwrap_or_default().to_string();
    assert!(check.contains(&format!("{failed} would fail")), "{name}: {check}");
    assert_eq!(b.count("#import-nothing:not([hidden])").await, 0, "{name}: no red warning when rows import");

    let s = upload(b, SMALL).await;
    assert_eq!(counts(&s), case.counts, "{name}: {s:?}");
    assert!(s.status.contains("Finished"), "{name}: {s:?}");
    // The report: one Warnings line per value left out (or read one of two ways).
    b.click("#import-download-report").await;
    let stem = name.trim_end_matches(".csv");
    let file = downloads.join(format!("{stem}-import-report.xlsx"));
    wait_for_download(&file, Duration::from_secs(20)).await;
    let warnings = xlsx_rows(&file, "Warnings");
    assert_eq!(warnings.first().map(|r| r.join("|")).as_deref(), Some("Row|Column|Field|Value|Problem"), "{name}");
    assert_eq!(warnings.len() - 1, case.warning_lines, "{name}: {warnings:#?}");
    let warned_rows: std::collections::BTreeSet<&str> = warnings.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(warned_rows.len() as u64, warned, "{name}: rows with warnings in the sheet");
    assert_eq!(contacts_in_list(b, &list).await, imported, "{name}: the list holds every imported contact");

    for (who, key, value) in case.stored {
        assert_eq!(contact_fields(b, &list, who, &[key]).await, [*value], "{name}: {who}'s {key}");
    }
    b.exec("location.hash = '#/tags'").await;
    if case.tags.is_empty() {
        b.wait_for("#no-tags").await;
    } else {
        b.wait_for("#tags-table").await;
        let names = b.texts("#tags-table tbody tr td:first-child").await;
        assert_eq!(names, case.tags, "{name}: the tags the import created");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_corpus_file_imports_through_the_wizard() {
    let dir = TempDir::new("cm-e2e-corpus");
    let b = open_fresh_app("e2e-corpus").await;
    allow_downloads(&b, dir.path()).await;
    for case in &CASES {
        import_case(&b, case, dir.path()).await;
    }
    b.close().await;
}

/// A mapping that fails every row says so in red beside Upload, before anything is
/// stored; the check follows the choices.
#[tokio::test(flavor = "multi_thread")]
async fn a_mapping_that_would_fail_every_row_is_flagged_before_upload() {
    let b = open_fresh_app("e2e-corpus-bad-mapping").await;
    open_import_page(&b).await;
    choose_file(&b, &repo_path("tests/fixtures/import/corpus/google-contacts.csv")).await;
    create_list_in_wizard(&b, "Rubrica").await;
    b.select("#import-country", "IT").await;
    b.poll("const el = document.querySelector('#import-check-sentence'); return el && el.textContent.startsWith('12 rows read: 10 would import') || null;", Duration::from_secs(10), "the check").await;
    // Without a first-name column the check says why it cannot run.
    b.select("select.import-target[data-column='0']", "skip").await;
    let why = b.wait_for_text("#import-check", "first name").await;
    assert!(why.contains("first name"), "without a first-name column the check says why: {why}");
    // "Middle Name" is empty on every row: as the first name, every row would fail.
    b.select("select.import-target[data-column='1']", "first_name").await;
    b.wait_for("#import-nothing:not([hidden])").await;
    let said = b.text("#import-nothing").await;
    assert!(said.contains("no row would be imported"), "{said}");
    let check = b.text("#import-check-sentence").await;
    // Every reason of every row is counted: the first name on all, the bad values too.
    assert!(check.starts_with("12 rows read: 0 would import, 12 would fail (12 First name missing, "), "{check}");
    b.screenshot("import-check-nothing-desktop").await;
    b.close().await;
}
