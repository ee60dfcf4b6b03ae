#![cfg(not(target_arch = "wasm32"))]
//! End-to-end: tags, agents and the "Viewing as" switch, the dial prefix, and the
//! column chooser, in the built app (dist/) in headless Chromium. Each test works on
//! its own fresh database and checks that what it did survives a reload.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{fresh_db_name, Browser};

const ROWS: &str = "#contacts-table tbody tr";

async fn nav(b: &Browser, hash: &str) {
    b.click(&format!(".nav a[href='{hash}']")).await;
}

async fn create_list(b: &Browser, name: &str) {
    nav(b, "#/lists").await;
    b.click("#new-list").await;
    b.fill("#list-name", name).await;
    b.click("#add-list").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#lists-table", name).await;
}

/// The id of the list named `name`, read from its "Show Contacts" link.
async fn list_id(b: &Browser, name: &str) -> String {
    let script = format!(
        "const a = document.querySelector('a[aria-label=\"Show contacts of {name}\"]');
         return a ? a.getAttribute('href').split('list=')[1] : null;"
    );
    b.exec(&script).await.as_str().unwrap_or_else(|| panic!("no Show Contacts link for {name}")).to_string()
}

async fn add_contact(b: &Browser, list: &str, first: &str, phone: &str) {
    nav(b, "#/contacts").await;
    b.click("#add-contact").await;
    b.wait_for("#field-first_name").await;
    b.select("#field-list", list).await;
    b.fill("#field-first_name", first).await;
    if !phone.is_empty() {
        b.fill("#field-phone", phone).await;
    }
    b.click("#save-contact").await;
    b.wait_gone(".overlay").await;
}

async fn create_tag(b: &Browser, name: &str, colour: &str) {
    nav(b, "#/tags").await;
    b.click("#new-tag").await;
    b.fill("#tag-name", name).await;
    b.fill("#tag-colour-text", colour).await;
    b.click("#save-tag").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#tags-table", name).await;
}

async fn create_agent(b: &Browser, name: &str, username: &str) {
    nav(b, "#/agents").await;
    b.click("#new-agent").await;
    b.fill("#agent-name", name).await;
    b.fill("#agent-username", username).await;
    b.click("#save-agent").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#agents-table", name).await;
}

/// Waits until the contacts table shows exactly `n` rows (0: the table is there and
/// the empty state shows, so a page that never rendered cannot pass).
async fn wait_rows(b: &Browser, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let table = b.count("#contacts-table").await;
        let have = b.count(ROWS).await;
        let empty_state = b.count("#no-contacts").await;
        if table == 1 && have == n && (n > 0 || empty_state == 1) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} contact rows, have {have} (contacts tables: {table}, empty states: {empty_state})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The names in one pane of the agent picker.
async fn pane(b: &Browser, side: &str) -> Vec<String> {
    b.texts(&format!("#{side}-list .pane-name")).await
}

