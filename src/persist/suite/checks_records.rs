//! Shared checks: fields, tags, agents, dispositions and import batches (one record
//! each): round trips, deletions and purges reaching storage, damaged records named.

use super::fixtures::{
    agent_draft, bulk_data, catalog, import_slices, rows_read, seed, snapshot, tag_draft, T0, T1, T2,
};
use super::{pages_contain, Backend};
use crate::domain::workspace::GlobalFilter;
use crate::domain::{
    AgentId, BatchId, BatchState, BatchStatus, Change, ContactData, ContactDraft, ContactField, ContactQuery,
    FieldScope, FieldValue, ImportBatch, RecordKey, Role, TagId, Workspace,
};
use crate::persist::writes::{Shelf, Target};
use crate::persist::StoreError;

pub(crate) async fn fields_tags_agents_and_dispositions_round_trip(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    seed(store, &mut ws).await;
    let c = catalog(store, &mut ws).await;
    let before = snapshot(&ws);
    assert_eq!((before.fields.len(), before.tags.len(), before.agents.len(), before.dispositions.len()), (4, 2, 3, 4));
    // One record each, under its id.
    assert_eq!(b.record_ids(Shelf::Fields).await.len(), 4);
    let mut tag_keys = b.record_ids(Shelf::Tags).await;
    tag_keys.sort_unstable();
    assert_eq!(tag_keys, vec![c.vip.get(), c.lead.get()]);
    assert_eq!(b.record_ids(Shelf::Agents).await.len(), 3);
    assert_eq!(b.record_ids(Shelf::Dispositions).await.len(), 4);

    let mut loaded = b.reload().await.expect("reload");
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
    let (_, sale) = loaded.dispositions(c.list)[1];
    let sale = sale.id;
    let ch = loaded.rename_disposition(sale, "Closed won").expect("rename");
    store.commit(&loaded, &ch).await.expect("commit rename");
    let ch = loaded.update_agent(c.agents[1], &agent_draft("Yuri Gagarin", "yuri", Role::Admin)).expect("agent");
    store.commit(&loaded, &ch).await.expect("commit agent");
    let (cold, ch) = loaded.create_tag(&tag_draft("Cold", "#0000aa")).expect("tag");
    assert!(cold != c.vip && cold != c.lead);
    store.commit(&loaded, &ch).await.expect("commit tag");
    let again = b.reload().await.expect("reload again");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.disposition(sale).map(|d| d.name.to_string()), Some("Closed won".to_string()));
    assert_eq!(again.agent(c.agents[1]).map(|a| a.role), Some(Role::Admin));
    assert!(again.tag(cold).is_some());
}

pub(crate) async fn deleting_a_tag_and_purging_a_global_field_erase_them_from_storage(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let c = catalog(store, &mut ws).await;
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
    assert!(pages_contain(b, "Northmarker").await, "the values are stored (the checks below could fail)");

    // A failed commit of the tag deletion changes nothing...
    let committed = snapshot(&ws);
    let ch = ws.delete_tag(c.vip).expect("delete tag");
    assert!(ch.records_deleted.contains(&RecordKey::Tag(c.vip)) && !ch.pages_put.is_empty());
    let err = b.commit_failing(&ws, &ch).await;
    assert!(matches!(&err, StoreError::Aborted(_)), "{err:?}");
    assert!(b.record_ids(Shelf::Tags).await.contains(&c.vip.get()));
    assert_eq!(snapshot(&b.reload().await.expect("reload")), committed);
    // ...the real one removes the tag and takes it off the stored contacts.
    store.commit(&ws, &ch).await.expect("commit tag deletion");
    assert_eq!(b.record_ids(Shelf::Tags).await, vec![c.lead.get()]);

    // Soft delete keeps the field and its values in storage.
    let ch = ws.delete_fields(&[c.region], T0).expect("soft delete");
    store.commit(&ws, &ch).await.expect("commit soft delete");
    let soft = b.reload().await.expect("reload");
    assert!(soft.field(c.region).is_some_and(|f| f.deleted.is_some()));
    assert_eq!(soft.field_value_count(c.region), 701);
    assert!(pages_contain(b, "Northmarker").await);

    // Purge in small transactions: the pages lose the values, then the field goes.
    let ch = ws.purge_fields(&[c.region]).expect("purge");
    assert!(ch.pages_put.len() >= 2, "{:?}", ch.pages_put);
    store.commit_chunked(&ws, &ch, 1).await.expect("commit purge");
    assert!(!pages_contain(b, "Northmarker").await, "a purged field's values remain in storage");
    assert!(!b.record_ids(Shelf::Fields).await.contains(&c.region.get()));

    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    assert!(loaded.field(c.region).is_none() && loaded.tag(c.vip).is_none());
    assert!(loaded.contacts().all(|k| k.data.custom_value(c.region).is_none() && !k.data.has_tag(c.vip)));
    assert_eq!(loaded.tag_count(c.lead), 1);
    assert_eq!(loaded.field_value_count(c.tier), 702, "other values are untouched");
}

