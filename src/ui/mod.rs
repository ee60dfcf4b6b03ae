//! The Leptos user interface, one folder per feature.
//!
//! Where a file goes: in the folder of the feature whose pages show it (`contacts/`,
//! `lists/`, `catalog/` for tags, agents and global fields, `import/`, `export/`);
//! `app/` holds what exists once for the whole app (boot, shell, routes, shared state);
//! `kit/` holds widgets and helpers that know no feature. Each folder's `mod.rs`
//! exposes only what other folders use.

mod app;
mod catalog;
mod contacts;
mod export;
mod import;
mod kit;
mod lists;

pub use app::diagnostics;

/// Mounts the app into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    crate::perf::mark("cm:main");
    leptos::mount::mount_to_body(app::App);
}
