//! What a call log's columns hold, and a proposal from their names. Twilio writes
//! "Date Created, Start Time, End Time, Duration, From, To, Direction, Status";
//! Aircall "datetime, direction, duration, from, to, user, tags, comments";
//! RingCentral "Type, Phone Number, Name, Date, Time, Action, Action Result,
//! Duration"; Italian and German sheets "Data;Ora;Numero;Esito" and
//! "Datum;Uhrzeit;Rufnummer;Ergebnis". Columns no target fits are kept as the
//! interaction's details (metadata), so nothing in the file is lost.

use std::collections::HashMap;

use crate::domain::import::mapping::{claim_columns, normalise};

/// Where a column's values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum CallColumn {
    /// Kept as a detail of the interaction, under the column's name.
    Detail,
    Skip,
    /// The contact's number, whatever the direction.
    Number,
    /// The caller: the contact's number on an inbound call.
    From,
    /// The called number: the contact's on an outbound call.
    To,
    Email,
    /// A date and time (or a date, with the time in `Time`).
    Start,
    /// A date alone, or a date and time.
    Date,
    /// A time of day, with `Date`.
    Time,
    End,
    /// Seconds, "h:mm:ss" or "m:ss": the end when no column gives it.
    Duration,
    Direction,
    Channel,
    Agent,
    Disposition,
    Notes,
}

use CallColumn as C;

impl CallColumn {
    /// Every target, in the order a picker lists them.
    pub const ALL: [CallColumn; 16] =
        [C::Detail, C::Skip, C::Number, C::From, C::To, C::Email, C::Start, C::Date, C::Time, C::End, C::Duration, C::Direction, C::Channel, C::Agent, C::Disposition, C::Notes];

    pub const fn label(self) -> &'static str {
        match self {
            C::Detail => "Keep as a detail",
            C::Skip => "Do not import",
            C::Number => "Contact's number",
            C::From => "From (caller)",
            C::To => "To (called number)",
            C::Email => "Contact's email",
            C::Start => "Start (date and time)",
            C::Date => "Date",
            C::Time => "Time",
            C::End => "End (date and time)",
            C::Duration => "Duration",
            C::Direction => "Direction",
            C::Channel => "Channel",
            C::Agent => "Agent",
            C::Disposition => "Disposition",
            C::Notes => "Notes",
        }
    }

    /// A stable machine name (select values).
    pub const fn code(self) -> &'static str {
        match self {
            C::Detail => "detail",
            C::Skip => "skip",
            C::Number => "number",
            C::From => "from",
            C::To => "to",
            C::Email => "email",
            C::Start => "start",
            C::Date => "date",
            C::Time => "time",
            C::End => "end",
            C::Duration => "duration",
            C::Direction => "direction",
            C::Channel => "channel",
            C::Agent => "agent",
            C::Disposition => "disposition",
            C::Notes => "notes",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Whether several columns may have this target.
    pub const fn repeatable(self) -> bool {
        matches!(self, C::Detail | C::Skip)
    }
}

/// A strong name claims its target outright; a weak one only when no column has a
/// strong claim ("Date Created" is the start only in a log without "Start Time").
const STRONG: &[(CallColumn, &[&str])] = &[
    (C::Number, &["Phone Number", "Number", "Phone", "Customer phone number", "Customer number", "Contact number", "Caller number", "External number", "WhatsApp number", "Mobile", "Numero", "Numero di telefono", "Telefono", "Cellulare", "Rufnummer", "Telefonnummer", "Nummer", "Teilnehmer"]),
    (C::From, &["From", "Caller", "Caller ID", "From number", "Chiamante", "Anrufer"]),
    (C::To, &["To", "Callee", "Called number", "To number", "Dialed number", "Chiamato", "Angerufen"]),
    (C::Email, &["Email", "E-mail", "Email address", "Customer email", "Requester email", "Indirizzo email", "E-Mail-Adresse"]),
    (C::Start, &["Start Time", "Started at", "Start", "Call started", "Call start time", "Call date", "Datetime", "Date time", "Timestamp", "Inizio", "Data e ora", "Beginn", "Startzeit", "Zeitpunkt"]),
    (C::Date, &["Date", "Data", "Datum", "Day", "Giorno"]),
    (C::Time, &["Time", "Ora", "Orario", "Uhrzeit", "Zeit"]),
    (C::End, &["End Time", "Ended at", "End", "Call ended", "Call end time", "Fine", "Ende", "Endzeit"]),
    (C::Duration, &["Duration", "Call duration", "Talk time", "Duration (seconds)", "Duration (s)", "Durata", "Dauer", "Gesprächsdauer"]),
    (C::Direction, &["Direction", "Call direction", "Call type", "Direzione", "Tipo chiamata", "Richtung", "Anrufart", "In/Out"]),
    (C::Channel, &["Channel", "Type", "Canale", "Tipo", "Kanal", "Typ", "Medium"]),
    (C::Agent, &["Agent", "User", "Agent name", "Operator", "Answered by", "Operatore", "Agente", "Utente", "Mitarbeiter", "Benutzer", "Bearbeiter"]),
    (C::Disposition, &["Disposition", "Outcome", "Call outcome", "Result", "Call result", "Wrap-up", "Wrap-up code", "Esito", "Esito chiamata", "Ergebnis", "Anrufergebnis"]),
    (C::Notes, &["Notes", "Note", "Comments", "Comment", "Message", "Text", "Body", "Description", "Commento", "Commenti", "Messaggio", "Notiz", "Notizen", "Kommentar", "Bemerkung", "Nachricht"]),
];

const WEAK: &[(CallColumn, &[&str])] = &[(C::Start, &["Date Created", "Created", "Created at", "Creato il", "Erstellt"])];

fn vocabulary() -> HashMap<String, (CallColumn, bool)> {
    let mut words = HashMap::new();
    for (strong, table) in [(true, STRONG), (false, WEAK)] {
        for (target, names) in table {
            for name in *names {
                words.entry(normalise(name)).or_insert((*target, strong));
            }
        }
    }
    words
}

/// A target for each column, from its name: each target at most once (the first
/// strong claim wins, then the first weak one); the rest are kept as details.
pub fn propose_call_columns<S: AsRef<str>>(headers: &[S]) -> Vec<CallColumn> {
    let words = vocabulary();
    let found: Vec<Option<(CallColumn, bool)>> = headers.iter().map(|h| words.get(&normalise(h.as_ref())).copied()).collect();
    claim_columns(&found, [true, false], C::Detail)
}
