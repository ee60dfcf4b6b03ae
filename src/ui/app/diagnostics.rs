//! Figures the benchmark reads from the running app.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The byte length of the wasm linear memory (what the app holds, as the browser
/// sees it).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|b| f64::from(b.byte_length()))
        .unwrap_or(0.0)
}
