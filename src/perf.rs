//! Named points on the page's performance timeline ("cm:loaded", …). The benchmark
//! reads them to say where start-up time goes; in DevTools they show in Performance.

/// Marks `name` now. Silently nothing where the Performance API is missing.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
