//! The import engine's worker (see `contacts_manager::engine`): built by trunk as its
//! own wasm (`index.html`, `data-type="worker"`), loaded when an import first needs it.

#[cfg(target_arch = "wasm32")]
fn main() {
    contacts_manager::engine::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The import engine runs in a browser worker: build it with `trunk build` (see README.md).");
}
