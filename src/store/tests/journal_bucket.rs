//! The journal in its own storage bucket (`journal_home`): a new workspace's journal
//! goes there and its own database holds none of it; a save cut between the two
//! databases is finished at the next start; deleting the workspace deletes it.

use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use super::raw::{fresh_name, raw_put, raw_values};
use crate::domain::{Change, JourneyEntry, Workspace};
use crate::persist::suite::fixtures::{catalog, snapshot, voice_call, Catalog};
use crate::persist::journal_layers::FLATTEN_AT;
use crate::persist::writes::{journal_writes, JournalFormat};
use crate::persist::outbox;
use crate::store::journal_home::{bucket_factory, database_names, SETTING};
use crate::store::keys::bytes_to_js;
use crate::store::raw_idb::result;
use crate::store::schema::{JOURNAL, JOURNAL_LAYERS, OUTBOX};
use crate::store::Store;

/// The names of the journal databases in the bucket.
async fn bucket_databases() -> Vec<String> {
    let (_bucket, factory) = bucket_factory().await.expect("this Chromium has storage buckets");
    database_names(&factory).await.expect("the bucket's databases")
}

#[wasm_bindgen_test]
async fn a_new_workspace_keeps_its_journal_in_the_bucket_and_none_in_its_own_database() {
    let name = fresh_name("bucket-journal");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    store.commit(&ws, &ch).await.expect("commit the call");
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-02T10:30"), 0).expect("second call");
    store.commit(&ws, &ch).await.expect("commit the second call");
    let journal = store.journal(c.ann, None).await.expect("journal");
    assert!(journal.iter().filter(|e| matches!(e, JourneyEntry::Interaction(_))).count() == 2, "both calls read back: {journal:?}");
    let home = store.get_setting(SETTING).await.expect("setting").unwrap_or_default();
    assert!(home.starts_with("bucket:"), "the decision is remembered: {home:?}");
    store.close();

    assert_eq!(raw_values(&name, JOURNAL).await.len(), 0, "the workspace's own journal store stays empty");
    assert_eq!(raw_values(&name, OUTBOX).await.len(), 0, "every save reached the bucket");
    let suffix = home.trim_start_matches("bucket:");
    assert!(bucket_databases().await.contains(&format!("{name}~{suffix}")));

    let again = Store::open(&name).await.expect("reopen");
    assert_eq!(again.journal(c.ann, None).await.expect("journal after reopening"), journal);
    assert_eq!(snapshot(&again.load().await.expect("load")), snapshot(&ws));
    again.close();
    Store::delete_database(&name).await.expect("delete db");
}

