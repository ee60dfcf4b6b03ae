//! Named points on the page's performance timeline ("cm:loaded", …). The benchmark
//! reads them to say where start-up time goes; in DevTools they show in Performance.

/// Marks `name` now. Silently nothing where the Performance API is missing.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Milliseconds on the page's clock (0 where the Performance API is missing), for
/// durations and rates shown to the user.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The byte length of this module's wasm linear memory: what it holds, as the browser
/// sees it (the page's, or in the import engine's worker, the engine's).
pub fn memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map(|b| f64::from(b.byte_length()))
        .unwrap_or(0.0)
}
