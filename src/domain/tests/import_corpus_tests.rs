//! The corpus of real export layouts (tests/fixtures/import/corpus, expected results
//! in its README): each file through sniff → preview → proposed mapping → run, with
//! the list's default country, the duplicate check on Email + Phone and unknown tags
//! created. No row is lost for a secondary field.

use crate::domain::import::{preview, propose, sniff, DedupField, ImportContext, ImportOptions, ImportPlan, ImportRun, ReadyContact, SAMPLE_BYTES};
use crate::domain::{ContactData, ContactField as F, Country};

use super::import_support::LIST;

struct Imported {
    run: ImportRun,
    ready: Vec<ReadyContact>,
}

fn import(name: &str, country: &str, chunk: usize) -> Imported {
    let path = format!("{}/tests/fixtures/import/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let sample = bytes.get(..SAMPLE_BYTES).unwrap_or(&bytes);
    let format = sniff(sample).unwrap_or_else(|e| panic!("{name}: sniff: {e}"));
    let columns = propose(&preview(sample, &format, 20).headers, &[]);
    let options = ImportOptions { country: Country::from_code(country), ..ImportOptions::default() };
    let duplicate_fields = vec![DedupField::Field(F::Email), DedupField::Field(F::Phone)];
    let plan = ImportPlan { list: LIST, format, columns, duplicate_fields, options };
    let mut run = ImportRun::new(plan, &ImportContext::default(), bytes.len() as u64).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut ready = Vec::new();
    for piece in bytes.chunks(chunk) {
        run.feed(piece);
        ready.extend(run.take_ready());
    }
    assert_eq!(run.finish(), Ok(()), "{name}");
    ready.extend(run.take_ready());
    Imported { run, ready }
}

impl Imported {
    fn row(&self, row: u64) -> &ContactData {
        self.ready.iter().find(|r| r.row == row).map(|r| &r.data).unwrap_or_else(|| panic!("row {row} was not imported"))
    }
    fn failed_rows(&self) -> Vec<u64> {
        self.run.problems().iter().filter(|p| !p.problem.is_duplicate()).map(|p| p.row).collect()
    }
    fn duplicate_rows(&self) -> Vec<u64> {
        self.run.problems().iter().filter(|p| p.problem.is_duplicate()).map(|p| p.row).collect()
    }
    fn warned_rows(&self) -> Vec<u64> {
        self.run.warnings().iter().map(|w| w.row).collect()
    }
}

/// (file, country, rows, imported, with warnings, duplicates, failed, tags created):
/// the README's table.
const EXPECTED: [(&str, &str, u64, u64, u64, u64, u64, usize); 8] = [
    ("google-contacts.csv", "IT", 12, 10, 5, 1, 1, 4),
    ("outlook.csv", "US", 11, 9, 3, 1, 1, 3),
    ("icloud-numbers.csv", "US", 10, 8, 4, 1, 1, 0),
    ("hubspot.csv", "US", 11, 9, 3, 0, 2, 0),
    ("salesforce.csv", "US", 13, 11, 2, 1, 1, 0),
    ("zoho-crm.csv", "US", 10, 8, 3, 1, 1, 4),
    ("excel-it.csv", "IT", 12, 10, 6, 1, 1, 0),
    ("excel-de.csv", "DE", 11, 9, 3, 1, 1, 0),
];

#[test]
fn every_corpus_file_imports_as_its_readme_says_in_any_chunking() {
    for (name, country, rows, imported, warned, duplicates, failed, tags) in EXPECTED {
        for chunk in [3, 64, 1 << 20] {
            let out = import(name, country, chunk);
            let p = out.run.progress();
            let why: Vec<String> = out.run.problems().iter().map(|p| format!("row {}: {}", p.row, p.problem)).collect();
            let warnings: Vec<String> =
                out.run.warnings().iter().flat_map(|w| w.warnings.iter().map(move |f| format!("row {}: {f}", w.row))).collect();
            assert_eq!(
                (p.rows_read, p.ready_so_far, p.warned, p.duplicates_in_file, p.failed, out.run.new_tags().len()),
                (rows, imported, warned, duplicates, failed, tags),
                "{name} in chunks of {chunk}: {why:#?} {warnings:#?}"
            );
        }
    }
}

#[test]
fn the_rows_the_readme_names_fail_duplicate_or_warn() {
    let cases: [(&str, &str, &[u64], &[u64], &[u64]); 8] = [
        ("google-contacts.csv", "IT", &[5], &[9], &[4, 6, 7, 11, 12]),
        ("outlook.csv", "US", &[4], &[9], &[5, 6, 7]),
        ("icloud-numbers.csv", "US", &[5], &[8], &[3, 6, 9, 11]),
        ("hubspot.csv", "US", &[5, 11], &[], &[4, 6, 8]),
        ("salesforce.csv", "US", &[6], &[9], &[5, 10]),
        ("zoho-crm.csv", "US", &[6], &[7], &[2, 3, 8]),
        ("excel-it.csv", "IT", &[6], &[8], &[4, 5, 7, 9, 11, 12]),
        ("excel-de.csv", "DE", &[5], &[6], &[4, 7, 9]),
    ];
    for (name, country, failed, duplicates, warned) in cases {
        let out = import(name, country, 1 << 20);
        assert_eq!(out.failed_rows(), failed, "{name}: failed rows");
        assert_eq!(out.duplicate_rows(), duplicates, "{name}: duplicate rows");
        assert_eq!(out.warned_rows(), warned, "{name}: rows with warnings");
    }
}

/// Phones normalised with the list's country, websites repaired, dates read in each
/// source's form: the README's "stored values".
#[test]
fn stored_values_are_normalised_as_the_readme_says() {
    let google = import("google-contacts.csv", "IT", 1 << 20);
    let anna = google.row(2);
    assert_eq!((anna.get(F::Phone), anna.get(F::Url), anna.get(F::DateOfBirth)), (Some("393331234567"), Some("https://www.acme-example.it"), Some("1985-04-12")));
    assert_eq!(anna.additional_phones().first().map(|p| (&*p.label, p.number.as_str())), Some(("Other", "390212345678")));
    assert_eq!(google.row(3).get(F::Phone), Some("393477654321"));
    assert_eq!(google.row(3).get(F::Url), Some("http://bianchi.example.it"));
    assert_eq!(google.row(12).get(F::Phone), Some("393287654321"));
    assert_eq!(google.row(10).get(F::Description), Some("=HYPERLINK(\"https://crm.example.com/c/1042\",\"CRM\")"));
    assert_eq!(google.row(4).get(F::DateOfBirth), None);
    let mut google_tags: Vec<&str> = google.run.new_tags().iter().map(|t| &**t).collect();
    google_tags.sort_unstable();
    assert_eq!(google_tags, ["Customers", "Friends", "Milano", "starred"]);

    let outlook = import("outlook.csv", "US", 1 << 20);
    let james = outlook.row(2);
    assert_eq!(
        (james.get(F::Phone), james.get(F::Mobile), james.get(F::Fax), james.get(F::Url), james.get(F::DateOfBirth)),
        (Some("16172531000"), Some("16175550123"), Some("16172531001"), Some("https://www.northwind.example"), Some("1978-07-15"))
    );
    assert_eq!(outlook.row(3).get(F::DateOfBirth), None);
    assert!(outlook.row(3).get(F::Description).is_some_and(|d| d.ends_with("prices in €.")), "{:?}", outlook.row(3).get(F::Description));
    assert_eq!(outlook.row(10).get(F::DateOfBirth), Some("1985-12-31"));
    assert_eq!(outlook.row(11).get(F::Phone), Some("16172531234"));

    let hubspot = import("hubspot.csv", "US", 1 << 20);
    assert_eq!((hubspot.row(2).get(F::Phone), hubspot.row(2).get(F::Mobile)), (Some("16172531000"), Some("16175550102")));
    assert_eq!(hubspot.row(3).get(F::Phone), Some("12125550103"));
    assert_eq!(hubspot.row(7).get(F::Url), Some("http://jlee-consulting.example"));

    let salesforce = import("salesforce.csv", "US", 1 << 20);
    assert_eq!((salesforce.row(2).get(F::Phone), salesforce.row(2).get(F::DateOfBirth)), (Some("17852416200"), Some("1962-06-14")));
    assert_eq!((salesforce.row(13).get(F::Mobile), salesforce.row(13).get(F::DateOfBirth)), (Some("33612345678"), Some("1970-01-15")));

    let zoho = import("zoho-crm.csv", "US", 1 << 20);
    assert_eq!((zoho.row(4).get(F::Phone), zoho.row(4).get(F::Mobile)), (Some("14155550132"), Some("14155550177")));
    assert_eq!(zoho.row(5).get(F::Mobile), Some("919820012345"));

    let icloud = import("icloud-numbers.csv", "US", 1 << 20);
    assert_eq!(icloud.row(2).get(F::Mobile), Some("18885555512"));
    assert_eq!(icloud.row(7).get(F::Url), Some("http://svensson.example.se"));

    let italian = import("excel-it.csv", "IT", 1 << 20);
    let mario = italian.row(2);
    assert_eq!((mario.get(F::Phone), mario.get(F::Mobile), mario.get(F::Street)), (Some("39021000000"), Some("393331234567"), Some("Via Roma, 1")));
    assert_eq!(italian.row(3).get(F::Mobile), Some("393477654321"));
    assert_eq!(italian.row(9).get(F::DateOfBirth), Some("1990-07-05"));
    assert_eq!(italian.row(11).get(F::Mobile), Some("393281234567"));
    assert_eq!(italian.row(5).first_name(), "Niccolò");

    let german = import("excel-de.csv", "DE", 1 << 20);
    let juergen = german.row(2);
    assert_eq!((juergen.first_name(), juergen.get(F::Phone), juergen.get(F::Mobile)), ("Jürgen", Some("493012345678"), Some("4915123456789")));
    assert_eq!(german.row(3).get(F::DateOfBirth), Some("1988-02-01"));
    assert_eq!(german.row(8).get(F::Phone), Some("493511234567"));
    assert_eq!(german.row(10).get(F::Phone), Some("49401234567"));
    assert_eq!(german.row(12).get(F::Phone), Some("4315123456"));
}
