//! The channels an interaction happens on and its direction, each with a label for
//! people and a stable key for CSV files and storage.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    Voice,
    WhatsApp,
    Chat,
    Sms,
    Email,
    OpenChannel,
    Fax,
}

impl Channel {
    /// Every channel, in the order filters list them.
    pub const ALL: [Channel; 7] = [Self::Voice, Self::WhatsApp, Self::Chat, Self::Sms, Self::Email, Self::OpenChannel, Self::Fax];

    pub const fn label(self) -> &'static str {
        match self {
            Self::Voice => "Voice",
            Self::WhatsApp => "WhatsApp",
            Self::Chat => "Chat",
            Self::Sms => "SMS",
            Self::Email => "Email",
            Self::OpenChannel => "Open channel",
            Self::Fax => "Fax",
        }
    }

    /// A stable machine name: never change one, files and stores hold them.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Voice => "voice",
            Self::WhatsApp => "whatsapp",
            Self::Chat => "chat",
            Self::Sms => "sms",
            Self::Email => "email",
            Self::OpenChannel => "open_channel",
            Self::Fax => "fax",
        }
    }

    /// The channel a key or a label names, ignoring case and surrounding spaces.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL.into_iter().find(|c| c.key().eq_ignore_ascii_case(text) || c.label().eq_ignore_ascii_case(text))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Direction {
    Inbound,
    Outbound,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Self::Inbound, Self::Outbound];

    pub const fn label(self) -> &'static str {
        match self {
            Self::Inbound => "Inbound",
            Self::Outbound => "Outbound",
        }
    }

    /// A stable machine name, as `Channel::key`.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Inbound => "inbound",
            Self::Outbound => "outbound",
        }
    }

    /// The direction a key or a label names (the label is the key capitalised),
    /// ignoring case and surrounding spaces.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL.into_iter().find(|d| d.key().eq_ignore_ascii_case(text))
    }
}
