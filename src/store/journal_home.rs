//! Where a workspace's journal lives, decided once and remembered.
//!
//! Chromium opens an origin's IndexedDB data as one store, and the first open of a
//! session costs time in proportion to what it holds: measured with 2M interaction
//! records beside 500k contacts, 0.6–0.8 s before the first page could be read, for
//! any database of the origin. A storage bucket is a store of its own: the journal
//! kept in one (`navigator.storageBuckets`), the contacts' database opens as fast as
//! without interactions, and the journal's cost is paid when a journey is first read
//! (the app opens it just after start-up, while nobody waits for it).
//!
//! A new workspace in a browser with buckets gets its journal in the "journal" bucket,
//! in a database named after the workspace and a random suffix (a workspace deleted
//! and created again never meets an older journal). Everywhere else, and in a
//! workspace that already has journal entries in its own database, the journal stays
//! in the workspace's database, written in the commit's own transaction.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbFactory};

use super::error::StoreError;
use super::raw_idb::{self, describe};
use super::schema::{JOURNAL, JOURNAL_LAYERS, LAYERS_VERSION};
use super::{journal_layers, journal_outbox, settings};
use crate::persist::writes::JournalFormat;

/// The setting that remembers the decision: "main", or "bucket:" and the suffix.
pub(crate) const SETTING: &str = "journal-home";
const BUCKET: &str = "journal";
/// The journal database's schema: version 1 one record per entry, keys as in the
/// workspace's own; version 2 adds the layers.
const BUCKET_DB_VERSION: u32 = 2;
/// The schema version that added the outbox (`schema`, step 7).
const OUTBOX_VERSION: u32 = 7;

pub(crate) enum JournalHome {
    /// In the workspace's database, written in the commit's transaction.
    Main,
    /// In its own database in the "journal" storage bucket, written through the outbox
    /// (`journal_outbox`).
    Bucket(BucketJournal),
}

impl JournalHome {
    /// The database the journal is in.
    pub(crate) fn db<'a>(&'a self, main: &'a Database) -> &'a IdbDatabase {
        match self {
            JournalHome::Main => main.as_sys(),
            JournalHome::Bucket(bucket) => &bucket.db,
        }
    }
}

pub(crate) struct BucketJournal {
    pub(crate) db: IdbDatabase,
    /// Chromium cuts a bucket's IndexedDB off once its `StorageBucket` object is
    /// garbage-collected (seen: transactions that never start, nor end): held for as
    /// long as the database is.
    _bucket: JsValue,
}

/// The journal of one open workspace: its home, found on first use, and whether an
/// unfinished save is still to be applied there.
pub(crate) struct Journal {
    name: String,
    /// Opened at a schema older than the outbox (migration tests): the journal is
    /// where that version kept it.
    before_outbox: bool,
    home: RefCell<Option<Rc<JournalHome>>>,
    busy: Cell<bool>,
    replay_due: Cell<bool>,
    next_outbox_key: Cell<f64>,
    /// Kept in layers (a schema before them writes one record per entry).
    layers: bool,
    /// The last layer sequence number handed out (read when the home opens).
    seq: Cell<u64>,
    /// Entries stored one record each by an older version may remain.
    legacy: Cell<bool>,
}

/// What reading the journal needs to know of how it is kept.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shape {
    pub(crate) layers: bool,
    pub(crate) legacy: bool,
}

impl Journal {
    pub(crate) fn new(name: &str, version: u32) -> Journal {
        Journal {
            name: name.to_owned(),
            before_outbox: version < OUTBOX_VERSION,
            home: RefCell::new(None),
            busy: Cell::new(false),
            replay_due: Cell::new(true),
            next_outbox_key: Cell::new(1.0),
            layers: version >= LAYERS_VERSION,
            seq: Cell::new(0),
            legacy: Cell::new(true),
        }
    }

    pub(crate) fn shape(&self) -> Shape {
        Shape { layers: self.layers, legacy: !self.layers || self.legacy.get() }
    }

    /// How the next commit writes the journal (a layer format takes a new sequence
    /// number: a commit that fails leaves a gap, never a reuse).
    pub(crate) fn next_format(&self) -> JournalFormat {
        if !self.layers {
            return JournalFormat::Entries;
        }
        let seq = self.seq.get() + 1;
        self.seq.set(seq);
        JournalFormat::Layers { seq }
    }

