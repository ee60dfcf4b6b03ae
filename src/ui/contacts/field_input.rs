//! One contact field: its label (with `*` when required), the input that suits its
//! kind, and the domain's error message right below it.

use leptos::prelude::*;

use super::phone_library::PhoneLibrary;
use super::phone_links::PhoneLinks;
use super::phone_reading::PhoneReadingHint;
use crate::domain::contact::DraftPath;
use crate::domain::{ContactDraft, ContactErrors, ContactField, FieldKind, PhoneNumber};
use crate::ui::app::AppState;
use crate::ui::kit::{FormField, TextArea, TextInput};

#[component]
pub fn FieldInput(
    field: ContactField,
    draft: RwSignal<ContactDraft>,
    errors: RwSignal<ContactErrors>,
    /// Show call / WhatsApp links for a valid phone or mobile (the edit page).
    #[prop(optional)]
    links: bool,
) -> impl IntoView {
    let state = AppState::get();
    let key = field.key();
    let input_id = format!("field-{key}");
    let value: Signal<String> = Memo::new(move |_| draft.with(|d| d.value(field).to_string())).into();
    let error = Memo::new(move |_| errors.with(|e| e.message_for(DraftPath::Field(field)).map(str::to_string)));
    let set = Callback::new(move |text: String| draft.update(|d| d.set(field, text)));
    let country = Signal::derive(move || state.list_country(draft.with(|d| d.list_id)));
    let error_id = format!("error-{key}");

    let (input_type, autocomplete, inputmode) = match (field.kind(), field) {
        (FieldKind::LongText, _) => {
            return view! {
                <FormField id=input_id label=field.label() required=field.required() error=error error_id=error_id class="field-wide">
                    <TextArea value=value on_input=set rows=3 attr:name=key />
                </FormField>
            }
            .into_any();
        }
        (FieldKind::Phone, _) => ("tel", "tel", "tel"),
        (FieldKind::Email, _) => ("email", "email", "email"),
        (FieldKind::Url, _) => ("url", "url", "url"),
        (FieldKind::Date, _) => ("date", "bday", "text"),
        (_, ContactField::FirstName) => ("text", "given-name", "text"),
        (_, ContactField::LastName) => ("text", "family-name", "text"),
        _ => ("text", "off", "text"),
    };

    // Live links only where a call or a chat makes sense.
    let phone_links = (links && matches!(field, ContactField::Phone | ContactField::Mobile)).then(|| {
        let library = PhoneLibrary::get();
        library.prepare(state);
        move || {
            let list = draft.with(|d| d.list_id);
            let reading = library.ready().then(|| value.with(|v| PhoneNumber::parse_in(v, country.get()).ok())).flatten();
            reading.map(|reading| {
                let n = reading.number;
                // Dialled through the chosen list's prefix.
                let tel = list.and_then(|id| state.lists.with(|ls| ls.iter().find(|l| l.id == id).map(|l| l.tel_href(n.as_str()))));
                view! { <PhoneLinks tel=tel.unwrap_or_else(|| n.tel_href()) number=n /> }
            })
        }
    });

    view! {
        <FormField id=input_id.clone() label=field.label() required=field.required() error=error error_id=error_id>
            <TextInput value=value on_input=set kind=input_type autocomplete=autocomplete attr:name=key attr:inputmode=inputmode />
            {(field.kind() == FieldKind::Phone).then(|| {
                view! { <PhoneReadingHint input_id=input_id.clone() text=value country=country on_pick=set /> }
            })}
            {phone_links.map(|l| view! { <div class="field-links">{l}</div> })}
        </FormField>
    }
    .into_any()
}
