//! The cells both custom field tables share: alias, type, choices, required, click to
//! action.

use leptos::prelude::*;

use crate::domain::{CustomField, FieldType};

#[component]
pub fn FieldCells(field: CustomField) -> impl IntoView {
    let choices = match &field.field_type {
        FieldType::Select(c) => c.join(", "),
        _ => String::new(),
    };
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    view! {
        <td class="col-name"><span class="row-title">{field.alias.to_string()}</span></td>
        <td class="col-type"><span class="type-badge">{field.field_type.name()}</span></td>
        <td class="col-choices">{choices}</td>
        <td class="col-flag">{yes_no(field.required)}</td>
        <td class="col-flag">{yes_no(field.click_to_action)}</td>
    }
}
