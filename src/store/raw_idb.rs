//! IndexedDB through `web_sys` alone, for databases `indexed_db_futures` cannot open
//! (it only knows the window's own `indexedDB`, not a storage bucket's): awaiting a
//! request, a transaction's end, and an open.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction};

use super::error::from_dom;
use super::StoreError;

/// The result of `request` once it succeeded.
pub(crate) async fn result(request: &IdbRequest) -> Result<JsValue, StoreError> {
    // Sent earlier and already answered (a read started before a page rendered): its
    // events have fired, waiting for them would never end.
    if request.ready_state() == web_sys::IdbRequestReadyState::Done {
        return outcome(request, request.error().ok().flatten().is_none());
    }
    let (promise, ok, failed) = settled_by_events()?;
    request.set_onsuccess(Some(ok.as_ref().unchecked_ref()));
    request.set_onerror(Some(failed.as_ref().unchecked_ref()));
    let _unhook = Unhook(|| {
        request.set_onsuccess(None);
        request.set_onerror(None);
    });
    let settled = JsFuture::from(promise).await;
    outcome(request, settled.is_ok())
}

/// The result of an answered request, or its error.
fn outcome(request: &IdbRequest, succeeded: bool) -> Result<JsValue, StoreError> {
    if succeeded {
        request.result().map_err(|e| js_error(&e))
    } else {
        Err(request.error().ok().flatten().map_or_else(|| StoreError::Aborted("a request failed".into()), |d| from_dom(&d)))
    }
}

/// Waits for `tx` to commit; its own error (a quota failure shows there) when it aborts.
pub(crate) async fn completed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let (promise, done, aborted) = settled_by_events()?;
    tx.set_oncomplete(Some(done.as_ref().unchecked_ref()));
    // A failed request aborts the transaction: both end here.
    tx.set_onabort(Some(aborted.as_ref().unchecked_ref()));
    let _unhook = Unhook(|| {
        tx.set_oncomplete(None);
        tx.set_onabort(None);
    });
    // Nothing more will be asked of it: let the browser commit now (web-sys marks
    // `commit` deprecated only because older browsers lack it; it is optional).
    #[allow(deprecated)]
    let _ = tx.commit();
    let settled = JsFuture::from(promise).await;
    match settled {
        Ok(_) => Ok(()),
        Err(_) => Err(tx.error().map_or_else(|| StoreError::Aborted("the transaction was aborted".into()), |d| from_dom(&d))),
    }
}

type Handler = Closure<dyn FnMut(web_sys::Event)>;

/// Takes the handlers off a request or transaction when dropped: declared after the
/// handlers, it is dropped before them, also when the waiting future is dropped half
/// way (a view that re-reads drops its earlier read). A handler called after its
/// closure was dropped would throw, and a throwing handler aborts the transaction.
struct Unhook<F: FnMut()>(F);

impl<F: FnMut()> Drop for Unhook<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// A promise and the two event handlers that resolve or reject it. The handlers are
/// owned here (dropped once the promise settled), so an event that never comes
/// leaks nothing.
fn settled_by_events() -> Result<(Promise, Handler, Handler), StoreError> {
    let mut slots: Option<(js_sys::Function, js_sys::Function)> = None;
    let promise = Promise::new(&mut |resolve, reject| slots = Some((resolve, reject)));
    // The executor runs synchronously inside `new`: the slots are filled.
    let (resolve, reject) = slots.ok_or_else(|| StoreError::Aborted("the browser gave no promise to wait on".into()))?;
    let ok = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        let _ = resolve.call0(&JsValue::NULL);
    });
    let failed = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        let _ = reject.call0(&JsValue::NULL);
    });
    Ok((promise, ok, failed))
}

/// Opens `name` at `version` in `factory`; `upgrade` creates what an older or new
/// database lacks (it gets the old version, 0 for a new database).
pub(crate) async fn open(
    factory: &IdbFactory,
    name: &str,
    version: u32,
    upgrade: impl Fn(&IdbDatabase, u32) -> Result<(), JsValue> + 'static,
) -> Result<IdbDatabase, StoreError> {
    let request: IdbOpenDbRequest = factory.open_with_u32(name, version).map_err(|e| StoreError::Unavailable(describe(&e)))?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |event: web_sys::IdbVersionChangeEvent| {
        let db = event.target().and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(db) = db.and_then(|d| d.dyn_into::<IdbDatabase>().ok()) {
            if let Err(e) = upgrade(&db, event.old_version() as u32) {
                leptos::logging::warn!("upgrading a database failed: {}", describe(&e));
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let _unhook = Unhook(|| request.set_onupgradeneeded(None));
    result(&request).await?.dyn_into::<IdbDatabase>().map_err(|_| StoreError::Unavailable("opening a database gave no database".into()))
}

/// A failed call's DOMException (or whatever was thrown) as a store error.
pub(crate) fn js_error(e: &JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => from_dom(d),
        None => StoreError::Aborted(describe(e)),
    }
}

pub(crate) fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
