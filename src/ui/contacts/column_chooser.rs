//! "Columns": which custom fields show as extra columns of the contacts table. A
//! `<details>` popover of checkboxes (keyboard usable as is), remembered in settings.

use leptos::prelude::*;

use super::view::ContactsView;
use crate::ui::app::Setting;
use crate::ui::app::AppState;
use crate::ui::kit::close_on_escape;
use crate::domain::{CustomField, FieldId};

#[component]
pub fn ColumnChooser(
    /// The fields a column can be chosen from (the list's, or the global ones).
    #[prop(into)]
    fields: Signal<Vec<CustomField>>,
) -> impl IntoView {
    let state = AppState::get();
    let view = ContactsView::get();
    let toggle = move |id: FieldId, on: bool| {
        view.columns.update(|c| {
            c.retain(|f| *f != id);
            if on {
                c.push(id);
            }
        });
        state.remember(Setting::Columns(view.columns.get_untracked()));
    };
    let chosen_here = move || fields.with(|fs| fs.iter().filter(|f| view.columns.with(|c| c.contains(&f.id))).count());
    view! {
        <details class="column-chooser" id="column-chooser" on:keydown=close_on_escape>
            <summary class="btn">
                "Columns"
                {move || { let n = chosen_here(); (n > 0).then(|| format!(" ({n})")) }}
            </summary>
            <div class="popover" role="group" aria-label="Custom field columns">
                <p class="popover-title">"Custom field columns"</p>
                <Show
                    when=move || fields.with(|f| !f.is_empty())
                    fallback=|| view! { <p class="hint">"No custom fields here yet."</p> }
                >
                    {move || fields.get().into_iter().map(|f| {
                        let id = f.id;
                        view! {
                            <label class="check-row">
                                <input
                                    type="checkbox"
                                    value=id.get().to_string()
                                    prop:checked=move || view.columns.with(|c| c.contains(&id))
                                    on:change=move |ev| toggle(id, event_target_checked(&ev))
                                />
                                <span>{f.alias.to_string()}</span>
                            </label>
                        }
                    }).collect_view()}
                </Show>
            </div>
        </details>
    }
}
