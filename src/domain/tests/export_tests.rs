//! CSV exports: a list with every kind of value exports under headers the import
//! maps back by itself, and importing the file into an empty list gives the same
//! contacts; the lists export; exports of query results and in slices.

use crate::domain::import::ExistingKeys;
use crate::domain::agent::{AgentDraft, Role};
use crate::domain::contact::PhoneDraft;
use crate::domain::custom_field::FieldScope;
use crate::domain::export::{lists_csv, ContactsExport, CsvOptions};
use crate::domain::field_draft::{FieldDraft, FieldTypeName};
use crate::domain::import::{propose, ImportContext, Target};
use crate::domain::{ContactDraft, ContactField as F, ContactQuery, FieldId, ListDraft, ListId, SocialNetwork, TagDraft, TagId, Workspace};

use super::import_support::import;
use super::support_tests::{list, T0};

fn field(ws: &mut Workspace, scope: FieldScope, alias: &str, type_name: FieldTypeName, choices: &[&str]) -> FieldId {
    let draft = FieldDraft { alias: alias.into(), type_name, choices: choices.iter().map(|c| c.to_string()).collect(), required: false, click_to_action: false };
    ws.create_field(scope, &draft, T0).map(|(id, _)| id).unwrap_or_else(|e| panic!("field {alias}: {e}"))
}

fn tag(ws: &mut Workspace, name: &str) -> TagId {
    ws.create_tag(&TagDraft { name: name.into(), colour: "#336699".into() }).map(|(id, _)| id).unwrap_or_else(|e| panic!("tag {name}: {e}"))
}

/// A workspace whose list "Clienti" has global and list fields of every type, tags,
/// and contacts with every default field, social handles, additional phones, tags and
/// custom values filled (accents, quotes, separators, line breaks, formula-like text).
fn rich_workspace() -> (Workspace, ListId) {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Clienti");
    let g = FieldScope::Global;
    let own = FieldScope::List(l);
    let ids = [
        field(&mut ws, g, "Customer code", FieldTypeName::Text, &[]),
        field(&mut ws, g, "Region", FieldTypeName::Select, &["North", "South"]),
        field(&mut ws, g, "Budget", FieldTypeName::Number, &[]),
        field(&mut ws, g, "Consent", FieldTypeName::Switch, &[]),
        field(&mut ws, g, "First contact", FieldTypeName::DateTime, &[]),
        field(&mut ws, g, "Portal", FieldTypeName::Url, &[]),
        field(&mut ws, own, "Alt phone", FieldTypeName::Text, &[]),
        field(&mut ws, own, "Tier", FieldTypeName::Select, &["Gold", "Silver"]),
        field(&mut ws, own, "=Score", FieldTypeName::Number, &[]),
        field(&mut ws, own, "VIP", FieldTypeName::Switch, &[]),
        field(&mut ws, own, "Call back at", FieldTypeName::DateTime, &[]),
    ];
    let vip = tag(&mut ws, "VIP");
    let rome = tag(&mut ws, "Roma città");
    for i in 0..40 {
        let mut d = ContactDraft { list_id: Some(l), ..ContactDraft::default() };
        let values = [
            (F::FirstName, format!("Zoë {i}")),
            (F::LastName, "D'Angelo, \"Jr\"".to_owned()),
            (F::Phone, format!("+39 06 1234 {:04}", i)),
            (F::Mobile, format!("+39 333 123 {:04}", i)),
            (F::Fax, "+39 06 7654321".to_owned()),
            (F::Email, format!("zoe.{i}@example.it")),
            (F::Url, "https://example.it/zoë".to_owned()),
            (F::Company, "Acme; S.p.A.".to_owned()),
            (F::Street, "Via Roma 1\nScala B".to_owned()),
            (F::PostalCode, "00100".to_owned()),
            (F::City, "Forlì".to_owned()),
            (F::Country, "Italia".to_owned()),
            (F::DateOfBirth, "1990-04-25".to_owned()),
            (F::Description, "=HYPERLINK(\"http://evil\")".to_owned()),
        ];
        for (f, v) in values {
            d.set(f, v);
        }
        for net in SocialNetwork::ALL {
            d.set(F::Social(net), format!("@zoe_{}", net.label().to_lowercase()));
        }
        d.additional_phones = vec![
            PhoneDraft { label: "Work".into(), number: "+39 02 1234567".into() },
            PhoneDraft { label: "Casa".into(), number: format!("+39 347 000 {:04}", i) },
        ];
        d.tags = if i % 2 == 0 { vec![vip, rome] } else { vec![rome] };
        let custom = [
            "-C-042", "South", "-1500.5", "true", "2026-03-01T09:30", "https://example.com/grace",
            "+39 333 123-4567", "Silver", "42", if i % 3 == 0 { "false" } else { "true" }, "2026-12-24T17:00",
        ];
        d.custom = ids.iter().copied().zip(custom.iter().map(|s| s.to_string())).collect();
        ws.create_contact(&d, T0).unwrap_or_else(|e| panic!("contact {i}: {e}"));
    }
    (ws, l)
}

