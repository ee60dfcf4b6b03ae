//! End-to-end: the Customer Journey of Edit Contact in the built app, in headless
//! Chromium: logging interactions, the channel and interval filters, details, Start
//! WhatsApp then Close, the History view, and exporting the filtered journey. Each
//! test opens a fresh app on its own database.

use crate::support;

use chrono::{Datelike, Months, NaiveDate};
use support::agents::create_agent;
use support::app::{input_value, navigate, open_fresh_app, scrolls_sideways, set_value, wait_for_notice};
use support::contacts::{add_contact, edit_contact_named, NewContact};
use support::files::{allow_downloads, csv_records, wait_for_download, TempDir};
use support::journey::{
    at, channel_label, days, fill_log_dialog, item_channels, items, log_interaction, select_by_text, set_interval, show_view, today, toggle_channel,
    wait_journey, wait_shown, Logged, ITEMS,
};
use support::lists::{add_disposition, create_list, open_list_editor, ListTab, NewList};
use support::Browser;

/// A list "Leads" with the contact `fields` in it, its Edit page open on the journey.
async fn contact_in_leads(b: &Browser, fields: &[(&str, &str)], name: &str) -> String {
    let leads = create_list(b, NewList::named("Leads")).await;
    navigate(b, "#/contacts").await;
    add_contact(b, NewContact::with(fields).in_list(&leads)).await;
    edit_contact_named(b, name).await;
    wait_journey(b).await;
    leads
}

/// "Wednesday, 11 June 2026", as the day headings read.
fn day_heading(day: NaiveDate) -> String {
    day.format("%A, %-d %B %Y").to_string()
}

/// The first day of the default interval: the first of the month three months back.
fn default_from(today: NaiveDate) -> NaiveDate {
    today.with_day(1).and_then(|d| d.checked_sub_months(Months::new(3))).expect("a date three months back")
}

fn logged<'a>(channel: &'a str, direction: &'a str, started: String, notes: &'a str) -> Logged<'a> {
    Logged { channel, direction, started, notes, ..Logged::default() }
}

