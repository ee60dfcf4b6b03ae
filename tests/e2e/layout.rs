//! End-to-end: every row action in reach (issue 14, parts 2 and 3). With the data that
//! pushed actions off screen before (three lists, one with a long description and a
//! long name; contacts with long emails; an import in the history), each page is
//! opened at 1280×800, 1024×768 and 390×844: no page scrolls sideways, every row action and
//! every item of every "⋯" menu lies inside the window and is the element a click at
//! its centre lands on (bounding boxes against the window, not visibility). On a
//! phone the sections are behind a Menu button; the keyboard opens and closes a row
//! menu. Screenshots of every page at both sizes.

use crate::support;

use std::time::Duration;

use serde_json::Value;
use support::app::{navigate, scrolls_sideways};
use support::contacts::{add_contact, NewContact};
use support::custom_fields::{add_custom_field, FieldDef, FieldScope};
use support::files::fixture;
use support::import_wizard::{start_import_with_new_list, start_over, upload};
use support::lists::{create_list, NewList};
use support::tags::create_tag;
use support::agents::create_agent;
use support::Browser;

const LONG_DESCRIPTION: &str = "Customers who bought something this year and asked to be called back about the spring offer, the renewal and the new prices";
const LONG_EMAIL: &str = "maria.antonietta.bianchi-scarpellini.amministrazione@studio-legale-associato-example.it";

/// The pages with tables of rows, and what shows they are ready.
const PAGES: [(&str, &str, &str); 6] = [
    ("lists", "#/lists", "#lists-table tbody tr"),
    ("contacts", "#/contacts", "#contacts-table tbody tr"),
    ("global-fields", "#/custom-fields", "#global-fields-table tbody tr"),
    ("tags", "#/tags", "#tags-table tbody tr"),
    ("agents", "#/agents", "#agents-table tbody tr"),
    ("import-history", "#/import", "#import-history tbody tr"),
];

/// Checks, in the page, every row action and every item of every row menu: returns
/// the problems found (empty when all is in reach) and how many were checked.
/// Each element is scrolled to the middle of the window first (vertically only: no
/// table may need sideways scrolling to reach an action), then its box is compared with the window
/// and the element hit at its centre must be it or inside it.
const CHECK_ROW_ACTIONS: &str = r#"
const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
const problems = [];
let checked = 0;
const inReach = (el, what) => {
  const r = el.getBoundingClientRect();
  const name = what + ' ' + (el.getAttribute('aria-label') || el.textContent.trim());
  checked++;
  if (r.width < 8 || r.height < 8) { problems.push(name + ': not shown (' + r.width + 'x' + r.height + ')'); return; }
  if (r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight) {
    problems.push(name + ': outside the window ' + JSON.stringify([r.left, r.top, r.right, r.bottom]) + ' of ' + window.innerWidth + 'x' + window.innerHeight);
    return;
  }
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || !(hit === el || el.contains(hit))) problems.push(name + ': covered by ' + (hit ? hit.outerHTML.slice(0, 80) : 'nothing'));
};
(async () => {
  const rows = [...document.querySelectorAll('table tbody tr')];
  for (const row of rows) {
    const actions = row.querySelectorAll('.col-actions .row-actions > .btn, .col-actions .row-actions > button, .col-actions .row-actions > details > summary');
    for (const el of actions) {
      // Vertically only: scrollIntoView would also scroll a wide table sideways.
      const at = el.getBoundingClientRect();
      window.scrollBy(0, at.top + at.height / 2 - window.innerHeight / 2);
      await frame();
      inReach(el, 'action');
      if (el.tagName === 'SUMMARY') {
        el.click();
        await frame();
        for (const item of el.parentElement.querySelectorAll('.row-menu-items > *')) inReach(item, 'menu item');
        el.click();
        await frame();
      }
    }
  }
  done({problems, checked, sideways: document.documentElement.scrollWidth > window.innerWidth});
})();
"#;

async fn check_page(b: &Browser, name: &str, hash: &str, ready: &str, size: &str) -> u64 {
    navigate(b, hash).await;
    b.wait_for(ready).await;
    b.exec("window.scrollTo(0, 0)").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    b.screenshot(&format!("layout-{name}-{size}")).await;
    assert!(!scrolls_sideways(b).await, "{name} at {size}: the page scrolls sideways");
    let v: Value = b.exec_async(CHECK_ROW_ACTIONS).await;
    let problems = v["problems"].as_array().cloned().unwrap_or_default();
    assert!(problems.is_empty(), "{name} at {size}: actions out of reach: {problems:#?}");
    assert_eq!(v["sideways"], false, "{name} at {size}: scrolling to the actions made the page wider");
    let checked = v["checked"].as_u64().unwrap_or(0);
    assert!(checked >= 1, "{name} at {size}: no action found: the check looked at nothing");
    checked
}

