//! One record of a call log → an interaction draft for the one contact it names, or
//! why not: no contact has its number or email (unmatched), several do (ambiguous),
//! or a value cannot be read (invalid). An agent or disposition that names nothing is
//! left out with a warning: the call itself still counts.

use chrono::{Duration, NaiveDateTime};

use super::columns::CallColumn;
use super::contact_index::{ContactIndex, Found};
use super::names::NameBook;
use super::when::{read_duration, read_time, read_when, with_time, When};
use super::words::{read_channel, read_direction};
use crate::domain::import::problem::{Failure, FailureKind};
use crate::domain::import::reader::Record;
use crate::domain::interaction::{Channel, Choices, Direction, InteractionDraft, InteractionId, InteractionIdentity, MAX_METADATA_ENTRIES, MAX_METADATA_KEY_LEN, MAX_METADATA_VALUE_LEN};
use crate::domain::ids::{ContactId, ListId};
use crate::domain::text::quoted;

/// The user's UTC offset in minutes at a local date and time (it changes with
/// daylight saving time, so a log over months needs it per row).
pub type LocalOffset = Box<dyn Fn(NaiveDateTime) -> i32>;

/// What became of a row.
pub(super) enum RowResult {
    // Boxed: the draft is most of the size, and `Err(RowResult)` travels.
    Ready { contact: ContactId, draft: Box<InteractionDraft>, warnings: Vec<Failure> },
    Unmatched(Failure),
    Ambiguous(Failure),
    Invalid(Vec<Failure>),
}

/// The column of each target, found once.
#[derive(Default)]
struct Positions {
    number: Option<usize>,
    from: Option<usize>,
    to: Option<usize>,
    email: Option<usize>,
    start: Option<usize>,
    date: Option<usize>,
    time: Option<usize>,
    end: Option<usize>,
    duration: Option<usize>,
    direction: Option<usize>,
    channel: Option<usize>,
    agent: Option<usize>,
    disposition: Option<usize>,
    notes: Option<usize>,
    /// Columns kept as details, with their metadata key.
    details: Vec<(usize, String)>,
}

pub(super) struct RowReader {
    at: Positions,
    headers: Vec<String>,
    direction: Direction,
    channel: Channel,
    offset: LocalOffset,
}

/// The column's trimmed value, unless it is blank or missing.
fn cell<'a>(record: &Record<'a>, column: Option<usize>) -> Option<&'a str> {
    column.and_then(|c| record.get(c)).map(str::trim).filter(|v| !v.is_empty())
}

impl RowReader {
    pub fn new(columns: &[CallColumn], direction: Direction, channel: Channel, offset: LocalOffset) -> Self {
        let mut at = Positions::default();
        for (i, column) in columns.iter().enumerate() {
            let slot = match column {
                CallColumn::Detail => {
                    at.details.push((i, String::new()));
                    continue;
                }
                CallColumn::Skip => continue,
                CallColumn::Number => &mut at.number,
                CallColumn::From => &mut at.from,
                CallColumn::To => &mut at.to,
                CallColumn::Email => &mut at.email,
                CallColumn::Start => &mut at.start,
                CallColumn::Date => &mut at.date,
                CallColumn::Time => &mut at.time,
                CallColumn::End => &mut at.end,
                CallColumn::Duration => &mut at.duration,
                CallColumn::Direction => &mut at.direction,
                CallColumn::Channel => &mut at.channel,
                CallColumn::Agent => &mut at.agent,
                CallColumn::Disposition => &mut at.disposition,
                CallColumn::Notes => &mut at.notes,
            };
            slot.get_or_insert(i);
        }
        Self { at, headers: Vec::new(), direction, channel, offset }
    }

    /// The column names: problems name them, details are keyed by them.
    pub fn set_headers(&mut self, headers: &[String]) {
        self.headers = headers.to_vec();
        for (i, key) in &mut self.at.details {
            *key = metadata_key(headers.get(*i).map_or("", String::as_str), *i);
        }
    }

