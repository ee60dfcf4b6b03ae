//! Databases of older schema versions, holding the bytes older app versions wrote,
//! open at today's version and load as today's workspace.

use wasm_bindgen_test::*;

use super::old_formats::{of_list, put_old_records, stored_formats, CATALOG_FORMAT_2, SEED_FORMAT_1, SEED_FORMAT_2};
use super::raw::{fresh_name, raw_store_names, raw_values, reload};
use crate::domain::field_draft::FieldTypeName;
use crate::domain::workspace::GlobalFilter;
use crate::domain::{
    Change, ContactField, FieldScope, FieldType, FieldValue, HistoryEvent, HistoryKind, ImportBatch, JourneyEntry, ListId, Role,
    Workspace, WorkspaceMeta,
};
use crate::persist::suite::fixtures::{
    catalog, field_draft, import_slices, rows_read, seed, snapshot, voice_call, Catalog, T0, T2,
};
use crate::persist::MemoryStore;
use crate::store::{Store, VERSION};

/// The workspace `seed` makes with today's commands, and its two lists: what the old
/// records of `seed` must load as (only the in-memory workspace is used).
async fn seeded() -> (Workspace, (ListId, ListId)) {
    let mut ws = Workspace::new();
    let lists = seed(&MemoryStore::new(), &mut ws).await;
    (ws, lists)
}

/// `seed` then `catalog`, as `seeded`.
async fn seeded_and_catalogued() -> (Workspace, (ListId, ListId), Catalog) {
    let (store, mut ws) = (MemoryStore::new(), Workspace::new());
    let lists = seed(&store, &mut ws).await;
    let c = catalog(&store, &mut ws).await;
    (ws, lists, c)
}

/// What `seed` stored, value by value (`leads` and `customers` are its lists).
fn assert_seed_values(ws: &Workspace, leads: ListId, customers: ListId) {
    let list = |id| ws.list(id).map(|l| (&*l.name, l.description.as_deref(), l.created, l.updated));
    assert_eq!(list(leads), Some(("Leads", Some("about Leads"), T0, T0)));
    assert_eq!(list(customers), Some(("Customers", Some("about Customers"), T0, T0)));
    for l in [leads, customers].iter().filter_map(|id| ws.list(*id)) {
        assert!(l.dial_prefix.is_none() && l.agents.is_empty() && l.country.is_none(), "{l:?}");
    }
    let person = |first: &str| {
        let c = ws.contacts().find(|c| c.data.first_name() == first)?;
        let fields = [ContactField::LastName, ContactField::Phone, ContactField::Mobile, ContactField::Email, ContactField::City];
        Some((c.id.get(), c.list_id, fields.map(|f| c.data.get(f).map(str::to_string)), (c.created, c.updated)))
    };
    let some = |t: &str| Some(t.to_string());
    assert_eq!(
        person("Ada"),
        Some((0, leads, [some("Lovelace"), some("393331234567"), None, some("ada@example.com"), some("Torino")], (T0, T0)))
    );
    assert_eq!(
        person("Grace"),
        Some((
            2,
            customers,
            [some("Brewster Hopper"), some("393331234567"), some("393337654321"), some("grace@example.com"), some("Torino")],
            (T0, T0)
        ))
    );
    assert_eq!(person("Alan"), None, "Alan was deleted");
    assert_eq!((ws.contact_count(leads), ws.contact_count(customers)), (1, 1));
}

