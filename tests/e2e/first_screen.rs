//! End-to-end: the first screen kept between visits (issue 16, a faster start). A
//! returning visit shows the contacts page as the last visit left it before the
//! workspace has loaded (inert, no `#app-ready` yet), then the loaded page with the
//! same rows; a save forgets the kept screen at once, so a start can never show what
//! is not stored; an address with a search shows no kept screen (it would be wrong).
//! While a load is held back: screenshots at both sizes, axe clean, and what is typed
//! in the search box is the loaded page's search.

use crate::support;

use serde_json::{json, Value};

use support::app::{open_fresh_app, wait_for_notice};
use support::contacts::{add_contact, edit_contact_named, NewContact};
use support::lists::{create_list, NewList};
use support::Browser;

/// Installed before any page script of every later document: records what the first
/// screen showed the first time its rows appeared, and whether the app was ready then.
const WATCH: &str = "
  window.__firstScreen = null;
  const names = root => [...root.querySelectorAll('#contacts-table tbody tr .col-first')]
    .map(td => td.childNodes[0] ? td.childNodes[0].textContent.trim() : '');
  new MutationObserver((_, observer) => {
    const kept = document.getElementById('app-first-screen');
    if (!kept || !kept.querySelector('#contacts-table tbody tr')) return;
    observer.disconnect();
    const table = kept.querySelector('#contacts-table');
    window.__firstScreen = {
      names: names(kept),
      count: kept.querySelector('.page-head .page-sub').textContent,
      range: kept.querySelector('#page-range').textContent,
      phones: [...kept.querySelectorAll('#contacts-table .tel-link')].map(a => a.textContent),
      ready_already: !!document.getElementById('app-ready'),
      table_inert: !!table.closest('[inert]'),
      search_inert: !!document.getElementById('contact-search').closest('[inert]'),
    };
  }).observe(document, { childList: true, subtree: true });";

async fn first_screen_seen(b: &Browser) -> Value {
    b.exec("return window.__firstScreen").await
}

/// Whether a first screen is kept for this tab's database (any, by its key's prefix).
async fn kept(b: &Browser) -> bool {
    b.exec("return Object.keys(localStorage).some(k => k.startsWith('cm-first-screen:'))").await == true
}

async fn wait_kept(b: &Browser) {
    let found = b.poll("return Object.keys(localStorage).some(k => k.startsWith('cm-first-screen:')) || null", support::WAIT, "a kept first screen").await;
    assert_eq!(found, true);
}

/// A new document at the address `hash` (changing only the hash keeps the document).
async fn open_after_reload(b: &Browser, hash: &str) {
    b.exec(&format!("location.hash = {hash:?}")).await;
    b.reload().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_returning_visit_shows_the_kept_first_screen_then_the_loaded_page() {
    let b = open_fresh_app("e2e-first-screen").await;
    let list = create_list(&b, NewList::named("Clienti Milano")).await;
    support::app::navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Grace"), ("last_name", "Hopper")]).in_list(&list)).await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada"), ("last_name", "Lovelace"), ("phone", "+39 347 123 4567")]).in_list(&list)).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH })).await;

    // Kept when the page is hidden (a reload hides it), read by the next start.
    b.reload().await;
    let seen = first_screen_seen(&b).await;
    assert_eq!(seen["names"], json!(["Ada", "Grace"]), "the kept first screen: {seen}");
    assert_eq!(seen["count"], "2 contacts", "{seen}");
    assert_eq!(seen["range"], "1–2 of 2", "{seen}");
    assert_eq!(seen["phones"], json!(["+393471234567"]), "{seen}");
    assert_eq!(seen["ready_already"], false, "shown before the workspace loaded: {seen}");
    assert_eq!((seen["table_inert"].as_bool(), seen["search_inert"].as_bool()), (Some(true), Some(false)), "inert but for the search: {seen}");
    // The loaded page took its place, with the same rows.
    assert_eq!(b.count("#app-first-screen").await, 0);
    support::contacts::wait_rows(&b, 2).await;

    // A save forgets the kept screen at once: a start now (a crash, say) shows none.
    wait_kept(&b).await;
    edit_contact_named(&b, "Grace").await;
    b.fill("#field-first_name", "Amelia").await;
    b.click("#save-contact").await;
    wait_for_notice(&b, "saved").await;
    assert!(!kept(&b).await, "a save must forget the kept first screen");

    // Kept again when hidden: the next start shows the saved name.
    open_after_reload(&b, "#/contacts").await;
    let seen = first_screen_seen(&b).await;
    assert_eq!(seen["names"], json!(["Ada", "Amelia"]), "after the save: {seen}");

    // An address with a search: the kept screen would show the wrong rows, so none.
    open_after_reload(&b, "#/contacts?q=Ada").await;
    assert_eq!(first_screen_seen(&b).await, Value::Null, "no first screen for a search");
    support::contacts::wait_rows(&b, 1).await;
}