    fn failure(&self, column: Option<usize>, field: &str, reason: String, value: &str) -> Failure {
        let column = column.map(|i| self.headers.get(i).map_or_else(|| format!("Column {}", i + 1), Clone::clone).into());
        Failure { column, field: Some(field.into()), kind: FailureKind::Invalid(field.into()), reason, value: value.into() }
    }

    pub fn read(&self, record: &Record<'_>, index: &ContactIndex, names: &NameBook) -> RowResult {
        let mut problems = Vec::new();
        let direction = match cell(record, self.at.direction) {
            None => Some(self.direction),
            Some(text) => read_direction(text).or_else(|| {
                problems.push(self.failure(self.at.direction, "Direction", format!("{} is not a direction: inbound or outbound", quoted(text)), text));
                None
            }),
        };
        let channel = match cell(record, self.at.channel) {
            None => self.channel,
            Some(text) => read_channel(text).unwrap_or_else(|| {
                problems.push(self.failure(self.at.channel, "Channel", format!("{} is not a channel: voice, WhatsApp, chat, SMS, email, open channel or fax", quoted(text)), text));
                self.channel
            }),
        };
        let started = self.started(record).map_err(|f| problems.push(f)).ok();
        let ended = started.and_then(|s| self.ended(record, s).map_err(|f| problems.push(f)).ok());
        let contact = match direction {
            Some(direction) => self.contact(record, direction, index),
            None => return RowResult::Invalid(problems),
        };
        let (contact, list) = match contact {
            Ok(found) => found,
            Err(result) if problems.is_empty() => return result,
            Err(_) => return RowResult::Invalid(problems),
        };
        let (Some(started), Some(ended), true) = (started, ended, problems.is_empty()) else { return RowResult::Invalid(problems) };
        let mut warnings = Vec::new();
        let agent = cell(record, self.at.agent).and_then(|name| names.agent(name).map_err(|why| warnings.push(self.failure(self.at.agent, "Agent", why, name))).ok());
        let disposition = cell(record, self.at.disposition)
            .and_then(|name| names.disposition(list, name).map_err(|why| warnings.push(self.failure(self.at.disposition, "Disposition", why, name))).ok());
        let draft = InteractionDraft {
            channel: channel.key().to_owned(),
            direction: direction.unwrap_or(self.direction).key().to_owned(),
            started: utc_text(started),
            ended: utc_text(ended),
            agent,
            disposition,
            notes: cell(record, self.at.notes).unwrap_or_default().to_owned(),
            metadata: self.details(record, &mut warnings),
        };
        // The workspace's own check, before anything is stored: a refused row is
        // reported with the others, not found out while saving.
        let identity = InteractionIdentity { id: InteractionId::new(0), contact, list };
        let choices = Choices { agents: names.agent_ids(), dispositions: names.disposition_ids(list) };
        match draft.validate(identity, choices, 0) {
            Ok(_) => RowResult::Ready { contact, draft: Box::new(draft), warnings },
            Err(e) => RowResult::Invalid(vec![self.failure(None, "Interaction", e.to_string(), "")]),
        }
    }

    /// The contact the row names: by the number on the contact's side of the call
    /// and by email, which must agree on one contact.
    fn contact(&self, record: &Record<'_>, direction: Direction, index: &ContactIndex) -> Result<(ContactId, ListId), RowResult> {
        let side = match direction {
            Direction::Inbound => self.at.from,
            Direction::Outbound => self.at.to,
        };
        let phone_column = if cell(record, self.at.number).is_some() { self.at.number } else { side };
        let phone = cell(record, phone_column);
        let email = cell(record, self.at.email);
        if phone.is_none() && email.is_none() {
            return Err(RowResult::Invalid(vec![self.failure(phone_column.or(self.at.email), "Contact", "the row has no number or email to find the contact by".into(), "")]));
        }
        let mut ids = Vec::new();
        for found in [phone.map(|p| index.by_phone(p)), email.map(|e| index.by_email(e))].into_iter().flatten() {
            match found {
                Found::One(id, list) => ids.push((id, list)),
                Found::Several(several) => ids.extend(several),
                Found::Nobody => {}
            }
        }
        ids.sort_unstable();
        ids.dedup_by_key(|(id, _)| *id);
        let value = [phone, email].into_iter().flatten().collect::<Vec<_>>().join(" / ");
        let column = if phone.is_some() { phone_column } else { self.at.email };
        match ids.as_slice() {
            [(id, list)] => Ok((*id, *list)),
            [] => Err(RowResult::Unmatched(self.failure(column, "Contact", format!("no contact has {value}"), &value))),
            more => Err(RowResult::Ambiguous(self.failure(column, "Contact", format!("{} contacts have {value}: not given to any of them", more.len()), &value))),
        }
    }

