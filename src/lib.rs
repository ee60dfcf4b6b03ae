//! Contacts Manager: a contact manager for contact-center teams that runs entirely in
//! the browser.
//!
//! Layers, one direction only: `ui` (Leptos) -> `persist` (the storage boundary and
//! the apply/commit/reload session) -> `domain` (plain Rust); `store` (IndexedDB)
//! implements `persist`. The domain, `persist` and the UI's plain logic build and test
//! on the host; the store and the views exist only in wasm. The design, and where a
//! new file goes: README.md, "Architecture".

pub mod domain;
pub mod engine;
pub mod persist;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod perf;

#[cfg(target_arch = "wasm32")]
pub mod store;
