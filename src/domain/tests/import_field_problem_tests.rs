//! Row failures vs field problems: a row fails only when it cannot become a contact;
//! any other bad value is left out of the contact and reported as a warning (or fails
//! the row when the user asks for that).

use crate::domain::import::ExistingKeys;
use std::io::Cursor;

use calamine::{open_workbook_from_rs, Reader, Xlsx};
use proptest::prelude::*;

use crate::domain::custom_field::{CustomField, FieldId, FieldType};
use crate::domain::import::{
    write_report, CheckReport, FailureKind, FileFormat, ImportContext, ImportOptions, ImportPlan, ImportRun, InvalidValues,
    ReadyContact, Target, UnknownTags,
};
use crate::domain::tag::{TagColour, TagDraft, TagId};
use crate::domain::{BatchProgress, ContactField as F, Country, ImportBatchDraft, ListDraft, Timestamp, Workspace};

use super::import_support::{custom, custom_columns, custom_field_of_each_type, tags, LIST};

/// Every kind of secondary value, one column each.
fn columns() -> Vec<Target> {
    let fields = [F::FirstName, F::Phone, F::Mobile, F::Fax, F::Email, F::Url, F::DateOfBirth].map(Target::Field);
    fields.into_iter().chain(custom_columns()).chain([Target::AdditionalPhones, Target::Tags]).collect()
}

const HEADER: &str = "Name,Phone,Mobile,Fax,Email,Web,Born,Score,Plan,Active,Since,Site,Other phones,Labels\n";

fn fields() -> Vec<CustomField> {
    custom_field_of_each_type(&[])
}

struct Run {
    run: ImportRun,
    ready: Vec<ReadyContact>,
}

fn run_with(csv: &str, columns: Vec<Target>, fields: &[CustomField], options: ImportOptions) -> Run {
    let tags = tags(&["VIP"]);
    let context = ImportContext { custom_fields: fields.to_vec(), tags: tags.clone(), existing: ExistingKeys::default() };
    let plan = ImportPlan { list: LIST, format: FileFormat::default(), columns, duplicate_fields: vec![], options };
    let mut run = ImportRun::new(plan, &context, csv.len() as u64).unwrap_or_else(|e| panic!("plan: {e}"));
    run.feed(csv.as_bytes());
    assert_eq!(run.finish(), Ok(()));
    let ready = run.take_ready();
    Run { run, ready }
}

fn run(csv: &str, options: ImportOptions) -> Run {
    run_with(csv, columns(), &fields(), options)
}

/// (column, value, kind) of every warning of the row.
fn warnings_of(run: &ImportRun, row: u64) -> Vec<(String, String, FailureKind)> {
    run.warnings()
        .iter()
        .filter(|w| w.row == row)
        .flat_map(|w| w.warnings.iter().map(|f| (f.column.as_deref().unwrap_or("").to_owned(), f.value.to_string(), f.kind.clone())))
        .collect()
}

fn invalid(label: &str) -> FailureKind {
    FailureKind::Invalid(label.into())
}

