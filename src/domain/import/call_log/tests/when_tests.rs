//! Dates, times, durations, directions and channels as logs write them.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::import::call_log::{read_channel, read_direction, read_duration, read_when, When};
use crate::domain::{Channel, Direction};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d).and_then(|date| date.and_hms_opt(h, min, s)).unwrap_or_default()
}

fn utc(text: &str) -> Option<NaiveDateTime> {
    read_when(text).filter(|w| w.utc).map(|w| w.at)
}

fn local(text: &str) -> Option<NaiveDateTime> {
    read_when(text).filter(|w| !w.utc).map(|w| w.at)
}

#[test]
fn zoned_forms_are_utc() {
    let expected = Some(at(2024, 3, 5, 14, 2, 11));
    assert_eq!(utc("Tue, 05 Mar 2024 14:02:11 +0000"), expected);
    assert_eq!(utc("Tue, 05 Mar 2024 15:02:11 +0100"), expected);
    assert_eq!(utc("2024-03-05T14:02:11Z"), expected);
    assert_eq!(utc("2024-03-05 14:02:11 UTC"), expected);
    assert_eq!(utc("2024-03-05 15:02:11+01:00"), expected);
    assert_eq!(utc("2024-03-05 09:02:11 -0500"), expected);
    assert_eq!(utc("1709647331"), expected, "Unix seconds");
    assert_eq!(utc("1709647331000"), expected, "Unix milliseconds");
}

#[test]
fn plain_forms_are_local_and_a_date_alone_says_so() {
    assert_eq!(local("2024-03-05 14:02"), Some(at(2024, 3, 5, 14, 2, 0)));
    assert_eq!(local("05/03/2024 14:02:11"), Some(at(2024, 3, 5, 14, 2, 11)), "day first");
    assert_eq!(local("05.03.2024 14.02"), Some(at(2024, 3, 5, 14, 2, 0)), "German date, Italian time");
    assert_eq!(local("3/25/2024 2:05 PM"), Some(at(2024, 3, 25, 14, 5, 0)), "US date, 12-hour time");
    assert_eq!(local("2024-03-05 12:30 AM"), Some(at(2024, 3, 5, 0, 30, 0)));
    assert_eq!(read_when("05/03/2024"), Some(When { at: at(2024, 3, 5, 0, 0, 0), utc: false, has_time: false }));
    for bad in ["", "yesterday", "31/02/2024 10:00", "2024-03-05 25:00", "2024-03-05 13:00 PM", "12345"] {
        assert_eq!(read_when(bad), None, "{bad}");
    }
}

#[test]
fn durations() {
    for (text, seconds) in [("125", 125), ("125.4", 125), ("00:02:05", 125), ("2:05", 125), ("1:00:00", 3600), ("2m 5s", 125), ("1h2m", 3720), ("3 min", 180), ("45 sec", 45), ("0", 0)] {
        assert_eq!(read_duration(text), Some(seconds), "{text}");
    }
    for bad in ["", "-5", "abc", "1:2:3:4", "5 days", "2m 5"] {
        assert_eq!(read_duration(bad), None, "{bad}");
    }
}

#[test]
fn directions_and_channels_in_their_words() {
    for word in ["inbound", "Incoming", "missed", "Entrante", "in entrata", "Eingehend"] {
        assert_eq!(read_direction(word), Some(Direction::Inbound), "{word}");
    }
    for word in ["outbound-api", "outbound-dial", "Outgoing", "In uscita", "Uscente", "Ausgehend"] {
        assert_eq!(read_direction(word), Some(Direction::Outbound), "{word}");
    }
    assert_eq!(read_direction("trunking-originating"), None);
    for (word, channel) in [("Voice", Channel::Voice), ("Phone Call", Channel::Voice), ("Fax", Channel::Fax), ("Text", Channel::Sms), ("whatsapp", Channel::WhatsApp), ("Chiamata", Channel::Voice)] {
        assert_eq!(read_channel(word), Some(channel), "{word}");
    }
    assert_eq!(read_channel("pigeon"), None);
}
