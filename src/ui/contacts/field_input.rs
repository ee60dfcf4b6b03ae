//! One contact field: its label (with `*` when required), the input that suits its
//! kind, and the domain's error message right below it.

use leptos::prelude::*;

use super::phone_links::PhoneLinks;
use super::phone_reading::PhoneReadingHint;
use crate::ui::kit::sentence;
use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ContactField, FieldKind, PhoneNumber};

#[component]
pub fn FieldInput(
    field: ContactField,
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    /// Show call / WhatsApp links for a valid phone or mobile (the edit page).
    #[prop(optional)]
    links: bool,
) -> impl IntoView {
    let state = crate::ui::app::AppState::get();
    let key = field.key();
    let input_id = format!("field-{key}");
    let error_id = format!("error-{key}");
    let value = Memo::new(move |_| draft.with(|d| d.value(field).to_string()));
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::Field(field)).map(str::to_string)));
    let set = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|d| d.set(field, text));
    };
    let described = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let country = Signal::derive(move || state.list_country(draft.with(|d| d.list_id)));
    let reading_id = input_id.clone();

    let control = match field.kind() {
        FieldKind::LongText => view! {
            <textarea
                id=input_id.clone()
                name=key
                rows="3"
                aria-invalid=invalid
                aria-describedby=described
                prop:value=move || value.get()
                on:input=set
            ></textarea>
        }
        .into_any(),
        kind => {
            let (input_type, autocomplete, inputmode) = match (kind, field) {
                (FieldKind::Phone, _) => ("tel", "tel", "tel"),
                (FieldKind::Email, _) => ("email", "email", "email"),
                (FieldKind::Url, _) => ("url", "url", "url"),
                (FieldKind::Date, _) => ("date", "bday", "text"),
                (_, ContactField::FirstName) => ("text", "given-name", "text"),
                (_, ContactField::LastName) => ("text", "family-name", "text"),
                _ => ("text", "off", "text"),
            };
            view! {
                <input
                    type=input_type
                    id=input_id.clone()
                    name=key
                    autocomplete=autocomplete
                    inputmode=inputmode
                    aria-invalid=invalid
                    aria-describedby=described
                    aria-required=field.required().then_some("true")
                    prop:value=move || value.get()
                    on:input=set
                />
            }
            .into_any()
        }
    };

    // Live links only where a call or a chat makes sense.
    let phone_links = (links && matches!(field, ContactField::Phone | ContactField::Mobile)).then(|| {
        move || {
            let list = draft.with(|d| d.list_id);
            value.with(|v| PhoneNumber::parse_in(v, country.get()).ok()).map(|reading| {
                let n = reading.number;
                // Dialled through the chosen list's prefix.
                let tel = list.and_then(|id| state.lists.with(|ls| ls.iter().find(|l| l.id == id).map(|l| l.tel_href(n.as_str()))));
                view! { <PhoneLinks tel=tel.unwrap_or_else(|| n.tel_href()) number=n /> }
            })
        }
    });

    view! {
        <div class="field" class:field-wide=matches!(field.kind(), FieldKind::LongText) class:has-error=move || error.with(Option::is_some)>
            <label for=input_id>
                {field.label()}
                {field.required().then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
                {field.required().then(|| view! { <span class="visually-hidden">" (required)"</span> })}
            </label>
            {control}
            {(field.kind() == FieldKind::Phone).then(|| {
                view! {
                    <PhoneReadingHint
                        input_id=reading_id
                        text=value
                        country=country
                        on_pick=Callback::new(move |text: String| draft.update(|d| d.set(field, text)))
                    />
                }
            })}
            {phone_links.map(|l| view! { <div class="field-links">{l}</div> })}
            {move || {
                error.get().map(|message| view! { <p class="field-error" id=error_id.clone() role="alert">{sentence(&message)}</p> })
            }}
        </div>
    }
}