#[tokio::test(flavor = "multi_thread")]
async fn every_row_action_is_in_reach_at_1280_and_on_a_phone() {
    // An import first: it makes the browser, a list and a history row.
    let (b, imported) = start_import_with_new_list("e2e-layout", "Imported from Google", &fixture("google-contacts.csv")).await;
    upload(&b, Duration::from_secs(30)).await;
    start_over(&b).await;
    create_list(&b, NewList::named("Customers of the spring campaign 2026 (Lombardia)").description(LONG_DESCRIPTION)).await;
    let leads = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Maria Antonietta"), ("last_name", "Bianchi-Scarpellini"), ("email", LONG_EMAIL)]).in_list(&leads)).await;
    add_contact(&b, NewContact::with(&[("first_name", "Bob"), ("email", "bob@example.com")]).in_list(&imported)).await;
    navigate(&b, "#/custom-fields").await;
    add_custom_field(&b, FieldScope::Global, &FieldDef::new("Customer since", "datetime")).await;
    create_tag(&b, "VIP", None).await;
    create_agent(&b, "Giulia Rossi", "grossi").await;

    for (size, (w, h)) in [("1280", (1280, 800)), ("1024", (1024, 768)), ("390", (390, 844))] {
        b.set_window_size(w, h).await;
        let mut total = 0;
        for (name, hash, ready) in PAGES {
            total += check_page(&b, name, hash, ready, size).await;
        }
        println!("{size}: {total} row actions and menu items in reach");
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_sections_are_behind_a_menu_button_and_row_menus_work_by_keyboard() {
    let b = support::app::open_fresh_app("e2e-layout-phone").await;
    create_list(&b, NewList::named("Leads")).await;
    b.set_window_size(390, 844).await;
    navigate(&b, "#/lists").await;
    b.wait_for("#lists-table tbody tr").await;

    // The sections: one button naming where the user is; the links show when it opens.
    assert!(b.text("#nav-toggle").await.contains("Lists"), "the button names the section");
    assert_eq!(b.exec("return document.querySelector('#nav-sections').getBoundingClientRect().height").await, 0, "the links show before the menu is opened");
    b.click("#nav-toggle").await;
    assert_eq!(b.exec("return document.querySelector('#nav-toggle').getAttribute('aria-expanded')").await, "true");
    b.screenshot("layout-nav-open-390").await;
    let links = b.exec("return [...document.querySelectorAll('#nav-sections a')].filter(a => { const r = a.getBoundingClientRect(); return r.height > 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight; }).map(a => a.textContent.trim())").await;
    for section in ["Contacts", "Lists", "Global custom fields", "Tags", "Agents", "Import", "Find duplicates", "Trash", "Data"] {
        assert!(links.as_array().is_some_and(|l| l.iter().any(|x| x == section)), "{section} is not in reach in the open menu: {links}");
    }
    b.click("#nav-sections a[href='#/agents']").await;
    b.wait_for("#agents-table, .empty-state").await;
    assert!(b.text("#nav-toggle").await.contains("Agents"), "the button follows the section");
    assert_eq!(b.exec("return document.querySelector('#nav-toggle').getAttribute('aria-expanded')").await, "false", "going somewhere folds the menu");

    // A row menu by keyboard: focus, Enter opens it, Tab reaches its items, Esc closes
    // it and gives the focus back.
    navigate(&b, "#/lists").await;
    b.wait_for("#lists-table tbody tr").await;
    b.exec("document.querySelector('#lists-table details.row-menu summary').focus()").await;
    b.client.active_element().await.expect("focused").send_keys(support::custom_fields::ENTER).await.expect("Enter");
    b.poll("return document.querySelector('#lists-table details.row-menu').open", Duration::from_secs(5), "the menu opens on Enter").await;
    b.client.active_element().await.expect("focused").send_keys("\u{E004}").await.expect("Tab");
    let focused = b.exec("return document.activeElement.textContent.trim()").await;
    assert_eq!(focused, "Show Contacts", "Tab goes to the menu's first item");
    b.client.active_element().await.expect("focused").send_keys("\u{E00C}").await.expect("Escape");
    b.poll("return !document.querySelector('#lists-table details.row-menu').open", Duration::from_secs(5), "Esc closes the menu").await;
    assert_eq!(b.exec("return document.activeElement.tagName").await, "SUMMARY", "the focus is back on the ⋯ button");
    b.close().await;
}
