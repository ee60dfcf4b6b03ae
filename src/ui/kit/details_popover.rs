//! What every `<details>` popover (a row's ⋯ menu, Columns, the "Viewing as" note)
//! shares: Esc folds it.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Esc folds an open `<details>` popover and gives focus back to its summary.
pub fn close_on_escape(ev: web_sys::KeyboardEvent) {
    if ev.key() != "Escape" {
        return;
    }
    let Some(details) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) else { return };
    if details.open() {
        ev.stop_propagation();
        details.set_open(false);
        if let Some(summary) = details.first_element_child().and_then(|s| s.dyn_into::<HtmlElement>().ok()) {
            let _ = summary.focus();
        }
    }
}
