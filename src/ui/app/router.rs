//! The current route as a signal, following `hashchange` (links, back/forward). Leaving
//! a form with unsaved changes asks first (`Unsaved`).

use leptos::prelude::*;

use super::route::Route;
use super::unsaved::Unsaved;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route as a signal, following `hashchange` (links, back/forward).
#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
    unsaved: Unsaved,
}

impl Router {
    pub fn new(unsaved: Unsaved) -> Self {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let router = Router { route, unsaved };
        // The listener lives as long as the page: the router is created once.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let to = Route::parse(&current_hash());
            let from = route.get_untracked();
            if to == from {
                return;
            }
            if !unsaved.any() {
                return route.set(to);
            }
            // A link or Back already changed the address: show the form's again while
            // the user answers (without a new history entry or another hashchange).
            replace_hash(&from.to_hash());
            unsaved.leave(move || router.show(to));
        });
        router
    }

    /// Goes to `to`, adding a history entry so Back works; asks first when a form
    /// holds unsaved changes.
    pub fn go(self, to: Route) {
        self.unsaved.leave(move || self.show(to));
    }

    fn show(self, to: Route) {
        if let Err(err) = window().location().set_hash(&to.to_hash()) {
            leptos::logging::warn!("could not change the address: {err:?}");
        }
        self.route.set(to);
    }

    /// The router `App` provides; a view outside it is a bug worth failing loudly on.
    pub fn get() -> Self {
        expect_context::<Router>()
    }
}

/// Puts `hash` in the address bar in place of the current entry.
fn replace_hash(hash: &str) {
    let replaced = window().history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash)));
    if let Err(err) = replaced {
        leptos::logging::warn!("could not restore the address: {err:?}");
    }
}
