#![cfg(target_arch = "wasm32")]
//! The IndexedDB store in a real browser (headless Chromium). Every test uses its own
//! fresh database. Run with:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test store`

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use contacts_manager::domain::field_draft::{FieldDraft, FieldTypeName};
use contacts_manager::domain::workspace::GlobalFilter;
use contacts_manager::domain::{
    Agent, AgentDraft, AgentId, BatchId, BatchProgress, BatchState, BatchStatus, Change, Contact, ContactData,
    ContactDraft, ContactField, ContactId, ContactList, ContactQuery, CustomField, Disposition, FieldId, FieldScope,
    FieldType, FieldValue, ImportBatch, ImportBatchDraft, ListDraft, ListId, PageKey, RecordKey, Role, Tag, TagDraft, TagId,
    Timestamp, Workspace, WorkspaceMeta,
};
use contacts_manager::store::{request_handover, LockOutcome, Store, StoreError, TabLock, VERSION};
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- helpers ------------------------------------------------------------------------

fn fresh_name(test: &str) -> String {
    format!("test-{test}-{}-{}", js_sys::Date::now(), (js_sys::Math::random() * 1e9) as u64)
}

const T0: Timestamp = Timestamp::from_millis(1_764_000_000_000);

fn list_draft(name: &str) -> ListDraft {
    ListDraft { name: name.into(), description: format!("about {name}"), ..ListDraft::default() }
}

fn contact_draft(list: ListId, first: &str, last: &str) -> ContactDraft {
    let mut d = ContactDraft { list_id: Some(list), ..Default::default() };
    d.set(ContactField::FirstName, first);
    d.set(ContactField::LastName, last);
    d.set(ContactField::Email, format!("{}@example.com", first.to_lowercase()));
    d.set(ContactField::Phone, "+39 333 123 4567");
    d.set(ContactField::City, "Torino");
    d
}

fn bulk_data(list: ListId, n: usize) -> Vec<ContactData> {
    (0..n)
        .map(|i| {
            let mut d = ContactDraft { list_id: Some(list), ..Default::default() };
            d.set(ContactField::FirstName, format!("Person{i}"));
            d.set(ContactField::Company, format!("Company {}", i % 97));
            d.validate().expect("valid bulk draft").1
        })
        .collect()
}

/// Everything a user could see, independent of the workspace's internal layout.
#[derive(Debug, PartialEq)]
struct Snapshot {
    meta: WorkspaceMeta,
    lists: Vec<ContactList>,
    counts: Vec<usize>,
    contacts: Vec<Contact>,
    /// Global fields (deleted ones too), then each list's own.
    fields: Vec<CustomField>,
    tags: Vec<Tag>,
    agents: Vec<Agent>,
    /// Each list's dispositions in tree order, with depth.
    dispositions: Vec<(usize, Disposition)>,
    /// Import batches, newest first.
    imports: Vec<ImportBatch>,
}

fn snapshot(ws: &Workspace) -> Snapshot {
    let meta = ws.meta().clone();
    let lists: Vec<ContactList> = ws.lists().into_iter().cloned().collect();
    let counts = lists.iter().map(|l| ws.contact_count(l.id)).collect();
    let contacts = (0..=meta.next_contact_id).filter_map(|id| ws.contact(ContactId::new(id)).cloned()).collect();
    let mut fields: Vec<CustomField> = ws.global_fields(GlobalFilter::All).into_iter().cloned().collect();
    let mut dispositions = Vec::new();
    for l in &lists {
        fields.extend(ws.list_fields(l.id).into_iter().cloned());
        dispositions.extend(ws.dispositions(l.id).into_iter().map(|(depth, d)| (depth, d.clone())));
    }
    let tags = ws.tags().into_iter().cloned().collect();
    let agents = ws.agents().into_iter().cloned().collect();
    let imports = ws.imports().into_iter().cloned().collect();
    Snapshot { meta, lists, counts, contacts, fields, tags, agents, dispositions, imports }
}

async fn reload(name: &str) -> Result<Workspace, StoreError> {
    let store = Store::open(name).await?;
    let ws = store.load().await;
    store.close();
    ws
}

/// A second, plain connection, for looking at or damaging records behind the store.
async fn raw_db(name: &str) -> Database {
    Database::open(name).await.expect("raw open")
}

async fn raw_page_keys(name: &str) -> Vec<(u32, u32)> {
    let db = raw_db(name).await;
    let tx = db.transaction("pages").with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store("pages").expect("store");
    let keys: Vec<JsValue> =
        store.get_all_keys::<JsValue>().primitive().expect("req").await.expect("keys").map(|k| k.expect("key")).collect();
    drop(tx);
    db.close();
    keys.iter()
        .map(|k| {
            let a = Array::from(k);
            (a.get(0).as_f64().expect("list") as u32, a.get(1).as_f64().expect("page") as u32)
        })
        .collect()
}

async fn raw_put(name: &str, store_name: &str, key: JsValue, value: JsValue) {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readwrite).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    drop(store.put(value).with_key(key).primitive().expect("put"));
    tx.commit().await.expect("commit");
    db.close();
}

/// The keys of a store of small records (fields, tags, agents, dispositions).
async fn raw_record_keys(name: &str, store_name: &str) -> Vec<u32> {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    let keys: Vec<u32> = store
        .get_all_keys::<JsValue>()
        .primitive()
        .expect("req")
        .await
        .expect("keys")
        .map(|k| k.expect("key").as_f64().expect("numeric key") as u32)
        .collect();
    drop(tx);
    db.close();
    keys
}

/// Every stored value of a store, as bytes.
async fn raw_values(name: &str, store_name: &str) -> Vec<Vec<u8>> {
    let db = raw_db(name).await;
    let tx = db.transaction(store_name).with_mode(TransactionMode::Readonly).build().expect("tx");
    let store = tx.object_store(store_name).expect("store");
    let values: Vec<Vec<u8>> = store
        .get_all::<JsValue>()
        .primitive()
        .expect("req")
        .await
        .expect("values")
        .map(|v| Uint8Array::new(&v.expect("value")).to_vec())
        .collect();
    drop(tx);
    db.close();
    values
}

async fn raw_store_names(name: &str) -> Vec<String> {
    let db = raw_db(name).await;
    let names = db.object_store_names().collect();
    db.close();
    names
}

/// True when some stored page holds `text` (postcard writes strings as plain UTF-8).
async fn pages_contain(name: &str, text: &str) -> bool {
    let needle = text.as_bytes();
    raw_values(name, "pages").await.iter().any(|page| page.windows(needle.len()).any(|w| w == needle))
}

