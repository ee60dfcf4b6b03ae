//! The page's side of the import engine (`crate::engine`): one worker, started when
//! the import page opens (or by the first request) and kept for the session; each
//! request waits for its own answer.
//! A worker that fails (not downloadable offline, a crash) fails every waiting request
//! in words and is replaced by the next request.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

use crate::engine::protocol::{decode, encode, Answer, EngineError, Request};
use crate::engine::worker::READY;
use crate::store::raw_idb::describe as words;

/// Where the page learns the worker's address: trunk names it by its content hash,
/// and the build's hook (`src/pwa/engine_link.mjs`) writes it into index.html.
const LINK: &str = "link[rel=cm-engine]";

type Waiting = Rc<RefCell<HashMap<u32, (Function, Function)>>>;

struct Client {
    worker: Worker,
    /// Settles when the worker has said it is ready, or has failed.
    ready: Promise,
    is_ready: Rc<Cell<bool>>,
    waiting: Waiting,
    next_id: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the worker ahead of its first request (the import page opened), so its
/// download and compiling happen while the user looks for the file. A failure here
/// says nothing: the first request says why.
pub fn start_early() {
    let _ = started();
}

/// The worker, started if there is none: the promise that settles when it is ready.
fn started() -> Result<Promise, EngineError> {
    CLIENT.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        slot.as_ref().map(|client| client.ready.clone()).ok_or_else(|| EngineError::NotLoaded("no worker".into()))
    })
}

/// Sends `request` to the engine and waits for its answer.
pub async fn ask(request: &Request) -> Result<Answer, EngineError> {
    send(request, None).await
}

/// `ask`, with the file the request is about (`Request::Start`): the worker reads it
/// itself, a slice at a time.
pub async fn ask_about(request: &Request, file: &web_sys::Blob) -> Result<Answer, EngineError> {
    send(request, Some(file)).await
}

/// A request posted to the engine, its answer still to come.
pub struct Asked(Result<Promise, EngineError>);

impl Asked {
    pub async fn answer(self) -> Result<Answer, EngineError> {
        let value = JsFuture::from(self.0?).await.map_err(|e| EngineError::Stopped(words(&e)))?;
        match decode::<Answer>(&Uint8Array::new(&value).to_vec()).map_err(EngineError::Garbled)? {
            Answer::Unreadable(why) => Err(EngineError::Misunderstood(why)),
            answer => Ok(answer),
        }
    }
}

/// Posts `request` now, to the worker an earlier request started: an import asks for
/// the next batch before it stores the last, so the engine reads while the page stores.
pub fn ask_now(request: &Request) -> Asked {
    Asked(encode(request).map_err(EngineError::Misunderstood).and_then(|bytes| post(&bytes, None)))
}

async fn send(request: &Request, file: Option<&web_sys::Blob>) -> Result<Answer, EngineError> {
    let bytes = encode(request).map_err(EngineError::Misunderstood)?;
    JsFuture::from(started()?).await.map_err(|e| EngineError::NotLoaded(words(&e)))?;
    Asked(post(&bytes, file)).answer().await
}

/// Posts an encoded request to the ready worker; the promise settles with the answer.
fn post(bytes: &[u8], file: Option<&web_sys::Blob>) -> Result<Promise, EngineError> {
    CLIENT.with(|cell| {
        let mut slot = cell.borrow_mut();
        let client = slot.as_mut().filter(|c| c.is_ready.get()).ok_or_else(|| EngineError::NotLoaded("it is not running".into()))?;
        client.next_id = client.next_id.wrapping_add(1);
        let id = client.next_id;
        let waiting = client.waiting.clone();
        let answer = Promise::new(&mut |resolve, reject| {
            waiting.borrow_mut().insert(id, (resolve, reject));
        });
        let payload = Uint8Array::from(bytes);
        let transfer = Array::of1(&payload.buffer());
        let message = Array::of2(&JsValue::from(id), &payload);
        if let Some(file) = file {
            message.push(file);
        }
        if let Err(e) = client.worker.post_message_with_transfer(&message, &transfer) {
            waiting.borrow_mut().remove(&id);
            return Err(EngineError::Stopped(words(&e)));
        }
        Ok(answer)
    })
}

/// Starts the worker: its answers settle their requests; its failure fails them all
/// and lets the next request start a new one.
fn start() -> Result<Client, EngineError> {
    let url = engine_url().ok_or_else(|| EngineError::NotLoaded("this build has no engine".into()))?;
    let worker = Worker::new(&url).map_err(|e| EngineError::NotLoaded(words(&e)))?;
    let waiting: Waiting = Rc::default();
    let settle_ready: Rc<RefCell<Option<(Function, Function)>>> = Rc::default();
    let ready = Promise::new(&mut |resolve, reject| {
        *settle_ready.borrow_mut() = Some((resolve, reject));
    });

    let is_ready = Rc::new(Cell::new(false));
    let (waiting_m, ready_m, is_ready_m) = (waiting.clone(), settle_ready.clone(), is_ready.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if data.as_string().as_deref() == Some(READY) {
            is_ready_m.set(true);
            if let Some((resolve, _)) = ready_m.borrow_mut().take() {
                let _ = resolve.call0(&JsValue::NULL);
            }
            return;
        }
        let message = Array::from(&data);
        let Some(id) = message.get(0).as_f64() else { return };
        if let Some((resolve, _)) = waiting_m.borrow_mut().remove(&(id as u32)) {
            let _ = resolve.call1(&JsValue::NULL, &message.get(1));
        }
    });
    let (waiting_e, ready_e) = (waiting.clone(), settle_ready);
    // A script that cannot be fetched fires a plain Event; an error thrown inside the
    // worker (its wasm not loaded, a crash) an ErrorEvent with a message.
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let message = event.dyn_ref::<ErrorEvent>().map(ErrorEvent::message).unwrap_or_default();
        let why = JsValue::from_str(if message.is_empty() { "it could not be downloaded" } else { &message });
        if let Some((_, reject)) = ready_e.borrow_mut().take() {
            let _ = reject.call1(&JsValue::NULL, &why);
        }
        for (_, (_, reject)) in waiting_e.borrow_mut().drain() {
            let _ = reject.call1(&JsValue::NULL, &why);
        }
        // A failed worker is not asked again: the next request starts a new one. Drop
        // it on a later turn (this closure belongs to it).
        wasm_bindgen_futures::spawn_local(async { drop_client() });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client { worker, ready, is_ready, waiting, next_id: 0, _on_message: on_message, _on_error: on_error })
}

fn drop_client() {
    if let Some(client) = CLIENT.with(|cell| cell.borrow_mut().take()) {
        client.worker.terminate();
    }
}

fn engine_url() -> Option<String> {
    let link = web_sys::window()?.document()?.query_selector(LINK).ok()??;
    link.dyn_into::<web_sys::HtmlLinkElement>().ok().map(|l| l.href())
}

/// An answer of the wrong kind (a page and an engine from different builds), in words.
pub fn unexpected(answer: &Answer) -> String {
    format!("The import engine answered something else ({}): reload the page.", answer.kind())
}
