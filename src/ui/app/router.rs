//! The current route as a signal, following `hashchange` (links, back/forward).

use leptos::prelude::*;

use super::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route as a signal, following `hashchange` (links, back/forward).
#[derive(Clone, Copy)]
pub struct Router {
    pub route: RwSignal<Route>,
}

impl Router {
    pub fn new() -> Self {
        let route = RwSignal::new(Route::parse(&current_hash()));
        // The listener lives as long as the page: the router is created once.
        let _listener = window_event_listener(leptos::ev::hashchange, move |_| {
            route.set(Route::parse(&current_hash()));
        });
        Router { route }
    }

    /// Goes to `to`, adding a history entry so Back works.
    pub fn go(self, to: Route) {
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
