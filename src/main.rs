//! The browser entry point: mount the app into the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    contacts_manager::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Contacts Manager runs in the browser: build it with `trunk build` (see README.md).");
}