/// Installed before any page script: holds a readwrite transaction on every store of
/// the page's database for `ms`, so the app's load waits and its first screen stays.
fn hold_the_load(ms: u32) -> String {
    format!(
        "const req = indexedDB.open(new URLSearchParams(location.search).get('db'));
         req.onsuccess = () => {{
           const conn = req.result;
           const tx = conn.transaction([...conn.objectStoreNames], 'readwrite');
           const store = tx.objectStore(conn.objectStoreNames[0]);
           const until = performance.now() + {ms};
           const spin = () => {{ if (performance.now() < until) store.count().onsuccess = spin; }};
           spin();
           tx.oncomplete = () => conn.close();
         }};"
    )
}

/// Installed before any page script: forgets every kept first screen, as after a tab
/// killed between a save and the next keep.
const FORGET_KEPT: &str = "Object.keys(localStorage).filter(k => k.startsWith('cm-first-screen:')).forEach(k => localStorage.removeItem(k));";

#[tokio::test(flavor = "multi_thread")]
async fn with_none_kept_the_first_page_is_read_early_from_the_page_heads() {
    let b = open_fresh_app("e2e-first-screen-early").await;
    let list = create_list(&b, NewList::named("Clienti Torino")).await;
    support::app::navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Zoë"), ("last_name", "Adams")]).in_list(&list)).await;
    add_contact(&b, NewContact::with(&[("first_name", "Grace"), ("last_name", "Hopper")]).in_list(&list)).await;
    add_contact(&b, NewContact::with(&[("first_name", "ada"), ("last_name", "Lovelace"), ("phone", "+39 347 123 4567")]).in_list(&list)).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": FORGET_KEPT })).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": WATCH })).await;

    b.reload().await;
    let seen = b.poll("return window.__firstScreen", support::WAIT, "the first screen read early").await;
    assert_eq!(seen["names"], json!(["ada", "Grace", "Zoë"]), "the default order's first page: {seen}");
    assert_eq!((&seen["count"], &seen["range"]), (&json!("3 contacts"), &json!("1–3 of 3")), "{seen}");
    assert_eq!(seen["phones"], json!(["+393471234567"]), "{seen}");
    assert_eq!(seen["ready_already"], false, "shown before the workspace loaded: {seen}");
    let marks = b.exec("return ['cm:first-screen', 'cm:first-screen-early'].map(n => performance.getEntriesByName(n).length)").await;
    assert_eq!(marks, json!([0, 1]), "read early from the page heads, none kept");
    b.wait_for("#app-ready").await;
    support::contacts::wait_rows(&b, 3).await;
    let loaded = b.exec("return [...document.querySelectorAll('#contacts-table tbody tr .col-first')].map(td => td.childNodes[0].textContent.trim())").await;
    assert_eq!(loaded, seen["names"], "the loaded page shows the same rows");
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_while_it_loads_searches_once_loaded() {
    let b = open_fresh_app("e2e-first-screen-typing").await;
    let list = create_list(&b, NewList::named("Kunden Berlin")).await;
    support::app::navigate(&b, "#/contacts").await;
    for (first, last, phone) in [("Ada", "Lovelace", "+49 30 1234567"), ("Grace", "Hopper", ""), ("Jürgen", "Müller", "+49 30 9876543")] {
        add_contact(&b, NewContact::with(&[("first_name", first), ("last_name", last), ("phone", phone), ("email", "x@example.de")]).in_list(&list)).await;
    }
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": hold_the_load(6_000) })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for("#app-first-screen #contacts-table tbody tr").await;
    assert_eq!(b.count("#app-ready").await, 0, "still loading");
    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        b.screenshot(&format!("first-screen-{tag}")).await;
        assert!(!support::app::scrolls_sideways(&b).await, "the first screen scrolls sideways at {w}px");
    }
    b.set_window_size(1280, 800).await;
    let violations = support::a11y::axe_violations(&b).await;
    assert!(violations.is_empty(), "the first screen has accessibility violations: {violations:#?}");
    assert_eq!(b.count("#app-ready").await, 0, "checked while still loading");
    b.click("#contact-search").await;
    b.fill("#contact-search", "Lov").await;
    assert_eq!(b.count("#app-ready").await, 0, "typed while still loading");

    // Loaded: the search typed meanwhile is the table's, and the box keeps the focus.
    b.wait_for("#app-ready").await;
    support::contacts::wait_rows(&b, 1).await;
    assert_eq!(support::app::input_value(&b, "#contact-search").await, "Lov");
    let names = b.exec("return [...document.querySelectorAll('#contacts-table tbody tr .col-last')].map(td => td.textContent)").await;
    assert_eq!(names, json!(["Lovelace"]));
    assert_eq!(b.exec("return document.activeElement && document.activeElement.id").await, "contact-search");
    assert_eq!(b.exec("return location.hash").await, "#/contacts?q=Lov");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_agents_view_is_kept_with_its_header_and_navigation() {
    let b = open_fresh_app("e2e-first-screen-agent").await;
    let list = create_list(&b, NewList::named("North")).await;
    support::app::navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Nora"), ("last_name", "Berg")]).in_list(&list)).await;
    support::agents::create_agent(&b, "Ann Lee", "ann").await;
    support::agents::open_agent_picker(&b, "North").await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    support::agents::wait_pane(&b, "assigned", &["Ann Lee"]).await;
    support::agents::close_agent_picker(&b).await;
    let ann = b.exec("return [...document.querySelectorAll('#viewing-as option')].find(o => o.textContent.startsWith('Ann')).value").await;
    let ann = ann.as_str().unwrap_or_else(|| panic!("no Ann option in #viewing-as: {ann}")).to_string();
    b.select("#viewing-as", &ann).await;
    support::app::navigate(&b, "#/contacts").await;
    support::contacts::wait_rows(&b, 1).await;
    let label = b.exec("const s = document.getElementById('viewing-as'); return s.options[s.selectedIndex].textContent").await;
    assert!(label.as_str().is_some_and(|l| l.starts_with("Ann Lee")), "viewing as Ann: {label}");

    // While the next start loads: the kept screen in Ann's view, and the frame too.
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": hold_the_load(4_000) })).await;
    b.client.refresh().await.expect("reload");
    b.wait_for("#app-first-screen #contacts-table tbody tr").await;
    let frame = "const s = document.getElementById('viewing-as');
        return { ready: !!document.getElementById('app-ready'),
                 viewing_as: s.options[s.selectedIndex].textContent, switch_disabled: s.disabled,
                 lists_hidden: document.querySelector(\".nav a[href='#/lists']\").closest('li').hidden,
                 scope: !!document.getElementById('agent-scope') }";
    let seen = b.exec(frame).await;
    assert_eq!(seen["ready"], false, "checked while still loading: {seen}");
    assert_eq!((&seen["viewing_as"], &seen["switch_disabled"]), (&label, &json!(true)), "the header names Ann, still: {seen}");
    assert_eq!((&seen["lists_hidden"], &seen["scope"]), (&json!(true), &json!(true)), "no list management, Ann's scope: {seen}");

    // Loaded: the same view, the switch live.
    b.wait_for("#app-ready").await;
    let seen = b.exec(frame).await;
    assert_eq!((&seen["viewing_as"], &seen["switch_disabled"], &seen["lists_hidden"]), (&label, &json!(false), &json!(true)), "{seen}");
}