#[test]
fn a_list_export_has_every_field_under_headers_the_import_maps_back() {
    let (ws, l) = rich_workspace();
    let export = ContactsExport::of_list(&ws, l, CsvOptions::default());
    let headers = export.headers().to_vec();
    assert_eq!(headers.len(), F::all().count() + 2 + 11, "{headers:?}");
    let fields = ws.fields_for(l);
    let targets = propose(&headers, &fields);
    assert!(!targets.contains(&Target::Skip), "every header maps: {:?}", headers.iter().zip(&targets).collect::<Vec<_>>());
    for f in F::all() {
        assert!(targets.contains(&Target::Field(f)), "{f:?}");
    }
    for cf in &fields {
        assert!(targets.contains(&Target::Custom(cf.id)), "{}", cf.alias);
    }
    let bytes = export.to_bytes(&ws);
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.starts_with("\u{feff}First name,Last name,Phone,"), "{}", &text[..80]);
    assert!(text.contains("'=Score"), "a formula-like header is neutralised");
    assert!(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula-like value is neutralised");
    assert!(text.contains(",'-C-042,"), "text starting with - is neutralised");
    assert!(text.contains(",-1500.5,"), "a plain number is left alone");
    assert!(text.contains("390612340007"), "phones are digits, unchanged");
    assert!(text.contains("Work: 39021234567; Casa: 393470000007"), "additional phones");
    assert!(text.contains("\"VIP, Roma città\""), "tags by name, accents intact");
}

#[test]
fn an_exported_list_imports_back_into_an_empty_list_unchanged() {
    let (ws, l) = rich_workspace();
    let before: Vec<_> = ws.list_contact_ids(l).into_iter().filter_map(|id| ws.contact(id)).map(|c| c.data.clone()).collect();
    assert_eq!(before.len(), 40);
    for options in [CsvOptions::default(), CsvOptions { separator: b';', bom: false }] {
        let bytes = ContactsExport::of_list(&ws, l, options).to_bytes(&ws);
        // An empty list with the same fields: the global ones, and the list's own
        // (the import test's list id is a constant, so the fields are found by id).
        let fields = ws.fields_for(l);
        let tags = ws.tags();
        let context = ImportContext { custom_fields: fields.into_iter().cloned().collect(), tags: tags.into_iter().cloned().collect(), existing: ExistingKeys::default() };
        for chunk in [bytes.len(), 1000, 7] {
            let out = import(&bytes, chunk, &context, &[]);
            let p = out.run.progress();
            assert_eq!((p.failed, p.blank, p.rows_read), (0, 0, 40), "{:?}", out.run.problems());
            let after: Vec<_> = out.ready.into_iter().map(|r| r.data).collect();
            assert_eq!(after, before, "separator {:?}", options.separator as char);
        }
    }
}

