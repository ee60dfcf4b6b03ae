//! What the shared checks build: drafts, a seeded and a catalogued workspace (every
//! kind of record, each command committed as the UI would), an import in slices, and
//! a snapshot of everything a user could see.

use crate::domain::field_draft::{FieldDraft, FieldTypeName};
use crate::domain::workspace::GlobalFilter;
use crate::domain::{
    Agent, AgentDraft, AgentId, BatchId, BatchProgress, Contact, ContactData, ContactDraft, ContactField, ContactId,
    ContactList, CustomField, Disposition, FieldId, FieldScope, ImportBatch, ImportBatchDraft, ListDraft, ListId,
    RecordKey, Role, Tag, TagDraft, TagId, Timestamp, Workspace, WorkspaceMeta,
};
use crate::persist::Persistence;

pub(crate) const T0: Timestamp = Timestamp::from_millis(1_764_000_000_000);

pub(crate) fn list_draft(name: &str) -> ListDraft {
    ListDraft { name: name.into(), description: format!("about {name}"), ..ListDraft::default() }
}

pub(crate) fn contact_draft(list: ListId, first: &str, last: &str) -> ContactDraft {
    let mut d = ContactDraft { list_id: Some(list), ..Default::default() };
    d.set(ContactField::FirstName, first);
    d.set(ContactField::LastName, last);
    d.set(ContactField::Email, format!("{}@example.com", first.to_lowercase()));
    d.set(ContactField::Phone, "+39 333 123 4567");
    d.set(ContactField::City, "Torino");
    d
}

pub(crate) fn bulk_data(list: ListId, n: usize) -> Vec<ContactData> {
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
pub(crate) struct Snapshot {
    pub(crate) meta: WorkspaceMeta,
    pub(crate) lists: Vec<ContactList>,
    pub(crate) counts: Vec<usize>,
    pub(crate) contacts: Vec<Contact>,
    /// Global fields (deleted ones too), then each list's own.
    pub(crate) fields: Vec<CustomField>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) agents: Vec<Agent>,
    /// Each list's dispositions in tree order, with depth.
    pub(crate) dispositions: Vec<(usize, Disposition)>,
    /// Import batches, newest first.
    pub(crate) imports: Vec<ImportBatch>,
}

pub(crate) fn snapshot(ws: &Workspace) -> Snapshot {
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

/// Two lists, three contacts, one edited and one deleted: every kind of record.
pub(crate) async fn seed(store: &dyn Persistence, ws: &mut Workspace) -> (ListId, ListId) {
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
    let (_, ch) = ws.delete_contacts(&[ids[1]], T0).expect("delete");
    store.commit(ws, &ch).await.expect("commit delete");
    (a, b)
}

pub(crate) fn field_draft(alias: &str, type_name: FieldTypeName) -> FieldDraft {
    FieldDraft { alias: alias.into(), type_name, ..FieldDraft::default() }
}

pub(crate) fn tag_draft(name: &str, colour: &str) -> TagDraft {
    TagDraft { name: name.into(), colour: colour.into() }
}

pub(crate) fn agent_draft(name: &str, username: &str, role: Role) -> AgentDraft {
    AgentDraft { name: name.into(), username: username.into(), role }
}

/// What `catalog` made.
pub(crate) struct Catalog {
    pub(crate) list: ListId,
    pub(crate) region: FieldId,
    pub(crate) tier: FieldId,
    pub(crate) notes: FieldId,
    pub(crate) vip: TagId,
    pub(crate) lead: TagId,
    pub(crate) agents: [AgentId; 2],
    pub(crate) ann: ContactId,
}

/// On top of whatever `ws` holds: a list with a dial prefix, a global URL field and a
/// global text field, a list select field and a list text field, two tags, three
/// agents (two assigned to the list), a three-level disposition tree with a sibling,
/// and contacts carrying values and tags. Each command is committed as the UI would.
pub(crate) async fn catalog(store: &dyn Persistence, ws: &mut Workspace) -> Catalog {
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

pub(crate) const T1: Timestamp = Timestamp::from_millis(1_764_000_060_000);
pub(crate) const T2: Timestamp = Timestamp::from_millis(1_764_000_120_000);

pub(crate) fn import_draft(list: ListId, file: &str) -> ImportBatchDraft {
    ImportBatchDraft {
        file_name: file.into(),
        file_size: 4_096,
        list,
        mapping: vec![("First".into(), "First name".into()), ("Extra".into(), "Do not import".into())],
        duplicate_check: vec!["Phone".into(), "Email".into()],
    }
}

pub(crate) fn rows_read(n: u64) -> BatchProgress {
    BatchProgress { rows_read: n, duplicates_in_file: 1, duplicates_in_list: 0, failed: 2 }
}

/// Begins an import into `list` and commits `slices` slices of `per_slice` contacts,
/// one transaction each, as the import wizard does.
pub(crate) async fn import_slices(store: &dyn Persistence, ws: &mut Workspace, list: ListId, slices: usize, per_slice: usize) -> BatchId {
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

/// An inbound voice call started at `started` (as the Log interaction form takes it).
pub(crate) fn voice_call(started: &str) -> crate::domain::InteractionDraft {
    crate::domain::InteractionDraft { channel: "voice".into(), direction: "inbound".into(), started: started.into(), ..Default::default() }
}
