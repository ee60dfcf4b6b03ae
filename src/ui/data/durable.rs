//! Asking the browser to keep the data (`navigator.storage.persist`). This browser is
//! the only copy of a contact center's customers, and without the grant it may clear
//! them under storage pressure. Asked when it starts to matter (an import begins, the
//! 100th contact is saved) and from the Data page's button; the browser decides
//! (Chromium grants installed and often used sites without asking; Firefox asks the
//! user), so an automatic ask happens once, remembered in a setting.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::store::storage::{is_persisted, request_persistent};
use crate::ui::app::{AppState, Collection, Setting, SettingKey};
use crate::ui::kit::now;

/// From this many contacts on, losing them would hurt: ask to keep them.
const ASK_AT_CONTACTS: usize = 100;

/// Whether the browser keeps the data under storage pressure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    Kept,
    MayBeCleared,
    /// The browser does not say (an older browser, an insecure origin).
    Unknown,
}

pub async fn durability() -> Durability {
    match is_persisted().await {
        Some(true) => Durability::Kept,
        Some(false) => Durability::MayBeCleared,
        None => Durability::Unknown,
    }
}

/// Asks the browser now and remembers when; the answer.
pub async fn ask_to_keep(state: AppState) -> Durability {
    state.remember(Setting::DurableAsked(now()));
    if request_persistent().await {
        Durability::Kept
    } else {
        durability().await
    }
}

/// Asks once the workspace holds `ASK_AT_CONTACTS` contacts (see `ask_once`).
pub fn ask_at_enough_contacts(state: AppState) {
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let enough = state.read(&[Collection::Contacts], |ws| ws.total_contacts() >= ASK_AT_CONTACTS);
        if enough && !asked.get_value() {
            asked.set_value(true);
            ask_once(state);
        }
    });
}

/// Asks the browser, unless the data is kept already or it was asked before (an
/// import starting calls this too).
pub fn ask_once(state: AppState) {
    spawn_local(async move {
        if state.recall(SettingKey::DurableAsked).await.is_some() || durability().await != Durability::MayBeCleared {
            return;
        }
        ask_to_keep(state).await;
    });
}
