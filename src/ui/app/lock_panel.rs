//! The calm panel shown when another tab has the workspace.

use leptos::prelude::*;

#[component]
pub fn LockPanel(released: bool, on_use_here: Callback<()>) -> impl IntoView {
    let (title, text) = if released {
        (
            "This workspace is now open in another tab",
            "Anything under way here (an import, an export) stopped; what was saved stays, and an interrupted import can be finished or undone from the Import page. You can keep working in the other tab, or continue here: the other tab will let go and this one loads the latest data.",
        )
    } else {
        (
            "Contacts Manager is open in another tab",
            "Only one tab works on your contacts at a time, so nothing is overwritten. Continue here and the other tab will let go.",
        )
    };
    view! {
        <div class="center-panel" id="open-elsewhere">
            <div class="card panel-card">
                <p class="panel-brand">
                    <span class="brand-mark" aria-hidden="true">"CM"</span>
                    " Contacts Manager"
                </p>
                <h1>{title}</h1>
                <p>{text}</p>
                <button type="button" class="btn btn-primary" id="use-here" on:click=move |_| on_use_here.run(())>
                    "Use here"
                </button>
            </div>
        </div>
    }
}
