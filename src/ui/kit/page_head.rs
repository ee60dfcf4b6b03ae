//! The head of a page: its title, a line under it, and the button that creates a
//! new record.

use leptos::prelude::*;

#[component]
pub fn PageHead(
    title: &'static str,
    /// The line under the title: a count, or what the page is for.
    #[prop(into)]
    sub: Signal<String>,
    /// The "New …" button's id.
    new_id: &'static str,
    /// Its words after the "+" ("New Tag").
    new_label: &'static str,
    on_new: Callback<()>,
) -> impl IntoView {
    view! {
        <header class="page-head">
            <div>
                <h1>{title}</h1>
                <p class="page-sub">{move || sub.get()}</p>
            </div>
            <button type="button" class="btn btn-primary" id=new_id on:click=move |_| on_new.run(())>
                <span aria-hidden="true" class="plus">"+"</span>
                {format!(" {new_label}")}
            </button>
        </header>
    }
}
