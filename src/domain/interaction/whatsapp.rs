//! Starting a WhatsApp chat with a contact: an open outbound WhatsApp interaction and
//! the `https://wa.me/<number>` link that opens the chat.

use super::{Channel, Choices, Direction, Interaction, InteractionError, InteractionIdentity};
use crate::domain::agent::AgentId;
use crate::domain::ids::Timestamp;
use crate::domain::phone::PhoneNumber;

/// The metadata key that records which number the chat was started with.
pub const WHATSAPP_NUMBER_KEY: &str = "number";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatsAppChat {
    pub interaction: Interaction,
    /// `https://wa.me/<digits>`.
    pub link: String,
}

impl WhatsAppChat {
    /// Opens a chat on `number` at `started`. A `PhoneNumber` read back from storage is
    /// not re-checked, so the number must still read as itself; one that does not
    /// (saved by an older, looser version) is refused, saying so.
    pub fn start(
        identity: InteractionIdentity,
        number: &PhoneNumber,
        started: Timestamp,
        agent: Option<AgentId>,
        choices: Choices<'_>,
    ) -> Result<Self, InteractionError> {
        if PhoneNumber::parse(number.as_str()).as_ref() != Ok(number) {
            return Err(InteractionError::NotWhatsAppNumber(number.to_string()));
        }
        choices.check_agent(agent)?;
        let InteractionIdentity { id, contact, list } = identity;
        let interaction = Interaction {
            id,
            contact,
            list,
            channel: Channel::WhatsApp,
            direction: Direction::Outbound,
            started,
            ended: None,
            agent,
            disposition: None,
            notes: "".into(),
            metadata: vec![(WHATSAPP_NUMBER_KEY.into(), number.as_str().into())],
        };
        Ok(Self { interaction, link: number.whatsapp_href() })
    }
}
