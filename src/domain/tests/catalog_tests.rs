//! Custom fields, tags, agents and dispositions through the workspace.

use crate::domain::agent::{AgentDraft, Role};
use crate::domain::contact::DraftPath;
use crate::domain::field_draft::{FieldDraft, FieldError, FieldTypeName};
use crate::domain::workspace::GlobalFilter;
use crate::domain::{
    ContactDraft, ContactQuery, FieldScope, FieldValue, PageKey, RecordKey, TagDraft, Workspace, WorkspaceError,
};

use super::support_tests::{contact, draft, list, T0};

fn field(alias: &str, type_name: FieldTypeName) -> FieldDraft {
    FieldDraft { alias: alias.into(), type_name, ..FieldDraft::default() }
}

#[test]
fn every_field_type_is_defined_filled_and_validated() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Leads");
    let mut ids = Vec::new();
    for (alias, t) in [("Notes", FieldTypeName::Text), ("Score", FieldTypeName::Number), ("VIP", FieldTypeName::Switch), ("Callback", FieldTypeName::DateTime)] {
        ids.push(ws.create_field(FieldScope::List(l), &field(alias, t), T0).expect(alias).0);
    }
    let tier = FieldDraft { choices: vec!["Gold".into(), " Silver ".into(), "".into()], required: true, ..field("Tier", FieldTypeName::Select) };
    let (tier, _) = ws.create_field(FieldScope::List(l), &tier, T0).expect("select");
    let (site, change) = ws.create_field(FieldScope::Global, &field("Site", FieldTypeName::Url), T0).expect("url");
    assert_eq!(change.records_put, vec![RecordKey::Field(site)]);
    assert_eq!(ws.fields_for(l).iter().map(|f| &*f.alias).collect::<Vec<_>>(), ["Site", "Notes", "Score", "VIP", "Callback", "Tier"]);

    let mut d = draft(l, "Ann", "", "", "");
    d.custom.insert(ids[1], "12,5".into());
    d.custom.insert(ids[2], "yes".into());
    d.custom.insert(ids[3], "2026-12-01T09:30".into());
    d.custom.insert(site, "http://insecure.example".into());
    let err = ws.create_contact(&d, T0).expect_err("required select and bad url");
    let WorkspaceError::Contact(errors) = err else { panic!("{err:?}") };
    assert_eq!(errors.message_for(DraftPath::Custom(tier)), Some("Tier is required"));
    assert!(errors.message_for(DraftPath::Custom(site)).is_some_and(|m| m.contains("https")));
    assert_eq!(ws.total_contacts(), 0, "nothing saved");

    d.custom.insert(tier, "silver".into());
    d.custom.insert(site, "https://ann.example".into());
    let (id, _) = ws.create_contact(&d, T0).expect("valid");
    let data = &ws.contact(id).expect("saved").data;
    assert_eq!(data.custom_value(tier), Some(&FieldValue::Choice("Silver".into())));
    assert_eq!(data.custom_value(ids[1]).map(FieldValue::to_text).as_deref(), Some("12.5"));
    assert_eq!(data.custom_value(ids[2]), Some(&FieldValue::Switch(true)));
    assert_eq!(data.custom_value(ids[0]), None);
}

#[test]
fn aliases_are_unique_where_they_show_together_and_urls_are_global() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let b = list(&mut ws, "B");
    ws.create_field(FieldScope::Global, &field("Region", FieldTypeName::Text), T0).expect("global");
    ws.create_field(FieldScope::List(a), &field("Score", FieldTypeName::Number), T0).expect("list a");
    assert!(ws.create_field(FieldScope::List(b), &field("score", FieldTypeName::Number), T0).is_ok(), "another list may reuse it");
    assert_eq!(ws.create_field(FieldScope::List(a), &field("region", FieldTypeName::Text), T0).err(), Some(FieldError::AliasTaken { alias: "Region".into(), global: true }.into()));
    assert_eq!(ws.create_field(FieldScope::List(a), &field("Web", FieldTypeName::Url), T0).err(), Some(FieldError::UrlOnlyGlobal.into()));
    assert_eq!(ws.create_field(FieldScope::List(a), &field("Tier", FieldTypeName::Select), T0).err(), Some(FieldError::NoChoices.into()));
    let dup = FieldDraft { choices: vec!["A".into(), "a".into()], ..field("Tier", FieldTypeName::Select) };
    assert_eq!(ws.create_field(FieldScope::List(a), &dup, T0).err(), Some(FieldError::DuplicateChoice("a".into()).into()));
}

