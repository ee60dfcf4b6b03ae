//! Opening the database: run missing migration steps, and do not hang forever when an
//! old connection in another tab blocks the upgrade.

use std::cell::{Cell, RefCell};
use std::future::{poll_fn, Future, IntoFuture};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

use gloo_timers::future::TimeoutFuture;
use indexed_db_futures::database::Database;

use super::error::StoreError;
use super::schema;

/// How long to wait after `blocked` for the other tab to close its connection (our own
/// tabs close on `versionchange`, so this usually resolves at once) before telling
/// the user.
const BLOCKED_GRACE_MS: u32 = 1_500;

#[derive(Default)]
struct BlockedSignal {
    blocked: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

/// Opens `name` at `version`, running the steps it lacks.
pub(crate) async fn open_db(name: &str, version: u32) -> Result<Database, StoreError> {
    let signal = Rc::new(BlockedSignal::default());
    let on_blocked = {
        let signal = Rc::clone(&signal);
        move |_event| {
            signal.blocked.set(true);
            if let Some(waker) = signal.waker.borrow_mut().take() {
                waker.wake();
            }
            Ok(())
        }
    };
    let mut open = Database::open(name)
        .with_version(version)
        .with_on_blocked(on_blocked)
        .with_on_upgrade_needed(move |event, db| {
            let old = event.old_version() as u32;
            let new = event.new_version().map_or(version, |v| v as u32);
            schema::upgrade(&db, old, new)
        })
        .into_future();

    let mut grace: Option<TimeoutFuture> = None;
    let outcome = poll_fn(|cx| {
        if let Poll::Ready(result) = Pin::new(&mut open).poll(cx) {
            return Poll::Ready(Some(result));
        }
        if signal.blocked.get() {
            let timer = grace.get_or_insert_with(|| TimeoutFuture::new(BLOCKED_GRACE_MS));
            if Pin::new(timer).poll(cx).is_ready() {
                return Poll::Ready(None);
            }
        } else {
            *signal.waker.borrow_mut() = Some(cx.waker().clone());
        }
        Poll::Pending
    })
    .await;

    match outcome {
        Some(result) => Ok(result?),
        None => {
            // Dropping the request would remove our upgrade handler and let the upgrade
            // run without creating the stores; finish it in the background instead.
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(db) = open.await {
                    db.close();
                }
            });
            Err(StoreError::Blocked)
        }
    }
}
