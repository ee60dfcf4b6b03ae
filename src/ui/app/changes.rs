//! One change notification per collection of the workspace. A view reads the
//! workspace only through `AppState::read`, which names the collections it depends
//! on and subscribes to exactly those: a read that forgets to subscribe cannot be
//! written.

use leptos::prelude::*;

use crate::domain::{Collection, Touched};

/// The triggers, one per `Collection` (in the order of `Collection::ALL`), fired
/// after a change to it is saved.
#[derive(Clone, Copy)]
pub struct Changes {
    triggers: [Trigger; Collection::ALL.len()],
}

impl Changes {
    pub fn new() -> Self {
        Changes { triggers: std::array::from_fn(|_| Trigger::new()) }
    }

    /// Subscribes the running memo or effect to these collections.
    pub fn track(self, collections: &[Collection]) {
        for &c in collections {
            self.trigger(c).track();
        }
    }

    /// Tells every view that reads what a saved change touched.
    pub fn notify(self, touched: Touched) {
        for c in touched.iter() {
            self.trigger(c).notify();
        }
    }

    /// Everything may differ (a workspace was installed or reloaded).
    pub fn notify_all(self) {
        for t in self.triggers {
            t.notify();
        }
    }

    fn trigger(self, collection: Collection) -> Trigger {
        let slot = Collection::ALL.iter().position(|c| *c == collection).unwrap_or(0);
        self.triggers[slot]
    }
}
