//! The journey's filter: channels (one, several, none = all) and interval together,
//! newest first, counts per channel within the interval, and days at the user's
//! offset.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::journey_support::{interaction, utc, CONTACT};
use crate::domain::interaction::Channel;
use crate::domain::journey::{channel_counts, filter, group_by_day, HistoryEvent, HistoryKind, Interval, JourneyEntry, JourneyFilter, JourneyView};

/// Interactions 1-6 and one history event, out of time order. The default interval on
/// June 11 2026 (UTC) runs from March 1 to June 30: 5 (February) and 6 (July) are out.
fn journey() -> Vec<JourneyEntry> {
    let i = |id, channel, at: &str| JourneyEntry::Interaction(interaction(id, channel, utc(at)));
    vec![
        i(1, Channel::Voice, "2026-03-01 00:00:00.000"),
        i(2, Channel::WhatsApp, "2026-06-10 09:00:00.000"),
        i(3, Channel::Voice, "2026-05-02 17:45:00.000"),
        i(4, Channel::Email, "2026-06-30 23:59:59.999"),
        i(5, Channel::Voice, "2026-02-28 23:59:59.999"),
        i(6, Channel::WhatsApp, "2026-07-01 00:00:00.000"),
        JourneyEntry::History(HistoryEvent { contact: CONTACT, at: utc("2026-04-15 10:00:00.000"), kind: HistoryKind::Created }),
    ]
}

fn june() -> Interval {
    Interval::default_for(utc("2026-06-11 12:00:00.000"), 0)
}

/// The ids of the interactions kept, in order, with "h" for a history event.
fn ids(entries: &[&JourneyEntry]) -> Vec<String> {
    entries.iter().map(|e| e.as_interaction().map_or("h".to_owned(), |i| i.id.to_string())).collect()
}

fn only(channels: &[Channel]) -> JourneyFilter {
    JourneyFilter { channels: channels.iter().copied().collect::<BTreeSet<_>>(), interval: june() }
}

#[test]
fn no_channel_chosen_keeps_every_channel_in_the_interval_newest_first() {
    let entries = journey();
    assert_eq!(ids(&filter(&entries, &JourneyFilter::all_channels(june()))), ["4", "2", "3", "h", "1"]);
    assert_eq!(ids(&filter(&entries, &only(&[]))), ["4", "2", "3", "h", "1"]);
}

#[test]
fn chosen_channels_and_the_interval_apply_together() {
    let entries = journey();
    assert_eq!(ids(&filter(&entries, &only(&[Channel::Voice]))), ["3", "h", "1"]);
    assert_eq!(ids(&filter(&entries, &only(&[Channel::WhatsApp, Channel::Email]))), ["4", "2", "h"]);
    assert_eq!(ids(&filter(&entries, &only(&[Channel::Fax]))), ["h"]);
    let may = Interval::from_dates(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"), NaiveDate::from_ymd_opt(2026, 6, 10).expect("date"), 0).expect("interval");
    let voice_in_may = JourneyFilter { channels: [Channel::Voice].into(), interval: may };
    assert_eq!(ids(&filter(&entries, &voice_in_may)), ["3"]);
}

#[test]
fn the_views_split_activity_from_history() {
    let entries = journey();
    let kept = filter(&entries, &only(&[]));
    let activity: Vec<&JourneyEntry> = kept.iter().copied().filter(|e| JourneyView::Activity.shows(e)).collect();
    let history: Vec<&JourneyEntry> = kept.iter().copied().filter(|e| JourneyView::History.shows(e)).collect();
    assert_eq!(ids(&activity), ["4", "2", "3", "1"]);
    assert_eq!(ids(&history), ["h"]);
    assert!(kept.iter().all(|e| e.contact() == CONTACT));
    assert_eq!(history[0].at(), utc("2026-04-15 10:00:00.000"));
}

#[test]
fn channel_counts_cover_every_channel_within_the_interval() {
    let counts = channel_counts(&journey(), june());
    assert_eq!(
        counts,
        [
            (Channel::Voice, 2),
            (Channel::WhatsApp, 1),
            (Channel::Chat, 0),
            (Channel::Sms, 0),
            (Channel::Email, 1),
            (Channel::OpenChannel, 0),
            (Channel::Fax, 0),
        ]
    );
}

#[test]
fn days_group_at_the_users_offset() {
    let i = |id, at: &str| JourneyEntry::Interaction(interaction(id, Channel::Chat, utc(at)));
    let entries = [i(1, "2026-06-10 22:30:00.000"), i(2, "2026-06-11 08:00:00.000"), i(3, "2026-06-10 23:30:00.000"), i(4, "2026-06-09 12:00:00.000")];
    let day = |d| NaiveDate::from_ymd_opt(2026, 6, d).expect("date");
    let grouped = |offset| -> Vec<(NaiveDate, Vec<String>)> { group_by_day(&entries, offset).into_iter().map(|(d, e)| (d, ids(&e))).collect() };
    assert_eq!(grouped(0), [(day(11), vec!["2".to_owned()]), (day(10), vec!["3".into(), "1".into()]), (day(9), vec!["4".into()])]);
    // At UTC+1, 23:30 UTC on June 10 is 00:30 on June 11; 22:30 stays on June 10.
    assert_eq!(grouped(60), [(day(11), vec!["2".to_owned(), "3".into()]), (day(10), vec!["1".into()]), (day(9), vec!["4".into()])]);
}
