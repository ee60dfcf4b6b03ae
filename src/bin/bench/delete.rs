//! Deletes `n` contacts of a benchmark database and undoes it, the way the app does:
//! `Workspace::delete_contacts` then the store's commit of its change (one
//! transaction, as `persist::Session::apply` commits every action), then
//! `restore_deletion` committed the same way. Each is timed from the command to the
//! commit settled. Up to `OPEN_CHATS_ASKED` contacts with an open WhatsApp chat are
//! asked for too, and must be kept. The counts are checked in memory and after a
//! reload from the store. Returns the figures as JSON.

use contacts_manager::domain::{Change, ContactId, Timestamp, Workspace};
use contacts_manager::store::Store;
use gloo_timers::future::TimeoutFuture;

use super::page::{now_ms, status};

/// Contacts with an open WhatsApp chat asked for in the delete (each must be kept).
const OPEN_CHATS_ASKED: usize = 10;

pub async fn run(db: &str, n: usize) -> String {
    match delete_and_restore(db, n).await {
        Ok(json) => json,
        Err(e) => format!("{{\"error\":{e:?}}}"),
    }
}

async fn delete_and_restore(db: &str, n: usize) -> Result<String, String> {
    status("loading the workspace");
    let store = Store::open(db).await.map_err(|e| e.to_string())?;
    let mut ws: Workspace = store.load().await.map_err(|e| e.to_string())?;
    let before = ws.total_contacts();
    let (ids, open_asked) = chosen(&ws, n);
    let now = Timestamp::from_millis(js_sys::Date::now() as i64);

    status(&format!("deleting {} contacts", ids.len()));
    // The delete in a task of its own, as a click would start it.
    TimeoutFuture::new(0).await;
    let start = now_ms();
    let (outcome, change) = ws.delete_contacts(&ids, now).map_err(|e| e.to_string())?;
    let delete_domain_ms = now_ms() - start;
    let before_commit = now_ms();
    commit(&store, &ws, &change).await?;
    let delete_end = now_ms();
    let delete_issue_ms = last_mark("cm:commit-issued") - before_commit;
    let deletion = outcome.deletion.ok_or("the delete made no deletion")?;
    let after_delete = ws.total_contacts();
    let in_trash = ws.deletion(deletion).map_or(0, |d| d.contacts.len());
    let (reloaded_after_delete, trash_reloaded) = reload_counts(&store).await?;
    TimeoutFuture::new(0).await;

    status("restoring them");
    let restore_start = now_ms();
    let (restored, change) = ws.restore_deletion(deletion).map_err(|e| e.to_string())?;
    let restore_domain_ms = now_ms() - restore_start;
    let before_commit = now_ms();
    commit(&store, &ws, &change).await?;
    let restore_end = now_ms();
    let restore_issue_ms = last_mark("cm:commit-issued") - before_commit;
    let (reloaded_after_restore, trash_after_restore) = reload_counts(&store).await?;
    store.close();
    status("done");
    Ok(format!(
        "{{\"before\":{before},\"asked\":{},\"open_whatsapp_asked\":{open_asked},\"deleted\":{},\"kept_open_whatsapp\":{},\
         \"after_delete\":{after_delete},\"in_trash\":{in_trash},\"reloaded_after_delete\":{reloaded_after_delete},\"trash_reloaded\":{trash_reloaded},\
         \"delete_ms\":{:.1},\"delete_domain_ms\":{delete_domain_ms:.1},\"delete_issue_ms\":{delete_issue_ms:.1},\"restored\":{},\"restore_refused\":{},\"after_restore\":{},\
         \"reloaded_after_restore\":{reloaded_after_restore},\"trash_after_restore\":{trash_after_restore},\
         \"restore_ms\":{:.1},\"restore_domain_ms\":{restore_domain_ms:.1},\"restore_issue_ms\":{restore_issue_ms:.1},\"delete_window\":[{start:.1},{delete_end:.1}],\"restore_window\":[{restore_start:.1},{restore_end:.1}]}}",
        ids.len(),
        outcome.deleted,
        outcome.kept_open_whatsapp.len(),
        delete_end - start,
        restored.restored,
        restored.refused.len(),
        ws.total_contacts(),
        restore_end - restore_start,
    ))
}

/// `n` contacts without an open WhatsApp chat, spread over every page (each page is
/// rewritten: the heavier case), then up to `OPEN_CHATS_ASKED` with one; and how many
/// of the latter.
fn chosen(ws: &Workspace, n: usize) -> (Vec<ContactId>, usize) {
    let (open, closed): (Vec<_>, Vec<_>) = ws.contacts().partition(|c| c.activity.has_open_whatsapp());
    let every = (closed.len() / n.max(1)).max(1);
    let mut ids: Vec<ContactId> = closed.iter().step_by(every).take(n).map(|c| c.id).collect();
    let asked = open.len().min(OPEN_CHATS_ASKED);
    ids.extend(open.iter().take(asked).map(|c| c.id));
    (ids, asked)
}

async fn commit(store: &Store, ws: &Workspace, change: &Change) -> Result<(), String> {
    store.commit(ws, change).await.map_err(|e| e.to_string())
}

/// Contacts, and contacts in the trash, read back from the store (untimed).
async fn reload_counts(store: &Store) -> Result<(usize, usize), String> {
    let ws = store.load().await.map_err(|e| e.to_string())?;
    Ok((ws.total_contacts(), ws.deletions().iter().map(|d| d.contacts.len()).sum()))
}

/// When the newest mark called `name` was made (0 when there is none).
fn last_mark(name: &str) -> f64 {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return 0.0 };
    let entries = perf.get_entries_by_name(name);
    let last = entries.get(entries.length().saturating_sub(1));
    js_sys::Reflect::get(&last, &"startTime".into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
}
