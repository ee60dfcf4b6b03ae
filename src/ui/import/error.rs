//! A message about the whole import step (the file, the mapping), brought into view
//! when it appears: it may concern a choice far up the page.

use leptos::html;
use leptos::prelude::*;

use super::session::ImportSession;

#[component]
pub fn ImportError(session: ImportSession) -> impl IntoView {
    let node = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        if session.error.with(Option::is_some) {
            if let Some(p) = node.get() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                p.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    view! {
        <p class="form-error" id="import-error" role="alert" node_ref=node hidden=move || session.error.with(Option::is_none)>
            {move || session.error.get()}
        </p>
    }
}
