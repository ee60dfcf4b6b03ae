//! What the page holds in memory, for the benchmarks' figures.

use serde_json::Value;

use super::Browser;

/// JS heap (precise with --enable-precise-memory-info) and the wasm linear memory, in
/// bytes; null where the page cannot tell.
pub async fn page_memory(b: &Browser) -> Value {
    b.exec(
        "const w = window.wasmBindings;
         let wasm = null;
         try { if (w && typeof w.wasm_memory_bytes === 'function') wasm = Number(w.wasm_memory_bytes()); } catch (e) {}
         return { js_heap: performance.memory ? performance.memory.usedJSHeapSize : null, wasm };",
    )
    .await
}
