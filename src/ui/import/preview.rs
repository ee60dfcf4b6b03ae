//! The file's first rows as the chosen format reads them: wrong letters or one wide
//! column show at a glance that the encoding or separator needs changing.

use leptos::prelude::*;

use super::session::ImportSession;

/// Columns the preview shows: enough to see the separator is right; a wide file's
/// other columns are all listed in the mapping.
const SHOWN_COLUMNS: usize = 30;

#[component]
pub fn ImportPreview(session: ImportSession) -> impl IntoView {
    let preview = session.preview;
    let problem = move || preview.with(|p| p.problem.as_ref().map(|e| format!("This file cannot be imported read this way: {e}.")));
    let hidden = move || preview.with(|p| p.headers.len().saturating_sub(SHOWN_COLUMNS));
    view! {
        <Show
            when=move || problem().is_none()
            fallback=move || view! { <p class="form-error" id="import-file-problem" role="alert">{problem}</p> }
        >
        <div class="table-wrap preview-wrap" tabindex="0" role="region" aria-label="The first rows of the file">
            <table class="data-table preview-table" id="import-preview">
                <caption class="visually-hidden">"The first rows of the file"</caption>
                <thead>
                    <tr>
                        {move || {
                            preview.with(|p| p.headers.iter().take(SHOWN_COLUMNS).map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view())
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
                                        view! { <tr>{row.iter().take(SHOWN_COLUMNS).map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}</tr> }
                                    })
                                    .collect_view()
                            })
                    }}
                </tbody>
            </table>
        </div>
        <Show when=move || { hidden() > 0 }>
            <p class="hint" id="import-preview-more">
                {move || format!("The first {SHOWN_COLUMNS} columns are shown here; all {} are listed under “Where the contacts go”.", SHOWN_COLUMNS + hidden())}
            </p>
        </Show>
        </Show>
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
