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
