//! Sections that later versions fill: said plainly, not hidden.

use leptos::prelude::*;

#[component]
pub fn PlaceholderPage(#[prop(into)] title: String, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <section class="page">
            <header class="page-head">
                <h1>{title}</h1>
            </header>
            <div class="empty-state">
                <p>{text}</p>
            </div>
        </section>
    }
}
