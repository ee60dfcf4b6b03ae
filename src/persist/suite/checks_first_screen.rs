//! Shared checks: the first screen kept for the next start is forgotten by every
//! write (a commit, a chunked commit, a setting, a failed commit), so it can only
//! show what is stored.

use super::fixtures::{contact_draft, list_draft, T0};
use super::Backend;
use crate::domain::first_screen::{FirstRow, FirstScreen};
use crate::domain::Workspace;

fn screen(first_name: &str) -> FirstScreen {
    let row = FirstRow { first_name: first_name.into(), email: "ada@example.com".into(), ..FirstRow::default() };
    FirstScreen { count: 1, page_size: 25, rows: vec![row], ..FirstScreen::default() }
}

pub(crate) async fn every_write_forgets_the_first_screen(b: &dyn Backend) {
    let store = b.store();
    assert_eq!(store.first_screen(), None, "a new store has none");
    assert!(store.keep_first_screen(&screen("Ada")));
    assert_eq!(store.first_screen(), Some(screen("Ada")));
    assert!(store.keep_first_screen(&screen("Grace")), "kept again, replaced");
    assert_eq!(store.first_screen(), Some(screen("Grace")));

    let mut ws = Workspace::new();
    let (list, ch) = ws.create_list(&list_draft("Leads"), T0).expect("list");
    store.commit(&ws, &ch).await.expect("commit");
    assert_eq!(store.first_screen(), None, "a commit forgets it");

    assert!(store.keep_first_screen(&screen("Ada")));
    let (_, ch) = ws.create_contact(&contact_draft(list, "Ada", "Lovelace"), T0).expect("contact");
    store.commit_chunked(&ws, &ch, 1).await.expect("chunked commit");
    assert_eq!(store.first_screen(), None, "a chunked commit forgets it");

    assert!(store.keep_first_screen(&screen("Ada")));
    store.put_setting("page_size", "50").await.expect("setting");
    assert_eq!(store.first_screen(), None, "a setting forgets it");

    assert!(store.keep_first_screen(&screen("Ada")));
    let (_, ch) = ws.create_contact(&contact_draft(list, "Grace", "Hopper"), T0).expect("contact");
    b.commit_failing(&ws, &ch).await;
    assert_eq!(store.first_screen(), None, "a failed commit forgets it too");
}
