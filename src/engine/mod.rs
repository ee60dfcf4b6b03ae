//! The import engine: machinery only imports need, run in a dedicated worker built as
//! a wasm of its own (`src/bin/engine.rs`), so the contacts page never downloads it
//! (issue 16: the page's wasm under 1.3 MB gzipped). The page asks, the worker
//! answers; both are plain Rust values encoded with postcard (`protocol`). `serve`
//! holds the answers and, like the rest of the engine, runs on the host in tests;
//! `worker` is the browser glue around it.

pub mod protocol;
pub mod serve;

#[cfg(target_arch = "wasm32")]
pub mod worker;

// Host only: they read fixtures from disk and xlsx with calamine.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