/// What `catalog` stored, value by value.
fn assert_catalog_values(ws: &Workspace, c: &Catalog) {
    let list = ws.list(c.list).expect("the catalog list");
    assert_eq!((&*list.name, list.dial_prefix.as_deref(), list.agents.as_slice(), list.country), ("Campaign", Some("0"), &c.agents[..], None));
    let field = |id| ws.field(id).map(|f| (&*f.alias, f.scope, f.field_type.clone(), f.required, f.click_to_action, f.deleted));
    let gold_silver = FieldType::Select(vec!["Gold".into(), "Silver".into()]);
    assert_eq!(field(c.tier), Some(("Tier", FieldScope::List(c.list), gold_silver, true, false, None)));
    assert_eq!(field(c.notes), Some(("Notes", FieldScope::List(c.list), FieldType::Text, false, true, None)));
    assert_eq!(field(c.region), Some(("Region", FieldScope::Global, FieldType::Text, false, false, None)));
    let globals: Vec<(&str, FieldType)> =
        ws.global_fields(GlobalFilter::All).iter().map(|f| (&*f.alias, f.field_type.clone())).collect();
    assert_eq!(globals.len(), 2);
    assert!(globals.contains(&("Site", FieldType::Url)) && globals.contains(&("Region", FieldType::Text)), "{globals:?}");
    let tag = |id| ws.tag(id).map(|t| (t.name.to_string(), t.colour.as_str().to_string()));
    assert_eq!(tag(c.vip), Some(("VIP".into(), "#aa0000".into())));
    assert_eq!(tag(c.lead), Some(("Lead".into(), "#00aa00".into())));
    let agents: Vec<(&str, &str, Role)> = ws.agents().iter().map(|a| (&*a.name, &*a.username, a.role)).collect();
    assert_eq!(agents, [("Xena", "xena", Role::Agent), ("Yuri", "yuri", Role::Agent), ("Zoe", "zoe", Role::Admin)]);
    let tree: Vec<(usize, &str, bool)> =
        ws.dispositions(c.list).iter().map(|(depth, d)| (*depth, &*d.name, d.list == c.list)).collect();
    assert_eq!(tree, [(1, "No answer", true), (1, "Sale", true), (2, "Upsell", true), (3, "Premium", true)]);
    let ann = ws.contact(c.ann).expect("ann");
    assert_eq!((ann.data.first_name(), ann.list_id), ("Ann", c.list));
    assert_eq!(ann.data.custom_value(c.tier), Some(&FieldValue::Choice("Silver".into())));
    assert_eq!(ann.data.custom_value(c.region), Some(&FieldValue::Text("Northmarker".into())));
    assert_eq!(ann.data.custom_value(c.notes), Some(&FieldValue::Text("0115551234".into())));
    let site = ann.data.custom_values().iter().find_map(|(_, v)| matches!(v, FieldValue::Url(_)).then(|| v.to_text()));
    assert_eq!(site.as_deref(), Some("https://ann.example"));
    assert_eq!(ann.data.tags(), &[c.vip, c.lead][..]);
    let bob = ws.contacts().find(|k| k.data.first_name() == "Bob").expect("bob");
    assert_eq!(bob.data.custom_values(), &[(c.tier, FieldValue::Choice("Gold".into()))][..]);
    assert_eq!(bob.data.tags(), &[c.vip][..]);
    assert_eq!(ws.contact_count(c.list), 2);
}

