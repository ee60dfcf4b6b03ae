//! The Edit / Delete buttons at the end of a table row, labelled with what they act on
//! so a screen reader says "Edit tag VIP", not just "Edit".

use leptos::prelude::*;

#[component]
pub fn RowActions(
    /// What the row is: "tag", "agent".
    noun: &'static str,
    /// The row's name, as the user knows it.
    name: String,
    on_edit: Callback<()>,
    on_delete: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="row-actions">
            <button type="button" class="btn btn-small" aria-label=format!("Edit {noun} {name}") on:click=move |_| on_edit.run(())>
                "Edit"
            </button>
            <button
                type="button"
                class="btn btn-small btn-danger-outline"
                aria-label=format!("Delete {noun} {name}")
                on:click=move |_| on_delete.run(())
            >
                "Delete"
            </button>
        </div>
    }
}
