//! End-to-end: tags, agents and the "Viewing as" switch, the dial prefix, and the
//! column chooser, in the built app (dist/) in headless Chromium. Each test works on
//! its own fresh database and checks that what it did survives a reload.

use crate::support;

use serde_json::json;
use support::agents::{close_agent_picker, create_agent, open_agent_picker, wait_pane};
use support::app::{database_name, discard_changes, navigate, open_fresh_app, press_escape, scrolls_sideways, wait_for_notice};
use support::contacts::{add_contact, edit_contact_named, wait_rows, NewContact, ROWS};
use support::custom_fields::{add_custom_field, FieldDef, FieldScope};
use support::lists::{create_list, edit_list_named, NewList};
use support::tags::create_tag;

#[tokio::test(flavor = "multi_thread")]
async fn tags_tag_filter_and_delete() {
    let b = open_fresh_app("e2e-tags").await;
    let leads = create_list(&b, NewList::named("Leads")).await;

    // A colour that is not #rrggbb is refused next to the colour field.
    navigate(&b, "#/tags").await;
    b.wait_for("#no-tags").await;
    b.click("#new-tag").await;
    b.fill("#tag-name", "VIP").await;
    b.fill("#tag-colour-text", "red; background:url(x)").await;
    b.click("#save-tag").await;
    b.wait_for_text("#error-tag-colour", "#3366cc").await;
    // What was typed is not dropped silently: the dialog asks first.
    press_escape(&b).await;
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;
    create_tag(&b, "VIP", Some("#D92D20")).await;
    create_tag(&b, "Call back", Some("#1e5aa8")).await;
    // VIP's row: its chip and its colour column show "#D92D20" validated and lowercased.
    let vip_row = b
        .exec(
            "const r = [...document.querySelectorAll('#tags-table tbody tr')].find(r => {
               const n = r.querySelector('.tag-chip .tag-name'); return n && n.textContent === 'VIP'; });
             return r ? [r.querySelector('.tag-chip').getAttribute('style'), r.querySelector('td.col-code').textContent] : null;",
        )
        .await;
    assert_eq!(vip_row, json!(["--tag: #d92d20", "#d92d20"]), "VIP's colour, validated and lowercased, is the chip's only style");

    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada")]).in_list(&leads)).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Bob")]).in_list(&leads)).await;
    wait_rows(&b, 2).await;

    // Tag Ada in the editor: pick from the predefined tags, shown as a chip.
    edit_contact_named(&b, "Ada").await;
    let vip = b
        .exec("return [...document.querySelectorAll('#tag-add option')].find(o => o.textContent === 'VIP').value")
        .await;
    let vip = vip.as_str().unwrap_or_else(|| panic!("no VIP option in #tag-add: {vip}")).to_string();
    b.select("#tag-add", &vip).await;
    b.click("#tag-add-button").await;
    b.wait_for_text("#contact-tags", "VIP").await;
    b.click("#save-contact").await;
    wait_for_notice(&b, "saved").await;
    b.reload().await;
    b.wait_for_text("#contact-tags", "VIP").await;
    b.exec("document.querySelector('#contact-tags').scrollIntoView({block: 'center'})").await;
    b.screenshot("edit-contact-tags-desktop").await;

    // Filter the table by the tag; the Tags page counts it.
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    b.select("#tag-filter", &vip).await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Ada"));
    b.select("#tag-filter", "").await;
    wait_rows(&b, 2).await;

    // Delete the tag: the confirmation counts the contacts; the tag is gone after reload.
    navigate(&b, "#/tags").await;
    b.click("button[aria-label='Delete tag VIP']").await;
    let question = b.text(".dialog .confirm-text").await;
    assert!(question.contains("removed from 1 contact"), "{question}");
    b.click("#confirm-ok").await;
    b.wait_gone(".overlay").await;
    b.reload().await;
    b.wait_for_text("#tags-table", "Call back").await;
    assert!(!b.text("#tags-table").await.contains("VIP"));
    navigate(&b, "#/contacts").await;
    edit_contact_named(&b, "Ada").await;
    b.wait_for_text("#contact-tags", "No tags").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_assignment_and_agent_view() {
    let b = open_fresh_app("e2e-agents").await;
    let north = create_list(&b, NewList::named("North")).await;
    let south = create_list(&b, NewList::named("South")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Nora")]).in_list(&north)).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Sam")]).in_list(&south)).await;

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
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;

    // `>` assigns the selected; the change is saved at once.
    open_agent_picker(&b, "North").await;
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
    close_agent_picker(&b).await;

    // After a reload the assignments are still there (and the Agents page lists them).
    b.reload().await;
    navigate(&b, "#/agents").await;
    let table = b.wait_for_text("#agents-table", "North").await;
    assert!(table.contains("None"), "Cy has no lists: {table}");
    open_agent_picker(&b, "North").await;
    wait_pane(&b, "assigned", &["Ann Lee", "Bo Chen"]).await;
    b.click("#remove-all").await;
    wait_pane(&b, "assigned", &[]).await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee"]).await;
    close_agent_picker(&b).await;

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
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Nora"));
    let options = b.texts("#list-filter option").await;
    assert_eq!(options, vec!["All lists", "North"]);
    b.set_window_size(1280, 800).await;
    b.screenshot("contacts-agent-view-desktop").await;
    b.set_window_size(390, 844).await;
    b.screenshot("contacts-agent-view-phone").await;
    assert!(!scrolls_sideways(&b).await, "the phone layout scrolls sideways");
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
    b.client.goto(&b.url(&format!("/?db={}#/tags", database_name(&b).await))).await.expect("go to tags");
    b.wait_for_text("#admin-only", "Only admins can manage tags").await;

    // Back to Admin: everything again.
    b.select("#viewing-as", "").await;
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 2).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dial_prefix_goes_into_tel_links() {
    let b = open_fresh_app("e2e-prefix").await;
    let id = create_list(&b, NewList::named("Outbound")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada"), ("phone", "+39 333 123 4567")]).in_list(&id)).await;

    edit_list_named(&b, "Outbound").await;
    b.fill("#list-dial-prefix", "0x").await;
    b.click("#save-list").await;
    b.wait_for_text("#error-list-dial-prefix", "digits").await;
    b.fill("#list-dial-prefix", "0").await;
    b.click("#save-list").await;
    b.wait_gone("#error-list-dial-prefix").await;
    wait_for_notice(&b, "saved").await;

    b.reload().await;
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    let links = b
        .exec("const r = document.querySelector('#contacts-table tbody tr');
               return [r.querySelector('a.tel-link').getAttribute('href'), r.querySelector('a.wa-link').getAttribute('href')];")
        .await;
    assert_eq!(links, json!(["tel:0393331234567", "https://wa.me/393331234567"]));
    edit_contact_named(&b, "Ada").await;
    // The form's links show once the phone library is ready (prepared when idle).
    b.wait_for("#edit-contact-form a.tel-link").await;
    let tel = b.exec("return document.querySelector('#edit-contact-form a.tel-link').getAttribute('href')").await;
    assert_eq!(tel, json!("tel:0393331234567"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn column_chooser_adds_a_custom_field_column() {
    let b = open_fresh_app("e2e-columns").await;
    let id = create_list(&b, NewList::named("Leads")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada")]).in_list(&id)).await;

    // A global field (Text, the default type).
    navigate(&b, "#/custom-fields").await;
    add_custom_field(&b, FieldScope::Global, &FieldDef::new("Account manager", "text")).await;

    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    b.click("#column-chooser > summary").await;
    b.click("#column-chooser .check-row input").await;
    b.wait_for_text("#contacts-table thead", "ACCOUNT MANAGER").await;
    b.click("#column-chooser > summary").await;
    b.reload().await;
    navigate(&b, "#/contacts").await;
    wait_rows(&b, 1).await;
    b.wait_for_text("#contacts-table thead", "ACCOUNT MANAGER").await;
    assert_eq!(b.count("#contacts-table tbody td.col-custom").await, 1);
    b.close().await;
}

/// Screenshots of the Tags and Agents pages at desktop and phone widths.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_tags_and_agents() {
    let b = open_fresh_app("e2e-people-shots").await;
    create_list(&b, NewList::named("Customers")).await;
    create_tag(&b, "VIP", Some("#d92d20")).await;
    create_tag(&b, "Call back", Some("#1e5aa8")).await;
    create_tag(&b, "Newsletter", Some("#12b76a")).await;
    create_agent(&b, "Ann Lee", "ann.lee").await;
    create_agent(&b, "Bo Chen", "bo").await;
    open_agent_picker(&b, "Customers").await;
    b.click("#available-list li:nth-child(1) input").await;
    b.click("#assign-selected").await;
    wait_pane(&b, "assigned", &["Ann Lee"]).await;
    close_agent_picker(&b).await;
    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        navigate(&b, "#/tags").await;
        b.wait_for("#tags-table").await;
        b.screenshot(&format!("tags-{tag}")).await;
        navigate(&b, "#/agents").await;
        b.wait_for("#agents-table").await;
        b.screenshot(&format!("agents-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the page scrolls sideways at {w}px");
        open_agent_picker(&b, "Customers").await;
        wait_pane(&b, "assigned", &["Ann Lee"]).await;
        b.screenshot(&format!("agent-picker-{tag}")).await;
        close_agent_picker(&b).await;
        navigate(&b, "#/tags").await;
        b.click("#new-tag").await;
        b.wait_for("#tag-name").await;
        b.screenshot(&format!("tag-dialog-{tag}")).await;
        press_escape(&b).await;
        b.wait_gone(".overlay").await;
    }
    b.close().await;
}
