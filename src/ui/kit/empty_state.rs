//! What a page shows instead of an empty table: what is missing and what it is for.

use leptos::prelude::*;

#[component]
pub fn EmptyState(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    text: &'static str,
    /// A way out, e.g. a "New …" button.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state" id=id>
            <h2>{move || title.get()}</h2>
            <p>{text}</p>
            {children.map(|c| c())}
        </div>
    }
}
