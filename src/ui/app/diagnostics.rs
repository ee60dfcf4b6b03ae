//! Figures the benchmark reads from the running app.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

thread_local! {
    static ENGINE_MEMORY: Cell<f64> = const { Cell::new(0.0) };
}

/// The byte length of the page's wasm linear memory (what the app holds, as the
/// browser sees it).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    crate::perf::memory_bytes()
}

/// The import engine worker's wasm memory, as its last answer during an import said
/// (0 before any): the import's memory is the page's and the engine's.
#[wasm_bindgen]
pub fn engine_memory_bytes() -> f64 {
    ENGINE_MEMORY.with(Cell::get)
}

pub fn note_engine_memory(bytes: u64) {
    ENGINE_MEMORY.with(|m| m.set(bytes as f64));
}
