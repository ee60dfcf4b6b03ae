//! Tags of a contact: the chosen ones as removable chips, and a select offering the
//! other predefined tags (a native select and buttons: keyboard usable as is).

use leptos::prelude::*;

use crate::ui::app::Collection;

use crate::ui::kit::focus_id;
use crate::ui::app::Route;
use crate::ui::app::AppState;
use crate::ui::catalog::TagChip;
use crate::domain::{ContactDraft, Tag, TagId};

#[component]
pub fn TagPicker(draft: RwSignal<ContactDraft>) -> impl IntoView {
    let state = AppState::get();
    let all = Memo::new(move |_| {
        state.read(&[Collection::Tags], |ws| ws.tags().into_iter().cloned().collect::<Vec<Tag>>())
    });
    let chosen = Memo::new(move |_| draft.with(|d| d.tags.clone()));
    let chosen_tags = Memo::new(move |_| {
        let ids = chosen.get();
        all.with(|ts| ts.iter().filter(|t| ids.contains(&t.id)).cloned().collect::<Vec<Tag>>())
    });
    let offered = Memo::new(move |_| {
        let ids = chosen.get();
        all.with(|ts| ts.iter().filter(|t| !ids.contains(&t.id)).cloned().collect::<Vec<Tag>>())
    });
    // Choosing in the select only picks; "Add" adds. (Arrow keys on a closed select
    // fire `change` at every step, so adding on change would add by accident.)
    let pending = RwSignal::new(String::new());
    let add = move || {
        let Some(id) = pending.get_untracked().parse::<u32>().ok().map(TagId::new) else { return };
        draft.update(|d| {
            if !d.tags.contains(&id) {
                d.tags.push(id);
            }
        });
        pending.set(String::new());
        request_animation_frame(|| focus_id("tag-add"));
    };
    let remove = move |id: TagId| {
        draft.update(|d| d.tags.retain(|t| *t != id));
        request_animation_frame(|| focus_id("tag-add"));
    };
    view! {
        <fieldset class="field-group tag-picker">
            <legend>"Tags"</legend>
            <div class="tag-list" id="contact-tags" aria-live="polite">
                <For
                    each=move || chosen_tags.get()
                    key=|t| (t.id, t.name.clone(), t.colour.as_str().to_owned())
                    children=move |t| {
                        let id = t.id;
                        view! { <TagChip tag=t on_remove=Callback::new(move |()| remove(id)) /> }
                    }
                />
                <Show when=move || chosen.with(Vec::is_empty)>
                    <span class="hint">"No tags."</span>
                </Show>
            </div>
            <Show
                when=move || all.with(|a| !a.is_empty())
                fallback=move || view! {
                    <p class="hint">
                        "No tags defined yet. "
                        {move || state.is_admin().then(|| view! { <a href=Route::Tags.to_hash()>"Create tags"</a> })}
                    </p>
                }
            >
                <div class="tag-add-row">
                    <label class="field-inline">
                        <span class="visually-hidden">"Choose a tag to add"</span>
                        <select
                            id="tag-add"
                            disabled=move || offered.with(Vec::is_empty)
                            on:change=move |ev| pending.set(event_target_value(&ev))
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add();
                                }
                            }
                        >
                            <option value="" prop:selected=move || pending.with(String::is_empty)>
                                {move || if offered.with(Vec::is_empty) { "All tags chosen" } else { "Choose a tag…" }}
                            </option>
                            {move || offered.get().into_iter().map(|t| {
                                let value = t.id.get().to_string();
                                let mine = value.clone();
                                view! {
                                    <option value=value prop:selected=move || pending.with(|p| *p == mine)>{t.name.to_string()}</option>
                                }
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="btn btn-small" id="tag-add-button" disabled=move || pending.with(String::is_empty) on:click=move |_| add()>
                        "Add tag"
                    </button>
                </div>
            </Show>
        </fieldset>
    }
}
