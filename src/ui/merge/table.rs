//! The side-by-side table of the merge preview: the field, the kept contact's value,
//! the other's. Agreeing rows are plain, a value only one side has says it is kept,
//! a conflict offers both values as radio buttons (the kept one preselected). Under
//! the fields: what both contacts give together (additional phones, tags) and what
//! cannot be kept. On phones each row stacks, its values labelled by contact.

use leptos::prelude::*;

use super::preview::{Compared, Row, United};
use crate::domain::merge::{MergeChoices, RowOutcome, Side};

#[component]
pub fn MergeTable(compared: Compared, choices: RwSignal<MergeChoices>, #[prop(into)] united: Signal<United>) -> impl IntoView {
    let kept_label = format!("{} (kept)", compared.kept_name);
    let other_label = compared.other_name.clone();
    let rows = compared
        .rows
        .into_iter()
        .map(|row| view! { <FieldRow row=row choices=choices kept_label=kept_label.clone() other_label=other_label.clone() /> })
        .collect_view();
    let list_row = move |key: &'static str, label: &'static str, items: fn(&United) -> &Vec<String>| {
        view! {
            <tr class="merge-united" data-field=key>
                <th scope="row">{label}</th>
                <td colspan="2" data-label="Both, united">
                    {move || united.with(|u| match items(u).as_slice() {
                        [] => "None".to_owned(),
                        all => all.join(", "),
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <table class="merge-table" id="merge-table">
            <thead>
                <tr>
                    <th scope="col">"Field"</th>
                    <th scope="col">{kept_label.clone()}</th>
                    <th scope="col">{other_label.clone()}</th>
                </tr>
            </thead>
            <tbody>
                {rows}
                {list_row("additional_phones", "Additional phones", |u| &u.phones)}
                {list_row("tags", "Tags", |u| &u.tags)}
            </tbody>
        </table>
        {move || {
            united.with(|u| {
                (!u.warnings.is_empty()).then(|| {
                    let items = u.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view();
                    view! { <ul class="merge-warnings" id="merge-warnings" role="status">{items}</ul> }
                })
            })
        }}
    }
}

#[component]
fn FieldRow(row: Row, choices: RwSignal<MergeChoices>, kept_label: String, other_label: String) -> impl IntoView {
    let Row { field, key, label, kept, other, outcome } = row;
    let cell = |side: Side, value: Option<String>, data_label: String| {
        let class = match (outcome, side) {
            (RowOutcome::Taken(taken), _) if taken != side => "merge-value is-empty",
            _ => "merge-value",
        };
        let content = match (outcome, value) {
            (RowOutcome::Conflict, Some(value)) => {
                let id = format!("merge-{key}-{}", side_key(side));
                view! {
                    <label class="merge-option">
                        <input
                            type="radio"
                            id=id
                            name=format!("merge-{key}")
                            prop:checked=move || choices.with(|c| c.side(field) == side)
                            on:change=move |_| choices.update(|c| c.choose(field, side))
                        />
                        <span>{value}</span>
                    </label>
                }
                .into_any()
            }
            (RowOutcome::Taken(taken), Some(value)) if taken == side => {
                let note = if side == Side::Kept { "kept" } else { "taken" };
                view! { <span>{value}</span>" "<span class="merge-note">{note}</span> }.into_any()
            }
            (_, Some(value)) => view! { <span>{value}</span> }.into_any(),
            (_, None) => view! { <span aria-label="empty">"—"</span> }.into_any(),
        };
        view! { <td class=class data-label=data_label>{content}</td> }
    };
    view! {
        <tr class="merge-row" class:is-conflict=outcome == RowOutcome::Conflict data-field=key.clone()>
            <th scope="row">{label}</th>
            {cell(Side::Kept, kept, kept_label)}
            {cell(Side::Other, other, other_label)}
        </tr>
    }
}

fn side_key(side: Side) -> &'static str {
    match side {
        Side::Kept => "kept",
        Side::Other => "other",
    }
}
