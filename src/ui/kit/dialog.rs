//! A modal dialog: a fixed overlay, focus moved inside and trapped, Esc closes, focus
//! returns to where it was when the dialog closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::focus::{focus_first, trap_tab};

#[component]
pub fn Dialog(
    #[prop(into)] title: Signal<String>,
    /// Called for Esc, the close button and a click on the backdrop.
    on_close: Callback<()>,
    /// A wider panel (the contact form).
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    let title_id = format!("dialog-title-{}", js_sys::Math::random().to_bits());

    // Remember what had focus, to give it back on close.
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    on_cleanup(move || {
        if let Some(Some(el)) = opener.try_get_value() {
            // An item of a row's ⋯ menu is hidden once the menu closed: its button then.
            let folded = el.closest("details.row-menu:not([open]) > .row-menu-items").ok().flatten();
            let target = folded
                .and_then(|items| items.parent_element())
                .and_then(|menu| menu.first_element_child())
                .and_then(|summary| summary.dyn_into::<web_sys::HtmlElement>().ok())
                .unwrap_or(el);
            let _ = target.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(el) = panel.get() {
            focus_first(&el);
        }
    });

    let on_keydown = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
        "Tab" => {
            if let Some(el) = panel.get_untracked() {
                trap_tab(&el, &ev);
            }
        }
        _ => {}
    };
    // Only a press that starts on the backdrop itself closes (not a drag out of a field).
    let on_backdrop = move |ev: web_sys::MouseEvent| {
        if ev.target() == ev.current_target() {
            on_close.run(());
        }
    };

    let labelled_by = title_id.clone();
    view! {
        <div class="overlay" on:mousedown=on_backdrop>
            <div
                class="dialog"
                class:dialog-wide=wide
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=panel
                on:keydown=on_keydown
            >
                <header class="dialog-head">
                    <h2 id=title_id>{move || title.get()}</h2>
                    <button type="button" class="icon-btn" aria-label="Close" on:click=move |_| on_close.run(())>
                        "×"
                    </button>
                </header>
                {children()}
            </div>
        </div>
    }
}
