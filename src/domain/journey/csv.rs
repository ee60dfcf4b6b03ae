//! The filtered journey's interactions as a CSV file, written like every export here
//! (`export::write_csv`: separator, BOM and formula-safe cells). History events have
//! no channel, agent or outcome, so they are not rows.

use super::JourneyEntry;
use crate::domain::agent::AgentId;
use crate::domain::disposition::DispositionId;
use crate::domain::export::{write_csv, CsvOptions};
use crate::domain::ids::Timestamp;
use crate::domain::interaction::{Interaction, Metadata};

pub const JOURNEY_CSV_HEADER: [&str; 9] = ["Started", "Ended", "Channel", "Direction", "Status", "Agent", "Disposition", "Notes", "Metadata"];

/// One row per interaction among `entries`, in their order, times in local time at
/// `offset_minutes`. `agent_name` and `disposition_path` ("Sale > Upsell") name what
/// the ids refer to; what they do not know is left blank.
pub fn journey_csv<'a>(
    entries: impl IntoIterator<Item = &'a JourneyEntry>,
    options: CsvOptions,
    offset_minutes: i32,
    agent_name: impl Fn(AgentId) -> Option<String>,
    disposition_path: impl Fn(DispositionId) -> Option<String>,
) -> Vec<u8> {
    let local = |t: Timestamp| t.display_at_offset(offset_minutes);
    let row = |i: &Interaction| {
        vec![
            local(i.started),
            i.ended.map(local).unwrap_or_default(),
            i.channel.label().to_owned(),
            i.direction.label().to_owned(),
            if i.is_open() { "Open" } else { "Closed" }.to_owned(),
            i.agent.and_then(&agent_name).unwrap_or_default(),
            i.disposition.and_then(&disposition_path).unwrap_or_default(),
            i.notes.to_string(),
            metadata_text(&i.metadata),
        ]
    };
    write_csv(options, &JOURNEY_CSV_HEADER, entries.into_iter().filter_map(JourneyEntry::as_interaction).map(row))
}

/// "queue=sales; wait=12".
fn metadata_text(metadata: &Metadata) -> String {
    metadata.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
}
