//! Where each CSV column goes: a default field, a custom field, tags, additional
//! phones, or nowhere. Proposed from the headers; every choice can be changed.

use leptos::prelude::*;

use crate::domain::import::Target;
use crate::domain::{ContactField, CustomField};

use crate::ui::app::AppState;

use super::session::ImportSession;

/// Columns shown at first, and added by each "Show more".
const PAGE_COLUMNS: usize = 100;

/// The select value of a target ("skip" for do not import).
fn target_value(t: &Target) -> String {
    t.code().unwrap_or_else(|| "skip".into())
}

#[component]
pub fn ImportMapping(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    let fields = Memo::new(move |_| session.custom_fields(state));
    let options = move || {
        let fields = fields.get();
        let refs: Vec<&CustomField> = fields.iter().collect();
        let mut targets = vec![Target::Skip];
        targets.extend(ContactField::all().map(Target::Field));
        targets.push(Target::AdditionalPhones);
        targets.push(Target::Tags);
        targets.extend(fields.iter().map(|f| Target::Custom(f.id)));
        targets.into_iter().map(|t| (target_value(&t), t.label(&refs))).collect::<Vec<_>>()
    };
    // A wide file's columns are shown a page at a time (each row is a select of every
    // field); columns already mapped are shown wherever they are.
    let shown = RwSignal::new(PAGE_COLUMNS);
    let width = move || session.preview.with(|p| if p.problem.is_some() { 0 } else { p.headers.len() });
    let hidden = move || {
        let shown = shown.get();
        session.columns.with(|c| (shown..width()).filter(|i| c.get(*i).is_none_or(|t| *t == Target::Skip)).count())
    };
    let rows = move || {
        let (headers, first_row) = session.preview.with(|p| (p.headers.clone(), p.rows.first().cloned().unwrap_or_default()));
        let (shown, width) = (shown.get(), width());
        let mapped = session.columns.with_untracked(|c| c.iter().map(|t| *t != Target::Skip).collect::<Vec<_>>());
        headers
            .into_iter()
            .take(width)
            .enumerate()
            .filter(|(i, _)| *i < shown || mapped.get(*i).copied().unwrap_or(false))
            .map(|(i, header)| {
                let example = first_row.get(i).cloned().unwrap_or_default();
                let current = move || session.columns.with(|c| c.get(i).map(target_value).unwrap_or_else(|| "skip".into()));
                let label_id = format!("import-column-{i}");
                view! {
                    <tr>
                        <th scope="row" id=label_id.clone()>{header}</th>
                        <td class="muted example">{example}</td>
                        <td>
                            <select
                                class="import-target"
                                data-column=i.to_string()
                                aria-labelledby=label_id
                                on:change=move |ev| {
                                    let code = event_target_value(&ev);
                                    let fields = fields.get_untracked();
                                    let refs: Vec<&CustomField> = fields.iter().collect();
                                    session.set_target(i, Target::from_code(&code, &refs));
                                }
                            >
                                {options()
                                    .into_iter()
                                    .map(|(value, label)| {
                                        let v = value.clone();
                                        view! { <option value=value prop:selected=move || current() == v>{label}</option> }
                                    })
                                    .collect_view()}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="data-table mapping-table" id="import-mapping">
                <caption class="visually-hidden">"Where each column of the file goes"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Column in the file"</th>
                        <th scope="col">"First value"</th>
                        <th scope="col">"Imported as"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || { hidden() > 0 }>
            <p class="hint" id="import-mapping-more">
                {move || format!("{} more columns are not shown: they are not imported unless you choose a field for them. ", hidden())}
                <button type="button" class="btn btn-small" on:click=move |_| shown.update(|n| *n += PAGE_COLUMNS)>
                    {format!("Show {PAGE_COLUMNS} more")}
                </button>
            </p>
        </Show>
    }
}
