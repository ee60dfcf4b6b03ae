//! "Any tag" or one tag: a filter of the contacts page, next to the list filter.

use leptos::prelude::*;

use crate::ui::app::Collection;

use crate::ui::app::AppState;
use crate::domain::{Tag, TagId};

#[component]
pub fn TagFilter(current: RwSignal<Option<TagId>>, on_change: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let tags = Memo::new(move |_| {
        state.read(&[Collection::Tags], |ws| ws.tags().into_iter().cloned().collect::<Vec<Tag>>())
    });
    // A deleted tag stops filtering.
    Effect::new(move |_| {
        if let Some(id) = current.get() {
            if tags.with(|ts| !ts.iter().any(|t| t.id == id)) {
                current.set(None);
            }
        }
    });
    let change = move |ev: leptos::ev::Event| {
        current.set(event_target_value(&ev).parse::<u32>().ok().map(TagId::new));
        on_change.run(());
    };
    view! {
        <Show when=move || tags.with(|t| !t.is_empty())>
            <label class="field-inline">
                <span>"Tag"</span>
                <select id="tag-filter" on:change=change>
                    <option value="" prop:selected=move || current.get().is_none()>"Any tag"</option>
                    {move || tags.get().into_iter().map(|t| {
                        let id = t.id;
                        view! {
                            <option value=id.get().to_string() prop:selected=move || current.get() == Some(id)>
                                {t.name.to_string()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
        </Show>
    }
}
