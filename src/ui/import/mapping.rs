//! Where each CSV column goes: a default field, a custom field, tags, additional
//! phones, or nowhere. Proposed from the headers; every choice can be changed.

use leptos::prelude::*;

use crate::domain::import::Target;
use crate::domain::{ContactField, CustomField};

use crate::ui::app::AppState;

use super::session::ImportSession;

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
    let rows = move || {
        let (headers, first_row) = session.preview.with(|p| (p.headers.clone(), p.rows.first().cloned().unwrap_or_default()));
        headers
            .into_iter()
            .enumerate()
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
    }
}