pub(crate) async fn records_the_workspace_no_longer_has_are_deleted(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let c = catalog(store, &mut ws).await;

    // Named in `records_put` but gone from the workspace: deleted, like pages.
    b.put_raw(Target::Record(RecordKey::Tag(TagId::new(99))), vec![2, 0]).await;
    assert!(b.record_ids(Shelf::Tags).await.contains(&99));
    let stale = Change { records_put: vec![RecordKey::Tag(TagId::new(99))], ..Change::default() };
    store.commit(&ws, &stale).await.expect("commit stale");
    assert!(!b.record_ids(Shelf::Tags).await.contains(&99));

    // Created and deleted again in one merged change: nothing is left behind.
    let (gone, mut change) = ws.create_agent(&agent_draft("Temp", "temp", Role::Agent)).expect("agent");
    change.merge(ws.delete_agent(gone).expect("delete agent"));
    store.commit(&ws, &change).await.expect("commit merged");
    assert!(!b.record_ids(Shelf::Agents).await.contains(&gone.get()));

    // A deleted list takes its own fields and dispositions out of storage; the global
    // fields stay.
    let ch = ws.delete_lists(&[c.list], T0).expect("delete list");
    store.commit(&ws, &ch).await.expect("commit delete list");
    let mut globals: Vec<u32> = ws.global_fields(GlobalFilter::All).iter().map(|f| f.id.get()).collect();
    globals.sort_unstable();
    let mut stored = b.record_ids(Shelf::Fields).await;
    stored.sort_unstable();
    assert_eq!(stored, globals);
    assert_eq!(globals.len(), 2);
    assert!(b.record_ids(Shelf::Dispositions).await.is_empty());
    let loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
}

pub(crate) async fn damaged_catalog_records_give_corrupt_naming_the_record(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let c = catalog(store, &mut ws).await;
    let vip_key = Target::Record(RecordKey::Tag(c.vip));

    b.put_raw(vip_key, vec![2, 0xFF, 0xFF]).await;
    match b.reload().await {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(&format!("tag {}", c.vip.get())), "{m}"),
        other => panic!("expected Corrupt, got {:?}", other.map(|w| w.total_contacts())),
    }

    // Committing the record again repairs it: the check above can pass.
    let repair = Change { records_put: vec![RecordKey::Tag(c.vip)], ..Change::default() };
    store.commit(&ws, &repair).await.expect("repair");
    assert_eq!(snapshot(&b.reload().await.expect("repaired")), snapshot(&ws));

    // A record stored under another id than its own.
    let agent_bytes = b.values(Shelf::Agents).await.into_iter().next().expect("an agent");
    b.put_raw(Target::Record(RecordKey::Agent(AgentId::new(50))), agent_bytes).await;
    assert!(matches!(b.reload().await, Err(StoreError::Corrupt(m)) if m.contains("agent 50")));
    store.commit(&ws, &Change { records_put: vec![RecordKey::Agent(AgentId::new(50))], ..Change::default() }).await.expect("drop it");

    // A disposition from a newer app version.
    let dispo = ws.dispositions(c.list)[0].1.id;
    b.put_raw(Target::Record(RecordKey::Disposition(dispo)), vec![9, 1]).await;
    assert!(matches!(b.reload().await, Err(StoreError::Corrupt(m)) if m.contains(&format!("disposition {}", dispo.get())) && m.contains("newer")));
}