fn page_key_js(list: ListId, page: u32) -> JsValue {
    Array::of2(&JsValue::from(list.get()), &JsValue::from(page)).into()
}

/// Two lists, three contacts, one edited and one deleted: every kind of record.
async fn seed(store: &Store, ws: &mut Workspace) -> (ListId, ListId) {
    let (a, ch) = ws.create_list(&list_draft("Leads"), T0).expect("list a");
    store.commit(ws, &ch).await.expect("commit list a");
    let (b, ch) = ws.create_list(&list_draft("Customers"), T0).expect("list b");
    store.commit(ws, &ch).await.expect("commit list b");
    let mut ids = Vec::new();
    for (list, first, last) in [(a, "Ada", "Lovelace"), (a, "Alan", "Turing"), (b, "Grace", "Hopper")] {
        let (id, ch) = ws.create_contact(&contact_draft(list, first, last), T0).expect("contact");
        store.commit(ws, &ch).await.expect("commit contact");
        ids.push(id);
    }
    let mut edited = contact_draft(b, "Grace", "Brewster Hopper");
    edited.set(ContactField::Mobile, "0039 333-7654321");
    let ch = ws.update_contact(ids[2], &edited, T0).expect("edit");
    store.commit(ws, &ch).await.expect("commit edit");
    let ch = ws.delete_contacts(&[ids[1]]).expect("delete");
    store.commit(ws, &ch).await.expect("commit delete");
    (a, b)
}

fn field_draft(alias: &str, type_name: FieldTypeName) -> FieldDraft {
    FieldDraft { alias: alias.into(), type_name, ..FieldDraft::default() }
}

fn tag_draft(name: &str, colour: &str) -> TagDraft {
    TagDraft { name: name.into(), colour: colour.into() }
}

fn agent_draft(name: &str, username: &str, role: Role) -> AgentDraft {
    AgentDraft { name: name.into(), username: username.into(), role }
}

/// What `catalog` made.
struct Catalog {
    list: ListId,
    region: FieldId,
    tier: FieldId,
    notes: FieldId,
    vip: TagId,
    lead: TagId,
    agents: [AgentId; 2],
    ann: ContactId,
}

/// On top of whatever `ws` holds: a list with a dial prefix, a global URL field and a
/// global text field, a list select field and a list text field, two tags, three
/// agents (two assigned to the list), a three-level disposition tree with a sibling,
/// and contacts carrying values and tags. Each command is committed as the UI would.
async fn catalog(store: &Store, ws: &mut Workspace) -> Catalog {
    let draft = ListDraft { dial_prefix: "0".into(), ..list_draft("Campaign") };
    let (list, ch) = ws.create_list(&draft, T0).expect("list");
    store.commit(ws, &ch).await.expect("commit list");

    let (site, ch) = ws.create_field(FieldScope::Global, &field_draft("Site", FieldTypeName::Url), T0).expect("site");
    store.commit(ws, &ch).await.expect("commit site");
    let (region, ch) = ws.create_field(FieldScope::Global, &field_draft("Region", FieldTypeName::Text), T0).expect("region");
    store.commit(ws, &ch).await.expect("commit region");
    let tier = FieldDraft {
        choices: vec!["Gold".into(), "Silver".into()],
        required: true,
        ..field_draft("Tier", FieldTypeName::Select)
    };
    let (tier, ch) = ws.create_field(FieldScope::List(list), &tier, T0).expect("tier");
    store.commit(ws, &ch).await.expect("commit tier");
    let notes = FieldDraft { click_to_action: true, ..field_draft("Notes", FieldTypeName::Text) };
    let (notes, ch) = ws.create_field(FieldScope::List(list), &notes, T0).expect("notes");
    store.commit(ws, &ch).await.expect("commit notes");

    let (vip, ch) = ws.create_tag(&tag_draft("VIP", "#AA0000")).expect("vip");
    store.commit(ws, &ch).await.expect("commit vip");
    let (lead, ch) = ws.create_tag(&tag_draft("Lead", "#00aa00")).expect("lead");
    store.commit(ws, &ch).await.expect("commit lead");

    let mut agents = Vec::new();
    for (name, user, role) in [("Xena", "xena", Role::Agent), ("Yuri", "yuri", Role::Agent), ("Zoe", "zoe", Role::Admin)] {
        let (id, ch) = ws.create_agent(&agent_draft(name, user, role)).expect("agent");
        store.commit(ws, &ch).await.expect("commit agent");
        agents.push(id);
    }
    let ch = ws.assign_agents(list, &agents[..2]).expect("assign");
    store.commit(ws, &ch).await.expect("commit assign");

    let (sale, ch) = ws.create_disposition(list, "Sale", None).expect("sale");
    store.commit(ws, &ch).await.expect("commit sale");
    let (upsell, ch) = ws.create_disposition(list, "Upsell", Some(sale)).expect("upsell");
    store.commit(ws, &ch).await.expect("commit upsell");
    let (_, ch) = ws.create_disposition(list, "Premium", Some(upsell)).expect("premium");
    store.commit(ws, &ch).await.expect("commit premium");
    let (_, ch) = ws.create_disposition(list, "No answer", None).expect("no answer");
    store.commit(ws, &ch).await.expect("commit no answer");

    let mut d = contact_draft(list, "Ann", "Able");
    d.custom.insert(site, "https://ann.example".into());
    d.custom.insert(region, "Northmarker".into());
    d.custom.insert(tier, "silver".into());
    d.custom.insert(notes, "0115551234".into());
    d.tags = vec![vip, lead];
    let (ann, ch) = ws.create_contact(&d, T0).expect("ann");
    store.commit(ws, &ch).await.expect("commit ann");
    let mut d = contact_draft(list, "Bob", "Baker");
    d.custom.insert(tier, "Gold".into());
    d.tags = vec![vip];
    let (_, ch) = ws.create_contact(&d, T0).expect("bob");
    store.commit(ws, &ch).await.expect("commit bob");

    let [x, y, _] = agents[..] else { panic!("three agents") };
    Catalog { list, region, tier, notes, vip, lead, agents: [x, y], ann }
}

