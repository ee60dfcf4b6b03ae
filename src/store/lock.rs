//! One active tab at a time: a Web Lock on the workspace, and a BroadcastChannel so a
//! second tab can ask the active one to let go ("Use here").
//!
//! Flow: at start-up the app calls [`TabLock::acquire`]. `Acquired` -> open the store,
//! and install [`TabLock::on_release_requested`] (release the lock, close the store,
//! show "Open in another tab"). `HeldElsewhere` -> show "Open in another tab" with "Use
//! here", which calls [`request_handover`] then awaits [`TabLock::take_over`] and
//! loads fresh data.
//!
//! A lock is held by handing `navigator.locks.request` a callback whose promise stays
//! pending; releasing resolves that promise. Where Web Locks do not exist (old
//! browsers, plain http on a non-localhost host) locking is skipped: the lock is
//! "acquired" without being enforced.
//!
//! A tab that does not answer (frozen, or busy in a long task) cannot keep the
//! workspace: [`TabLock::take_over`] waits a few seconds, then steals the lock, and the
//! tab it was taken from is told ([`TabLock::on_lost`]) when it runs again.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, BroadcastChannel, MessageEvent};

use super::error::StoreError;

const RELEASE_MESSAGE: &str = "release";

// Bound by hand: web-sys' typed callback signature for `request` is awkward to build,
// and a `catch` lets a missing or refusing lock manager become an error, not a panic.
#[wasm_bindgen]
extern "C" {
    type LockManager;
    #[wasm_bindgen(method, catch, js_name = request)]
    fn request(this: &LockManager, name: &str, options: &Object, callback: &JsValue) -> Result<Promise, JsValue>;
}

pub enum LockOutcome {
    Acquired(TabLock),
    HeldElsewhere,
}

/// The hand-over channel and its message handler (kept alive together).
type Listener = (BroadcastChannel, Closure<dyn FnMut(MessageEvent)>);

/// What to call when another tab takes the lock away.
type LostHook = Rc<RefCell<Option<Box<dyn Fn()>>>>;

/// How a request asks for the lock.
enum Ask {
    /// Only if no tab holds it.
    IfAvailable,
    /// Waits for it; gives up when the signal aborts.
    Wait(Option<AbortSignal>),
    /// Takes it from the tab that holds it.
    Steal,
}

/// What a request got.
enum Granted {
    Lock(TabLock),
    HeldElsewhere,
    GaveUp,
}

/// Holds the workspace lock until dropped or released.
pub struct TabLock {
    name: String,
    /// Resolves the promise that keeps the lock; `None` when locks are unsupported.
    release: Option<Function>,
    /// The `navigator.locks.request` promise: settles once the lock is released.
    requested: Option<Promise>,
    channel: Option<Listener>,
    lost: LostHook,
}

impl TabLock {
    /// Takes the lock if no other tab holds it.
    pub async fn acquire(db_name: &str) -> Result<LockOutcome, StoreError> {
        Ok(match request_lock(db_name, Ask::IfAvailable).await? {
            Granted::Lock(lock) => LockOutcome::Acquired(lock),
            Granted::HeldElsewhere | Granted::GaveUp => LockOutcome::HeldElsewhere,
        })
    }

    /// Waits until the lock is free (after [`request_handover`]), then takes it.
    pub async fn wait_acquire(db_name: &str) -> Result<TabLock, StoreError> {
        match request_lock(db_name, Ask::Wait(None)).await? {
            Granted::Lock(lock) => Ok(lock),
            _ => Err(StoreError::Unavailable("the tab lock was refused".into())),
        }
    }

    /// After [`request_handover`]: waits up to `patience_ms` for the other tab to let
    /// go, then takes the lock from it (a frozen or busy tab cannot hold it longer).
    /// Aborting `now` ends the wait at once ("Take over now").
    pub async fn take_over(db_name: &str, patience_ms: u32, now: AbortController) -> Result<TabLock, StoreError> {
        let signal = now.signal();
        let controller = now;
        // Dropped (cancelled) once this returns; aborting a granted request does nothing.
        let _patience = gloo_timers::callback::Timeout::new(patience_ms, move || controller.abort());
        let waited = request_lock(db_name, Ask::Wait(Some(signal))).await?;
        let granted = match waited {
            Granted::GaveUp => request_lock(db_name, Ask::Steal).await?,
            other => other,
        };
        match granted {
            Granted::Lock(lock) => Ok(lock),
            _ => Err(StoreError::Unavailable("the tab lock was refused".into())),
        }
    }

    /// Calls `hook` when another tab took the lock from this one (`take_over`): this
    /// tab must stop writing.
    pub fn on_lost(&self, hook: impl Fn() + 'static) {
        *self.lost.borrow_mut() = Some(Box::new(hook));
    }

