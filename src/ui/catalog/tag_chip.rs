//! A tag as a coloured chip, optionally removable. The colour comes only from the
//! validated `TagColour` ("#rrggbb"), never from raw user text.

use leptos::prelude::*;

use crate::domain::Tag;

#[component]
pub fn TagChip(
    tag: Tag,
    /// When set, the chip has a remove button that calls this.
    #[prop(optional)]
    on_remove: Option<Callback<()>>,
) -> impl IntoView {
    let name = tag.name.to_string();
    let style = format!("--tag: {}", tag.colour.as_str());
    view! {
        <span class="tag-chip" style=style>
            <span class="tag-dot" aria-hidden="true"></span>
            <span class="tag-name">{name.clone()}</span>
            {on_remove.map(|remove| view! {
                <button
                    type="button"
                    class="tag-remove"
                    aria-label=format!("Remove tag {name}")
                    on:click=move |_| remove.run(())
                >
                    "×"
                </button>
            })}
        </span>
    }
}
