//! The phone library builds its tables and compiles its patterns on the first number it
//! reads: a quarter of a second in a browser, in one piece. The contact forms show
//! what a number reads as (the hint, the call and WhatsApp links) only once the
//! library is ready, and ask for it when they open: it is then prepared when the
//! browser is next idle, so opening a contact never waits for it.

use leptos::prelude::*;

use crate::domain::{ContactField, Country, PageKey, PhoneNumber};
use crate::ui::app::AppState;

/// How long to wait for an idle moment before preparing anyway (ms); also the
/// delay where the browser has no idle callbacks (Safari).
const IDLE_WITHIN_MS: u32 = 1_000;

#[derive(Clone, Copy)]
pub struct PhoneLibrary {
    ready: RwSignal<bool>,
    asked: StoredValue<bool>,
}

impl PhoneLibrary {
    pub fn new() -> Self {
        PhoneLibrary { ready: RwSignal::new(false), asked: StoredValue::new(false) }
    }

    /// The library `App` provides.
    pub fn get() -> Self {
        expect_context::<PhoneLibrary>()
    }

    /// Whether numbers read without a wait (tracked: a view shows its readings once
    /// this turns true).
    pub fn ready(self) -> bool {
        self.ready.get()
    }

    /// Prepares the library at the next idle moment, once per tab, with the countries
    /// of the lists (each compiles its own patterns on its first number).
    pub fn prepare(self, state: AppState) {
        if self.asked.get_value() {
            return;
        }
        self.asked.set_value(true);
        crate::ui::kit::when_idle(IDLE_WITHIN_MS, move || {
            PhoneNumber::warm_up();
            for (phone, country) in country_samples(state) {
                let _ = PhoneNumber::parse_in(&phone, country);
            }
            crate::perf::mark("cm:phones-warm");
            self.ready.set(true);
        });
    }
}

/// The first phone of each list (up to 8): the countries in use.
fn country_samples(state: AppState) -> Vec<(String, Option<Country>)> {
    state.read_now(|ws| {
        let first_phone = |list: &crate::domain::ContactList| {
            let page = ws.page(PageKey { list: list.id, page: 0 })?;
            let phone = page.iter().find_map(|c| c.data.get(ContactField::Phone).or_else(|| c.data.get(ContactField::Mobile)))?;
            Some((phone.to_owned(), list.country))
        };
        ws.lists().into_iter().filter_map(first_phone).take(8).collect()
    })
}
