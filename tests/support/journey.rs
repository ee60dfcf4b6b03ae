//! Page object: the Customer Journey pane of Edit Contact (`#journey`): logging,
//! starting and closing interactions, the filters, the views and what the timeline
//! shows.

use std::time::Duration;

use chrono::NaiveDate;
use serde_json::Value;

use super::app::set_value;
use super::Browser;

/// The rendered items of the timeline.
pub const ITEMS: &str = "#journey .journey-item";

/// What the Log interaction dialog is filled with: channel and direction keys, local
/// times as a datetime-local input takes them ("2026-06-11T14:30"), the agent's and
/// the disposition's names as their selects show them.
#[derive(Default)]
pub struct Logged<'a> {
    pub channel: &'a str,
    pub direction: &'a str,
    pub started: String,
    pub ended: String,
    pub agent: Option<&'a str>,
    pub disposition: Option<&'a str>,
    pub notes: &'a str,
}

/// Waits until the pane has read the contact's journal (its count line is there).
pub async fn wait_journey(b: &Browser) {
    b.wait_for("#journey #journey-shown").await;
}

/// The browser's local day today (the app's "now").
pub async fn today(b: &Browser) -> NaiveDate {
    let v = b.exec("const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()];").await;
    let part = |i: usize| v[i].as_u64().unwrap_or_else(|| panic!("the browser's date: {v}")) as u32;
    NaiveDate::from_ymd_opt(part(0) as i32, part(1), part(2)).unwrap_or_else(|| panic!("not a date: {v}"))
}

/// A local moment as a datetime-local input writes it.
pub fn at(day: NaiveDate, time: &str) -> String {
    format!("{}T{time}", day.format("%Y-%m-%d"))
}

/// Log interaction -> fill -> Log; waits for the dialog to close.
pub async fn log_interaction(b: &Browser, logged: Logged<'_>) {
    fill_log_dialog(b, &logged).await;
    b.click("#journey-log-save").await;
    b.wait_gone(".overlay").await;
}

/// Log interaction -> fill; the dialog stays open.
pub async fn fill_log_dialog(b: &Browser, logged: &Logged<'_>) {
    b.click("#journey-log").await;
    b.wait_for("#journey-log-form").await;
    b.select("#journey-log-channel", logged.channel).await;
    b.select("#journey-log-direction", logged.direction).await;
    set_value(b, "#journey-log-started", &logged.started).await;
    set_value(b, "#journey-log-ended", &logged.ended).await;
    if let Some(agent) = logged.agent {
        select_by_text(b, "#journey-log-agent", agent).await;
    }
    if let Some(disposition) = logged.disposition {
        select_by_text(b, "#journey-log-disposition", disposition).await;
    }
    b.fill("#journey-log-notes", logged.notes).await;
}

/// Picks the option whose text, trimmed of the depth's indent, is `text`.
pub async fn select_by_text(b: &Browser, css: &str, text: &str) {
    b.wait_for(css).await;
    let script = format!(
        "const s = document.querySelector({css:?});
         const o = [...s.options].find(o => o.textContent.trim() === {text:?});
         if (!o) return null;
         s.value = o.value; s.dispatchEvent(new Event('change', {{bubbles: true}})); return o.value;"
    );
    let v = b.exec(&script).await;
    assert!(v.is_string(), "no option {text:?} in `{css}`");
}

/// Each rendered item as "kind|channel|text" (channel empty for history), in page
/// order.
pub async fn items(b: &Browser) -> Vec<String> {
    strings(
        b.exec(&format!(
            "return [...document.querySelectorAll('{ITEMS}')].map(i =>
               [i.dataset.kind, i.dataset.channel || '', i.querySelector('.journey-item-head').textContent].join('|'))"
        ))
        .await,
    )
}

/// The channels of the rendered interactions, in page order.
pub async fn item_channels(b: &Browser) -> Vec<String> {
    strings(b.exec(&format!("return [...document.querySelectorAll('{ITEMS}[data-kind=interaction]')].map(i => i.dataset.channel)")).await)
}

/// The day headings, in page order.
pub async fn days(b: &Browser) -> Vec<String> {
    b.texts("#journey .journey-day").await
}

/// Waits until "#journey-shown" reads `text` ("3 of 3 shown").
pub async fn wait_shown(b: &Browser, text: &str) {
    let script = format!("const s = document.querySelector('#journey-shown'); return s && s.textContent === {text:?};");
    b.poll(&script, Duration::from_secs(10), &format!("#journey-shown reading {text:?}")).await;
}

/// The label of a channel's checkbox ("Voice (2)").
pub async fn channel_label(b: &Browser, key: &str) -> String {
    let v = b
        .exec(&format!("const i = document.querySelector('input.journey-channel[data-channel={key:?}]'); return i ? i.closest('label').textContent : null;"))
        .await;
    v.as_str().unwrap_or_else(|| panic!("no channel checkbox {key}: {v}")).to_string()
}

/// Ticks or unticks a channel's checkbox.
pub async fn toggle_channel(b: &Browser, key: &str) {
    b.click(&format!("input.journey-channel[data-channel='{key}']")).await;
}

/// Sets the interval's days.
pub async fn set_interval(b: &Browser, from: NaiveDate, to: NaiveDate) {
    set_value(b, "#journey-from", &from.format("%Y-%m-%d").to_string()).await;
    set_value(b, "#journey-to", &to.format("%Y-%m-%d").to_string()).await;
}

/// Clicks the Activity or History tab ("activity", "history") and waits until it is
/// selected.
pub async fn show_view(b: &Browser, view: &str) {
    b.click(&format!("#journey button[data-view='{view}']")).await;
    b.wait_for(&format!("#journey button[data-view='{view}'][aria-selected=true]")).await;
}

fn strings(v: Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a list: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_else(|| panic!("expected text: {s}")).to_string())
        .collect()
}
