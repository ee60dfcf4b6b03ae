//! The filtered journey as CSV: header, local times, names through the lookups,
//! metadata as "k=v; k=v", formula-looking text neutralised, history left out.

use super::journey_support::{interaction, utc, CONTACT};
use crate::domain::agent::AgentId;
use crate::domain::disposition::DispositionId;
use crate::domain::export::CsvOptions;
use crate::domain::interaction::{Channel, Direction};
use crate::domain::journey::{journey_csv, HistoryEvent, HistoryKind, JourneyEntry};

#[test]
fn the_journey_exports_as_safe_csv() {
    let mut call = interaction(1, Channel::Voice, utc("2026-06-11 12:30:00.000"));
    call.ended = Some(utc("2026-06-11 12:45:00.000"));
    call.direction = Direction::Outbound;
    call.agent = Some(AgentId::new(1));
    call.disposition = Some(DispositionId::new(10));
    call.notes = "=HYPERLINK(\"http://x\")".into();
    call.metadata = vec![("queue".into(), "sales".into()), ("wait".into(), "12".into())];
    let mut chat = interaction(2, Channel::WhatsApp, utc("2026-06-10 22:30:00.000"));
    chat.ended = None;
    chat.agent = Some(AgentId::new(9));
    let entries = [
        JourneyEntry::Interaction(call),
        JourneyEntry::History(HistoryEvent { contact: CONTACT, at: utc("2026-06-11 08:00:00.000"), kind: HistoryKind::Created }),
        JourneyEntry::Interaction(chat),
    ];
    let agent = |id: AgentId| (id == AgentId::new(1)).then(|| "Ann Lee".to_owned());
    let disposition = |id: DispositionId| (id == DispositionId::new(10)).then(|| "Sale > Upsell".to_owned());
    let bytes = journey_csv(&entries, CsvOptions { separator: b';', bom: false }, 120, agent, disposition);
    let text = String::from_utf8(bytes).expect("utf8");
    // The metadata holds the separator, so it is quoted.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "Started;Ended;Channel;Direction;Status;Agent;Disposition;Notes;Metadata",
            "2026-06-11 14:30;2026-06-11 14:45;Voice;Outbound;Closed;Ann Lee;Sale > Upsell;\"'=HYPERLINK(\"\"http://x\"\")\";\"queue=sales; wait=12\"",
            "2026-06-11 00:30;;WhatsApp;Inbound;Open;;;;",
        ]
    );
    let with_bom = journey_csv(&entries[..1], CsvOptions::default(), 0, |_| None, |_| None);
    assert!(with_bom.starts_with("\u{feff}Started,Ended".as_bytes()));
}
