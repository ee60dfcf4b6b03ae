//! The buttons at the end of a table row, labelled with what they act on so a screen
//! reader says "Edit tag VIP", not just "Edit".

use leptos::prelude::*;

/// Edit and Delete.
#[component]
pub fn RowActions(
    /// What the row is: "tag", "agent", "custom field".
    noun: &'static str,
    /// The row's name, as the user knows it.
    name: String,
    on_edit: Callback<()>,
    on_delete: Callback<()>,
    /// A class that marks the Edit button (e.g. `field-edit`).
    #[prop(optional)]
    edit_class: &'static str,
    /// A class that marks the Delete button (e.g. `field-delete`).
    #[prop(optional)]
    delete_class: &'static str,
) -> impl IntoView {
    view! {
        <div class="row-actions">
            <RowButton label="Edit" class=edit_class aria_label=format!("Edit {noun} {name}") on_click=on_edit />
            <RowButton label="Delete" class=classes("btn-danger-outline", delete_class) aria_label=format!("Delete {noun} {name}") on_click=on_delete />
        </div>
    }
}

/// One small button of a row; `class` goes beside `btn btn-small`.
#[component]
pub fn RowButton(label: &'static str, #[prop(optional, into)] class: String, aria_label: String, on_click: Callback<()>) -> impl IntoView {
    view! { <button type="button" class=classes("btn btn-small", &class) aria-label=aria_label on:click=move |_| on_click.run(())>{label}</button> }
}

/// `base`, and `extra` after a space when there is one.
fn classes(base: &str, extra: &str) -> String {
    if extra.is_empty() { base.to_string() } else { format!("{base} {extra}") }
}
