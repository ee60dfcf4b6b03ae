#![cfg(not(target_arch = "wasm32"))]
//! The end-to-end tests: the release build (dist/) in headless Chromium, one module per
//! part of the app. One test binary rather than one per file: each binary links the
//! browser driver, tokio and the domain, and linking twenty-six of them cost minutes
//! and gigabytes of disk on every CI run. Run one part with a filter:
//! `cargo test --test e2e journey:: -- --test-threads=1`.

#[path = "../support/mod.rs"]
mod support;

mod a11y;
mod app_shell;
mod backup;
mod call_log;
mod contacts;
mod contacts_url;
mod copy;
mod csp;
mod data;
mod delete;
mod dispositions;
mod duplicates;
mod export;
mod fields;
mod first_screen;
mod hostile;
mod import;
mod import_batches;
mod import_corpus;
mod journey;
mod layout;
mod merge;
mod people;
mod smoke;
mod trash;
mod unsaved;
mod update;