/// Waits until one pane of the agent picker shows exactly `want` (an empty pane must
/// be there and say so: `.pane-empty`).
async fn wait_pane(b: &Browser, side: &str, want: &[&str]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let list = b.count(&format!("#{side}-list")).await;
        let empty = b.count(&format!("#{side}-pane .pane-empty")).await;
        let have = pane(b, side).await;
        if list == 1 && have == want && (!want.is_empty() || empty == 1) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{side} pane: expected {want:?}, have {have:?} (#{side}-list: {list}, empty notes: {empty})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn press_escape(b: &Browser) {
    b.exec("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_tag_filter_and_delete() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-tags")).await;
    create_list(&b, "Leads").await;
    let leads = list_id(&b, "Leads").await;

    // A colour that is not #rrggbb is refused next to the colour field.
    nav(&b, "#/tags").await;
    b.wait_for("#no-tags").await;
    b.click("#new-tag").await;
    b.fill("#tag-name", "VIP").await;
    b.fill("#tag-colour-text", "red; background:url(x)").await;
    b.click("#save-tag").await;
    b.wait_for_text("#error-tag-colour", "#3366cc").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    create_tag(&b, "VIP", "#D92D20").await;
    create_tag(&b, "Call back", "#1e5aa8").await;
    // VIP's row: its chip and its colour column show "#D92D20" validated and lowercased.
    let vip_row = b
        .exec(
            "const r = [...document.querySelectorAll('#tags-table tbody tr')].find(r => {
               const n = r.querySelector('.tag-chip .tag-name'); return n && n.textContent === 'VIP'; });
             return r ? [r.querySelector('.tag-chip').getAttribute('style'), r.querySelector('td.col-code').textContent] : null;",
        )
        .await;
    assert_eq!(vip_row, json!(["--tag: #d92d20", "#d92d20"]), "VIP's colour, validated and lowercased, is the chip's only style");

    add_contact(&b, &leads, "Ada", "").await;
    add_contact(&b, &leads, "Bob", "").await;
    wait_rows(&b, 2).await;

    // Tag Ada in the editor: pick from the predefined tags, shown as a chip.
    b.click("a[aria-label='Edit Ada']").await;
    b.wait_for("#edit-contact-form").await;
    let vip = b
        .exec("return [...document.querySelectorAll('#tag-add option')].find(o => o.textContent === 'VIP').value")
        .await;
    let vip = vip.as_str().unwrap_or_else(|| panic!("no VIP option in #tag-add: {vip}")).to_string();
    b.select("#tag-add", &vip).await;
    b.click("#tag-add-button").await;
    b.wait_for_text("#contact-tags", "VIP").await;
    b.click("#save-contact").await;
    b.wait_for_text("#notice", "saved").await;
    b.reload().await;
    b.wait_for_text("#contact-tags", "VIP").await;
    b.exec("document.querySelector('#contact-tags').scrollIntoView({block: 'center'})").await;
    b.screenshot("edit-contact-tags-desktop").await;

    // Filter the table by the tag; the Tags page counts it.
    nav(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    b.select("#tag-filter", &vip).await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Ada"));
    b.select("#tag-filter", "").await;
    wait_rows(&b, 2).await;

    // Delete the tag: the confirmation counts the contacts; the tag is gone after reload.
    nav(&b, "#/tags").await;
    b.click("button[aria-label='Delete tag VIP']").await;
    let question = b.text(".dialog .confirm-text").await;
    assert!(question.contains("removed from 1 contact"), "{question}");
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.reload().await;
    b.wait_for_text("#tags-table", "Call back").await;
    assert!(!b.text("#tags-table").await.contains("VIP"));
    nav(&b, "#/contacts").await;
    b.click("a[aria-label='Edit Ada']").await;
    b.wait_for("#edit-contact-form").await;
    b.wait_for_text("#contact-tags", "No tags").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_assignment_and_agent_view() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-agents")).await;
    create_list(&b, "North").await;
    create_list(&b, "South").await;
    let north = list_id(&b, "North").await;
    let south = list_id(&b, "South").await;
    add_contact(&b, &north, "Nora", "").await;
    add_contact(&b, &south, "Sam", "").await;

    create_agent(&b, "Ann Lee", "ann").await;
    create_agent(&b, "Bo Chen", "bo").await;
    create_agent(&b, "Cy Diaz", "cy").await;
    // Usernames are unique.
    b.click("#new-agent").await;
    b.fill("#agent-name", "Another Ann").await;
    b.fill("#agent-username", "ANN").await;
    b.click("#save-agent").await;
    b.wait_for_text("#error-agent-username", "already taken").await;
    press_escape(&b).await;
    b.wait_gone(".overlay").await;

    // `>` assigns the selected; the change is saved at once.
    nav(&b, "#/lists").await;
    b.click("button[aria-label='Add agents to list North']").await;
    wait_pane(&b, "available", &["Ann Lee", "Bo Chen", "Cy Diaz"]).await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee"]).await;
    b.wait_for_text("#picker-status", "Saved").await;

    // `>>` assigns all shown (the search narrows what is shown).
    b.fill("#available-search", "bo").await;
    wait_pane(&b, "available", &["Bo Chen"]).await;
    b.click("#assign-all").await;
    wait_pane(&b, "assigned", &["Ann Lee", "Bo Chen"]).await;
    b.fill("#available-search", "").await;
    wait_pane(&b, "available", &["Cy Diaz"]).await;
    b.click("#assign-all").await;
    wait_pane(&b, "assigned", &["Ann Lee", "Bo Chen", "Cy Diaz"]).await;

    // `<` removes the selected.
    b.click("#assigned-list li:nth-child(3) input").await;
    b.click("#remove-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee", "Bo Chen"]).await;
    b.wait_for_text("#picker-status", "removed").await;
    b.screenshot("agent-picker-desktop").await;
    b.click("#close-picker").await;
    b.wait_gone(".overlay").await;

    // After a reload the assignments are still there (and the Agents page lists them).
    b.reload().await;
    nav(&b, "#/agents").await;
    let table = b.wait_for_text("#agents-table", "North").await;
    assert!(table.contains("None"), "Cy has no lists: {table}");
    nav(&b, "#/lists").await;
    b.click("button[aria-label='Add agents to list North']").await;
    wait_pane(&b, "assigned", &["Ann Lee", "Bo Chen"]).await;
    b.click("#remove-all").await;
    wait_pane(&b, "assigned", &[]).await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee"]).await;
    b.click("#close-picker").await;
    b.wait_gone(".overlay").await;

    // Viewing as Ann: only North's contacts, no list management; kept after reload.
    let ann = b
        .exec("return [...document.querySelectorAll('#viewing-as option')].find(o => o.textContent.startsWith('Ann')).value")
        .await;
    let ann = ann.as_str().unwrap_or_else(|| panic!("no Ann option in #viewing-as: {ann}")).to_string();
    b.select("#viewing-as", &ann).await;
    b.wait_for("#admin-only").await; // we were on the Lists page
    b.wait_for_text("#admin-only", "Only admins can manage lists").await;
    let lists_hidden = b.exec("return document.querySelector(\".nav a[href='#/lists']\").closest('li').hidden").await;
    assert_eq!(lists_hidden, json!(true), "no list management in the agent view");
    b.reload().await;
    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Nora"));
    let options = b.texts("#list-filter option").await;
    assert_eq!(options, vec!["All lists", "North"]);
    b.set_window_size(1280, 800).await;
    b.screenshot("contacts-agent-view-desktop").await;
    b.set_window_size(390, 844).await;
    b.screenshot("contacts-agent-view-phone").await;
    let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
    assert_eq!(overflow, json!(false), "the phone layout scrolls sideways");
    b.set_window_size(1280, 800).await;
    b.click("#add-contact").await;
    b.wait_for("#field-list").await;
    let offered = b.texts("#field-list option").await;
    assert_eq!(offered, vec!["Choose a list…", "North"], "only the agent's lists are offered");
    let chosen = b.exec("return document.querySelector('#field-list').value").await;
    assert_eq!(chosen, json!(north), "the only list is preselected");
    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    // The tags page is closed to agents too.
    b.client.goto(&b.url(&format!("/?db={}#/tags", db_of(&b).await))).await.expect("go to tags");
    b.wait_for_text("#admin-only", "Only admins can manage tags").await;

    // Back to Admin: everything again.
    b.select("#viewing-as", "").await;
    nav(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    b.close().await;
}

