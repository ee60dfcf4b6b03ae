//! Shared checks of the first page read early (`persist::first_page`): from the page
//! heads written with every page and the few pages they name, the default view's first
//! page is the loaded workspace's, for every page size, in an agent's view, after a
//! deletion left stale copies; heads that do not match the pages give none, and
//! damaged ones an error, until a load wrote them again.

use super::fixtures::{contact_draft, list_draft, T0, T1};
use super::Backend;
use crate::domain::{AgentDraft, AgentId, ContactId, ContactQuery, PageKey, Role, Workspace};
use crate::persist::writes::Target;
use crate::persist::StoreError;

/// The default view's rows (ids) and total in `ws`, "Viewing as" `agent`.
fn default_view(ws: &Workspace, agent: Option<AgentId>, page_size: usize) -> (Vec<ContactId>, usize) {
    let q = ContactQuery { page_size, visible_lists: ws.visible_lists(agent), ..ContactQuery::default() };
    let result = ws.query(&q);
    (result.rows.iter().map(|c| c.id).collect(), result.total)
}

async fn early_equals_loaded(b: &dyn Backend, agent: Option<AgentId>) {
    let loaded = b.reload().await.expect("reload");
    for page_size in [25, 50, 100] {
        let first = b.store().first_page(agent, page_size).await.expect("read early");
        let first = first.unwrap_or_else(|| panic!("the heads settle a page of {page_size} (agent {agent:?})"));
        let early = default_view(&first.workspace, agent, page_size).0;
        let (rows, total) = default_view(&loaded, agent, page_size);
        assert_eq!((early, first.total), (rows, total), "page size {page_size}, agent {agent:?}");
    }
}

pub(crate) async fn the_first_page_read_early_is_the_loaded_one(b: &dyn Backend) {
    let store = b.store();
    let mut ws = Workspace::new();
    let (north, ch) = ws.create_list(&list_draft("North"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    let (south, ch) = ws.create_list(&list_draft("South"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    // 1,300 names in an order a file might have, ties in case and in the first 8
    // bytes among them: three pages in North, two in South.
    let stems = ["Alessandra", "alessandro", "ALESSANDRINA", "Zoë", "Ádám", "Maximiliansson", "Bea", "Élodie"];
    let name = |i: usize| format!("{}{}", stems[i * 7 % stems.len()], ["", "a", "b", "ab"][i * 13 % 4]);
    let mut ids = Vec::new();
    for (list, range) in [(north, 0..1_300), (south, 1_300..2_100)] {
        let data = range.map(|i| contact_draft(list, &name(i), &format!("L{i}")).validate().expect("valid").1).collect();
        let (added, ch) = ws.add_contacts(list, data, T0).expect("add");
        store.commit(&ws, &ch).await.expect("commit contacts");
        ids.extend(added);
    }
    let (ann, ch) = ws.create_agent(&AgentDraft { name: "Ann Lee".into(), username: "ann".into(), role: Role::Agent }).expect("agent");
    store.commit(&ws, &ch).await.expect("commit agent");
    let ch = ws.assign_agents(south, &[ann]).expect("assign");
    store.commit(&ws, &ch).await.expect("commit assignment");
    early_equals_loaded(b, None).await;
    early_equals_loaded(b, Some(ann)).await;

    // Deleted after the pages were stored: their heads list stale copies now.
    let (_, ch) = ws.delete_contacts(&ids.iter().copied().step_by(3).collect::<Vec<_>>(), T1).expect("delete");
    store.commit(&ws, &ch).await.expect("commit deletion");
    early_equals_loaded(b, None).await;
    early_equals_loaded(b, Some(ann)).await;

    // A damaged head: an error, then written again by the next load.
    b.put_raw(Target::PageHead(PageKey { list: north, page: 0 }), vec![4, 0xff]).await;
    assert!(matches!(store.first_page(None, 25).await, Err(StoreError::Corrupt(_))), "a damaged head is named");
    // The same store's load, as a start does after its early read.
    store.load().await.expect("load");
    early_equals_loaded(b, None).await;

    // A head without its page: none until a load wrote every head again.
    b.put_raw(Target::PageHead(PageKey { list: south, page: 9 }), vec![4, 0, 0]).await;
    assert!(store.first_page(None, 25).await.expect("read early").is_none(), "heads that do not match the pages give none");
    early_equals_loaded(b, None).await;
}
