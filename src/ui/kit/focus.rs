//! Keyboard focus helpers for dialogs: find what can take focus, keep Tab inside.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), \
select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// Focusable elements inside `root`, in document order (hidden ones skipped).
pub fn focusables(root: &Element) -> Vec<HtmlElement> {
    // querySelectorAll through JS so the NodeList web-sys feature is not needed.
    let Ok(list) = js_sys::Reflect::get(root, &"querySelectorAll".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>().map_err(Into::into))
        .and_then(|f| f.call1(root, &FOCUSABLE.into()))
    else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some() || el.get_client_rects_length() > 0)
        .collect()
}

trait ClientRects {
    fn get_client_rects_length(&self) -> u32;
}

impl ClientRects for HtmlElement {
    fn get_client_rects_length(&self) -> u32 {
        js_sys::Reflect::get(self, &"getClientRects".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(self).ok())
            .and_then(|r| js_sys::Reflect::get(&r, &"length".into()).ok())
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0) as u32
    }
}

/// Moves focus to the first form control in `root` (or its first focusable thing).
pub fn focus_first(root: &Element) {
    let all = focusables(root);
    let preferred = all.iter().find(|el| {
        let tag = el.tag_name();
        matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA") || el.has_attribute("data-autofocus")
    });
    if let Some(el) = preferred.or(all.first()) {
        let _ = el.focus();
    }
}

/// Keeps Tab / Shift+Tab cycling inside `root`.
pub fn trap_tab(root: &Element, ev: &web_sys::KeyboardEvent) {
    let all = focusables(root);
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        ev.prevent_default();
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<Element>());
    let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Focuses the element with this id, if any (e.g. the first field with an error).
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