#[test]
fn an_alias_may_not_be_a_default_field_or_a_sibling_in_other_case_accents_or_spacing() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let (score, _) = ws.create_field(FieldScope::List(a), &field("Score", FieldTypeName::Number), T0).expect("list field");
    let (region, _) = ws.create_field(FieldScope::Global, &field("Région", FieldTypeName::Text), T0).expect("global field");
    for (alias, default) in [("Company", "Company"), ("website", "Website"), ("E-mail", "Email"), ("date of birth", "Date of birth"), (" PHONE ", "Phone"), ("LinkedIn", "LinkedIn"), ("tags", "Tags"), ("List", "List")] {
        let refused = ws.create_field(FieldScope::List(a), &field(alias, FieldTypeName::Text), T0).err();
        assert_eq!(refused, Some(FieldError::AliasIsDefault(default.into()).into()), "{alias}");
        assert!(ws.create_field(FieldScope::Global, &field(alias, FieldTypeName::Text), T0).is_err(), "global {alias}");
    }
    let taken = |alias: &str, global| Some(FieldError::AliasTaken { alias: alias.into(), global }.into());
    assert_eq!(ws.create_field(FieldScope::List(a), &field("region", FieldTypeName::Text), T0).err(), taken("Région", true));
    assert_eq!(ws.create_field(FieldScope::Global, &field("S-core", FieldTypeName::Text), T0).err(), taken("Score", false));
    // Names that only contain a default's name are fine, and so is keeping one's own.
    for alias in ["Company size", "Phone PIN", "Città"] {
        assert!(ws.create_field(FieldScope::List(a), &field(alias, FieldTypeName::Text), T0).is_ok(), "{alias}");
    }
    assert!(ws.update_field(score, &field("score", FieldTypeName::Number), T0).is_ok());
    assert!(ws.update_field(region, &field("Region", FieldTypeName::Text), T0).is_ok());
}

#[test]
fn type_changes_convert_values_or_are_refused_with_a_count() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    let (f, _) = ws.create_field(FieldScope::List(l), &field("Code", FieldTypeName::Text), T0).expect("field");
    let mut ids = Vec::new();
    for v in ["42", "7", "n/a"] {
        let mut d = draft(l, "X", "", "", "");
        d.custom.insert(f, v.into());
        ids.push(ws.create_contact(&d, T0).expect("contact").0);
    }
    let err = ws.update_field(f, &field("Code", FieldTypeName::Number), T0).expect_err("n/a is no number");
    assert_eq!(err, FieldError::ValuesDoNotFit { count: 1, example: "n/a".into() }.into());
    assert_eq!(ws.contact(ids[0]).and_then(|c| c.data.custom_value(f)), Some(&FieldValue::Text("42".into())), "nothing changed");
    // Clear the misfit, then the change goes through and converts the rest.
    let mut d = ContactDraft::from_contact(ws.contact(ids[2]).expect("c"));
    d.custom.remove(&f);
    ws.update_contact(ids[2], &d, T0).expect("cleared");
    let change = ws.update_field(f, &field("Code", FieldTypeName::Number), T0).expect("converted");
    assert_eq!(change.pages_put, vec![PageKey { list: l, page: 0 }]);
    assert_eq!(ws.contact(ids[0]).and_then(|c| c.data.custom_value(f)).map(FieldValue::to_text).as_deref(), Some("42"));
    assert!(matches!(ws.contact(ids[0]).and_then(|c| c.data.custom_value(f)), Some(FieldValue::Number(_))));
    // Removing a choice in use is refused too.
    let sel = FieldDraft { choices: vec!["Gold".into(), "Silver".into()], ..field("Tier", FieldTypeName::Select) };
    let (tier, _) = ws.create_field(FieldScope::List(l), &sel, T0).expect("select");
    let mut d = ContactDraft::from_contact(ws.contact(ids[1]).expect("c"));
    d.custom.insert(tier, "Silver".into());
    ws.update_contact(ids[1], &d, T0).expect("set");
    let narrower = FieldDraft { choices: vec!["Gold".into()], ..field("Tier", FieldTypeName::Select) };
    assert!(matches!(ws.update_field(tier, &narrower, T0), Err(WorkspaceError::Field(FieldError::ValuesDoNotFit { count: 1, .. }))));
}

