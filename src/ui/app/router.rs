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
    /// The whole address, query included: pages that keep their view in it (the
    /// contacts page) follow this, since their route stays equal when only it changes.
    pub hash: RwSignal<String>,
    unsaved: Unsaved,
}

impl Router {
    pub fn new(unsaved: Unsaved) -> Self {
        let route = RwSignal::new(Route::parse(&current_hash()));
        let hash = RwSignal::new(current_hash());
        let router = Router { route, hash, unsaved };
        // The listener lives as long as the page: the router is created once.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let to_hash = current_hash();
            let to = Route::parse(&to_hash);
            let from = route.get_untracked();
            if to == from {
                return hash.set(to_hash);
            }
            if !unsaved.any() {
                hash.set(to_hash);
                return route.set(to);
            }
            // A link or Back already changed the address: show the form's again while
            // the user answers (without a new history entry or another hashchange).
            replace_hash(&hash.get_untracked());
            unsaved.leave(move || router.show_hash(to_hash.clone()));
        });
        router
    }

    /// Goes to the address `to` (a route's `to_hash`, or a contacts view's), adding a
    /// history entry so Back works; asks first when a form holds unsaved changes.
    pub fn go_hash(self, to: String) {
        self.unsaved.leave(move || self.show_hash(to.clone()));
    }

    fn show_hash(self, to: String) {
        if let Err(err) = window().location().set_hash(&to) {
            leptos::logging::warn!("could not change the address: {err:?}");
        }
        self.route.set(Route::parse(&to));
        self.hash.set(to);
    }

    /// Writes `to` over the current history entry (no new entry, no hashchange): the
    /// contacts page keeps the address in step with its view this way.
    pub fn replace(self, to: String) {
        replace_hash(&to);
        let route = Route::parse(&to);
        if self.route.get_untracked() != route {
            self.route.set(route);
        }
        self.hash.set(to);
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
