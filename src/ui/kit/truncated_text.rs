//! Text that may be long (a description, an email) in a table cell: one line, cut with
//! "…" by the CSS, and whole in the tooltip, so the row's actions keep their place.

use leptos::prelude::*;

#[component]
pub fn TruncatedText(text: String) -> impl IntoView {
    let title = (!text.is_empty()).then(|| text.clone());
    view! { <span class="truncated" title=title>{text}</span> }
}
