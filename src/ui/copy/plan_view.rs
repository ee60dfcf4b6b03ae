//! What copying into the chosen list means, read for the dialog: the values left
//! behind, named, and the target's required fields the contact has no value for.

use crate::domain::workspace::Workspace;
use crate::domain::{ContactId, CustomField, ListId, WorkspaceError};

/// A value longer than this is cut in the "Not copied" line (the field keeps it).
const SHOWN_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq)]
pub struct PlanView {
    pub target_name: String,
    /// (field name, value) of each value the target has no field for.
    pub dropped: Vec<(String, String)>,
    /// Inputs the dialog shows, in form order.
    pub to_fill: Vec<CustomField>,
}

impl PlanView {
    pub fn read(ws: &Workspace, source: ContactId, target: ListId) -> Result<PlanView, WorkspaceError> {
        let plan = ws.copy_plan(source, target)?;
        // Dropped values belong to the source's fields: named from its list's.
        let own_fields = ws.contact(source).map(|c| ws.fields_for(c.list_id)).unwrap_or_default();
        Ok(PlanView {
            target_name: ws.list(target).map(|l| l.name.to_string()).unwrap_or_default(),
            dropped: plan.dropped.iter().map(|d| (d.field_name(&own_fields), d.value.clone())).collect(),
            to_fill: plan.fields_to_fill().cloned().collect(),
        })
    }

    /// "Not copied — Customers has no such field: Tier: Gold, Notes: …"; `None` when
    /// the target has a field for every value.
    pub fn dropped_text(&self) -> Option<String> {
        if self.dropped.is_empty() {
            return None;
        }
        let values: Vec<String> = self.dropped.iter().map(|(name, value)| format!("{name}: {}", shortened(value))).collect();
        let noun = if self.dropped.len() == 1 { "such field" } else { "such fields" };
        Some(format!("Not copied — {} has no {noun}: {}.", self.target_name, values.join(", ")))
    }
}

/// `text` up to `SHOWN_CHARS` characters, "…" marking a cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
