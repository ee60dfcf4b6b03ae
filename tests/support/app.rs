//! The app as a whole, as a user meets it: opened on a fresh database, moved around by
//! its navigation, its confirmation dialog and notices, and what its form controls hold.

use serde_json::Value;

use super::{fresh_db_name, Browser};

/// A fresh browser with the app open on a database of its own (named from `prefix`).
pub async fn open_fresh_app(prefix: &str) -> Browser {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name(prefix)).await;
    b
}

/// Clicks the navigation's link to a section ("#/lists", "#/contacts", ...).
pub async fn navigate(b: &Browser, hash: &str) {
    // On a phone the sections are behind the Menu button: open it first, as a user would.
    let folded = b
        .exec("const t = document.querySelector('#nav-toggle'); return !!t && t.offsetParent !== null && t.getAttribute('aria-expanded') !== 'true'")
        .await;
    if folded == true {
        b.click("#nav-toggle").await;
    }
    b.click(&format!(".nav a[href='{hash}']")).await;
}

/// Answers "Discard changes" to the question a form with changes asks when it is
/// closed or left, and waits for the question to go.
pub async fn discard_changes(b: &Browser) {
    b.wait_for_text("#unsaved-question", "not saved").await;
    b.click("#unsaved-discard").await;
    b.wait_gone("#unsaved-question").await;
}

/// Presses Esc on whatever has the focus (closes an open dialog).
pub async fn press_escape(b: &Browser) {
    b.exec("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))").await;
}

/// Accepts the open confirmation dialog and waits for it to close; returns its question.
pub async fn confirm(b: &Browser) -> String {
    let question = b.text(".dialog .confirm-text").await;
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    question
}

/// Waits until the page heading contains `text`; returns the heading.
pub async fn wait_for_heading(b: &Browser, text: &str) -> String {
    b.wait_for_text("h1", text).await
}

/// Waits until the notice contains `text`; returns the notice.
pub async fn wait_for_notice(b: &Browser, text: &str) -> String {
    b.wait_for_text("#notice", text).await
}

/// The `value` of the input, select or textarea at `css` (waits for it); panics when
/// it has none (not a form control), so an expected "" cannot pass on the wrong element.
pub async fn input_value(b: &Browser, css: &str) -> String {
    let v = control_value(b, css).await;
    v.as_str().unwrap_or_else(|| panic!("`{css}` has no text value: {v}")).to_string()
}

/// What the control at `css` holds (waits for it): a checkbox's `checked`, otherwise
/// its `value`.
pub async fn control_value(b: &Browser, css: &str) -> Value {
    b.wait_for(css).await;
    b.exec(&format!("const el = document.querySelector({css:?}); return el.type === 'checkbox' ? el.checked : el.value;")).await
}

/// Sets an input through the DOM and fires `input` and `change` (datetime-local takes
/// no typing that works across locales).
pub async fn set_value(b: &Browser, css: &str, value: &str) {
    b.wait_for(css).await;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?};
         el.dispatchEvent(new Event('input', {{bubbles: true}})); el.dispatchEvent(new Event('change', {{bubbles: true}}));"
    );
    b.exec(&script).await;
}

/// True when the page is wider than the window (it would scroll sideways).
pub async fn scrolls_sideways(b: &Browser) -> bool {
    let v = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
    v.as_bool().unwrap_or_else(|| panic!("the page's width check gave {v}"))
}

/// The database the page works on (its `?db=`).
pub async fn database_name(b: &Browser) -> String {
    let db = b.exec("return new URLSearchParams(location.search).get('db')").await;
    db.as_str().unwrap_or_else(|| panic!("no ?db= in the address: {db}")).to_string()
}

/// The remembered setting `name` of the app's database (`?db=`), read straight from
/// IndexedDB (`settings` holds one string per name); `None` while unset.
pub async fn stored_setting(b: &Browser, name: &str) -> Option<String> {
    let script = format!(
        "const req = indexedDB.open(new URLSearchParams(location.search).get('db'));
         req.onerror = () => done({{ error: String(req.error) }});
         req.onsuccess = () => {{
           const db = req.result;
           const get = db.transaction('settings', 'readonly').objectStore('settings').get({name:?});
           get.onerror = () => {{ db.close(); done({{ error: String(get.error) }}); }};
           get.onsuccess = () => {{ db.close(); done({{ value: get.result === undefined ? null : get.result }}); }};
         }};"
    );
    let v = b.exec_async(&script).await;
    assert!(v.get("error").is_none(), "reading the setting {name}: {v}");
    v["value"].as_str().map(str::to_string)
}