/// The database name of the page (from its address).
async fn db_of(b: &Browser) -> String {
    let db = b.exec("return new URLSearchParams(location.search).get('db')").await;
    db.as_str().unwrap_or_else(|| panic!("no ?db= in the address: {db}")).to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn dial_prefix_goes_into_tel_links() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-prefix")).await;
    create_list(&b, "Outbound").await;
    let id = list_id(&b, "Outbound").await;
    add_contact(&b, &id, "Ada", "+39 333 123 4567").await;

    nav(&b, "#/lists").await;
    b.click("a[aria-label='Edit list Outbound']").await;
    b.fill("#list-dial-prefix", "0x").await;
    b.click("#save-list").await;
    b.wait_for_text("#error-list-dial-prefix", "digits").await;
    b.fill("#list-dial-prefix", "0").await;
    b.click("#save-list").await;
    b.wait_gone("#error-list-dial-prefix").await;
    b.wait_for_text("#notice", "saved").await;

    b.reload().await;
    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    let links = b
        .exec("const r = document.querySelector('#contacts-table tbody tr');
               return [r.querySelector('a.tel-link').getAttribute('href'), r.querySelector('a.wa-link').getAttribute('href')];")
        .await;
    assert_eq!(links, json!(["tel:0393331234567", "https://wa.me/393331234567"]));
    b.click("a[aria-label='Edit Ada']").await;
    b.wait_for("#edit-contact-form").await;
    let tel = b.exec("return document.querySelector('#edit-contact-form a.tel-link').getAttribute('href')").await;
    assert_eq!(tel, json!("tel:0393331234567"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn column_chooser_adds_a_custom_field_column() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-columns")).await;
    create_list(&b, "Leads").await;
    let id = list_id(&b, "Leads").await;
    add_contact(&b, &id, "Ada", "").await;

    // A global field (Text, the default type).
    nav(&b, "#/custom-fields").await;
    b.click("#new-global-field").await;
    b.fill("#field-def-alias", "Company").await;
    b.click("#save-field").await;
    b.wait_gone(".overlay").await;

    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    b.click("#column-chooser > summary").await;
    b.click("#column-chooser .check-row input").await;
    b.wait_for_text("#contacts-table thead", "COMPANY").await;
    b.click("#column-chooser > summary").await;
    b.reload().await;
    nav(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    b.wait_for_text("#contacts-table thead", "COMPANY").await;
    assert_eq!(b.count("#contacts-table tbody td.col-custom").await, 1);
    b.close().await;
}

/// Screenshots of the Tags and Agents pages at desktop and phone widths.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_tags_and_agents() {
    let b = Browser::start().await;
    b.open_app(&fresh_db_name("e2e-people-shots")).await;
    create_list(&b, "Customers").await;
    create_tag(&b, "VIP", "#d92d20").await;
    create_tag(&b, "Call back", "#1e5aa8").await;
    create_tag(&b, "Newsletter", "#12b76a").await;
    create_agent(&b, "Ann Lee", "ann.lee").await;
    create_agent(&b, "Bo Chen", "bo").await;
    nav(&b, "#/lists").await;
    b.click("button[aria-label='Add agents to list Customers']").await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee"]).await;
    b.click("#close-picker").await;
    b.wait_gone(".overlay").await;
    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        nav(&b, "#/tags").await;
        b.wait_for("#tags-table").await;
        b.screenshot(&format!("tags-{tag}")).await;
        nav(&b, "#/agents").await;
        b.wait_for("#agents-table").await;
        b.screenshot(&format!("agents-{tag}")).await;
        let overflow = b.exec("return document.documentElement.scrollWidth > window.innerWidth").await;
        assert_eq!(overflow, json!(false), "the page scrolls sideways at {w}px");
        nav(&b, "#/lists").await;
        b.click("button[aria-label='Add agents to list Customers']").await;
        wait_pane(&b, "assigned", &["Ann Lee"]).await;
        b.screenshot(&format!("agent-picker-{tag}")).await;
        b.click("#close-picker").await;
        b.wait_gone(".overlay").await;
        nav(&b, "#/tags").await;
        b.click("#new-tag").await;
        b.wait_for("#tag-name").await;
        b.screenshot(&format!("tag-dialog-{tag}")).await;
        press_escape(&b).await;
        b.wait_gone(".overlay").await;
    }
    b.close().await;
}