#[test]
fn every_bad_secondary_value_is_a_warning_and_the_contact_is_imported() {
    let csv = format!(
        "{HEADER}\
         Ann,+39 12,n/a,fax?,ann(at)example.com,javascript:alert(1),31/02/1980,lots,Platinum,maybe,yesterday,http://plain.example,Work: +39 1,VIP ::: Gold\n\
         Bob,+39 333 1234567,,,bob@example.com,www.example.com,25/04/1990,12,Gold,yes,2024-01-02,example.org,Home: +39 06 1234 5678,VIP\n"
    );
    let out = run(&csv, ImportOptions { unknown_tags: UnknownTags::Ignore, ..ImportOptions::default() });
    let p = out.run.progress();
    assert_eq!((p.rows_read, p.ready_so_far, p.failed, p.warned), (2, 2, 0, 1));
    let ann = &out.ready[0].data;
    assert_eq!(ann.first_name(), "Ann");
    for field in [F::Phone, F::Mobile, F::Fax, F::Email, F::Url, F::DateOfBirth] {
        assert_eq!(ann.get(field), None, "{field:?} left out");
    }
    // An unset switch is "off"; every other custom value went.
    assert_eq!(ann.custom_values(), [(FieldId::new(3), crate::domain::FieldValue::Switch(false))]);
    assert!(ann.additional_phones().is_empty());
    assert_eq!(ann.tags(), [TagId::new(1)], "the known tag stays");
    let got = warnings_of(&out.run, 2);
    let want = [
        ("Phone", "+39 12", invalid("Phone")),
        ("Mobile", "n/a", invalid("Mobile")),
        ("Fax", "fax?", invalid("Fax")),
        ("Email", "ann(at)example.com", invalid("Email")),
        ("Web", "javascript:alert(1)", invalid("Website")),
        ("Born", "31/02/1980", invalid("Date of birth")),
        ("Score", "lots", invalid("Score")),
        ("Plan", "Platinum", invalid("Plan")),
        ("Active", "maybe", invalid("Active")),
        ("Since", "yesterday", invalid("Since")),
        ("Site", "http://plain.example", invalid("Site")),
        ("Other phones", "+39 1", invalid("Additional phones")),
        ("Labels", "Gold", FailureKind::UnknownTag),
    ];
    for (column, value, kind) in want {
        assert!(got.contains(&(column.to_owned(), value.to_owned(), kind.clone())), "missing {column} {value} {kind:?} in {got:?}");
    }
    assert_eq!(got.len(), 13, "{got:?}");
    // Bob's values are all kept, repaired where a repair is certain.
    let bob = &out.ready[1].data;
    assert_eq!((bob.get(F::Phone), bob.get(F::Url), bob.get(F::DateOfBirth)), (Some("393331234567"), Some("https://www.example.com"), Some("1990-04-25")));
    assert_eq!(bob.custom_value(FieldId::new(5)).map(|v| v.to_text()), Some("https://example.org".to_owned()));
    assert_eq!(bob.additional_phones().first().map(|p| p.number.as_str()), Some("390612345678"));
    // The summary counts each reason once per row, and every reason of the row.
    let summary = out.run.summary(2);
    assert_eq!(summary.warned, 1);
    assert_eq!(summary.warned_by_kind.len(), 13, "{:?}", summary.warned_by_kind);
    assert!(summary.warned_by_kind.iter().all(|(_, n)| *n == 1));
}

#[test]
fn a_row_fails_only_when_it_cannot_become_a_contact() {
    let fields = vec![custom(1, "Score", FieldType::Number, false), custom(9, "Contract", FieldType::Text, true)];
    let columns = vec![Target::Field(F::FirstName), Target::Field(F::Email), Target::Custom(FieldId::new(1)), Target::Custom(FieldId::new(9))];
    let csv = "Name,Email,Score,Contract\n\
               ,ann@example.com,1,C-1\n\
               Bob,bob@,x,\n\
               Cy,cy@example.com,2,C-3,extra\n\
               Di,di@example.com,3,C-4\n\
               \"Ed,ed@example.com,4,C-5\n";
    let out = run_with(csv, columns, &fields, ImportOptions::default());
    let p = out.run.progress();
    assert_eq!((p.rows_read, p.ready_so_far, p.failed), (5, 1, 4), "{:?}", out.run.problems());
    assert_eq!(out.ready.first().map(|r| (r.row, r.data.first_name())), Some((5, "Di")));
    let reasons: Vec<(u64, Vec<FailureKind>)> = out
        .run
        .problems()
        .iter()
        .map(|p| match &p.problem {
            crate::domain::import::Problem::Failed(f) => (p.row, f.iter().map(|f| f.kind.clone()).collect()),
            other => panic!("{other}"),
        })
        .collect();
    assert_eq!(reasons[0], (2, vec![FailureKind::Required("First name".into())]));
    // Bob: the required field is missing; his bad email and score are reasons too.
    assert_eq!(reasons[1], (3, vec![FailureKind::Required("Contract".into()), invalid("Email"), invalid("Score")]));
    assert_eq!(reasons[2].1, [FailureKind::WrongValueCount]);
    assert_eq!(reasons[3].1, [FailureKind::UnclosedQuote]);
    // Every reason of every row is counted, not only each row's first.
    let summary = out.run.summary(1);
    assert!(summary.failed_by_kind.contains(&(invalid("Email"), 1)) && summary.failed_by_kind.contains(&(invalid("Score"), 1)), "{:?}", summary.failed_by_kind);
}

#[test]
fn skip_row_turns_field_problems_into_failures() {
    let csv = format!("{HEADER}Ann,+39 12,,,ann@example.com,,,,,,,,,\nBob,+39 333 1234567,,,bob@example.com,,,,,,,,,\n");
    let out = run(&csv, ImportOptions { invalid_values: InvalidValues::SkipRow, ..ImportOptions::default() });
    let p = out.run.progress();
    assert_eq!((p.ready_so_far, p.failed, p.warned), (1, 1, 0));
    assert_eq!(out.run.problems().first().map(|p| p.problem.to_string()), Some("Phone (column “\u{2068}Phone\u{2069}”): the number is too short for its country".to_owned()));
}