#[test]
fn global_fields_soft_delete_restore_and_purge() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    let (g, _) = ws.create_field(FieldScope::Global, &field("Region", FieldTypeName::Text), T0).expect("g");
    let mut d = draft(l, "Ann", "", "", "");
    d.custom.insert(g, "North".into());
    let (id, _) = ws.create_contact(&d, T0).expect("c");
    let change = ws.delete_fields(&[g], T0).expect("soft");
    assert!(change.pages_put.is_empty(), "soft delete keeps values");
    assert_eq!(ws.global_fields(GlobalFilter::Deleted).len(), 1);
    assert!(ws.global_fields(GlobalFilter::Available).is_empty());
    assert!(ws.fields_for(l).is_empty(), "hidden from forms");
    // An edit through a form that no longer shows the field keeps its value.
    let mut edit = ContactDraft::from_contact(ws.contact(id).expect("c"));
    edit.custom.clear();
    ws.update_contact(id, &edit, T0).expect("edit");
    assert_eq!(ws.contact(id).and_then(|c| c.data.custom_value(g)).map(FieldValue::to_text).as_deref(), Some("North"));
    ws.restore_fields(&[g], T0).expect("restore");
    assert_eq!(ws.fields_for(l).len(), 1);
    assert_eq!(ws.purge_fields(&[g]).err(), Some(FieldError::NotDeleted.into()));
    ws.delete_fields(&[g], T0).expect("soft again");
    let change = ws.purge_fields(&[g]).expect("purge");
    assert_eq!(change.records_deleted, vec![RecordKey::Field(g)]);
    assert_eq!(change.pages_put, vec![PageKey { list: l, page: 0 }]);
    assert!(ws.contact(id).is_some_and(|c| c.data.custom_values().is_empty()));
    assert!(ws.field(g).is_none());
}

#[test]
fn list_fields_and_dispositions_go_with_their_list() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    let (f, _) = ws.create_field(FieldScope::List(l), &field("Notes", FieldTypeName::Text), T0).expect("f");
    let mut d = draft(l, "Ann", "", "", "");
    d.custom.insert(f, "hello".into());
    let (id, _) = ws.create_contact(&d, T0).expect("c");
    assert_eq!(ws.field_value_count(f), 1);
    let change = ws.delete_fields(&[f], T0).expect("hard delete");
    assert!(change.records_deleted.contains(&RecordKey::Field(f)));
    assert!(ws.contact(id).is_some_and(|c| c.data.custom_values().is_empty()));
    let (top, _) = ws.create_disposition(l, "Sale", None).expect("top");
    let (mid, _) = ws.create_disposition(l, "Upsell", Some(top)).expect("mid");
    let (low, _) = ws.create_disposition(l, "Premium", Some(mid)).expect("low");
    assert!(ws.create_disposition(l, "Too deep", Some(low)).is_err());
    assert_eq!(ws.dispositions(l).iter().map(|(depth, d)| (*depth, &*d.name)).collect::<Vec<_>>(), [(1, "Sale"), (2, "Upsell"), (3, "Premium")]);
    let (g, _) = ws.create_field(FieldScope::List(l), &field("Other", FieldTypeName::Text), T0).expect("f2");
    let change = ws.delete_lists(&[l], T0).expect("list");
    for key in [RecordKey::Field(g), RecordKey::Disposition(top), RecordKey::Disposition(low)] {
        assert!(change.records_deleted.contains(&key), "{key:?}");
    }
    assert!(ws.dispositions(l).is_empty());
}