#[tokio::test(flavor = "multi_thread")]
async fn logged_interactions_grouped_by_day_and_filtered() {
    let b = open_fresh_app("e2e-journey-log").await;
    contact_in_leads(&b, &[("first_name", "Ada"), ("last_name", "Lovelace")], "Ada").await;
    let today = today(&b).await;
    let yesterday = today.pred_opt().expect("yesterday");
    let long_ago = default_from(today).pred_opt().expect("the day before the default interval");

    // A refusal is told in words, and nothing is logged.
    let mut wrong = logged("voice", "inbound", at(today, "09:00"), "");
    wrong.ended = at(today, "08:00");
    fill_log_dialog(&b, &wrong).await;
    b.click("#journey-log-save").await;
    b.wait_for_text(".journey-form-error", "The end cannot be before the start").await;
    b.click("#journey-log-form button.btn:not(.btn-primary)").await;
    b.wait_gone(".overlay").await;

    let mut voice = logged("voice", "inbound", at(today, "09:00"), "Asked about prices");
    voice.ended = at(today, "09:05");
    log_interaction(&b, voice).await;
    log_interaction(&b, logged("email", "outbound", at(today, "10:30"), "Sent the offer")).await;
    log_interaction(&b, logged("sms", "inbound", at(yesterday, "15:00"), "")).await;
    log_interaction(&b, logged("chat", "inbound", at(long_ago, "12:00"), "Old chat")).await;

    // Newest first, grouped by day; the chat before the default interval is hidden.
    wait_shown(&b, "3 of 3 shown").await;
    assert_eq!(days(&b).await, [day_heading(today), day_heading(yesterday)]);
    assert_eq!(item_channels(&b).await, ["email", "voice", "sms"]);
    let voice_item = &items(&b).await[1];
    assert!(voice_item.contains("Inbound") && voice_item.contains("09:00") && voice_item.contains("5 min"), "{voice_item}");
    assert!(b.text(ITEMS).await.contains("Sent the offer"));

    // Counts within the interval, on every channel's checkbox.
    for (key, want) in [("voice", "Voice (1)"), ("email", "Email (1)"), ("sms", "SMS (1)"), ("chat", "Chat (0)"), ("whatsapp", "WhatsApp (0)")] {
        assert_eq!(channel_label(&b, key).await, want);
    }

    // Several channels at once; none ticked shows them all.
    toggle_channel(&b, "voice").await;
    toggle_channel(&b, "sms").await;
    wait_shown(&b, "2 of 2 shown").await;
    assert_eq!(item_channels(&b).await, ["voice", "sms"]);
    toggle_channel(&b, "voice").await;
    toggle_channel(&b, "sms").await;
    wait_shown(&b, "3 of 3 shown").await;

    // Widening the interval shows the old chat, and counts it.
    set_interval(&b, long_ago, today).await;
    wait_shown(&b, "4 of 4 shown").await;
    assert_eq!(item_channels(&b).await, ["email", "voice", "sms", "chat"]);
    assert_eq!(channel_label(&b, "chat").await, "Chat (1)");
    // A start after the end is refused, in words, and the interval stays.
    let before = long_ago.pred_opt().expect("a day before").format("%Y-%m-%d").to_string();
    set_value(&b, "#journey-to", &before).await;
    b.wait_for_text("#journey-interval-error", "cannot start").await;
    wait_shown(&b, "4 of 4 shown").await;
    b.click("#journey-reset").await;
    wait_shown(&b, "3 of 3 shown").await;
    assert_eq!(input_value(&b, "#journey-from").await, default_from(today).format("%Y-%m-%d").to_string());

    // Show details: the full times of one item, then of all.
    let details = format!("{ITEMS}[data-channel=voice] .journey-details");
    assert_eq!(b.exec(&format!("return document.querySelector({details:?}).hidden")).await, serde_json::json!(true));
    b.click(&format!("{ITEMS}[data-channel=voice] .journey-details-toggle")).await;
    let shown = b.wait_for_text(&details, "Started").await;
    assert!(shown.contains("Ended"), "{shown}");
    b.click("#journey-details-all").await;
    b.wait_for_text(&format!("{ITEMS}[data-channel=email] .journey-details"), "Still open").await;

    // The pane at a desktop and a phone width: nothing scrolls sideways.
    b.set_window_size(1280, 800).await;
    b.exec("window.scrollTo(0, 0); document.querySelector('#journey').scrollTop = 0;").await;
    b.screenshot("journey-desktop").await;
    assert!(!scrolls_sideways(&b).await, "Edit Contact with its journey scrolls sideways at 1280px");
    b.set_window_size(390, 844).await;
    b.exec("document.querySelector('#journey').scrollIntoView({block: 'start'})").await;
    b.screenshot("journey-phone").await;
    assert!(!scrolls_sideways(&b).await, "Edit Contact with its journey scrolls sideways at 390px");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn whatsapp_started_then_closed_with_a_disposition() {
    let b = open_fresh_app("e2e-journey-wa").await;
    let leads = create_list(&b, NewList::named("Leads")).await;
    open_list_editor(&b, &leads, ListTab::Dispositions).await;
    add_disposition(&b, None, "Sale").await;
    add_disposition(&b, Some("Sale"), "Upsell").await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Bea"), ("mobile", "+39 333 1234567")]).in_list(&leads)).await;
    edit_contact_named(&b, "Bea").await;
    wait_journey(&b).await;
    assert_eq!(b.count("#whatsapp-open").await, 0);

    b.click(".journey-whatsapp[data-number='393331234567']").await;
    b.wait_for("#whatsapp-open").await;
    let link = b
        .exec("const a = document.querySelector('#journey-wa-link a'); return a && [a.getAttribute('href'), a.target, a.rel];")
        .await;
    assert_eq!(link, serde_json::json!(["https://wa.me/393331234567", "_blank", "noopener noreferrer"]));
    wait_shown(&b, "1 of 1 shown").await;
    let item = &items(&b).await[0];
    assert!(item.starts_with("interaction|whatsapp|") && item.contains("Outbound") && item.contains("Open"), "{item}");
    // Its metadata: the number the chat was started with.
    b.click(&format!("{ITEMS} .journey-details-toggle")).await;
    let details = b.wait_for_text(&format!("{ITEMS} .journey-details"), "number").await;
    assert!(details.contains("393331234567"), "{details}");

    // The contacts table marks the open chat and shows the day of the last interaction.
    let today = today(&b).await;
    navigate(&b, "#/contacts").await;
    let row = b.wait_for_text("#contacts-table tbody tr", "WhatsApp open").await;
    assert!(row.contains(&today.to_string()), "the last interaction's day in the row: {row}");
    for (width, height, name) in [(1280, 800, "contacts-whatsapp-open-desktop"), (390, 844, "contacts-whatsapp-open-phone")] {
        b.set_window_size(width, height).await;
        b.screenshot(name).await;
    }
    b.set_window_size(1280, 800).await;
    edit_contact_named(&b, "Bea").await;
    wait_journey(&b).await;

    // Close with a disposition: the marker and the link go, the outcome shows.
    b.click(".journey-close").await;
    select_by_text(&b, "#journey-close-disposition", "Upsell").await;
    b.fill("#journey-close-notes", "Bought the upgrade").await;
    b.click("#journey-close-save").await;
    b.wait_gone(".overlay").await;
    b.wait_gone("#whatsapp-open").await;
    b.wait_for_text(ITEMS, "Disposition: Sale > Upsell").await;
    assert_eq!(b.count(".journey-close").await, 0);
    assert_eq!(b.count("#journey-wa-link").await, 0);
    assert!(b.text(ITEMS).await.contains("Bought the upgrade"));

    // Still so after a reload (read back from storage), and the table's marker is gone.
    b.reload().await;
    wait_journey(&b).await;
    b.wait_for_text(ITEMS, "Disposition: Sale > Upsell").await;
    assert_eq!(b.count("#whatsapp-open").await, 0);
    navigate(&b, "#/contacts").await;
    b.wait_for_text("#contacts-table tbody tr", "Bea").await;
    assert_eq!(b.count("#contacts-table .wa-open").await, 0, "the marker goes with the closed chat");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn history_shows_the_origin_and_the_edited_fields() {
    let b = open_fresh_app("e2e-journey-history").await;
    contact_in_leads(&b, &[("first_name", "Cy")], "Cy").await;

    // No number: Start WhatsApp is there (once the phone library is ready) but
    // disabled, saying why.
    b.wait_for(".journey-whatsapp").await;
    assert_eq!(b.exec("return document.querySelector('.journey-whatsapp').disabled").await, serde_json::json!(true));
    assert!(b.text("#journey-whatsapp-why").await.contains("phone"));

    b.fill("#field-last_name", "Young").await;
    b.fill("#field-email", "cy@example.com").await;
    b.click("#save-contact").await;
    wait_for_notice(&b, "saved").await;

    show_view(&b, "history").await;
    wait_shown(&b, "2 of 2 shown").await;
    let history = items(&b).await;
    assert!(history[0].starts_with("history||Edited: Last name, Email"), "{history:?}");
    assert!(history[1].starts_with("history||Created"), "{history:?}");
    show_view(&b, "activity").await;
    wait_shown(&b, "0 of 0 shown").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn export_writes_the_filtered_journey() {
    let b = open_fresh_app("e2e-journey-export").await;
    create_agent(&b, "Marta Rossi", "marta").await;
    contact_in_leads(&b, &[("first_name", "Dan"), ("last_name", "Poe")], "Dan").await;
    let today = today(&b).await;
    let mut voice = logged("voice", "inbound", at(today, "09:00"), "Call = ok");
    voice.agent = Some("Marta Rossi");
    log_interaction(&b, voice).await;
    log_interaction(&b, logged("email", "outbound", at(today, "10:00"), "Offer")).await;
    wait_shown(&b, "2 of 2 shown").await;
    toggle_channel(&b, "voice").await;
    wait_shown(&b, "1 of 1 shown").await;

    let dir = TempDir::new("cm-e2e-journey");
    allow_downloads(&b, dir.path()).await;
    b.click("#journey-export").await;
    let end = today.with_day(1).and_then(|d| d.checked_add_months(Months::new(1))).and_then(|d| d.pred_opt()).expect("the month's last day");
    let name = format!("journey-Dan-Poe-{}-{end}.csv", default_from(today));
    let bytes = wait_for_download(&dir.path().join(&name), std::time::Duration::from_secs(10)).await;
    let rows = csv_records(&bytes, b',');
    assert_eq!(rows[0], ["Started", "Ended", "Channel", "Direction", "Status", "Agent", "Disposition", "Notes", "Metadata"]);
    assert_eq!(rows.len(), 2, "only the voice call: {rows:?}");
    assert_eq!(rows[1][2..8], ["Voice", "Inbound", "Open", "Marta Rossi", "", "Call = ok"]);
    b.close().await;
}
