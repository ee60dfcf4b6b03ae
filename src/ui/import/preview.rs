//! The file's first rows as the chosen format reads them: wrong letters or one wide
//! column show at a glance that the encoding or separator needs changing.

use leptos::prelude::*;

use super::session::ImportSession;

#[component]
pub fn ImportPreview(session: ImportSession) -> impl IntoView {
    let preview = session.preview;
    view! {
        <div class="table-wrap preview-wrap">
            <table class="data-table preview-table" id="import-preview">
                <caption class="visually-hidden">"The first rows of the file"</caption>
                <thead>
                    <tr>
                        {move || {
                            preview.with(|p| p.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        preview
                            .with(|p| {
                                p.rows
                                    .iter()
                                    .map(|row| {
                                        view! { <tr>{row.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </div>
        {move || {
            preview.with(|p| {
                (!p.notes.is_empty())
                    .then(|| {
                        view! {
                            <ul class="hint preview-notes">
                                {p.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                            </ul>
                        }
                    })
            })
        }}
    }
}