// ---- what older app versions stored -----------------------------------------------------
//
// The "version N migrates" tests fill an old schema with the bytes older app versions
// really wrote, not with today's encoder. Each set is `seed` (and `catalog`) as that
// version stored it: every record its `commit` would have written, printed by its
// `codec::encode_*` (a checkout of the commit, the commands of `seed` and `catalog` run
// on a workspace, every meta, list, page, field, tag, agent and disposition record
// encoded). Never regenerate them from today's code: they stand for data in users'
// browsers. Format 1: commit de2156c (the last writing format 1; the first release wrote
// the same shapes). Format 2: commit 23b4e98 (the last writing format 2).

/// Where an old record lives: the meta record, a record under its numeric id (list,
/// field, tag, agent, disposition), or page `.1` of list `.0`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum OldKey {
    Meta,
    Id(u32),
    Page(u32, u32),
}

impl OldKey {
    fn to_js(self) -> JsValue {
        match self {
            OldKey::Meta => JsValue::from_str("meta"),
            OldKey::Id(id) => JsValue::from_f64(f64::from(id)),
            OldKey::Page(list, page) => page_key_js(ListId::new(list), page),
        }
    }
}

/// One record as an older app version stored it: object store, key, value bytes.
type OldRecord = (&'static str, OldKey, &'static [u8]);

/// The list record of `list` or one of its pages.
fn of_list(record: &OldRecord, list: ListId) -> bool {
    matches!((record.0, record.1), ("lists", OldKey::Id(l)) | ("pages", OldKey::Page(l, _)) if l == list.get())
}

/// Writes the records behind the store's back, as the older version left them.
async fn put_old_records<'a>(name: &str, records: impl IntoIterator<Item = &'a OldRecord>) {
    for &(store, key, bytes) in records {
        raw_put(name, store, key.to_js(), Uint8Array::from(bytes).into()).await;
    }
}

/// The format byte of every stored record of these object stores, sorted.
async fn stored_formats(name: &str, stores: &[&str]) -> Vec<u8> {
    let mut formats = Vec::new();
    for store in stores {
        formats.extend(raw_values(name, store).await.iter().map(|v| v[0]));
    }
    formats.sort_unstable();
    formats
}

/// The workspace `seed` makes with today's commands, and its two lists: what the old
/// records of `seed` must load as. The commits go to a scratch database, deleted at
/// once; only the in-memory workspace is used.
async fn seeded() -> (Workspace, (ListId, ListId)) {
    let name = fresh_name("expected");
    let store = Store::open(&name).await.expect("open scratch");
    let mut ws = Workspace::new();
    let lists = seed(&store, &mut ws).await;
    store.close();
    Store::delete_database(&name).await.expect("delete scratch");
    (ws, lists)
}