#[wasm_bindgen_test]
async fn a_version_1_database_migrates_to_the_current_schema() {
    let name = fresh_name("migrate");
    let old = Store::open_at_version(&name, 1).await.expect("open v1");
    assert_eq!(old.version(), 1);
    // Version 1 has no settings store.
    assert!(old.get_setting("page_size").await.is_err());
    old.close();
    put_old_records(&name, SEED_FORMAT_1).await;
    assert_eq!(stored_formats(&name, &["meta", "lists", "pages"]).await, [1; 5], "the old database holds format 1");

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let loaded = store.load().await.expect("load after migration");
    let (ws, (leads, customers)) = seeded().await;
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_seed_values(&loaded, leads, customers);
    assert_eq!(loaded.meta(), &WorkspaceMeta { next_list_id: 2, next_contact_id: 3, ..WorkspaceMeta::default() });
    assert_eq!(store.get_setting("page_size").await.expect("get"), None);
    store.put_setting("page_size", "50").await.expect("put");
    store.close();

    let names = raw_store_names(&name).await;
    assert!(["settings", "fields", "tags", "agents", "dispositions", "imports"].iter().all(|s| names.contains(&s.to_string())), "{names:?}");

    let store = Store::open(&name).await.expect("reopen");
    assert_eq!(store.get_setting("page_size").await.expect("get"), Some("50".to_string()));
    assert_eq!(snapshot(&store.load().await.expect("load")), snapshot(&ws));
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_2_database_migrates_and_gains_the_new_stores() {
    let name = fresh_name("migrate-v2");
    let old = Store::open_at_version(&name, 2).await.expect("open v2");
    assert_eq!(old.version(), 2);
    old.put_setting("page_size", "100").await.expect("setting");
    old.close();
    // Schema 2 held format 1 (the first release), then format 2 until schema 3 came: the
    // records a format-2 app rewrote (here the Customers list, its page and the meta
    // record) lie next to those it never touched (Leads, as the first release left it).
    let (ws, (a, customers)) = seeded().await;
    let first_release = SEED_FORMAT_1.iter().filter(|r| of_list(r, a));
    let rewritten = SEED_FORMAT_2.iter().filter(|r| !of_list(r, a));
    put_old_records(&name, first_release.chain(rewritten)).await;
    assert_eq!(stored_formats(&name, &["lists"]).await, [1, 2]);
    assert_eq!(stored_formats(&name, &["pages"]).await, [1, 2]);
    assert_eq!(stored_formats(&name, &["meta"]).await, [2]);
    let names = raw_store_names(&name).await;
    assert!(names.contains(&"settings".to_string()) && !names.contains(&"tags".to_string()), "{names:?}");

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let mut loaded = store.load().await.expect("load after migration");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_seed_values(&loaded, a, customers);
    assert_eq!(loaded.meta(), &WorkspaceMeta { next_list_id: 2, next_contact_id: 3, ..WorkspaceMeta::default() });
    assert_eq!(store.get_setting("page_size").await.expect("get"), Some("100".to_string()));

    // The new stores work: fields, tags, agents and dispositions on the old data.
    let c = catalog(&store, &mut loaded).await;
    let (note, ch) = loaded.create_field(FieldScope::List(a), &field_draft("Note", FieldTypeName::Text), T0).expect("field on old list");
    store.commit(&loaded, &ch).await.expect("commit field");
    let ch = loaded.assign_agents(a, &[c.agents[1]]).expect("assign to old list");
    store.commit(&loaded, &ch).await.expect("commit assign");
    store.close();
    let names = raw_store_names(&name).await;
    for s in ["meta", "lists", "pages", "settings", "fields", "tags", "agents", "dispositions", "imports"] {
        assert!(names.contains(&s.to_string()), "{s} missing: {names:?}");
    }

    let again = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.contact_count(a), ws.contact_count(a));
    assert!(again.field(note).is_some() && again.tag(c.vip).is_some());
    assert_eq!(again.lists_of_agent(c.agents[1]), {
        let mut l = vec![a, c.list];
        l.sort();
        l
    });
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_3_database_migrates_and_gains_the_imports_store() {
    let name = fresh_name("migrate-v3");
    let old = Store::open_at_version(&name, 3).await.expect("open v3");
    assert_eq!(old.version(), 3);
    old.put_setting("page_size", "25").await.expect("setting");
    old.close();
    // Schema 3 held format 2: `seed` and `catalog` as a format-2 app stored them.
    put_old_records(&name, SEED_FORMAT_2.iter().chain(CATALOG_FORMAT_2)).await;
    let stores = ["meta", "lists", "pages", "fields", "tags", "agents", "dispositions"];
    assert_eq!(stored_formats(&name, &stores).await, [2; 1 + 3 + 3 + 4 + 2 + 3 + 4], "the old database holds format 2");
    assert!(!raw_store_names(&name).await.contains(&"imports".to_string()));

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let mut loaded = store.load().await.expect("load after migration");
    let (ws, (a, customers), c) = seeded_and_catalogued().await;
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_seed_values(&loaded, a, customers);
    assert_catalog_values(&loaded, &c);
    let meta = WorkspaceMeta {
        next_list_id: 3,
        next_contact_id: 5,
        next_field_id: 4,
        next_tag_id: 2,
        next_agent_id: 3,
        next_disposition_id: 4,
        next_interaction_id: 0,
    };
    assert_eq!(loaded.meta(), &meta);
    assert!(loaded.imports().is_empty());
    assert_eq!(store.get_setting("page_size").await.expect("get"), Some("25".to_string()));

    // The new store works on the old data.
    let batch = import_slices(&store, &mut loaded, a, 1, 5).await;
    let ch = loaded.finish_import(batch, false, rows_read(5), T2).expect("finish");
    store.commit(&loaded, &ch).await.expect("commit finish");
    store.close();
    assert!(raw_store_names(&name).await.contains(&"imports".to_string()));
    let again = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.import(batch).map(ImportBatch::imported), Some(5));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_4_database_migrates_and_gains_an_empty_journal() {
    let name = fresh_name("migrate-v4");
    // Schema 4 held format 3, what this build writes: `catalog` and an import, written
    // through a store opened at version 4 (not `seed`: its deletion clears a journal
    // that version 4 does not have).
    let old = Store::open_at_version(&name, 4).await.expect("open v4");
    assert_eq!(old.version(), 4);
    let mut ws = Workspace::new();
    let c = catalog(&old, &mut ws).await;
    let batch = import_slices(&old, &mut ws, c.list, 1, 3).await;
    let ch = ws.finish_import(batch, false, rows_read(3), T2).expect("finish");
    old.commit(&ws, &ch).await.expect("commit finish");
    old.put_setting("page_size", "25").await.expect("setting");
    old.close();
    assert!(!raw_store_names(&name).await.contains(&"journal".to_string()));

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let loaded = store.load().await.expect("load after migration");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_eq!(loaded.import(batch).map(ImportBatch::imported), Some(3));
    assert_eq!(loaded.total_contacts(), 2 + 3);
    assert_eq!(store.get_setting("page_size").await.expect("get"), Some("25".to_string()));
    for contact in loaded.contacts().map(|k| k.id) {
        assert_eq!(store.journal(contact, None).await.expect("journal"), [], "contact {contact}");
    }

    // The new store works on the old data.
    let entry = JourneyEntry::History(HistoryEvent { contact: c.ann, at: T2, kind: HistoryKind::Created });
    let change = Change { journal_put: vec![entry.clone()], ..Change::default() };
    store.commit(&loaded, &change).await.expect("commit a journal entry");
    store.close();
    assert!(raw_store_names(&name).await.contains(&"journal".to_string()));
    let again = Store::open(&name).await.expect("reopen");
    assert_eq!(again.journal(c.ann, None).await.expect("journal"), [entry]);
    assert_eq!(snapshot(&again.load().await.expect("load")), snapshot(&ws));
    again.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_5_database_migrates_and_gains_an_empty_trash() {
    let name = fresh_name("migrate-v5");
    // Schema 5 held format 4, what this build writes: `catalog` and a logged
    // interaction, through a store opened at version 5 (nothing deleted: a deletion
    // writes to the trash, which version 5 does not have).
    let (ws, c, ann_journal) = catalog_and_a_call_at_version(&name, 5).await;
    assert!(!raw_store_names(&name).await.contains(&"trash".to_string()));

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    let mut loaded = store.load().await.expect("load after migration");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert!(loaded.deletions().is_empty());
    assert_eq!(store.journal(c.ann, None).await.expect("journal"), ann_journal);

    // The new store works on the old data: a deletion, kept with its journal.
    let (outcome, ch) = loaded.delete_contacts(&[c.ann], T2).expect("delete ann");
    store.commit(&loaded, &ch).await.expect("commit the deletion");
    store.close();
    assert!(raw_store_names(&name).await.contains(&"trash".to_string()));
    let again = Store::open(&name).await.expect("reopen");
    let reloaded = again.load().await.expect("load");
    assert_eq!(snapshot(&reloaded), snapshot(&loaded));
    let deletion = outcome.deletion.expect("a deletion");
    assert_eq!(reloaded.deletion(deletion), loaded.deletion(deletion));
    assert_eq!(again.journal(c.ann, None).await.expect("journal"), ann_journal, "the trash keeps the journal");
    again.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_version_6_database_keeps_its_journal_where_it_is_and_gains_an_outbox() {
    let name = fresh_name("migrate-v6");
    // Schema 6 kept the journal in the workspace's own database: a logged call there.
    let (mut ws, c, ann_journal) = catalog_and_a_call_at_version(&name, 6).await;
    assert!(!raw_store_names(&name).await.contains(&"journal_outbox".to_string()));
    let stored_before = raw_values(&name, "journal").await.len();
    assert!(stored_before > 0, "version 6 wrote the call into its own journal store");

    let store = Store::open(&name).await.expect("open current");
    assert_eq!(store.version(), VERSION);
    assert!(raw_store_names(&name).await.contains(&"journal_outbox".to_string()));
    assert_eq!(store.journal(c.ann, None).await.expect("journal"), ann_journal);
    // Its entries stay in this database, and so do new ones (in layers since schema 9).
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("another call");
    store.commit(&ws, &ch).await.expect("commit the other call");
    assert_eq!(store.get_setting("journal-home").await.expect("setting").as_deref(), Some("main"));
    assert_eq!(raw_values(&name, "journal").await.len(), stored_before, "the new call is not one record per entry");
    assert!(!raw_values(&name, "journal_layers").await.is_empty(), "the new call is in a layer of the workspace's own database");
    let both = store.journal(c.ann, None).await.expect("journal");
    assert_eq!(both.len(), ann_journal.len() * 2);
    // The old entries move into layers (what the app does after start-up), unchanged.
    store.prepare_journal().await.expect("move the old entries");
    assert_eq!(raw_values(&name, "journal").await.len(), 0);
    assert_eq!(store.journal(c.ann, None).await.expect("journal"), both);
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

/// `catalog` and a call logged to Ann, written by a store opened at schema `version`,
/// then closed; with Ann's journal as that version reads it.
async fn catalog_and_a_call_at_version(name: &str, version: u32) -> (Workspace, Catalog, Vec<JourneyEntry>) {
    let old = Store::open_at_version(name, version).await.expect("open the old version");
    assert_eq!(old.version(), version);
    let mut ws = Workspace::new();
    let c = catalog(&old, &mut ws).await;
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    old.commit(&ws, &ch).await.expect("commit the call");
    let ann_journal = old.journal(c.ann, None).await.expect("journal");
    old.close();
    (ws, c, ann_journal)
}

#[wasm_bindgen_test]
async fn a_version_7_database_gains_the_stale_copies_store_and_loads_as_it_was() {
    let name = fresh_name("migrate-v7");
    let old = Store::open_at_version(&name, 7).await.expect("open version 7");
    let mut ws = Workspace::new();
    let (leads, _) = seed(&old, &mut ws).await;
    let (ids, ch) = ws.add_contacts(leads, crate::persist::suite::fixtures::bulk_data(leads, 40), T0).expect("add");
    old.commit(&ws, &ch).await.expect("commit contacts");
    // Version 7 has nowhere for records of stale copies: the delete rewrites the page.
    let doomed: Vec<_> = ids.iter().copied().step_by(2).collect();
    let (_, ch) = ws.delete_contacts(&doomed, T2).expect("delete");
    old.commit(&ws, &ch).await.expect("commit the delete at version 7");
    old.close();
    assert!(!raw_store_names(&name).await.contains(&"stale_copies".to_string()));

    let store = Store::open(&name).await.expect("open current");
    assert!(raw_store_names(&name).await.contains(&"stale_copies".to_string()));
    let loaded = store.load().await.expect("load");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    // From now on a delete leaves the page and writes who left it.
    let mut ws = loaded;
    let (_, ch) = ws.delete_contacts(&[ids[1], ids[3], ids[5]], T2).expect("delete more");
    assert!(ch.pages_put.is_empty() && !ch.stale_put.is_empty(), "{ch:?}");
    store.commit(&ws, &ch).await.expect("commit at version 8");
    assert_eq!(raw_values(&name, "stale_copies").await.len(), 1);
    assert_eq!(snapshot(&reload(&name).await.expect("reload")), snapshot(&ws));
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}
