//! The Leptos user interface.

/// Mounts the app into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
}
