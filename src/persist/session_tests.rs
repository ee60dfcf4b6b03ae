//! `Session` on the host, over a memory store that fails on demand.

use std::rc::Rc;

use super::{ActionError, Applied, Reload, Session, StorageFailure};
use crate::domain::change::{Collection, Touched};
use crate::domain::{ListDraft, ListId, TagId, Workspace};
use crate::persist::block_on::block_on;
use crate::persist::failing::FailingStore;
use crate::persist::suite::fixtures::{list_draft, snapshot, tag_draft, T0};
use crate::persist::Persistence;

fn installed() -> (Session, Rc<FailingStore>) {
    let store = Rc::new(FailingStore::default());
    let session = Session::new();
    session.install(Rc::clone(&store) as Rc<dyn Persistence>, Workspace::new());
    (session, store)
}

fn create_list(session: &Session, name: &str) -> Result<Applied<ListId>, ActionError> {
    block_on(session.apply(T0, |ws, now| ws.create_list(&list_draft(name), now)))
}

fn stored(store: &FailingStore) -> Workspace {
    block_on(store.inner.load()).expect("storage reads")
}

#[test]
fn a_command_that_goes_through_is_stored_and_names_what_it_touched() {
    let (session, store) = installed();
    let applied = create_list(&session, "Leads").expect("applied");
    assert_eq!(applied.touched, Touched::NONE.with(Collection::Lists));
    assert!(stored(&store).list(applied.value).is_some());

    // A command returning only a `Change` goes through `apply` too.
    let tag: TagId = block_on(session.apply(T0, |ws, _| ws.create_tag(&tag_draft("VIP", "#aa0000")))).expect("tag").value;
    let deleted = block_on(session.apply(T0, |ws, _| ws.delete_tag(tag))).expect("delete");
    assert_eq!((deleted.value, deleted.touched.iter().collect::<Vec<_>>()), ((), vec![Collection::Tags]));
    assert!(stored(&store).tag(tag).is_none());
    assert_eq!(session.read(snapshot), snapshot(&stored(&store)));
}

#[test]
fn a_refused_command_changes_and_commits_nothing() {
    let (session, store) = installed();
    create_list(&session, "Leads").expect("applied");
    let (before, commits) = (session.read(snapshot), store.commits.get());
    let refused = block_on(session.apply(T0, |ws, now| ws.create_list(&ListDraft::default(), now)));
    assert!(matches!(refused, Err(ActionError::Rejected(_))), "{refused:?}");
    assert_eq!(store.commits.get(), commits);
    assert_eq!(session.read(snapshot), before);
}

#[test]
fn a_failed_commit_reloads_what_storage_holds() {
    let (session, store) = installed();
    create_list(&session, "Leads").expect("applied");
    store.fail_next_commit.set(true);
    let failed = create_list(&session, "Customers");
    let Err(ActionError::Storage(StorageFailure { error, reload })) = failed else {
        panic!("expected a storage failure, got {failed:?}")
    };
    assert_eq!(reload, Reload::Done);
    assert!(error.to_string().contains("failing on purpose"), "{error}");
    let lists = session.read(|ws| ws.lists().iter().map(|l| l.name.to_string()).collect::<Vec<_>>());
    assert_eq!(lists, ["Leads"], "the unsaved list is gone from memory");
    assert_eq!(session.read(snapshot), snapshot(&stored(&store)));
}

#[test]
fn a_failed_commit_whose_reload_fails_says_so() {
    let (session, store) = installed();
    store.fail_next_commit.set(true);
    store.fail_next_load.set(true);
    match create_list(&session, "Leads") {
        Err(ActionError::Storage(StorageFailure { reload: Reload::Failed(e), .. })) => {
            assert!(e.to_string().contains("failing on purpose"), "{e}")
        }
        other => panic!("expected a failed reload, got {other:?}"),
    }
}

#[test]
fn a_workspace_in_use_is_busy_and_no_store_is_closed() {
    let (session, store) = installed();
    let held = session.workspace.borrow();
    assert!(matches!(create_list(&session, "Leads"), Err(ActionError::Busy)));
    drop(held);
    assert_eq!(store.commits.get(), 0);

    session.uninstall();
    assert!(matches!(create_list(&session, "Leads"), Err(ActionError::Closed)));
    assert!(matches!(create_list(&Session::new(), "Leads"), Err(ActionError::Closed)));
    assert_eq!(store.commits.get(), 0);
    assert_eq!(ActionError::Closed.to_string(), "This workspace is open in another tab.");
}
