//! The worker's side: each message is `[id, bytes]`, a request encoded by the page;
//! the answer goes back as `[id, bytes]` (its buffer transferred, not copied). The
//! first message the worker sends is "ready": messages sent before its wasm ran would
//! find no handler, so the page waits for it.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::serve::answer_bytes;

/// What the worker posts once it can take requests.
pub const READY: &str = "ready";

/// Installs the message handler and says so.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let id = message.get(0);
        let request = Uint8Array::new(&message.get(1)).to_vec();
        let answer = Uint8Array::from(answer_bytes(&request).as_slice());
        let transfer = Array::of1(&answer.buffer());
        // A page gone away cannot be answered; nothing else to do.
        let _ = reply_scope.post_message_with_transfer(&Array::of2(&id, &answer), &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}