#[test]
fn query_exports_follow_the_filter_and_order_and_slices_add_up() {
    let (mut ws, _) = rich_workspace();
    let other = list(&mut ws, "Altri");
    let mut d = ContactDraft { list_id: Some(other), ..ContactDraft::default() };
    d.set(F::FirstName, "Anna");
    ws.create_contact(&d, T0).unwrap_or_else(|e| panic!("{e}"));
    let q = ContactQuery { search: "zoe.1".into(), descending: true, page_size: 5, ..ContactQuery::default() };
    let ids = ws.query_ids(&q);
    assert_eq!(ids.len(), ws.query(&q).total);
    let firsts: Vec<&str> = ids.iter().filter_map(|id| ws.contact(*id)).map(|c| c.data.first_name()).collect();
    assert_eq!(firsts.first(), Some(&"Zoë 19"));
    assert!(firsts.iter().all(|n| n.starts_with("Zoë 1")));

    // Every list: a List column, and the list fields of the lists involved.
    let all = ws.query_ids(&ContactQuery::default());
    assert_eq!(all.len(), 41);
    let export = ContactsExport::new(&ws, all, CsvOptions { separator: b';', bom: false });
    assert_eq!(export.headers()[0], "List");
    let whole = ContactsExport::new(&ws, ws.query_ids(&ContactQuery::default()), CsvOptions { separator: b';', bom: false }).to_bytes(&ws);
    // In slices of 128 rows (the clock says "stop" at every look).
    let mut sliced = ContactsExport::new(&ws, ws.query_ids(&ContactQuery::default()), CsvOptions { separator: b';', bom: false });
    let mut bytes = Vec::new();
    let mut slices = 0;
    while !sliced.is_done() || slices == 0 {
        bytes.extend(sliced.next_chunk(&ws, || true));
        slices += 1;
    }
    assert_eq!(bytes, whole);
    assert_eq!(sliced.written(), 41);
    let text = String::from_utf8(whole).expect("utf-8");
    assert!(text.starts_with("List;First name;"));
    assert_eq!(text.matches("\nAltri;Anna;").count(), 1);

    // A chosen few (the selected rows), in the order given.
    let picked = vec![ids[2], ids[0]];
    let text = String::from_utf8(ContactsExport::new(&ws, picked, CsvOptions::default()).to_bytes(&ws)).expect("utf-8");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = reader.records().flatten().map(|r| r.get(0).unwrap_or("").to_owned()).collect();
    assert_eq!(names, [firsts[2], firsts[0]]);
    // Nothing to export still gives the header.
    let empty = ContactsExport::new(&ws, Vec::new(), CsvOptions::default()).to_bytes(&ws);
    assert!(String::from_utf8(empty).expect("utf-8").starts_with("\u{feff}First name,"));
}

#[test]
fn lists_export_names_agents_and_counts() {
    let (mut ws, l) = rich_workspace();
    let draft = ListDraft { name: "@Leads".into(), description: "Autunno, città".into(), ..ListDraft::default() };
    let (leads, _) = ws.create_list(&draft, T0).unwrap_or_else(|e| panic!("{e}"));
    let agent = |name: &str, user: &str| AgentDraft { name: name.into(), username: user.into(), role: Role::Agent };
    let (a, _) = ws.create_agent(&agent("Mario Rossi", "mario")).unwrap_or_else(|e| panic!("{e}"));
    let (b, _) = ws.create_agent(&agent("Lucia", "lucia")).unwrap_or_else(|e| panic!("{e}"));
    ws.assign_agents(l, &[a, b]).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(lists_csv(CsvOptions::default(), &ws, &[l, leads], |_| 60)).expect("utf-8");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "List ID,Name,Description,Contacts,Agents,Created");
    assert_eq!(lines[1], format!("{},'@Leads,\"Autunno, città\",0,,2023-11-14 23:13", leads.get()));
    assert_eq!(lines[2], format!("{},Clienti,,40,\"Mario Rossi, Lucia\",2023-11-14 23:13", l.get()));
    assert_eq!(lines.len(), 3);
}

#[test]
fn custom_fields_named_like_default_fields_still_round_trip() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Clienti");
    // Stored by a version before such names were refused.
    let city = field(&mut ws, FieldScope::Global, "Town field", FieldTypeName::Text, &[]);
    let tags = field(&mut ws, FieldScope::List(l), "Tag field", FieldTypeName::Text, &[]);
    ws.name_field_as_before_the_rule(city, "City");
    ws.name_field_as_before_the_rule(tags, "Tags");
    let vip = tag(&mut ws, "VIP");
    let mut d = ContactDraft { list_id: Some(l), ..ContactDraft::default() };
    d.set(F::FirstName, "Anna");
    d.set(F::City, "Roma");
    d.custom = [(city, "Milano".to_owned()), (tags, "free text".to_owned())].into_iter().collect();
    d.tags = vec![vip];
    ws.create_contact(&d, T0).unwrap_or_else(|e| panic!("{e}"));
    let export = ContactsExport::of_list(&ws, l, CsvOptions::default());
    let headers = export.headers().to_vec();
    assert!(headers.contains(&"Town".to_owned()) && headers.contains(&"Tag".to_owned()), "{headers:?}");
    let bytes = export.to_bytes(&ws);
    let context = ImportContext::for_list(&ws, l, &[]);
    let out = import(&bytes, bytes.len(), &context, &[]);
    let before: Vec<_> = ws.contacts().map(|c| c.data.clone()).collect();
    assert_eq!(out.ready.into_iter().map(|r| r.data).collect::<Vec<_>>(), before);
}
