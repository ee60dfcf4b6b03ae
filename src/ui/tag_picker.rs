//! Tags of a contact: the chosen ones as removable chips, and a select offering the
//! other predefined tags (a native select and buttons: keyboard usable as is).

use leptos::prelude::*;

use super::focus::focus_id;
use super::route::Route;
use super::state::AppState;
use super::tag_chip::TagChip;
use crate::domain::{ContactDraft, Tag, TagId};

#[component]
pub fn TagPicker(draft: RwSignal<ContactDraft>) -> impl IntoView {
    let state = AppState::get();
    let all = Memo::new(move |_| {
        state.lists_rev.track();
        state.read(|ws| ws.tags().into_iter().cloned().collect::<Vec<Tag>>())
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
    let add = move |ev: leptos::ev::Event| {
        let Some(id) = event_target_value(&ev).parse::<u32>().ok().map(TagId::new) else { return };
        draft.update(|d| {
            if !d.tags.contains(&id) {
                d.tags.push(id);
            }
        });
        // Back to the prompt, ready for the next tag.
        let _ = js_sys::Reflect::set(&event_target::<web_sys::EventTarget>(&ev), &"value".into(), &"".into());
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
                <label class="field-inline">
                    <span class="visually-hidden">"Add a tag"</span>
                    <select id="tag-add" on:change=add disabled=move || offered.with(Vec::is_empty)>
                        <option value="" selected=true>
                            {move || if offered.with(Vec::is_empty) { "All tags chosen" } else { "Add a tag…" }}
                        </option>
                        {move || offered.get().into_iter().map(|t| view! {
                            <option value=t.id.get().to_string()>{t.name.to_string()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </Show>
        </fieldset>
    }
}