    /// Every legacy entry is in layers now.
    pub(crate) fn set_no_legacy(&self) {
        self.legacy.set(false);
    }

    /// The home, when it is open and nothing waits to be applied there.
    pub(crate) fn ready_home(&self) -> Option<Rc<JournalHome>> {
        if self.replay_due.get() || self.busy.get() {
            return None;
        }
        self.home.borrow().clone()
    }

    /// The journal's home, opened, with any unfinished save applied.
    pub(crate) async fn home(&self, main: &Database) -> Result<Rc<JournalHome>, StoreError> {
        loop {
            if !self.replay_due.get() {
                if let Some(home) = self.home.borrow().clone() {
                    return Ok(home);
                }
            }
            if !self.busy.get() {
                break;
            }
            // Another caller is opening it: wait for that one.
            TimeoutFuture::new(5).await;
        }
        self.busy.set(true);
        // Reset however this ends, also when the caller drops this future half way (a
        // view that re-reads): else every later caller would wait forever.
        let _busy = ResetOnDrop(&self.busy);
        self.get_ready(main).await
    }

    async fn get_ready(&self, main: &Database) -> Result<Rc<JournalHome>, StoreError> {
        let existing = self.home.borrow().clone();
        let home = match existing {
            Some(home) => home,
            None => {
                let home = Rc::new(if self.before_outbox { JournalHome::Main } else { find(main, &self.name).await? });
                *self.home.borrow_mut() = Some(Rc::clone(&home));
                home
            }
        };
        if let JournalHome::Bucket(bucket) = home.as_ref() {
            journal_outbox::replay(main, &bucket.db).await?;
        }
        if self.layers {
            // After the replay: it may have written layers and their sequence number.
            let db = home.db(main);
            self.seq.set(journal_layers::last_seq(db).await?);
            self.legacy.set(journal_layers::has_legacy(db).await?);
        }
        self.replay_due.set(false);
        Ok(home)
    }

    /// Closes the journal's own database, if it has one (with the store: a connection
    /// left open would hold up deleting it, here or in another tab).
    pub(crate) fn close(&self) {
        if let Some(home) = self.home.borrow_mut().take() {
            if let JournalHome::Bucket(bucket) = home.as_ref() {
                bucket.db.close();
            }
        }
    }

    /// The key of the next outbox record (the outbox is empty after a replay).
    pub(crate) fn take_outbox_key(&self) -> f64 {
        let key = self.next_outbox_key.get();
        self.next_outbox_key.set(key + 1.0);
        key
    }

    /// An outbox record could not be applied or removed: apply what is left before the
    /// journal is used again.
    pub(crate) fn set_replay_due(&self) {
        self.replay_due.set(true);
    }
}

struct ResetOnDrop<'a>(&'a Cell<bool>);

impl Drop for ResetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// The remembered home, or a decision made now and remembered.
async fn find(main: &Database, name: &str) -> Result<JournalHome, StoreError> {
    match settings::get(main, SETTING).await?.as_deref() {
        Some("main") => Ok(JournalHome::Main),
        Some(other) => match other.strip_prefix("bucket:") {
            Some(suffix) => {
                let (bucket, factory) = bucket_factory().await.map_err(|why| {
                    StoreError::Unavailable(format!("the interactions are kept in a storage bucket this browser does not open ({why})"))
                })?;
                crate::perf::mark("cm:journal-bucket");
                let db = open_journal_db(&factory, &db_name(name, suffix)).await?;
                crate::perf::mark("cm:journal-db");
                Ok(JournalHome::Bucket(BucketJournal { db, _bucket: bucket }))
            }
            None => Err(StoreError::Corrupt(format!("the place of the interactions is unknown ({other:?})"))),
        },
        None => decide(main, name).await,
    }
}

async fn decide(main: &Database, name: &str) -> Result<JournalHome, StoreError> {
    let factory = if has_entries_here(main, JOURNAL).await? || has_entries_here(main, JOURNAL_LAYERS).await? { None } else { bucket_factory().await.ok() };
    let Some((bucket, factory)) = factory else {
        settings::put(main, SETTING, "main").await?;
        return Ok(JournalHome::Main);
    };
    let suffix = format!("{:012x}", (js_sys::Math::random() * 2f64.powi(48)) as u64);
    // Opened before it is remembered: a tab closed in between leaves an empty
    // database behind, never a remembered one that is missing.
    let db = open_journal_db(&factory, &db_name(name, &suffix)).await?;
    settings::put(main, SETTING, &format!("bucket:{suffix}")).await?;
    Ok(JournalHome::Bucket(BucketJournal { db, _bucket: bucket }))
}