#[test]
fn tags_are_picked_filtered_and_removed_with_the_tag() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "L");
    let (vip, _) = ws.create_tag(&TagDraft { name: "VIP".into(), colour: "#aa0000".into() }).expect("tag");
    let (lead, _) = ws.create_tag(&TagDraft { name: "Lead".into(), colour: "#00aa00".into() }).expect("tag");
    let mut d = draft(l, "Ann", "", "", "");
    d.tags = vec![vip, lead, vip];
    let (ann, _) = ws.create_contact(&d, T0).expect("ann");
    contact(&mut ws, l, "Bob", "", "", "");
    assert_eq!(ws.contact(ann).map(|c| c.data.tags().to_vec()), Some(vec![vip, lead]));
    let tagged = ws.query(&ContactQuery { tag: Some(vip), ..ContactQuery::default() });
    assert_eq!(tagged.rows.iter().map(|c| c.id).collect::<Vec<_>>(), [ann]);
    let change = ws.delete_tag(vip).expect("delete");
    assert_eq!(change.pages_put, vec![PageKey { list: l, page: 0 }]);
    assert_eq!(ws.contact(ann).map(|c| c.data.tags().to_vec()), Some(vec![lead]));
    assert_eq!(ws.tag_count(lead), 1);
}

#[test]
fn agents_are_assigned_and_see_only_their_lists() {
    let mut ws = Workspace::new();
    let a = list(&mut ws, "A");
    let b = list(&mut ws, "B");
    contact(&mut ws, a, "Ann", "", "", "");
    contact(&mut ws, b, "Bob", "", "", "");
    let agent = |name: &str, user: &str| AgentDraft { name: name.into(), username: user.into(), role: Role::Agent };
    let (x, _) = ws.create_agent(&agent("Xena", "xena")).expect("x");
    let (y, _) = ws.create_agent(&agent("Yuri", "yuri")).expect("y");
    assert!(ws.create_agent(&agent("Other", "XENA")).is_err());
    let change = ws.assign_agents(a, &[x, y, x]).expect("assign");
    assert_eq!(change.lists_put, vec![a]);
    assert_eq!(ws.list(a).map(|l| l.agents.clone()), Some(vec![x, y]));
    ws.unassign_agents(a, &[y]).expect("unassign");
    assert_eq!(ws.lists_of_agent(x), vec![a]);
    let seen = ws.query(&ContactQuery { visible_lists: Some(ws.lists_of_agent(x)), ..ContactQuery::default() });
    assert_eq!(seen.rows.iter().map(|c| c.data.first_name()).collect::<Vec<_>>(), ["Ann"]);
    let change = ws.delete_agent(x).expect("delete");
    assert_eq!(change.lists_put, vec![a]);
    assert!(ws.list(a).is_some_and(|l| l.agents.is_empty()));
}

// ---------------------------------------------------------------- custom field values as sheets write them

fn typed(field_type: crate::domain::custom_field::FieldType) -> crate::domain::custom_field::CustomField {
    use crate::domain::custom_field::{CustomField, FieldId};
    CustomField {
        id: FieldId::new(1),
        scope: FieldScope::Global,
        alias: "Umsatz".into(),
        field_type,
        required: false,
        click_to_action: false,
        deleted: None,
        created: T0,
        updated: T0,
    }
}

