//! A table of records: its column headings, a last column for the row actions
//! (named for screen readers only), and the rows.

use leptos::prelude::*;

#[component]
pub fn DataTable(
    id: &'static str,
    /// The headings before the actions column.
    #[prop(into)]
    head: ViewFn,
    /// The rows.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table id=id class="data-table">
                <thead>
                    <tr>
                        {head.run()}
                        <th scope="col" class="col-actions"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
