//! The Leptos user interface, one folder per feature.
//!
//! Where a file goes: in the folder of the feature whose pages show it (`contacts/`,
//! `lists/`, `catalog/` for tags, agents and global fields, `import/`, `export/`,
//! `journey/` for a contact's interactions and history, `merge/` and `copy/` for merging
//! two contacts and copying one into another list, `trash/` for deleted contacts,
//! `duplicates/` for finding likely duplicates);
//! `app/` holds what exists once for the whole app (boot, shell, routes, shared state);
//! `kit/` holds widgets and helpers that know no feature. Each folder's `mod.rs`
//! exposes only what other folders use.
//!
//! Views exist only in wasm. Plain logic (routes, settings, text) builds on the host
//! too, so `cargo test --lib` checks it in seconds.

/// Declares items that need the browser (views, web APIs): wasm only.
macro_rules! browser_only {
    ($($item:item)*) => { $( #[cfg(target_arch = "wasm32")] $item )* };
}

// On the host nothing uses the plain logic but its tests.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]
mod app;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]
pub(crate) mod kit;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]
pub mod duplicates;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code, unused_imports))]
mod contacts;

browser_only! {
    mod catalog;
    mod copy;
    mod data;
    mod export;
    mod import;
    mod journey;
    mod lists;
    mod merge;
    mod trash;

    pub use app::diagnostics;

    /// Mounts the app into `<body>`.
    pub fn start() {
        console_error_panic_hook::set_once();
        crate::perf::mark("cm:main");
        leptos::mount::mount_to_body(app::App);
    }
}
