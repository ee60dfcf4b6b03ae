//! Start WhatsApp: one button per number of the contact that WhatsApp can use; a
//! started chat is an open interaction and a `wa.me` link. And the marker that the
//! contact has a WhatsApp chat open.

use leptos::prelude::*;

use crate::domain::{Contact, ContactData, ContactId, PhoneNumber};
use crate::ui::app::{AppState, Command};
use crate::ui::contacts::PhoneLibrary;
use crate::ui::kit::phone_display;

#[component]
pub fn StartWhatsApp(id: ContactId, contact: Memo<Option<Contact>>) -> impl IntoView {
    let state = AppState::get();
    // Checking the numbers needs the phone library: the buttons show once it is ready
    // (prepared when the browser is idle; opening the contact does not wait for it).
    let library = PhoneLibrary::get();
    library.prepare(state);
    let numbers = Memo::new(move |_| {
        library.ready().then(|| contact.with(|c| c.as_ref().map(|c| whatsapp_numbers(&c.data)).unwrap_or_default()))
    });
    let open_chat = Memo::new(move |_| contact.with(|c| c.as_ref().is_some_and(|c| c.activity.has_open_whatsapp())));
    let link = RwSignal::new(None::<String>);
    let start = Command::new();
    let run = move |number: PhoneNumber| {
        let agent = state.viewing_as.get_untracked();
        start.run(
            move |ws, now| ws.start_whatsapp(id, &number, agent, now),
            move |result| match result {
                Ok(chat) => {
                    link.set(Some(chat.link));
                    state.info("WhatsApp chat started.");
                }
                Err(e) => state.error(e.to_string()),
            },
        )
    };
    let buttons = move || {
        let Some(numbers) = numbers.get() else {
            return ().into_any();
        };
        if numbers.is_empty() {
            return view! {
                <button type="button" class="btn btn-small journey-whatsapp" disabled=true aria-describedby="journey-whatsapp-why">"Start WhatsApp"</button>
                <span class="hint" id="journey-whatsapp-why">"Needs a valid phone or mobile number."</span>
            }
            .into_any();
        }
        numbers
            .into_iter()
            .map(|n| {
                let shown = phone_display(n.as_str());
                let digits = n.as_str().to_owned();
                view! {
                    <button type="button" class="btn btn-small journey-whatsapp" data-number=digits disabled=move || start.pending()
                        on:click=move |_| run(n.clone())>
                        {format!("WhatsApp {shown}")}
                    </button>
                }
            })
            .collect_view()
            .into_any()
    };
    // The link matters while the chat is open.
    let chat_link = move || {
        link.get().filter(|_| open_chat.get()).map(|href| {
            view! {
                <p class="journey-wa-link" id="journey-wa-link">
                    "Chat open: "
                    <a href=href target="_blank" rel="noopener noreferrer">"Open in WhatsApp"</a>
                </p>
            }
        })
    };
    view! {
        <div class="journey-whatsapp-row">{buttons}</div>
        {chat_link}
    }
}

/// The contact's numbers WhatsApp can use: phone, mobile, then additional phones,
/// each once; a number saved by an older, looser version that no longer reads as
/// itself is left out (the domain would refuse it).
fn whatsapp_numbers(data: &ContactData) -> Vec<PhoneNumber> {
    let all = [data.phone(), data.mobile()].into_iter().flatten().chain(data.additional_phones().iter().map(|p| &p.number));
    let mut out: Vec<PhoneNumber> = Vec::new();
    for n in all {
        if PhoneNumber::parse(n.as_str()).as_ref() == Ok(n) && !out.contains(n) {
            out.push(n.clone());
        }
    }
    out
}

/// "WhatsApp open" beside the contact's name while one of its chats is open.
#[component]
pub fn WhatsAppOpenBadge(contact: Memo<Option<Contact>>) -> impl IntoView {
    move || {
        contact
            .with(|c| c.as_ref().is_some_and(|c| c.activity.has_open_whatsapp()))
            .then(|| view! { <span class="badge badge-whatsapp" id="whatsapp-open">"WhatsApp open"</span> })
    }
}