/// What a tab closed right after the pages' transaction leaves: a call logged to Ann,
/// her activity saved, the call only in the outbox (its requests in `format`).
async fn a_call_saved_but_for_its_journal(name: &str, format: JournalFormat) -> (Store, Workspace, Catalog, Change) {
    let store = Store::open(name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    store.prepare_journal().await.expect("the journal's home");
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    let pages_only = Change { journal_put: Vec::new(), journal_deleted: Vec::new(), journal_cleared: Vec::new(), ..ch.clone() };
    store.commit(&ws, &pages_only).await.expect("commit the pages");
    raw_put(name, OUTBOX, JsValue::from_f64(1.0), bytes_to_js(&outbox::encode(&journal_writes(&ch, format)))).await;
    (store, ws, c, ch)
}

#[wasm_bindgen_test]
async fn a_save_cut_before_the_bucket_was_written_is_finished_at_the_next_start() {
    let name = fresh_name("bucket-outbox");
    let (store, ws, c, ch) = a_call_saved_but_for_its_journal(&name, JournalFormat::Layers { seq: 1 }).await;
    assert_eq!(store.journal(c.ann, None).await.expect("journal"), [], "the call is not in the bucket yet");
    store.close();

    let again = Store::open(&name).await.expect("reopen");
    let journal = again.journal(c.ann, None).await.expect("journal after reopening");
    assert_eq!(journal, ch.journal_put, "the unfinished save was applied");
    assert_eq!(raw_values(&name, OUTBOX).await.len(), 0, "and taken out of the outbox");
    assert_eq!(snapshot(&again.load().await.expect("load")), snapshot(&ws));
    again.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn deleting_the_workspace_deletes_its_journal_in_the_bucket() {
    let name = fresh_name("bucket-delete");
    let store = Store::open(&name).await.expect("open");
    store.prepare_journal().await.expect("the journal's home");
    store.close();
    let prefix = format!("{name}~");
    assert_eq!(bucket_databases().await.iter().filter(|d| d.starts_with(&prefix)).count(), 1);
    Store::delete_database(&name).await.expect("delete db");
    assert_eq!(bucket_databases().await.iter().filter(|d| d.starts_with(&prefix)).count(), 0);
    // Nothing of it is left to meet a workspace of the same name.
    let store = Store::open(&name).await.expect("open again");
    for shelf in [JOURNAL, JOURNAL_LAYERS] {
        assert_eq!(count(&store.journal_db_for_tests().await, shelf).await, 0, "{shelf}");
    }
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

/// How many records the object store `shelf` of `db` holds.
async fn count(db: &web_sys::IdbDatabase, shelf: &str) -> u32 {
    let request = db.transaction_with_str(shelf).expect("tx").object_store(shelf).expect("store").count().expect("count");
    result(&request).await.expect("counted").as_f64().expect("a number") as u32
}

#[wasm_bindgen_test]
async fn an_unfinished_save_of_the_version_before_layers_is_applied_then_moved_into_layers() {
    let name = fresh_name("bucket-old-outbox");
    // The outbox record a tab of the version before layers left: one request per entry.
    let (store, mut ws, c, ch) = a_call_saved_but_for_its_journal(&name, JournalFormat::Entries).await;
    store.close();

    let again = Store::open(&name).await.expect("reopen");
    assert_eq!(again.journal(c.ann, None).await.expect("journal"), ch.journal_put, "read from where that version put it");
    let db = again.journal_db_for_tests().await;
    assert_eq!((count(&db, JOURNAL).await, count(&db, JOURNAL_LAYERS).await), (ch.journal_put.len() as u32, 0));
    // A later call goes into a layer; moving the old entries keeps both.
    let (_, later) = ws.log_interaction(c.ann, &voice_call("2026-06-02T09:00"), 0).expect("later call");
    again.commit(&ws, &later).await.expect("commit the later call");
    again.prepare_journal().await.expect("move the old entries");
    assert_eq!(count(&db, JOURNAL).await, 0, "no entry left one record each");
    let mut both = ch.journal_put.clone();
    both.extend(later.journal_put.clone());
    both.sort_by_key(crate::domain::change::JournalKey::of);
    assert_eq!(again.journal(c.ann, None).await.expect("journal"), both);
    again.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_page_read_with_many_layers_is_flattened_into_one_and_reads_the_same() {
    let name = fresh_name("bucket-flatten");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    for day in 1..=FLATTEN_AT + 2 {
        let (_, ch) = ws.log_interaction(c.ann, &voice_call(&format!("2026-06-{day:02}T09:00")), 0).expect("call");
        store.commit(&ws, &ch).await.expect("commit a call");
    }
    let db = store.journal_db_for_tests().await;
    let layers = count(&db, JOURNAL_LAYERS).await;
    assert!(layers as usize > FLATTEN_AT, "one layer per commit (and the sequence number): {layers}");
    let before = store.journal(c.ann, None).await.expect("journal");
    assert_eq!(before.iter().filter(|e| matches!(e, JourneyEntry::Interaction(_))).count(), FLATTEN_AT + 2);
    // Flattened after the read, in the background.
    let mut waited = 0;
    while count(&db, JOURNAL_LAYERS).await > 2 && waited < 3_000 {
        gloo_timers::future::TimeoutFuture::new(20).await;
        waited += 20;
    }
    assert_eq!(count(&db, JOURNAL_LAYERS).await, 2, "one layer and the sequence number");
    assert_eq!(store.journal(c.ann, None).await.expect("journal"), before);
    // A call after flattening stacks on top.
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-28T09:00"), 0).expect("call");
    store.commit(&ws, &ch).await.expect("commit");
    assert_eq!(store.journal(c.ann, None).await.expect("journal").len(), before.len() + ch.journal_put.len());
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

/// Polls `future` once (its requests are sent), then drops it: what a view does when
/// it reads again before its earlier read came back.
async fn start_then_drop<F: Future>(future: F) {
    let mut future = Box::pin(future);
    let ready = std::future::poll_fn(|cx| std::task::Poll::Ready(future.as_mut().poll(cx).is_ready())).await;
    assert!(!ready, "the read must still be under way when it is dropped");
}

/// `future`'s output, or a failure after `ms` (a hang is a failure, not a stuck run).
async fn within<F: Future>(ms: u32, what: &str, future: F) -> F::Output {
    let mut future = Box::pin(future);
    let mut timer = gloo_timers::future::TimeoutFuture::new(ms);
    std::future::poll_fn(|cx| {
        if let std::task::Poll::Ready(out) = future.as_mut().poll(cx) {
            return std::task::Poll::Ready(out);
        }
        if std::pin::Pin::new(&mut timer).poll(cx).is_ready() {
            panic!("{what} did not finish within {ms} ms");
        }
        std::task::Poll::Pending
    })
    .await
}

#[wasm_bindgen_test]
async fn reads_dropped_half_way_leave_the_journal_usable() {
    let name = fresh_name("bucket-dropped");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    // Dropped while the journal's home is being found, then while a read is pending.
    start_then_drop(store.journal(c.ann, None)).await;
    within(5_000, "a read after a dropped first one", store.journal(c.ann, None)).await.expect("journal");
    start_then_drop(store.journal(c.ann, None)).await;
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    within(5_000, "a save after a dropped read", store.commit(&ws, &ch)).await.expect("commit the call");
    let journal = within(5_000, "a read after the save", store.journal(c.ann, None)).await.expect("journal");
    assert_eq!(journal, ch.journal_put);
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

/// A full garbage collection (webdriver.json starts Chromium with `--expose-gc`).
fn collect_garbage() {
    let gc = js_sys::Reflect::get(&js_sys::global(), &"gc".into()).expect("read gc");
    let gc: js_sys::Function = gc.dyn_into().expect("Chromium started with --js-flags=--expose-gc (webdriver.json)");
    gc.call0(&JsValue::NULL).expect("gc()");
}

#[wasm_bindgen_test]
async fn the_journal_outlives_a_garbage_collection() {
    let name = fresh_name("bucket-gc");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    store.prepare_journal().await.expect("the journal's home");
    // Nothing but the store holds on to the bucket now: a collection must not cut
    // the journal off (seen in the app: reads that never came back).
    collect_garbage();
    gloo_timers::future::TimeoutFuture::new(50).await;
    collect_garbage();
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    within(5_000, "a save after a garbage collection", store.commit(&ws, &ch)).await.expect("commit the call");
    let journal = within(5_000, "a read after a garbage collection", store.journal(c.ann, None)).await.expect("journal");
    assert_eq!(journal, ch.journal_put);
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}

#[wasm_bindgen_test]
async fn a_read_is_sent_at_once_once_the_journal_is_open() {
    let name = fresh_name("journal-started");
    let store = Store::open(&name).await.expect("open");
    let mut ws = Workspace::new();
    let c = catalog(&store, &mut ws).await;
    store.close();
    let store = Store::open(&name).await.expect("reopen");
    assert!(store.journal_started(c.ann, None).is_none(), "not before the journal is open");
    store.prepare_journal().await.expect("open the journal");
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-06-01T09:00"), 0).expect("call");
    store.commit(&ws, &ch).await.expect("commit the call");
    let (_, ch) = ws.log_interaction(c.ann, &voice_call("2026-09-01T09:00"), 0).expect("later call");
    store.commit(&ws, &ch).await.expect("commit the later call");

    let started = store.journal_started(c.ann, None).expect("sent at once");
    let whole = store.journal(c.ann, None).await.expect("journal");
    assert_eq!(started.await.expect("the read sent at once"), whole);
    let june = crate::domain::Interval::from_dates(
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
        chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
        0,
    )
    .expect("june");
    let part = store.journal_started(c.ann, Some(june)).expect("sent at once").await.expect("june's read");
    assert_eq!(part.iter().filter(|e| matches!(e, JourneyEntry::Interaction(_))).count(), 1, "only June's call: {part:?}");
    assert!(part.iter().all(|e| june.contains(e.at())), "{part:?}");
    store.close();
    Store::delete_database(&name).await.expect("delete db");
}
