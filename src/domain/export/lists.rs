//! The lists export: id, name, description, contact count, agents (names), created.

use super::{write_csv, CsvOptions};
use crate::domain::ids::{ListId, Timestamp};
use crate::domain::workspace::Workspace;

/// The header ("List ID", not "ID": Excel takes a file starting with "ID" for SYLK).
pub const LISTS_HEADER: [&str; 6] = ["List ID", "Name", "Description", "Contacts", "Agents", "Created"];

/// The chosen lists in the lists table's order (by name); unknown ids are left out.
/// Times are written at the UTC offset `offset_at` gives for them (the user's time
/// zone then, as the lists table shows them).
pub fn lists_csv(options: CsvOptions, ws: &Workspace, ids: &[ListId], offset_at: impl Fn(Timestamp) -> i32) -> Vec<u8> {
    let rows = ws.lists().into_iter().filter(|l| ids.contains(&l.id)).map(|l| {
        let agents: Vec<&str> = l.agents.iter().filter_map(|a| ws.agent(*a)).map(|a| &*a.name).collect();
        vec![
            l.id.to_string(),
            l.name.to_string(),
            l.description.as_deref().unwrap_or("").to_owned(),
            ws.contact_count(l.id).to_string(),
            agents.join(", "),
            l.created.display_at_offset(offset_at(l.created)),
        ]
    });
    write_csv(options, &LISTS_HEADER, rows)
}