#[test]
fn short_rows_import_with_the_missing_cells_empty() {
    let csv = "Name,Email,Phone\nAnn,ann@example.com\nBob\nCy,cy@example.com,+39 333 1234567\n";
    let columns = vec![Target::Field(F::FirstName), Target::Field(F::Email), Target::Field(F::Phone)];
    let out = run_with(csv, columns, &[], ImportOptions::default());
    let p = out.run.progress();
    assert_eq!((p.rows_read, p.ready_so_far, p.failed, p.warned), (3, 3, 0, 2));
    assert_eq!(out.ready[0].data.get(F::Email), Some("ann@example.com"));
    let ann = out.run.warnings().first().map(|w| (w.row, w.warnings[0].kind.clone(), w.warnings[0].reason.clone()));
    assert_eq!(ann, Some((2, FailureKind::ShortRow, "the row has 2 values; the header has 3: the missing cells were read as empty".to_owned())));
}

#[test]
fn numbers_without_a_country_code_take_the_lists_country() {
    let csv = "Nome;Telefono;Cellulare\nAnna;02 1000000;+39 333 1234567\nLuca;3281234567;333 1234567\n";
    let italy = Country::from_code("IT");
    let plan = ImportPlan {
        list: LIST,
        format: FileFormat { delimiter: b';', ..FileFormat::default() },
        columns: vec![Target::Field(F::FirstName), Target::Field(F::Phone), Target::Field(F::Mobile)],
        duplicate_fields: vec![],
        options: ImportOptions { country: italy, ..ImportOptions::default() },
    };
    let mut run = ImportRun::new(plan, &ImportContext::default(), 0).unwrap_or_else(|e| panic!("{e}"));
    run.feed(csv.as_bytes());
    assert_eq!(run.finish(), Ok(()));
    let ready = run.take_ready();
    let phones: Vec<(Option<&str>, Option<&str>)> = ready.iter().map(|r| (r.data.get(F::Phone), r.data.get(F::Mobile))).collect();
    assert_eq!(phones, [(Some("39021000000"), Some("393331234567")), (Some("393281234567"), Some("393331234567"))]);
    // 3281234567 is also a Belgian number: kept as Italian, counted as a warning.
    assert_eq!(run.progress().warned, 1);
    let luca = run.warnings().first().map(|w| (w.row, w.warnings[0].kind.clone()));
    assert_eq!(luca, Some((3, FailureKind::AmbiguousPhone("Phone".into()))));
}

#[test]
fn unknown_tags_are_created_once_whatever_their_case() {
    let csv = "Name,Labels\nAnn,* myContacts ::: Customers ::: vip\nBob,customers\nCy,Partners ::: * starred\n";
    let columns = vec![Target::Field(F::FirstName), Target::Tags];
    let out = run_with(csv, columns, &[], ImportOptions::default());
    let news: Vec<Vec<&str>> = out.ready.iter().map(|r| r.new_tags.iter().map(|t| &**t).collect()).collect();
    assert_eq!(news, [vec!["Customers"], vec!["customers"], vec!["Partners", "starred"]]);
    assert_eq!(out.run.new_tags().iter().map(|t| &**t).collect::<Vec<_>>(), ["Customers", "Partners", "starred"]);
    assert_eq!(out.ready[0].data.tags(), [TagId::new(1)], "the existing VIP tag, any case");
    assert_eq!(out.run.progress().warned, 0);

    // The workspace creates each new tag once, in the chosen colour, with the contacts.
    let mut ws = Workspace::new();
    let t0 = Timestamp::from_millis(1);
    let (list, _) = ws.create_list(&ListDraft { name: "Leads".into(), ..ListDraft::default() }, t0).unwrap_or_else(|e| panic!("{e}"));
    let draft = ImportBatchDraft { file_name: "g.csv".into(), file_size: 1, list, mapping: vec![], duplicate_check: vec![] };
    let (batch, _) = ws.begin_import(draft, t0).unwrap_or_else(|e| panic!("{e}"));
    // Tag ids start at 0; the run was given VIP as id 1.
    ws.create_tag(&TagDraft { name: "Old".into(), colour: "#000000".into() }).unwrap_or_else(|e| panic!("{e}"));
    let (vip, _) = ws.create_tag(&TagDraft { name: "VIP".into(), colour: "#000000".into() }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(vip, TagId::new(1), "the id the run was given for VIP");
    let colour = TagColour::parse("#112233").unwrap_or_else(|| panic!("colour"));
    let (ids, change) = ws.import_slice(batch, out.ready, &colour, BatchProgress::default(), t0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids.len(), 3);
    let names: Vec<(&str, &str)> = ws.tags().into_iter().map(|t| (&*t.name, t.colour.as_str())).collect();
    assert_eq!(names, [("Customers", "#112233"), ("Old", "#000000"), ("Partners", "#112233"), ("starred", "#112233"), ("VIP", "#000000")]);
    assert_eq!(change.records_put.iter().filter(|k| matches!(k, crate::domain::RecordKey::Tag(_))).count(), 3);
    let customers = ws.tags().into_iter().find(|t| &*t.name == "Customers").map(|t| t.id);
    let bob = ws.contact(ids[1]).map(|c| c.data.tags().to_vec());
    assert_eq!(bob, customers.map(|id| vec![id]));
}

#[test]
fn the_report_has_a_warnings_sheet() {
    let csv = format!("{HEADER}Ann,+39 12,,,ann(at)example.com,,,,,,,,,\n");
    let out = run(&csv, ImportOptions::default());
    let bytes = write_report(out.run.headers(), out.run.problems(), out.run.warnings()).unwrap_or_else(|e| panic!("{e}"));
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap_or_else(|e| panic!("open: {e}"));
    let range = book.worksheet_range("Warnings").unwrap_or_else(|e| panic!("Warnings: {e}"));
    let rows: Vec<String> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>().join("|")).collect();
    assert_eq!(
        rows,
        [
            "Row|Column|Field|Value|Problem",
            "2|Phone|Phone|+39 12|the number is too short for its country",
            "2|Email|Email|ann(at)example.com|an email address has one @ between a name and a domain, like name@example.com",
        ]
    );
}

