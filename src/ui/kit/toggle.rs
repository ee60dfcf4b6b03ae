//! A checkbox that looks like an on/off switch: the native input keeps keyboard and
//! screen-reader behaviour (Space toggles, "checked" is announced).

use leptos::prelude::*;

#[component]
pub fn ToggleSwitch(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    on_change: Callback<bool>,
    /// Extra text under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    #[prop(optional, into)] described_by: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <label class="toggle" for=label_for>
            <input
                type="checkbox"
                role="switch"
                id=id
                class="toggle-input"
                prop:checked=move || checked.get()
                aria-describedby=move || described_by.and_then(|d| d.get())
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span class="toggle-track" aria-hidden="true"><span class="toggle-thumb"></span></span>
            <span class="toggle-text">
                <span class="toggle-label">{label}</span>
                {hint.map(|h| view! { <span class="toggle-hint">{h}</span> })}
            </span>
        </label>
    }
}