    /// When the call started, in UTC.
    fn started(&self, record: &Record<'_>) -> Result<NaiveDateTime, Failure> {
        let (column, text) = match (cell(record, self.at.start), cell(record, self.at.date)) {
            (Some(text), _) => (self.at.start, text),
            (None, Some(text)) => (self.at.date, text),
            (None, None) => return Err(self.failure(self.at.start.or(self.at.date), "Start", "the row does not say when the call started".into(), "")),
        };
        let bad = || self.failure(column, "Start", format!("{} is not a date and time, like 2024-03-05 14:02", quoted(text)), text);
        let mut when = read_when(text).ok_or_else(bad)?;
        if !when.has_time {
            if let Some(time) = cell(record, self.at.time) {
                let time = read_time(time).ok_or_else(|| self.failure(self.at.time, "Time", format!("{} is not a time, like 14:02", quoted(time)), time))?;
                when = with_time(when.at.date(), time);
            }
        }
        Ok(self.to_utc(when))
    }

    /// When the call ended, in UTC: the end column, else start plus duration, else the
    /// start (a call log's calls are over).
    fn ended(&self, record: &Record<'_>, started: NaiveDateTime) -> Result<NaiveDateTime, Failure> {
        if let Some(text) = cell(record, self.at.end) {
            let when = read_when(text).ok_or_else(|| self.failure(self.at.end, "End", format!("{} is not a date and time, like 2024-03-05 14:02", quoted(text)), text))?;
            return Ok(self.to_utc(when));
        }
        let Some(text) = cell(record, self.at.duration) else { return Ok(started) };
        let seconds = read_duration(text).ok_or_else(|| self.failure(self.at.duration, "Duration", format!("{} is not a duration: seconds, or h:mm:ss", quoted(text)), text))?;
        Ok(started + Duration::seconds(seconds))
    }

    fn to_utc(&self, when: When) -> NaiveDateTime {
        if when.utc { when.at } else { when.at - Duration::minutes(i64::from((self.offset)(when.at))) }
    }

    /// The details: every column kept as one, by its name (values cut to the limit).
    fn details(&self, record: &Record<'_>, warnings: &mut Vec<Failure>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (column, key) in &self.at.details {
            let Some(value) = cell(record, Some(*column)) else { continue };
            if out.len() == MAX_METADATA_ENTRIES {
                warnings.push(self.failure(Some(*column), "Details", format!("an interaction keeps at most {MAX_METADATA_ENTRIES} details: left out"), value));
                continue;
            }
            let kept: String = value.chars().take(MAX_METADATA_VALUE_LEN).collect();
            if kept.len() < value.len() {
                warnings.push(self.failure(Some(*column), "Details", format!("cut to {MAX_METADATA_VALUE_LEN} characters"), value));
            }
            out.push((key.clone(), kept));
        }
        out
    }
}

/// A column name as a metadata key: no "=" or ";" (the export's separators), within
/// the length limit, never empty.
fn metadata_key(header: &str, column: usize) -> String {
    let key: String = header.trim().chars().map(|c| if matches!(c, '=' | ';') { '-' } else { c }).take(MAX_METADATA_KEY_LEN).collect();
    if key.trim().is_empty() { format!("Column {}", column + 1) } else { key.trim().to_owned() }
}

/// A UTC moment as the draft's text (read back at offset 0).
fn utc_text(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3f").to_string()
}
