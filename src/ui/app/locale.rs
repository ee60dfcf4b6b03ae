//! What the browser says about where its user is.

use crate::domain::Country;

/// The country of the browser's language setting ("it-IT" → Italy), if it names one.
pub fn browser_country() -> Option<Country> {
    let language = web_sys::window()?.navigator().language()?;
    Country::from_locale(&language)
}
