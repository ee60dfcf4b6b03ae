//! Closing an open interaction: its end, the outcome and the agent's notes.

use super::draft::{check_end, check_notes};
use super::{Choices, Interaction, InteractionError};
use crate::domain::disposition::DispositionId;
use crate::domain::ids::Timestamp;

impl Interaction {
    /// The interaction closed at `ended` with `disposition` (one of the list's, in
    /// `choices`) and `notes`, which replace the notes it had (the close dialog starts
    /// from them). A closed interaction, or an end before the start, is refused.
    pub fn close(&self, ended: Timestamp, disposition: Option<DispositionId>, notes: &str, choices: Choices<'_>) -> Result<Interaction, InteractionError> {
        if !self.is_open() {
            return Err(InteractionError::AlreadyClosed);
        }
        check_end(self.started, Some(ended))?;
        choices.check_disposition(disposition)?;
        let notes = check_notes(notes)?;
        Ok(Interaction { ended: Some(ended), disposition, notes, ..self.clone() })
    }
}
