//! "⋯": a row's secondary actions folded into a menu, so a row's actions fit beside
//! its columns at 1024 px and up and in a phone's card. A `<details>`, so the keyboard
//! works as is (Tab to it, Enter or Space opens, Tab through the items, Esc closes).
//! The items are placed `fixed` under the button: a table that scrolls sideways
//! would clip them otherwise.

use std::cell::Cell;

use leptos::prelude::*;

use super::details_popover::close_on_escape;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

#[component]
pub fn RowMenu(
    /// Read to screen readers: "More actions for list Customers".
    label: String,
    children: Children,
) -> impl IntoView {
    close_menus_on_outside_click();
    view! {
        <details class="row-menu" on:keydown=close_on_escape on:toggle=place_items>
            <summary class="btn btn-small row-menu-button" aria-label=label.clone() title=label>
                <span aria-hidden="true">"⋯"</span>
            </summary>
            // A chosen item closes the menu (the dialog it opens takes the focus).
            <div class="row-menu-items" role="group" on:click=close_from_inside>
                {children()}
            </div>
        </details>
    }
}

/// Puts the opened items right under the button, right-aligned with it, or above it
/// when there is no room below.
fn place_items(ev: web_sys::Event) {
    let Some(details) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) else { return };
    if !details.open() {
        return;
    }
    let (Some(button), Some(items)) = (details.first_element_child(), details.last_element_child().and_then(|e| e.dyn_into::<HtmlElement>().ok()))
    else {
        return;
    };
    let rect = button.get_bounding_client_rect();
    let (width, height) = viewport();
    let style = items.style();
    let right = (width - rect.right()).max(4.0);
    let _ = style.set_property("right", &format!("{right}px"));
    let below = height - rect.bottom();
    if below < f64::from(items.offset_height()) + 8.0 && rect.top() > below {
        let _ = style.set_property("top", "auto");
        let _ = style.set_property("bottom", &format!("{}px", height - rect.top() + 4.0));
    } else {
        let _ = style.set_property("bottom", "auto");
        let _ = style.set_property("top", &format!("{}px", rect.bottom() + 4.0));
    }
}

fn viewport() -> (f64, f64) {
    let Some(root) = document().document_element() else { return (0.0, 0.0) };
    (f64::from(root.client_width()), f64::from(root.client_height()))
}

fn close_from_inside(ev: web_sys::MouseEvent) {
    let menu = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest("details.row-menu").ok().flatten());
    if let Some(menu) = menu.and_then(|m| m.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
        menu.set_open(false);
    }
}

/// One listener for the page: a click outside an open menu, or a scroll (the items
/// are fixed, the button moves), closes it.
fn close_menus_on_outside_click() {
    thread_local!(static INSTALLED: Cell<bool> = const { Cell::new(false) });
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let close_others = |target: Option<web_sys::EventTarget>| {
        let inside = target.and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest("details.row-menu").ok().flatten());
        let Ok(open) = document().query_selector_all("details.row-menu[open]") else { return };
        for i in 0..open.length() {
            let Some(menu) = open.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlDetailsElement>().ok()) else { continue };
            if inside.as_ref().is_none_or(|m| !m.is_same_node(Some(&menu))) {
                menu.set_open(false);
            }
        }
    };
    // For the page's lifetime: the handles are dropped, the listeners stay.
    let _click = window_event_listener(leptos::ev::click, move |ev| close_others(ev.target()));
    let _resize = window_event_listener(leptos::ev::resize, move |_| close_others(None));
    // Scrolls of any container (the table's too) reach the window only when captured.
    let on_scroll = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || close_others(None));
    let _ = window().add_event_listener_with_callback_and_bool("scroll", on_scroll.as_ref().unchecked_ref(), true);
    on_scroll.forget();
}