/// `seed` then `catalog`, as `seeded`.
async fn seeded_and_catalogued() -> (Workspace, (ListId, ListId), Catalog) {
    let name = fresh_name("expected");
    let store = Store::open(&name).await.expect("open scratch");
    let mut ws = Workspace::new();
    let lists = seed(&store, &mut ws).await;
    let c = catalog(&store, &mut ws).await;
    store.close();
    Store::delete_database(&name).await.expect("delete scratch");
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

/// `seed` as format 1 stored it: meta, the lists Leads (0) and Customers (1), a page each.
const SEED_FORMAT_1: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[1, 2, 3]),
    ("lists", OldKey::Id(0), &[
        1, 0, 5, 76, 101, 97, 100, 115, 1, 11, 97, 98, 111, 117, 116, 32, 76, 101, 97, 100, 115, 128, 160, 191, 233,
        214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("lists", OldKey::Id(1), &[
        1, 1, 9, 67, 117, 115, 116, 111, 109, 101, 114, 115, 1, 15, 97, 98, 111, 117, 116, 32, 67, 117, 115, 116, 111,
        109, 101, 114, 115, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(0, 0), &[
        1, 1, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 100, 97, 1, 8, 76, 111, 118,
        101, 108, 97, 99, 101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 100, 97, 64, 101,
        120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0,
    ]),
    ("pages", OldKey::Page(1, 0), &[
        1, 1, 2, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 5, 71, 114, 97, 99, 101, 1, 15, 66,
        114, 101, 119, 115, 116, 101, 114, 32, 72, 111, 112, 112, 101, 114, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52,
        53, 54, 55, 1, 12, 51, 57, 51, 51, 51, 55, 54, 53, 52, 51, 50, 49, 1, 17, 103, 114, 97, 99, 101, 64, 101, 120,
        97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0,
    ]),
];

/// `seed` as format 2 stored it.
const SEED_FORMAT_2: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[2, 2, 3, 0, 0, 0, 0]),
    ("lists", OldKey::Id(0), &[
        2, 0, 5, 76, 101, 97, 100, 115, 1, 11, 97, 98, 111, 117, 116, 32, 76, 101, 97, 100, 115, 0, 0, 128, 160, 191,
        233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("lists", OldKey::Id(1), &[
        2, 1, 9, 67, 117, 115, 116, 111, 109, 101, 114, 115, 1, 15, 97, 98, 111, 117, 116, 32, 67, 117, 115, 116, 111,
        109, 101, 114, 115, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(0, 0), &[
        2, 1, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 100, 97, 1, 8, 76, 111, 118,
        101, 108, 97, 99, 101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 100, 97, 64, 101,
        120, 97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 0, 0,
    ]),
    ("pages", OldKey::Page(1, 0), &[
        2, 1, 2, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 5, 71, 114, 97, 99, 101, 1, 15, 66,
        114, 101, 119, 115, 116, 101, 114, 32, 72, 111, 112, 112, 101, 114, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52,
        53, 54, 55, 1, 12, 51, 57, 51, 51, 51, 55, 54, 53, 52, 51, 50, 49, 1, 17, 103, 114, 97, 99, 101, 64, 101, 120,
        97, 109, 112, 108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 0, 0,
    ]),
];

/// What `catalog` added to `SEED_FORMAT_2` (and the meta record it moved on).
const CATALOG_FORMAT_2: &[OldRecord] = &[
    ("meta", OldKey::Meta, &[2, 3, 5, 4, 2, 3, 4]),
    ("lists", OldKey::Id(2), &[
        2, 2, 8, 67, 97, 109, 112, 97, 105, 103, 110, 1, 14, 97, 98, 111, 117, 116, 32, 67, 97, 109, 112, 97, 105, 103,
        110, 1, 1, 48, 2, 0, 1, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("pages", OldKey::Page(2, 0), &[
        2, 2, 3, 2, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 65, 110, 110, 1, 4, 65, 98, 108,
        101, 1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 97, 110, 110, 64, 101, 120, 97, 109, 112,
        108, 101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 4, 0, 5, 19, 104, 116, 116, 112, 115, 58,
        47, 47, 97, 110, 110, 46, 101, 120, 97, 109, 112, 108, 101, 1, 0, 11, 78, 111, 114, 116, 104, 109, 97, 114,
        107, 101, 114, 2, 1, 6, 83, 105, 108, 118, 101, 114, 3, 0, 10, 48, 49, 49, 53, 53, 53, 49, 50, 51, 52, 2, 0, 1,
        4, 2, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102, 3, 66, 111, 98, 1, 5, 66, 97, 107, 101, 114,
        1, 12, 51, 57, 51, 51, 51, 49, 50, 51, 52, 53, 54, 55, 0, 1, 15, 98, 111, 98, 64, 101, 120, 97, 109, 112, 108,
        101, 46, 99, 111, 109, 1, 10, 6, 84, 111, 114, 105, 110, 111, 0, 1, 2, 1, 4, 71, 111, 108, 100, 1, 0,
    ]),
    ("fields", OldKey::Id(0), &[
        2, 0, 0, 4, 83, 105, 116, 101, 5, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("fields", OldKey::Id(1), &[
        2, 1, 0, 6, 82, 101, 103, 105, 111, 110, 0, 0, 0, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214,
        102,
    ]),
    ("fields", OldKey::Id(2), &[
        2, 2, 1, 2, 4, 84, 105, 101, 114, 1, 2, 4, 71, 111, 108, 100, 6, 83, 105, 108, 118, 101, 114, 1, 0, 0, 128,
        160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("fields", OldKey::Id(3), &[
        2, 3, 1, 2, 5, 78, 111, 116, 101, 115, 0, 0, 1, 0, 128, 160, 191, 233, 214, 102, 128, 160, 191, 233, 214, 102,
    ]),
    ("tags", OldKey::Id(0), &[2, 0, 3, 86, 73, 80, 7, 35, 97, 97, 48, 48, 48, 48]),
    ("tags", OldKey::Id(1), &[2, 1, 4, 76, 101, 97, 100, 7, 35, 48, 48, 97, 97, 48, 48]),
    ("agents", OldKey::Id(0), &[2, 0, 4, 88, 101, 110, 97, 4, 120, 101, 110, 97, 1]),
    ("agents", OldKey::Id(1), &[2, 1, 4, 89, 117, 114, 105, 4, 121, 117, 114, 105, 1]),
    ("agents", OldKey::Id(2), &[2, 2, 3, 90, 111, 101, 3, 122, 111, 101, 0]),
    ("dispositions", OldKey::Id(0), &[2, 0, 2, 4, 83, 97, 108, 101, 0]),
    ("dispositions", OldKey::Id(1), &[2, 1, 2, 6, 85, 112, 115, 101, 108, 108, 1, 0]),
    ("dispositions", OldKey::Id(2), &[2, 2, 2, 7, 80, 114, 101, 109, 105, 117, 109, 1, 1]),
    ("dispositions", OldKey::Id(3), &[2, 3, 2, 9, 78, 111, 32, 97, 110, 115, 119, 101, 114, 0]),
];

// ---- tests --------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn commit_then_reload_gives_the_same_workspace() {
    let name = fresh_name("roundtrip");
    let store = Store::open(&name).await.expect("open");
    assert_eq!(store.version(), VERSION);
    let empty = store.load().await.expect("load empty");
    assert_eq!(empty.total_contacts(), 0);
    assert_eq!(empty.meta(), &WorkspaceMeta::default());

    let mut ws = Workspace::new();
    seed(&store, &mut ws).await;
    let before = snapshot(&ws);
    assert_eq!(before.lists.len(), 2);
    assert_eq!(before.contacts.len(), 2);
    store.close();

    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), before);
    let grace = loaded.contact(before.contacts[1].id).expect("grace");
    assert_eq!(grace.data.get(ContactField::LastName), Some("Brewster Hopper"));
    assert_eq!(grace.data.get(ContactField::Mobile).map(str::to_string), Some("393337654321".to_string()));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn many_pages_round_trip_in_one_commit_and_in_chunks() {
    let name = fresh_name("bulk");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (one, ch) = ws.create_list(&list_draft("Import one"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(one, bulk_data(one, 20_000), T0).expect("add");
    assert!(ch.pages_put.len() >= 20_000 / 512, "{} pages", ch.pages_put.len());
    let t = js_sys::Date::now();
    store.commit(&ws, &ch).await.expect("bulk commit");
    console_log!("one transaction: {} pages, 20000 contacts in {} ms", ch.pages_put.len(), js_sys::Date::now() - t);

    let (two, ch) = ws.create_list(&list_draft("Import two"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit list");
    let (_, ch) = ws.add_contacts(two, bulk_data(two, 5_000), T0).expect("add");
    let t = js_sys::Date::now();
    store.commit_chunked(&ws, &ch, 3).await.expect("chunked commit");
    console_log!("chunked: {} pages in {} ms", ch.pages_put.len(), js_sys::Date::now() - t);
    store.close();

    let loaded = reload(&name).await.expect("reload");
    assert_eq!(loaded.total_contacts(), 25_000);
    assert_eq!(loaded.contact_count(one), 20_000);
    assert_eq!(loaded.contact_count(two), 5_000);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn deleting_a_list_removes_its_pages() {
    let name = fresh_name("delete-list");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (big, ch) = ws.create_list(&list_draft("Big"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.add_contacts(big, bulk_data(big, 700), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit");
    let (small, ch) = ws.create_list(&list_draft("Small"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.create_contact(&contact_draft(small, "Ada", "Lovelace"), T0).expect("contact");
    store.commit(&ws, &ch).await.expect("commit");
    let keys = raw_page_keys(&name).await;
    assert_eq!(keys.iter().filter(|k| k.0 == big.get()).count(), 2, "700 contacts take two pages: {keys:?}");

    let ch = ws.delete_lists(&[big]).expect("delete list");
    store.commit(&ws, &ch).await.expect("commit delete");
    store.close();

    let keys = raw_page_keys(&name).await;
    assert!(keys.iter().all(|k| k.0 != big.get()), "pages of the deleted list remain: {keys:?}");
    assert!(keys.iter().any(|k| k.0 == small.get()));
    let loaded = reload(&name).await.expect("reload");
    assert!(loaded.list(big).is_none());
    assert_eq!(loaded.total_contacts(), 1);
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_merged_change_whose_pages_are_gone_leaves_no_stale_pages() {
    let name = fresh_name("merged");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (keep, ch) = ws.create_list(&list_draft("Keep"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (_, ch) = ws.add_contacts(keep, bulk_data(keep, 3), T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit");

    // Several commands committed together: a list is created, filled and deleted
    // again, so the change names pages the workspace no longer has.
    let (gone, mut change) = ws.create_list(&list_draft("Gone"), T0).expect("list");
    let (_, ch) = ws.add_contacts(gone, bulk_data(gone, 600), T0).expect("add");
    change.merge(ch);
    change.merge(ws.delete_lists(&[gone]).expect("delete"));
    store.commit(&ws, &change).await.expect("commit merged");

    // A page named in `pages_put` that the workspace no longer has is deleted.
    raw_put(&name, "pages", page_key_js(keep, 9), Uint8Array::from(&[1u8, 2, 3][..]).into()).await;
    assert!(raw_page_keys(&name).await.contains(&(keep.get(), 9)));
    let stale = Change { pages_put: vec![PageKey { list: keep, page: 9 }], ..Change::default() };
    store.commit(&ws, &stale).await.expect("commit stale page");
    store.close();

    let keys = raw_page_keys(&name).await;
    assert!(keys.iter().all(|k| k.0 == keep.get()) && !keys.contains(&(keep.get(), 9)), "stale pages: {keys:?}");
    let loaded = reload(&name).await.expect("reload");
    assert!(loaded.list(gone).is_none());
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
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
async fn a_failed_transaction_leaves_the_data_as_it_was() {
    let name = fresh_name("abort");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, b) = seed(&store, &mut ws).await;
    let committed = snapshot(&ws);

    // A change touching every store: delete a list (and its pages), add a list and
    // contacts, which also moves the id counters in meta.
    let mut change = ws.delete_lists(&[a]).expect("delete list");
    let (c, ch) = ws.create_list(&list_draft("New"), T0).expect("list");
    change.merge(ch);
    let (_, ch) = ws.add_contacts(c, bulk_data(c, 600), T0).expect("add");
    change.merge(ch);
    let (_, ch) = ws.create_contact(&contact_draft(b, "Katherine", "Johnson"), T0).expect("contact");
    change.merge(ch);
    assert!(change.meta && !change.lists_deleted.is_empty() && !change.pages_put.is_empty());

    let err = store.commit_with_injected_failure(&ws, &change).await.expect_err("must fail");
    assert!(matches!(&err, StoreError::Aborted(m) if m.contains("ConstraintError")), "{err:?}");
    store.close();
    let loaded = reload(&name).await.expect("reload after failure");
    assert_eq!(snapshot(&loaded), committed, "a failed commit changed stored data");

    // The same change without the failure does land: the check above could fail.
    let store = Store::open(&name).await.expect("open");
    store.commit(&ws, &change).await.expect("commit");
    store.close();
    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert_ne!(snapshot(&loaded), committed);
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn damaged_records_give_corrupt_not_a_panic() {
    let name = fresh_name("corrupt");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, _) = seed(&store, &mut ws).await;
    store.close();

    let garbage = Uint8Array::from(&[0xFFu8, 0x13, 0x37, 0x00, 0x42][..]);
    raw_put(&name, "pages", page_key_js(a, 0), garbage.into()).await;
    match reload(&name).await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(&format!("list {a}")), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }

    raw_put(&name, "pages", page_key_js(a, 0), JsValue::from_str("not bytes")).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("not stored as bytes")));

    raw_put(&name, "pages", page_key_js(a, 0), Uint8Array::new_with_length(0).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(_))));

    raw_put(&name, "meta", JsValue::from_str("meta"), Uint8Array::from(&[0xFEu8][..]).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("workspace")));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn an_upgrade_in_another_tab_closes_this_connection() {
    let name = fresh_name("versionchange");
    let old = Store::open_at_version(&name, 1).await.expect("open v1");
    let told = Rc::new(Cell::new(false));
    old.on_closed_by_other_tab({
        let told = Rc::clone(&told);
        move || told.set(true)
    });
    let new = Store::open(&name).await.expect("upgrade is not blocked by our own old connection");
    assert_eq!(new.version(), VERSION);
    assert!(old.is_closed() && told.get());
    assert_eq!(old.load().await.err(), Some(StoreError::Closed));
    new.close();
    old.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn an_old_connection_that_will_not_close_reports_blocked() {
    let name = fresh_name("blocked");
    // A connection that ignores versionchange, like an older app version in a tab.
    Store::open_at_version(&name, 1).await.expect("create v1").close();
    let stubborn = raw_db(&name).await;
    assert_eq!(stubborn.version(), 1.0);
    let err = Store::open(&name).await.err();
    assert_eq!(err, Some(StoreError::Blocked));
    stubborn.close();
    // Once it is gone the upgrade completes and the schema is whole.
    let store = Store::open(&name).await.expect("open after the old tab closed");
    assert_eq!(store.version(), VERSION);
    store.put_setting("x", "y").await.expect("settings store exists");
    assert_eq!(store.load().await.expect("load").total_contacts(), 0);
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn data_from_a_newer_app_version_is_refused_clearly() {
    let name = fresh_name("newer");
    Store::open_at_version(&name, VERSION + 1).await.expect("a future schema").close();
    assert_eq!(Store::open(&name).await.err(), Some(StoreError::NewerVersion));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
fn dom_exception_names_map_to_user_errors() {
    assert_eq!(StoreError::from_dom_exception("QuotaExceededError", "full"), StoreError::QuotaExceeded);
    assert_eq!(
        StoreError::from_dom_exception("ConstraintError", "dup"),
        StoreError::Aborted("ConstraintError: dup".into())
    );
}

#[wasm_bindgen_test]
async fn one_tab_holds_the_lock_and_hands_it_over_on_request() {
    let name = fresh_name("lock");
    let first = match TabLock::acquire(&name).await.expect("acquire") {
        LockOutcome::Acquired(lock) => lock,
        LockOutcome::HeldElsewhere => panic!("a fresh lock was held"),
    };
    assert!(first.is_enforced(), "Chromium has Web Locks");
    assert!(matches!(TabLock::acquire(&name).await.expect("second"), LockOutcome::HeldElsewhere));

    // The active "tab" lets go when asked, as the UI will.
    let holder: Rc<RefCell<Option<TabLock>>> = Rc::default();
    let asked = Rc::new(Cell::new(false));
    let mut first = first;
    first
        .on_release_requested({
            let holder = Rc::clone(&holder);
            let asked = Rc::clone(&asked);
            move || {
                asked.set(true);
                let holder = Rc::clone(&holder);
                // Release outside the message handler (it belongs to the lock).
                wasm_bindgen_futures::spawn_local(async move { drop(holder.borrow_mut().take()) });
            }
        })
        .expect("listen");
    *holder.borrow_mut() = Some(first);

    request_handover(&name).expect("ask");
    let second = TabLock::wait_acquire(&name).await.expect("wait");
    assert!(asked.get() && holder.borrow().is_none());
    assert!(matches!(TabLock::acquire(&name).await.expect("third"), LockOutcome::HeldElsewhere));
    second.release_and_wait().await;
    assert!(matches!(TabLock::acquire(&name).await.expect("fourth"), LockOutcome::Acquired(_)));
}

#[wasm_bindgen_test]
async fn storage_helpers_answer() {
    use contacts_manager::store::storage::{request_persistent, storage_estimate};
    let estimate = storage_estimate().await.expect("estimate");
    assert!(estimate.quota > 0.0);

    // The test page is served from localhost, a secure context: `navigator.storage` is
    // there, so `request_persistent` asks the browser instead of answering "unsupported".
    let navigator = web_sys::window().expect("window").navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).expect("read navigator.storage");
    assert!(!storage.is_undefined(), "navigator.storage is missing");
    let granted = request_persistent().await;
    // Whatever the browser decided, it says the same when asked afterwards whether the
    // data is persistent, and asking again does not change the answer. (Headless
    // Chromium with a fresh profile denies it: a function that always said false would
    // pass here; one that said true, or the opposite of the browser, fails.)
    let persisted = wasm_bindgen_futures::JsFuture::from(navigator.storage().persisted().expect("persisted()"))
        .await
        .expect("persisted() settles")
        .as_bool()
        .expect("persisted() answers true or false");
    console_log!("request_persistent: {granted}, persisted(): {persisted}");
    assert_eq!(granted, persisted, "request_persistent() and navigator.storage.persisted() disagree");
    assert_eq!(request_persistent().await, granted, "a second request answered differently");
}

// ---- fields, tags, agents, dispositions (schema version 3) ---------------------------

#[wasm_bindgen_test]
async fn fields_tags_agents_and_dispositions_round_trip() {
    let name = fresh_name("catalog");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    seed(&store, &mut ws).await;
    let c = catalog(&store, &mut ws).await;
    let before = snapshot(&ws);
    assert_eq!((before.fields.len(), before.tags.len(), before.agents.len(), before.dispositions.len()), (4, 2, 3, 4));
    // One record each, under its id.
    assert_eq!(raw_record_keys(&name, "fields").await.len(), 4);
    let mut tag_keys = raw_record_keys(&name, "tags").await;
    tag_keys.sort_unstable();
    assert_eq!(tag_keys, vec![c.vip.get(), c.lead.get()]);
    assert_eq!(raw_record_keys(&name, "agents").await.len(), 3);
    assert_eq!(raw_record_keys(&name, "dispositions").await.len(), 4);
    store.close();

    let mut loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), before);
    let tree: Vec<(usize, String)> = loaded.dispositions(c.list).iter().map(|(depth, d)| (*depth, d.name.to_string())).collect();
    assert_eq!(
        tree,
        [(1, "No answer"), (1, "Sale"), (2, "Upsell"), (3, "Premium")].map(|(d, n)| (d, n.to_string())).to_vec()
    );
    assert_eq!(loaded.list(c.list).map(|l| l.agents.clone()), Some(c.agents.to_vec()));
    assert_eq!(loaded.list(c.list).and_then(|l| l.dial_prefix.as_deref().map(str::to_string)), Some("0".to_string()));
    assert_eq!(loaded.lists_of_agent(c.agents[0]), vec![c.list]);
    let ann = loaded.contact(c.ann).expect("ann");
    assert_eq!(ann.data.custom_value(c.tier), Some(&FieldValue::Choice("Silver".into())));
    assert_eq!(ann.data.custom_value(c.region).map(FieldValue::to_text).as_deref(), Some("Northmarker"));
    assert_eq!(ann.data.tags(), &[c.vip, c.lead][..]);
    assert!(loaded.field(c.notes).is_some_and(|f| f.click_to_action && f.scope == FieldScope::List(c.list)));
    assert_eq!(loaded.tag(c.vip).map(|t| t.colour.as_str().to_string()), Some("#aa0000".to_string()));
    let vips = loaded.query(&ContactQuery { tag: Some(c.vip), ..ContactQuery::default() });
    assert_eq!(vips.rows.len(), 2);

    // Edits after a reload land too, and the id counters came back (no id reuse).
    let store = Store::open(&name).await.expect("reopen");
    let (_, sale) = loaded.dispositions(c.list)[1];
    let sale = sale.id;
    let ch = loaded.rename_disposition(sale, "Closed won").expect("rename");
    store.commit(&loaded, &ch).await.expect("commit rename");
    let ch = loaded.update_agent(c.agents[1], &agent_draft("Yuri Gagarin", "yuri", Role::Admin)).expect("agent");
    store.commit(&loaded, &ch).await.expect("commit agent");
    let (cold, ch) = loaded.create_tag(&tag_draft("Cold", "#0000aa")).expect("tag");
    assert!(cold != c.vip && cold != c.lead);
    store.commit(&loaded, &ch).await.expect("commit tag");
    store.close();
    let again = reload(&name).await.expect("reload again");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.disposition(sale).map(|d| d.name.to_string()), Some("Closed won".to_string()));
    assert_eq!(again.agent(c.agents[1]).map(|a| a.role), Some(Role::Admin));
    assert!(again.tag(cold).is_some());
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn deleting_a_tag_and_purging_a_global_field_erase_them_from_storage() {
    let name = fresh_name("purge");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    // Enough contacts with a region value to fill more than one page.
    let fields = ws.fields_for(c.list);
    let data: Vec<ContactData> = (0..700)
        .map(|i| {
            let mut d = ContactDraft { list_id: Some(c.list), ..Default::default() };
            d.set(ContactField::FirstName, format!("Person{i}"));
            d.custom.insert(c.tier, "Gold".into());
            d.custom.insert(c.region, "Northmarker".into());
            d.validate_with(&fields).expect("valid").1
        })
        .collect();
    let (_, ch) = ws.add_contacts(c.list, data, T0).expect("add");
    store.commit(&ws, &ch).await.expect("commit bulk");
    assert!(pages_contain(&name, "Northmarker").await, "the values are stored (the checks below could fail)");

    // A failed commit of the tag deletion changes nothing...
    let committed = snapshot(&ws);
    let ch = ws.delete_tag(c.vip).expect("delete tag");
    assert!(ch.records_deleted.contains(&RecordKey::Tag(c.vip)) && !ch.pages_put.is_empty());
    let err = store.commit_with_injected_failure(&ws, &ch).await.expect_err("must fail");
    assert!(matches!(&err, StoreError::Aborted(_)), "{err:?}");
    assert!(raw_record_keys(&name, "tags").await.contains(&c.vip.get()));
    assert_eq!(snapshot(&reload(&name).await.expect("reload")), committed);
    // ...the real one removes the tag and takes it off the stored contacts.
    store.commit(&ws, &ch).await.expect("commit tag deletion");
    assert_eq!(raw_record_keys(&name, "tags").await, vec![c.lead.get()]);

    // Soft delete keeps the field and its values in storage.
    let ch = ws.delete_fields(&[c.region], T0).expect("soft delete");
    store.commit(&ws, &ch).await.expect("commit soft delete");
    let soft = reload(&name).await.expect("reload");
    assert!(soft.field(c.region).is_some_and(|f| f.deleted.is_some()));
    assert_eq!(soft.field_value_count(c.region), 701);
    assert!(pages_contain(&name, "Northmarker").await);

    // Purge in small transactions: the pages lose the values, then the field goes.
    let ch = ws.purge_fields(&[c.region]).expect("purge");
    assert!(ch.pages_put.len() >= 2, "{:?}", ch.pages_put);
    store.commit_chunked(&ws, &ch, 1).await.expect("commit purge");
    store.close();
    assert!(!pages_contain(&name, "Northmarker").await, "a purged field's values remain in storage");
    assert!(!raw_record_keys(&name, "fields").await.contains(&c.region.get()));

    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert!(loaded.field(c.region).is_none() && loaded.tag(c.vip).is_none());
    assert!(loaded.contacts().all(|k| k.data.custom_value(c.region).is_none() && !k.data.has_tag(c.vip)));
    assert_eq!(loaded.tag_count(c.lead), 1);
    assert_eq!(loaded.field_value_count(c.tier), 702, "other values are untouched");
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn records_the_workspace_no_longer_has_are_deleted() {
    let name = fresh_name("stale-records");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;

    // Named in `records_put` but gone from the workspace: deleted, like pages.
    raw_put(&name, "tags", JsValue::from_f64(99.0), Uint8Array::from(&[2u8, 0][..]).into()).await;
    assert!(raw_record_keys(&name, "tags").await.contains(&99));
    let stale = Change { records_put: vec![RecordKey::Tag(TagId::new(99))], ..Change::default() };
    store.commit(&ws, &stale).await.expect("commit stale");
    assert!(!raw_record_keys(&name, "tags").await.contains(&99));

    // Created and deleted again in one merged change: nothing is left behind.
    let (gone, mut change) = ws.create_agent(&agent_draft("Temp", "temp", Role::Agent)).expect("agent");
    change.merge(ws.delete_agent(gone).expect("delete agent"));
    store.commit(&ws, &change).await.expect("commit merged");
    assert!(!raw_record_keys(&name, "agents").await.contains(&gone.get()));

    // A deleted list takes its own fields and dispositions out of storage; the global
    // fields stay.
    let ch = ws.delete_lists(&[c.list]).expect("delete list");
    store.commit(&ws, &ch).await.expect("commit delete list");
    store.close();
    let mut globals: Vec<u32> = ws.global_fields(GlobalFilter::All).iter().map(|f| f.id.get()).collect();
    globals.sort_unstable();
    let mut stored = raw_record_keys(&name, "fields").await;
    stored.sort_unstable();
    assert_eq!(stored, globals);
    assert_eq!(globals.len(), 2);
    assert!(raw_record_keys(&name, "dispositions").await.is_empty());
    let loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn damaged_catalog_records_give_corrupt_naming_the_record() {
    let name = fresh_name("corrupt-records");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    let vip_key = JsValue::from_f64(f64::from(c.vip.get()));

    raw_put(&name, "tags", vip_key.clone(), Uint8Array::from(&[2u8, 0xFF, 0xFF][..]).into()).await;
    match reload(&name).await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(&format!("tag {}", c.vip.get())), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }
    raw_put(&name, "tags", vip_key, JsValue::from_str("not bytes")).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("not stored as bytes")));

    // Committing the record again repairs it: the check above can pass.
    let repair = Change { records_put: vec![RecordKey::Tag(c.vip)], ..Change::default() };
    store.commit(&ws, &repair).await.expect("repair");
    assert_eq!(snapshot(&reload(&name).await.expect("repaired")), snapshot(&ws));

    // A record stored under another id than its own.
    let agent_bytes = raw_values(&name, "agents").await.into_iter().next().expect("an agent");
    raw_put(&name, "agents", JsValue::from_f64(50.0), Uint8Array::from(&agent_bytes[..]).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains("agent 50")));
    store.commit(&ws, &Change { records_put: vec![RecordKey::Agent(AgentId::new(50))], ..Change::default() }).await.expect("drop it");

    // A disposition from a newer app version.
    let dispo = ws.dispositions(c.list)[0].1.id;
    raw_put(&name, "dispositions", JsValue::from_f64(f64::from(dispo.get())), Uint8Array::from(&[9u8, 1][..]).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains(&format!("disposition {}", dispo.get())) && m.contains("newer")));
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
    assert_eq!(VERSION, 4);
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

// ---- import batches (schema version 4) -------------------------------------------------

const T1: Timestamp = Timestamp::from_millis(1_764_000_060_000);
const T2: Timestamp = Timestamp::from_millis(1_764_000_120_000);

fn import_draft(list: ListId, file: &str) -> ImportBatchDraft {
    ImportBatchDraft {
        file_name: file.into(),
        file_size: 4_096,
        list,
        mapping: vec![("First".into(), "First name".into()), ("Extra".into(), "Do not import".into())],
        duplicate_check: vec!["Phone".into(), "Email".into()],
    }
}

fn rows_read(n: u64) -> BatchProgress {
    BatchProgress { rows_read: n, duplicates_in_file: 1, duplicates_in_list: 0, failed: 2 }
}

/// Begins an import into `list` and commits `slices` slices of `per_slice` contacts,
/// one transaction each, as the import wizard does.
async fn import_slices(store: &Store, ws: &mut Workspace, list: ListId, slices: usize, per_slice: usize) -> BatchId {
    let (batch, ch) = ws.begin_import(import_draft(list, "people.csv"), T0).expect("begin");
    store.commit(ws, &ch).await.expect("commit begin");
    for i in 0..slices {
        let read = ((i + 1) * per_slice) as u64;
        let (_, ch) = ws.import_contacts(batch, bulk_data(list, per_slice), rows_read(read), T1).expect("slice");
        assert!(ch.records_put.contains(&RecordKey::Import(batch)) && !ch.pages_put.is_empty());
        store.commit(ws, &ch).await.expect("commit slice");
    }
    batch
}

#[wasm_bindgen_test]
async fn an_import_batch_is_stored_with_its_contacts_and_can_be_undone_after_reopen() {
    let name = fresh_name("import");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, _) = seed(&store, &mut ws).await;
    let batch = import_slices(&store, &mut ws, a, 3, 700).await;
    let ch = ws.finish_import(batch, false, rows_read(2_103), T2).expect("finish");
    store.commit(&ws, &ch).await.expect("commit finish");
    assert_eq!(raw_record_keys(&name, "imports").await, vec![batch.get()]);
    store.close();

    let mut loaded = reload(&name).await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    let stored = loaded.import(batch).expect("batch stored");
    assert_eq!((stored.status(), stored.imported(), stored.progress, stored.finished), (BatchStatus::Finished, 2_100, rows_read(2_103), Some(T2)));
    assert_eq!(stored.created.len(), 1, "consecutive slices make one range: {:?}", stored.created);
    assert_eq!(&*stored.file_name, "people.csv");
    assert_eq!(loaded.import_list_name(stored), "Leads");

    // A damaged batch record is named, not a panic; committing it again repairs it.
    let key = JsValue::from_f64(f64::from(batch.get()));
    raw_put(&name, "imports", key, Uint8Array::from(&[2u8, 0xFF][..]).into()).await;
    assert!(matches!(reload(&name).await, Err(StoreError::Corrupt(m)) if m.contains(&format!("import {}", batch.get()))));
    let store = Store::open(&name).await.expect("reopen");
    store.commit(&loaded, &Change { records_put: vec![RecordKey::Import(batch)], ..Change::default() }).await.expect("repair");
    assert_eq!(snapshot(&reload(&name).await.expect("repaired")), snapshot(&ws));

    // Undo after a reopen removes exactly the imported contacts, in one commit.
    let seeded = ws.contact_count(a) - 2_100;
    let (removed, ch) = loaded.undo_import(batch, T2).expect("undo");
    assert_eq!(removed, 2_100);
    store.commit(&loaded, &ch).await.expect("commit undo");
    store.close();
    let again = reload(&name).await.expect("reload after undo");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.contact_count(a), seeded);
    assert_eq!(again.import(batch).map(|b| (b.undone, b.undo_removed)), Some((Some(T2), 2_100)));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_failed_import_commit_stores_neither_the_contacts_nor_the_batch_update() {
    let name = fresh_name("import-abort");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, _) = seed(&store, &mut ws).await;
    let batch = import_slices(&store, &mut ws, a, 1, 600).await;
    let committed = snapshot(&ws);
    let stored_batch = raw_values(&name, "imports").await;

    let (ids, ch) = ws.import_contacts(batch, bulk_data(a, 900), rows_read(1_500), T2).expect("slice");
    let err = store.commit_with_injected_failure(&ws, &ch).await.expect_err("must fail");
    assert!(matches!(&err, StoreError::Aborted(_)), "{err:?}");
    assert_eq!(raw_values(&name, "imports").await, stored_batch, "the batch record moved without its contacts");
    let loaded = reload(&name).await.expect("reload after failure");
    assert_eq!(loaded.total_contacts(), committed.contacts.len());
    assert!(ids.iter().all(|id| loaded.contact(*id).is_none()));
    let b = loaded.import(batch).expect("batch");
    assert_eq!((b.imported(), b.progress, b.status()), (600, rows_read(600), BatchStatus::Interrupted));

    // The same change without the failure lands whole: the checks above could fail.
    store.commit(&ws, &ch).await.expect("commit");
    store.close();
    let loaded = reload(&name).await.expect("reload");
    assert_eq!(loaded.import(batch).map(|b| (b.imported(), b.progress)), Some((1_500, rows_read(1_500))));
    assert!(ids.iter().all(|id| loaded.contact(*id).is_some()));
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn an_import_cut_short_shows_as_interrupted_on_the_next_start() {
    let name = fresh_name("import-interrupted");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let (a, b) = seed(&store, &mut ws).await;
    let done = import_slices(&store, &mut ws, b, 1, 10).await;
    let ch = ws.finish_import(done, true, rows_read(10), T1).expect("stop");
    store.commit(&ws, &ch).await.expect("commit stop");
    let cut = import_slices(&store, &mut ws, a, 2, 300).await;
    // The tab closes mid-import: no finish.
    store.close();

    let mut loaded = reload(&name).await.expect("reload");
    let interrupted: Vec<BatchId> = loaded.interrupted_imports().iter().map(|b| b.id).collect();
    assert_eq!(interrupted, vec![cut]);
    let stored = loaded.import(cut).expect("stored");
    assert_eq!((stored.state, stored.status(), stored.imported(), stored.progress, stored.updated), (BatchState::Running, BatchStatus::Interrupted, 600, rows_read(600), T1));
    assert_eq!(loaded.import(done).map(ImportBatch::status), Some(BatchStatus::Stopped));
    let history: Vec<BatchId> = loaded.imports().iter().map(|b| b.id).collect();
    assert_eq!(history, vec![cut, done]);

    let store = Store::open(&name).await.expect("reopen");
    let (removed, ch) = loaded.undo_import(cut, T2).expect("undo");
    assert_eq!(removed, 600);
    store.commit(&loaded, &ch).await.expect("commit undo");
    store.close();
    let again = reload(&name).await.expect("reload");
    assert!(again.interrupted_imports().is_empty());
    assert_eq!(again.import(cut).map(|b| (b.status(), b.finished, b.undo_removed)), Some((BatchStatus::Stopped, Some(T1), 600)));
    assert_eq!(again.contact_count(a), 1);
    assert_eq!(snapshot(&again), snapshot(&loaded));
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