pub(crate) async fn an_import_batch_is_stored_with_its_contacts_and_can_be_undone_after_reopen(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (a, _) = seed(store, &mut ws).await;
    let batch = import_slices(store, &mut ws, a, 3, 700).await;
    let ch = ws.finish_import(batch, false, rows_read(2_103), T2).expect("finish");
    store.commit(&ws, &ch).await.expect("commit finish");
    assert_eq!(b.record_ids(Shelf::Imports).await, vec![batch.get()]);

    let mut loaded = b.reload().await.expect("reload");
    assert_eq!(snapshot(&loaded), snapshot(&ws));
    let stored = loaded.import(batch).expect("batch stored");
    assert_eq!((stored.status(), stored.imported(), stored.progress, stored.finished), (BatchStatus::Finished, 2_100, rows_read(2_103), Some(T2)));
    assert_eq!(stored.created.len(), 1, "consecutive slices make one range: {:?}", stored.created);
    assert_eq!(&*stored.file_name, "people.csv");
    assert_eq!(loaded.import_list_name(stored), "Leads");

    // A damaged batch record is named, not a panic; committing it again repairs it.
    b.put_raw(Target::Record(RecordKey::Import(batch)), vec![2, 0xFF]).await;
    assert!(matches!(b.reload().await, Err(StoreError::Corrupt(m)) if m.contains(&format!("import {}", batch.get()))));
    store.commit(&loaded, &Change { records_put: vec![RecordKey::Import(batch)], ..Change::default() }).await.expect("repair");
    assert_eq!(snapshot(&b.reload().await.expect("repaired")), snapshot(&ws));

    // Undo after a reopen removes exactly the imported contacts, in one commit.
    let seeded = ws.contact_count(a) - 2_100;
    let (removed, ch) = loaded.undo_import(batch, T2).expect("undo");
    assert_eq!(removed, 2_100);
    store.commit(&loaded, &ch).await.expect("commit undo");
    let again = b.reload().await.expect("reload after undo");
    assert_eq!(snapshot(&again), snapshot(&loaded));
    assert_eq!(again.contact_count(a), seeded);
    assert_eq!(again.import(batch).map(|b| (b.undone, b.undo_removed)), Some((Some(T2), 2_100)));
}

pub(crate) async fn a_failed_import_commit_stores_neither_the_contacts_nor_the_batch_update(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (a, _) = seed(store, &mut ws).await;
    let batch = import_slices(store, &mut ws, a, 1, 600).await;
    let committed = snapshot(&ws);
    let stored_batch = b.values(Shelf::Imports).await;

    let (ids, ch) = ws.import_contacts(batch, bulk_data(a, 900), rows_read(1_500), T2).expect("slice");
    let err = b.commit_failing(&ws, &ch).await;
    assert!(matches!(&err, StoreError::Aborted(_)), "{err:?}");
    assert_eq!(b.values(Shelf::Imports).await, stored_batch, "the batch record moved without its contacts");
    let loaded = b.reload().await.expect("reload after failure");
    assert_eq!(loaded.total_contacts(), committed.contacts.len());
    assert!(ids.iter().all(|id| loaded.contact(*id).is_none()));
    let stored = loaded.import(batch).expect("batch");
    assert_eq!((stored.imported(), stored.progress, stored.status()), (600, rows_read(600), BatchStatus::Interrupted));

    // The same change without the failure lands whole: the checks above could fail.
    store.commit(&ws, &ch).await.expect("commit");
    let loaded = b.reload().await.expect("reload");
    assert_eq!(loaded.import(batch).map(|b| (b.imported(), b.progress)), Some((1_500, rows_read(1_500))));
    assert!(ids.iter().all(|id| loaded.contact(*id).is_some()));
}

pub(crate) async fn an_import_cut_short_shows_as_interrupted_on_the_next_start(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (a, other) = seed(store, &mut ws).await;
    let done = import_slices(store, &mut ws, other, 1, 10).await;
    let ch = ws.finish_import(done, true, rows_read(10), T1).expect("stop");
    store.commit(&ws, &ch).await.expect("commit stop");
    let cut = import_slices(store, &mut ws, a, 2, 300).await;
    // The tab closes mid-import: no finish.

    let mut loaded = b.reload().await.expect("reload");
    let interrupted: Vec<BatchId> = loaded.interrupted_imports().iter().map(|b| b.id).collect();
    assert_eq!(interrupted, vec![cut]);
    let stored = loaded.import(cut).expect("stored");
    assert_eq!((stored.state, stored.status(), stored.imported(), stored.progress, stored.updated), (BatchState::Running, BatchStatus::Interrupted, 600, rows_read(600), T1));
    assert_eq!(loaded.import(done).map(ImportBatch::status), Some(BatchStatus::Stopped));
    let history: Vec<BatchId> = loaded.imports().iter().map(|b| b.id).collect();
    assert_eq!(history, vec![cut, done]);

    let store = b.store();
    let (removed, ch) = loaded.undo_import(cut, T2).expect("undo");
    assert_eq!(removed, 600);
    store.commit(&loaded, &ch).await.expect("commit undo");
    let again = b.reload().await.expect("reload");
    assert!(again.interrupted_imports().is_empty());
    assert_eq!(again.import(cut).map(|b| (b.status(), b.finished, b.undo_removed)), Some((BatchStatus::Stopped, Some(T1), 600)));
    assert_eq!(again.contact_count(a), 1);
    assert_eq!(snapshot(&again), snapshot(&loaded));
}

