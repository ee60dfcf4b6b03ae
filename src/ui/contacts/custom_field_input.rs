//! One custom field in a contact form: the input that suits its type, `*` when
//! required, the domain's error below, and a `tel:` link for click-to-action values.

use leptos::prelude::*;

use crate::ui::kit::sentence;
use crate::ui::kit::ToggleSwitch;
use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ContactList, CustomField, FieldType};

#[component]
pub fn CustomFieldInput(
    field: CustomField,
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    /// The contact's list: its dial prefix goes in front of click-to-action numbers.
    #[prop(into)]
    list: Signal<Option<ContactList>>,
) -> impl IntoView {
    let id = field.id;
    let input_id = format!("field-custom-{}", id.get());
    let error_id = format!("error-custom-{}", id.get());
    let value = Memo::new(move |_| draft.with(|d| d.custom.get(&id).cloned().unwrap_or_default()));
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::Custom(id)).map(str::to_string)));
    let set = move |text: String| draft.update(|d| {
        d.custom.insert(id, text);
    });
    let on_input = move |ev: leptos::ev::Event| set(event_target_value(&ev));
    let described = {
        let error_id = error_id.clone();
        Signal::derive(move || error.with(Option::is_some).then(|| error_id.clone()))
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let required = field.required;
    let alias = field.alias.to_string();

    let text_input = |kind: &'static str, mode: &'static str, hint: &'static str| {
        view! {
            <input
                type=kind
                id=input_id.clone()
                inputmode=mode
                placeholder=hint
                autocomplete="off"
                aria-invalid=invalid
                aria-describedby=move || described.get()
                aria-required=required.then_some("true")
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any()
    };
    let control = match &field.field_type {
        FieldType::Text => text_input("text", "text", ""),
        FieldType::Number => text_input("text", "decimal", "0"),
        FieldType::Url => text_input("url", "url", "https://"),
        FieldType::DateTime => text_input("datetime-local", "text", ""),
        FieldType::Switch => view! {
            <ToggleSwitch
                id=input_id.clone()
                label=alias.clone()
                checked=Signal::derive(move || value.with(|v| v.trim().eq_ignore_ascii_case("true")))
                on_change=Callback::new(move |on: bool| set(on.to_string()))
                described_by=described
            />
        }
        .into_any(),
        FieldType::Select(choices) => {
            let choices: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
            view! {
                <select
                    id=input_id.clone()
                    aria-invalid=invalid
                    aria-describedby=move || described.get()
                    aria-required=required.then_some("true")
                    on:change=on_input
                >
                    // A required select starts on a prompt that cannot be picked back.
                    <option value="" disabled=required prop:selected=move || value.with(|v| v.is_empty())>
                        {if required { "Choose…" } else { "" }}
                    </option>
                    {move || {
                        let current = value.get();
                        // A stored value the choices no longer hold stays visible.
                        let extra = (!current.is_empty() && !choices.contains(&current)).then(|| current.clone());
                        choices
                            .iter()
                            .cloned()
                            .chain(extra)
                            .map(|c| {
                                let selected = c == current;
                                let label = c.clone();
                                view! { <option value=c prop:selected=selected>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            }
            .into_any()
        }
    };
    let is_switch = matches!(field.field_type, FieldType::Switch);
    // Digits only: "+39 333-1234" dials as 393331234, with the list's prefix.
    let tel = field.click_to_action.then_some({
        move || {
            let digits: String = value.with(|v| v.chars().filter(char::is_ascii_digit).collect());
            let href = list.with(|l| l.as_ref().map(|l| l.tel_href(&digits)));
            match href {
                Some(href) if !digits.is_empty() => Some(view! { <a class="tel-link cta-link" href=href>{format!("Call {digits}")}</a> }),
                _ => None,
            }
        }
    });

    view! {
        <div class="field custom-field" class:has-error=move || error.with(Option::is_some)>
            {(!is_switch).then(|| view! {
                <label for=input_id.clone()>
                    {alias.clone()}
                    {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                    {required.then(|| view! { <span class="visually-hidden">" (required)"</span> })}
                </label>
            })}
            {control}
            {tel.map(|t| view! { <div class="field-links">{t}</div> })}
            {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{sentence(&m)}</p> })}
        </div>
    }
}
