//! Work that can wait for a quiet moment.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `work` when the browser is idle, within `within_ms` at the latest, or after
/// that long where it cannot tell (no `requestIdleCallback`).
pub fn when_idle(within_ms: u32, work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    let Some(window) = web_sys::window() else { return };
    let function: &js_sys::Function = callback.unchecked_ref();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(within_ms);
    if window.request_idle_callback_with_options(function, &options).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, within_ms as i32);
    }
}
