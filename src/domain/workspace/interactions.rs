//! Interaction commands: log one, start a WhatsApp chat, close one, log many (a call
//! log import). Interactions live in the journal, not in the workspace: a command
//! returns the interaction in its `Change` and counts it in the contact's `Activity`
//! (which is on the contact's page, so both land in one transaction).

use super::*;
use crate::domain::interaction::{Choices, Interaction, InteractionDraft, InteractionError, InteractionId, InteractionIdentity, WhatsAppChat};
use crate::domain::journey::{HistoryEvent, HistoryKind, JourneyEntry};
use crate::domain::phone::PhoneNumber;

/// A row of a bulk log that was refused: its position in the input and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedInteraction {
    pub index: usize,
    pub error: WorkspaceError,
}

impl Workspace {
    /// Logs an interaction an agent describes, on the contact's current list.
    pub fn log_interaction(&mut self, contact: ContactId, draft: &InteractionDraft, offset_minutes: i32) -> Result<(Interaction, Change), WorkspaceError> {
        let identity = self.next_interaction(contact)?;
        let interaction = self.with_choices(identity.list, |choices| draft.validate(identity, choices, offset_minutes))?;
        let change = self.record_interactions(vec![interaction.clone()]);
        Ok((interaction, change))
    }

    /// Opens an outbound WhatsApp chat on one of the contact's numbers.
    pub fn start_whatsapp(&mut self, contact: ContactId, number: &PhoneNumber, agent: Option<AgentId>, now: Timestamp) -> Result<(WhatsAppChat, Change), WorkspaceError> {
        let data = &self.contact(contact).ok_or(WorkspaceError::UnknownContact(contact))?.data;
        let own = [data.phone(), data.mobile()].into_iter().flatten().chain(data.additional_phones().iter().map(|p| &p.number));
        if !own.into_iter().any(|n| n == number) {
            return Err(InteractionError::NotContactsNumber(number.to_string()).into());
        }
        let identity = self.next_interaction(contact)?;
        let chat = self.with_choices(identity.list, |choices| WhatsAppChat::start(identity, number, now, agent, choices))?;
        let change = self.record_interactions(vec![chat.interaction.clone()]);
        Ok((chat, change))
    }

    /// Closes `open` (as read from the journal) with the outcome the agent chose, from
    /// the dispositions of the list it was logged on.
    pub fn close_interaction(
        &mut self,
        open: &Interaction,
        ended: Timestamp,
        disposition: Option<DispositionId>,
        notes: &str,
    ) -> Result<(Interaction, Change), WorkspaceError> {
        let key = self.locations.get(open.contact).ok_or(WorkspaceError::UnknownContact(open.contact))?;
        let closed = self.with_choices(open.list, |choices| open.close(ended, disposition, notes, choices))?;
        let contact = self.contact_mut(key, open.contact)?;
        contact.activity.replace(open, &closed);
        let mut change = Change { journal_put: vec![JourneyEntry::Interaction(closed.clone())], ..Change::default() };
        self.stale.page_written(key, &mut change);
        self.revision += 1;
        Ok((closed, change))
    }

    /// Logs many interactions at once (an imported call log): every draft is checked
    /// against its contact's list; the refused ones are returned with their index and
    /// the others are logged, in one change.
    pub fn log_interactions(&mut self, rows: &[(ContactId, InteractionDraft)], offset_minutes: i32) -> (Vec<Interaction>, Vec<RefusedInteraction>, Change) {
        let mut logged = Vec::with_capacity(rows.len());
        let mut refused = Vec::new();
        // The choices once per list, not once per row (a call log has 100,000 rows).
        let agents: Vec<AgentId> = self.agents.keys().copied().collect();
        let mut dispositions: HashMap<ListId, Vec<DispositionId>> = HashMap::new();
        for (index, (contact, draft)) in rows.iter().enumerate() {
            let checked = self.next_interaction(*contact).and_then(|identity| {
                let of_list = dispositions.entry(identity.list).or_insert_with(|| self.list_dispositions(identity.list));
                Ok(draft.validate(identity, Choices { agents: &agents, dispositions: of_list }, offset_minutes)?)
            });
            match checked {
                Ok(interaction) => {
                    // The id is taken only by a row that is logged.
                    self.meta.next_interaction_id = interaction.id.get().saturating_add(1);
                    logged.push(interaction);
                }
                Err(error) => refused.push(RefusedInteraction { index, error }),
            }
        }
        let change = if logged.is_empty() { Change::default() } else { self.record_interactions(logged.clone()) };
        (logged, refused, change)
    }

    /// The first event of a contact's history, which is not stored: derived from the
    /// contact (its creation time) and the import batches (which hold the ids they
    /// created), so an import of 500,000 rows writes no history records.
    pub fn origin_event(&self, id: ContactId) -> Option<HistoryEvent> {
        let contact = self.contact(id)?;
        let kind = match self.imports.values().find(|b| b.created_contact(id)) {
            Some(batch) => HistoryKind::Imported { batch: batch.id },
            None => HistoryKind::Created,
        };
        Some(HistoryEvent { contact: id, at: contact.created, kind })
    }

    /// The id the next interaction of `contact` gets, with the contact's list. Not
    /// taken until `record_interactions`.
    fn next_interaction(&self, contact: ContactId) -> Result<InteractionIdentity, WorkspaceError> {
        let list = self.contact(contact).ok_or(WorkspaceError::UnknownContact(contact))?.list_id;
        Ok(InteractionIdentity { id: InteractionId::new(self.meta.next_interaction_id), contact, list })
    }

    /// Runs `check` with the agents that exist and the dispositions of `list`.
    fn with_choices<T>(&self, list: ListId, check: impl FnOnce(Choices<'_>) -> Result<T, InteractionError>) -> Result<T, WorkspaceError> {
        let agents: Vec<AgentId> = self.agents.keys().copied().collect();
        Ok(check(Choices { agents: &agents, dispositions: &self.list_dispositions(list) })?)
    }

    /// The ids of a list's dispositions.
    fn list_dispositions(&self, list: ListId) -> Vec<DispositionId> {
        self.dispositions.values().filter(|d| d.list == list).map(|d| d.id).collect()
    }

    /// Counts checked interactions in their contacts' activity, takes their ids and
    /// names what to write: the journal entries, the pages, the id counter.
    fn record_interactions(&mut self, interactions: Vec<Interaction>) -> Change {
        let mut pages = Vec::new();
        for interaction in &interactions {
            self.meta.next_interaction_id = self.meta.next_interaction_id.max(interaction.id.get().saturating_add(1));
            let Some(key) = self.locations.get(interaction.contact) else { continue };
            if let Ok(contact) = self.contact_mut(key, interaction.contact) {
                contact.activity.record(interaction);
                pages.push(key);
            }
        }
        pages.sort();
        pages.dedup();
        self.revision += 1;
        // Built directly (not through `merge`): fresh ids never collide, and a call log
        // of 100,000 rows must not compare every entry with every other.
        let journal_put = interactions.into_iter().map(JourneyEntry::Interaction).collect();
        Change { pages_put: pages, meta: true, journal_put, ..Change::default() }
    }

    pub(super) fn contact_mut(&mut self, key: PageKey, id: ContactId) -> Result<&mut Contact, WorkspaceError> {
        self.pages.get_mut(&key).and_then(|p| p.iter_mut().find(|c| c.id == id)).ok_or(WorkspaceError::UnknownContact(id))
    }
}