/// True when the workspace's own journal store `name` holds entries (written before
/// buckets were used): they stay where they are.
async fn has_entries_here(main: &Database, name: &str) -> Result<bool, StoreError> {
    if !main.object_store_names().any(|n| n == name) {
        return Ok(false);
    }
    let tx = main.transaction(name).with_mode(TransactionMode::Readonly).build()?;
    let store = tx.object_store(name)?;
    let count = store.count().primitive()?.await?;
    drop(tx);
    Ok(count > 0)
}

fn db_name(workspace: &str, suffix: &str) -> String {
    format!("{workspace}~{suffix}")
}

/// The "journal" bucket and its IndexedDB (keep the bucket while using the factory:
/// see `BucketJournal`), or why there is none.
pub(crate) async fn bucket_factory() -> Result<(JsValue, IdbFactory), String> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).map_err(|e| describe(&e))?;
    let buckets = js_sys::Reflect::get(&navigator, &"storageBuckets".into()).map_err(|e| describe(&e))?;
    if buckets.is_undefined() || buckets.is_null() {
        return Err("no storage buckets in this browser".into());
    }
    let open: js_sys::Function = js_sys::Reflect::get(&buckets, &"open".into()).map_err(|e| describe(&e))?.dyn_into().map_err(|_| "storageBuckets.open is not a function".to_owned())?;
    let options = js_sys::Object::new();
    // Asked, not required: without the grant the bucket is still made, best-effort.
    let _ = js_sys::Reflect::set(&options, &"persisted".into(), &JsValue::TRUE);
    let promise: js_sys::Promise = open.call2(&buckets, &BUCKET.into(), &options).map_err(|e| describe(&e))?.dyn_into().map_err(|_| "storageBuckets.open gave no promise".to_owned())?;
    let bucket = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| describe(&e))?;
    let factory = js_sys::Reflect::get(&bucket, &"indexedDB".into()).map_err(|e| describe(&e))?.dyn_into::<IdbFactory>().map_err(|_| "the bucket has no IndexedDB".to_owned())?;
    Ok((bucket, factory))
}

async fn open_journal_db(factory: &IdbFactory, name: &str) -> Result<IdbDatabase, StoreError> {
    let db = raw_idb::open(factory, name, BUCKET_DB_VERSION, |db, old| {
        if old < 1 {
            db.create_object_store(JOURNAL)?;
        }
        if old < 2 {
            db.create_object_store(JOURNAL_LAYERS)?;
        }
        Ok(())
    })
    .await?;
    // Never upgraded (a newer app would open a database of another name); deleted with
    // its workspace, maybe from another tab: let go at once then.
    let closing = db.clone();
    let on_versionchange = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| closing.close());
    db.set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
    // Lives as long as the page: one small handler per opened journal.
    on_versionchange.forget();
    Ok(db)
}

/// Deletes the journal databases of workspace `name` in the bucket (with the workspace:
/// "reset", tests). Nothing to do in a browser without buckets.
pub(crate) async fn delete_bucket_journals(name: &str) -> Result<(), StoreError> {
    let Ok((_bucket, factory)) = bucket_factory().await else { return Ok(()) };
    let prefix = db_name(name, "");
    for db in database_names(&factory).await? {
        if db.starts_with(&prefix) {
            let request = factory.delete_database(&db).map_err(|e| raw_idb::js_error(&e))?;
            raw_idb::result(&request).await?;
        }
    }
    Ok(())
}

/// The names of the databases in `factory` (`indexedDB.databases()`).
pub(crate) async fn database_names(factory: &IdbFactory) -> Result<Vec<String>, StoreError> {
    let listed = js_sys::Reflect::get(factory, &"databases".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(JsValue::from))
        .and_then(|f| f.call0(factory))
        .map_err(|e| raw_idb::js_error(&e))?;
    let listed = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(listed)).await.map_err(|e| raw_idb::js_error(&e))?;
    Ok(js_sys::Array::from(&listed).iter().filter_map(|info| js_sys::Reflect::get(&info, &"name".into()).ok()?.as_string()).collect())
}
