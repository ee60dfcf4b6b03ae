//! The first screen kept between visits (`domain::first_screen`), in localStorage:
//! read synchronously at start-up, before the database has even opened. One per
//! database name. Every write to the database forgets it first (`Store::writing`),
//! so what is kept can only show what is stored.

use std::cell::Cell;
use std::rc::Rc;

use crate::domain::first_screen::FirstScreen;

fn key(db: &str) -> String {
    format!("cm-first-screen:{db}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The first screen kept for `db`, if any and readable.
pub fn read(db: &str) -> Option<FirstScreen> {
    let text = local_storage()?.get_item(&key(db)).ok()??;
    FirstScreen::from_text(&text)
}

/// Keeps `screen` for `db`; false when the browser refused (no storage, quota).
pub(crate) fn keep(db: &str, screen: &FirstScreen) -> bool {
    local_storage().is_some_and(|s| s.set_item(&key(db), &screen.to_text()).is_ok())
}

pub(crate) fn forget(db: &str) {
    if let Some(storage) = local_storage() {
        // A storage that cannot remove cannot have kept one either.
        let _ = storage.remove_item(&key(db));
    }
}

/// Held for the whole of a write: the first screen is forgotten when it starts, and
/// none is kept until it ended (it might not land).
pub(crate) struct Writing(Rc<Cell<u32>>);

impl Writing {
    pub(crate) fn begin(db: &str, under_way: &Rc<Cell<u32>>) -> Writing {
        forget(db);
        under_way.set(under_way.get() + 1);
        Writing(Rc::clone(under_way))
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}
