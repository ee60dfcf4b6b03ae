//! Column headings of the custom field tables (after an optional checkbox column).

use leptos::prelude::*;

#[component]
pub fn FieldTableHead() -> impl IntoView {
    view! {
        <th scope="col">"Alias"</th>
        <th scope="col" class="col-type">"Type"</th>
        <th scope="col" class="col-choices">"Choices"</th>
        <th scope="col" class="col-flag">"Required"</th>
        <th scope="col" class="col-flag">"Click to action"</th>
    }
}
