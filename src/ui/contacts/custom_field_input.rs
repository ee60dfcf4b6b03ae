//! One custom field in a contact form: the input that suits its type, `*` when
//! required, the domain's error below, and a `tel:` link for click-to-action values.

use leptos::prelude::*;

use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ContactList, CustomField, FieldType};
use crate::ui::kit::{sentence, FormField, Select, TextInput, ToggleSwitch};

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
    let value: Signal<String> = Memo::new(move |_| draft.with(|d| d.custom.get(&id).cloned().unwrap_or_default())).into();
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::Custom(id)).map(str::to_string)));
    let set = Callback::new(move |text: String| draft.update(|d| {
        d.custom.insert(id, text);
    }));
    let required = field.required;
    let alias = field.alias.to_string();

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
    let links = tel.map(|t| view! { <div class="field-links">{t}</div> });

    // Built inside the `FormField` (its children), where the control finds its ids.
    let text_input = move |kind: &'static str, mode: &'static str, hint: &'static str| -> Box<dyn FnOnce() -> AnyView + Send> {
        Box::new(move || view! { <TextInput value=value on_input=set kind=kind placeholder=hint attr:inputmode=mode /> }.into_any())
    };
    let control = match &field.field_type {
        FieldType::Text => text_input("text", "text", ""),
        // No "0" hint: grey digits look like a stored value.
        FieldType::Number => text_input("text", "decimal", ""),
        FieldType::Url => text_input("url", "url", "https://"),
        FieldType::DateTime => text_input("datetime-local", "text", ""),
        FieldType::Select(choices) => {
            let choices: Vec<String> = choices.iter().map(|c| c.to_string()).collect();
            Box::new(move || view! { <Select on_change=set><ChoiceOptions choices=choices value=value required=required /></Select> }.into_any())
        }
        FieldType::Switch => {
            // A switch carries its label inside (`ToggleSwitch`), so it cannot sit in a
            // `FormField`, whose label comes first.
            let described = Signal::derive({
                let error_id = error_id.clone();
                move || error.with(Option::is_some).then(|| error_id.clone())
            });
            return view! {
                <div class="field custom-field" class:has-error=move || error.with(Option::is_some)>
                    <ToggleSwitch
                        id=input_id
                        label=alias
                        checked=Signal::derive(move || value.with(|v| v.trim().eq_ignore_ascii_case("true")))
                        on_change=Callback::new(move |on: bool| set.run(on.to_string()))
                        described_by=described
                    />
                    {links}
                    {move || error.get().map(|m| view! { <p class="field-error" id=error_id.clone() role="alert">{sentence(&m)}</p> })}
                </div>
            }
            .into_any();
        }
    };

    view! {
        <FormField id=input_id label=alias required=required error=error error_id=error_id class="custom-field">
            {control()}
            {links}
        </FormField>
    }
    .into_any()
}

/// The choices of a select field.
#[component]
fn ChoiceOptions(choices: Vec<String>, value: Signal<String>, required: bool) -> impl IntoView {
    view! {
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
    }
}
