//! Where each column of the log goes: the contact's number or email, when, how long,
//! direction, channel, agent, disposition, notes, a detail, or nowhere.

use leptos::prelude::*;

use crate::domain::import::call_log::CallColumn;
use crate::ui::kit::choice_options;

use super::session::CallLogSession;

/// The header cells of the mapping table (short: on a phone the first column's
/// width is what the picker does not get).
const TITLES: [&str; 3] = ["Column", "First value", "Holds"];

#[component]
pub fn CallLogMapping(session: CallLogSession) -> impl IntoView {
    let rows = move || {
        let (headers, first) = session.file.preview.with(|p| (p.headers.clone(), p.rows.first().cloned().unwrap_or_default()));
        let example = move |i: usize| first.get(i).cloned().unwrap_or_default();
        headers
            .into_iter()
            .enumerate()
            .map(|(i, header)| {
                let label_id = format!("call-log-column-{i}");
                view! {
                    <tr>
                        <th scope="row" id=label_id.clone()>{header}</th>
                        <td class="muted example">{example(i)}</td>
                        <td><TargetSelect session=session column=i labelled_by=label_id /></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="data-table mapping-table" id="call-log-mapping" aria-label="What each column of the log holds">
                <thead>
                    <tr>{TITLES.map(|title| view! { <th scope="col">{title}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The target picker of one column.
#[component]
fn TargetSelect(session: CallLogSession, column: usize, labelled_by: String) -> impl IntoView {
    let choices = CallColumn::ALL.iter().map(|c| (c.code().to_owned(), c.label().to_owned())).collect();
    let current = Signal::derive(move || session.columns.with(|c| c.get(column).copied().unwrap_or(CallColumn::Detail).code().to_owned()));
    let changed = move |ev: leptos::ev::Event| {
        if let Some(target) = CallColumn::from_code(&event_target_value(&ev)) {
            session.set_column(column, target);
        }
    };
    view! {
        <select class="call-log-target" data-column=column.to_string() aria-labelledby=labelled_by on:change=changed>
            {choice_options(choices, current)}
        </select>
    }
}
