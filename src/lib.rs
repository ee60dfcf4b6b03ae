//! Contacts Manager: a contact manager for contact-center teams that runs entirely in
//! the browser.
//!
//! Layers, one direction only: `ui` (Leptos) -> `store` (IndexedDB) -> `domain` (plain
//! Rust). The domain builds and tests on the host; store and UI exist only in wasm.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod perf;

#[cfg(target_arch = "wasm32")]
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
