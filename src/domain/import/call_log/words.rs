//! Directions and channels in the words call logs use: Twilio's "outbound-api",
//! RingCentral's "Incoming", Italian "Entrante" / "In uscita", German "Eingehend" /
//! "Ausgehend", a missed call (inbound), "Phone Call", "Text", "WhatsApp".

use crate::domain::interaction::{Channel, Direction};

/// The direction a cell names; `None` when it names none.
pub fn read_direction(cell: &str) -> Option<Direction> {
    let word = cell.trim().to_lowercase();
    const INBOUND: &[&str] = &["in", "inbound", "incoming", "received", "missed", "answered", "entrante", "in entrata", "ricevuta", "persa", "eingehend", "verpasst", "angenommen", "ingoing"];
    const OUTBOUND: &[&str] = &["out", "outbound", "outgoing", "dialed", "dialled", "placed", "uscente", "in uscita", "effettuata", "ausgehend", "gewählt"];
    let starts = |words: &[&str]| words.iter().any(|w| word == *w || word.starts_with(&format!("{w}-")) || word.starts_with(&format!("{w} ")));
    if starts(OUTBOUND) {
        Some(Direction::Outbound)
    } else if starts(INBOUND) {
        Some(Direction::Inbound)
    } else {
        Direction::parse(&word)
    }
}

/// The channel a cell names; `None` when it names none.
pub fn read_channel(cell: &str) -> Option<Channel> {
    let word = cell.trim().to_lowercase();
    if let Some(channel) = Channel::parse(&word) {
        return Some(channel);
    }
    let channel = match word.as_str() {
        "call" | "phone" | "phone call" | "voip call" | "voice call" | "telephone" | "chiamata" | "telefonata" | "anruf" | "telefonat" | "anruf/telefonat" => Channel::Voice,
        "text" | "text message" | "message" | "messaggio" | "nachricht" => Channel::Sms,
        "whatsapp message" | "whatsapp business" | "wa" => Channel::WhatsApp,
        "e-mail" | "mail" => Channel::Email,
        "live chat" | "webchat" | "web chat" => Channel::Chat,
        "telefax" => Channel::Fax,
        _ => return None,
    };
    Some(channel)
}
