//! A contact's interactions in brief, kept on the contact itself so the contacts table
//! can show the last interaction and the open-WhatsApp marker (and delete can refuse)
//! without reading any interaction: they are read only when a journey opens.

use serde::{Deserialize, Serialize};

use super::{Channel, Interaction};
use crate::domain::ids::Timestamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Activity {
    /// How many interactions the contact has.
    pub count: u32,
    /// The start of its latest interaction.
    pub last: Option<Timestamp>,
    /// How many of its WhatsApp interactions are open.
    pub open_whatsapp: u32,
}

impl Activity {
    /// Counts a new interaction.
    pub(crate) fn record(&mut self, interaction: &Interaction) {
        self.count = self.count.saturating_add(1);
        self.last = self.last.max(Some(interaction.started));
        if is_open_whatsapp(interaction) {
            self.open_whatsapp = self.open_whatsapp.saturating_add(1);
        }
    }

    /// Accounts for `before` becoming `after` (the same interaction, closed or edited).
    pub(crate) fn replace(&mut self, before: &Interaction, after: &Interaction) {
        if is_open_whatsapp(before) {
            self.open_whatsapp = self.open_whatsapp.saturating_sub(1);
        }
        if is_open_whatsapp(after) {
            self.open_whatsapp = self.open_whatsapp.saturating_add(1);
        }
        self.last = self.last.max(Some(after.started));
    }

    /// Another contact's activity added to this one's (a merge).
    pub fn absorb(&mut self, other: Activity) {
        self.count = self.count.saturating_add(other.count);
        self.last = self.last.max(other.last);
        self.open_whatsapp = self.open_whatsapp.saturating_add(other.open_whatsapp);
    }

    pub fn has_open_whatsapp(&self) -> bool {
        self.open_whatsapp > 0
    }
}

fn is_open_whatsapp(interaction: &Interaction) -> bool {
    interaction.channel == Channel::WhatsApp && interaction.is_open()
}