    /// Calls `hook` when another tab asks for the workspace ("Use here"). The hook
    /// should release this lock and close the store.
    pub fn on_release_requested(&mut self, hook: impl Fn() + 'static) -> Result<(), StoreError> {
        let channel = BroadcastChannel::new(&channel_name(&self.name)).map_err(js_unavailable)?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if event.data().as_string().as_deref() == Some(RELEASE_MESSAGE) {
                hook();
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        if let Some((old, _)) = self.channel.replace((channel, on_message)) {
            old.set_onmessage(None);
            old.close();
        }
        Ok(())
    }

    /// False when the browser has no Web Locks and the lock is not enforced.
    pub fn is_enforced(&self) -> bool {
        self.release.is_some()
    }

    /// Releases the lock (as dropping does). The browser lets go of it shortly after;
    /// use [`TabLock::release_and_wait`] to know when.
    pub fn release(self) {}

    /// Releases the lock and waits until the browser has let go of it, so another
    /// request (in this tab or another) can get it right after.
    pub async fn release_and_wait(mut self) {
        let requested = self.requested.take();
        drop(self);
        if let Some(requested) = requested {
            let _ = JsFuture::from(requested).await;
        }
    }
}

impl Drop for TabLock {
    fn drop(&mut self) {
        if let Some((channel, _)) = self.channel.take() {
            channel.set_onmessage(None);
            channel.close();
        }
        if let Some(release) = self.release.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Asks the tab holding the lock for `db_name` to let go.
pub fn request_handover(db_name: &str) -> Result<(), StoreError> {
    let channel = BroadcastChannel::new(&channel_name(db_name)).map_err(js_unavailable)?;
    let sent = channel.post_message(&JsValue::from_str(RELEASE_MESSAGE));
    // Closing right after posting is fine: the message is already queued.
    channel.close();
    sent.map_err(js_unavailable)
}

fn lock_name(db_name: &str) -> String {
    format!("contacts-manager-lock:{db_name}")
}

fn channel_name(db_name: &str) -> String {
    format!("contacts-manager-tabs:{db_name}")
}

fn js_unavailable(e: JsValue) -> StoreError {
    StoreError::Unavailable(format!("{e:?}"))
}

fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

async fn request_lock(db_name: &str, ask: Ask) -> Result<Granted, StoreError> {
    let lost: LostHook = Rc::default();
    let unlocked = || TabLock { name: db_name.to_owned(), release: None, requested: None, channel: None, lost: Rc::clone(&lost) };
    let Some(locks) = lock_manager() else {
        return Ok(Granted::Lock(unlocked()));
    };

    // `decided` settles with true (granted), false (not available) or the error.
    let mut decide_slot = None;
    let decided = Promise::new(&mut |resolve, _reject| decide_slot = Some(resolve));
    let Some(decide) = decide_slot else {
        return Err(StoreError::Unavailable("could not wait for the tab lock".into()));
    };
    let release_slot: Rc<RefCell<Option<Function>>> = Rc::default();

    let callback = {
        let decide = decide.clone();
        let release_slot = Rc::clone(&release_slot);
        Closure::once_into_js(move |lock: JsValue| -> JsValue {
            if lock.is_null() || lock.is_undefined() {
                let _ = decide.call1(&JsValue::NULL, &JsValue::FALSE);
                return JsValue::UNDEFINED;
            }
            // Returning a pending promise holds the lock until `release` is called.
            let mut release = None;
            let held = Promise::new(&mut |resolve, _reject| release = Some(resolve));
            *release_slot.borrow_mut() = release;
            let _ = decide.call1(&JsValue::NULL, &JsValue::TRUE);
            held.into()
        })
    };
    let options = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&options, &JsValue::from_str(key), value).map(drop).map_err(js_unavailable);
    match &ask {
        Ask::IfAvailable => set("ifAvailable", &JsValue::TRUE)?,
        Ask::Wait(Some(signal)) => set("signal", signal)?,
        Ask::Wait(None) => {}
        Ask::Steal => set("steal", &JsValue::TRUE)?,
    }
    let requested = locks.request(&lock_name(db_name), &options, &callback).map_err(js_unavailable)?;
    // A rejected request (a SecurityError, an aborted wait) settles `decided` with the
    // error. While the lock is held `requested` stays pending: it resolves on release,
    // and rejects when another tab steals the lock.
    let watched = requested.clone();
    let on_lost = Rc::clone(&lost);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(err) = JsFuture::from(watched).await {
            let _ = decide.call1(&JsValue::NULL, &err);
            if let Some(hook) = on_lost.borrow().as_ref() {
                hook();
            }
        }
    });

    let decision = JsFuture::from(decided).await.map_err(js_unavailable)?;
    match decision.as_bool() {
        Some(true) => Ok(Granted::Lock(TabLock {
            name: db_name.to_owned(),
            release: release_slot.borrow_mut().take(),
            requested: Some(requested),
            channel: None,
            lost,
        })),
        Some(false) => Ok(Granted::HeldElsewhere),
        None if is_abort(&decision) => Ok(Granted::GaveUp),
        None => Err(js_unavailable(decision)),
    }
}

/// An `AbortError`: a waiting request whose signal aborted.
fn is_abort(error: &JsValue) -> bool {
    Reflect::get(error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError")
}