#[test]
fn the_check_before_upload_says_what_would_happen() {
    let csv = format!("{HEADER}Ann,+39 12,,,,,,,,,,,,\n,,,,x@example.com,,,,,,,,,\nBob,+39 333 1234567,,,,,,,,,,,,\nCy,,,,,www.example.com,,,,,,,,\n");
    let options = ImportOptions::default();
    let tags = tags(&["VIP"]);
    let fields = fields();
    let context = ImportContext { custom_fields: fields.clone(), tags: tags.clone(), existing: ExistingKeys::default() };
    let plan = ImportPlan { list: LIST, format: FileFormat::default(), columns: columns(), duplicate_fields: vec![], options };
    // Cut inside the last row: that row is not read.
    let cut = csv.len() - 10;
    let run = ImportRun::dry_run(plan.clone(), &context, &csv.as_bytes()[..cut], false).unwrap_or_else(|e| panic!("{e}"));
    let report = CheckReport::of(&run, false);
    assert_eq!(report.sentence(), "The first 3 rows read: 2 would import, 1 with warnings (Phone not valid), 1 would fail (First name missing).");
    assert_eq!(report.failure_examples, ["Row 3: First name (column “\u{2068}Name\u{2069}”): First name is required"]);
    assert!(!report.imports_nothing());
    let whole = ImportRun::dry_run(plan.clone(), &context, csv.as_bytes(), true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(CheckReport::of(&whole, true).sentence(), "4 rows read: 3 would import, 1 with warnings (Phone not valid), 1 would fail (First name missing).");
    // Mapping the email column as the first name fails every row but one: said plainly.
    let mut wrong = columns();
    wrong.swap(0, 4);
    let plan = ImportPlan { columns: wrong, ..plan };
    let run = ImportRun::dry_run(plan, &context, csv.as_bytes(), true).unwrap_or_else(|e| panic!("{e}"));
    let report = CheckReport::of(&run, true);
    assert_eq!((report.rows_read, report.would_import), (4, 1));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the secondary columns hold, a row with a first name is imported.
    #[test]
    fn a_row_with_a_first_name_is_never_failed_for_another_field(
        name in "[A-Za-zÀ-ÿ' ]{0,12}[A-Za-z]",
        cells in prop::collection::vec(any::<String>(), 13),
        skip_unknown_tags in any::<bool>(),
    ) {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let row: Vec<String> = std::iter::once(quote(&name)).chain(cells.iter().map(|c| quote(c))).collect();
        let csv = format!("{HEADER}{}\n", row.join(","));
        let unknown_tags = if skip_unknown_tags { UnknownTags::Ignore } else { UnknownTags::Create };
        let out = run(&csv, ImportOptions { country: Country::from_code("IT"), unknown_tags, ..ImportOptions::default() });
        let p = out.run.progress();
        prop_assert_eq!((p.rows_read, p.failed), (1, 0), "{:?}", out.run.problems());
        prop_assert_eq!(out.ready.len(), 1);
        prop_assert_eq!(out.ready[0].data.first_name(), name.trim());
    }
}