#[test]
fn number_values_read_decimal_commas_and_thousands() {
    use crate::domain::custom_field::{FieldType, ValueError};
    let number = typed(FieldType::Number);
    let read = |raw: &str| number.parse_value(raw).map(|v| v.map(|v| v.to_text()));
    for (raw, want) in [
        ("42", "42"),
        ("-3.5", "-3.5"),
        ("1e3", "1000"),
        ("3,5", "3.5"),
        ("1000,00", "1000"),
        ("1.000,50", "1000.5"),
        ("1,000.50", "1000.5"),
        ("1 000,50", "1000.5"),
        ("1\u{a0}000,50", "1000.5"),
        ("1\u{202f}000", "1000"),
        ("1 000", "1000"),
        ("1 000.25", "1000.25"),
        ("1'000.50", "1000.5"),
        ("1.000.000", "1000000"),
        ("1,000,000", "1000000"),
        ("12.500,50", "12500.5"),
        ("-1.250,75", "-1250.75"),
        ("+1.250,75", "1250.75"),
        (" 1.000,50 ", "1000.5"),
        // A single separator is a decimal one: no guess at thousands.
        ("1.000", "1"),
        ("1,000", "1"),
    ] {
        assert_eq!(read(raw), Ok(Some(want.to_owned())), "{raw:?}");
    }
    for raw in [
        "1,2.3", "12 34", "1.000.50", "1.2.3", "1,000,00", "1.000,", "1..000", "1.000 000", "1.000,50 €", "1000.000,5", "--5", "- 5", "abc", "12abc",
        "NaN", "inf", "1,5 0", "1.5,3",
    ] {
        assert!(matches!(read(raw), Err(ValueError::NotANumber { .. })), "{raw:?}: {:?}", read(raw));
    }
}

#[test]
fn switch_values_in_several_languages() {
    use crate::domain::custom_field::{FieldType, FieldValue, ValueError};
    let switch = typed(FieldType::Switch);
    for raw in ["yes", "Yes", "TRUE", "1", "sì", "SÌ", "si", "ja", "JA", "oui", "x", "X", "on", "wahr", "vero", "vrai"] {
        assert_eq!(switch.parse_value(raw), Ok(Some(FieldValue::Switch(true))), "{raw:?}");
    }
    for raw in ["no", "NO", "false", "False", "0", "nein", "Nein", "non", "off", "falsch", "falso", "faux", "", "   "] {
        assert_eq!(switch.parse_value(raw), Ok(Some(FieldValue::Switch(false))), "{raw:?}");
    }
    for raw in ["maybe", "2", "-1", "yes please", "jein", "xx", "nope", "✓"] {
        assert!(matches!(switch.parse_value(raw), Err(ValueError::NotASwitch { .. })), "{raw:?}");
    }
}

#[test]
fn german_sheet_values_fill_number_and_switch_fields() {
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Kunden");
    let (revenue, _) = ws.create_field(FieldScope::List(l), &field("Umsatz", FieldTypeName::Number), T0).expect("number");
    let (regular, _) = ws.create_field(FieldScope::List(l), &field("Stammkunde", FieldTypeName::Switch), T0).expect("switch");
    let mut d = draft(l, "Jürgen", "", "", "");
    d.custom.insert(revenue, "12.500,50".into());
    d.custom.insert(regular, "Ja".into());
    let (id, _) = ws.create_contact(&d, T0).expect("valid");
    let data = &ws.contact(id).expect("saved").data;
    assert_eq!(data.custom_value(revenue).map(FieldValue::to_text).as_deref(), Some("12500.5"));
    assert_eq!(data.custom_value(regular), Some(&FieldValue::Switch(true)));
    d.custom.insert(revenue, "12.50,50".into());
    let err = ws.create_contact(&d, T0).expect_err("bad grouping");
    let WorkspaceError::Contact(errors) = err else { panic!("{err:?}") };
    assert_eq!(errors.message_for(DraftPath::Custom(revenue)), Some("Umsatz must be a number, like 42 or 3.5"));
}
