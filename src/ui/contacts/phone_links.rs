//! A phone number as a click-to-call link plus a small WhatsApp link.

use leptos::prelude::*;

use crate::ui::kit::phone_display;
use crate::domain::PhoneNumber;

#[component]
pub fn PhoneLinks(
    number: PhoneNumber,
    /// The `tel:` link through the list's dial prefix (`ContactList::tel_href`).
    #[prop(optional)]
    tel: Option<String>,
) -> impl IntoView {
    let tel = tel.unwrap_or_else(|| number.tel_href());
    let shown = phone_display(number.as_str());
    let wa_label = format!("WhatsApp {shown} (opens in a new tab)");
    view! {
        <span class="phone-links">
            <a href=tel class="tel-link">{shown}</a>
            <a
                href=number.whatsapp_href()
                class="wa-link"
                target="_blank"
                rel="noopener noreferrer"
                aria-label=wa_label.clone()
                title=wa_label
            >
                <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                    <path
                        fill="currentColor"
                        d="M12 2a10 10 0 0 0-8.6 15.1L2 22l5-1.3A10 10 0 1 0 12 2zm0 18.2a8.2 8.2 0 0 1-4.2-1.1l-.3-.2-3 .8.8-2.9-.2-.3A8.2 8.2 0 1 1 12 20.2zm4.5-6.1c-.2-.1-1.5-.7-1.7-.8s-.4-.1-.6.1-.7.8-.8 1-.3.2-.5.1a6.7 6.7 0 0 1-3.3-2.9c-.3-.4.3-.4.7-1.3.1-.2 0-.3 0-.4l-.8-1.8c-.2-.5-.4-.4-.6-.4h-.5a1 1 0 0 0-.7.3 3 3 0 0 0-.9 2.2 5.2 5.2 0 0 0 1.1 2.7 11.8 11.8 0 0 0 4.5 4c1.7.7 2.3.8 3.2.6.5-.1 1.5-.6 1.7-1.2s.2-1.1.2-1.2-.2-.2-.5-.3z"
                    />
                </svg>
            </a>
        </span>
    }
}
