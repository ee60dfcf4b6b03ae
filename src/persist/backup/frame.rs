//! One frame of a backup: a kind byte, the body's length (u32, little-endian), the
//! body. Numbers in bodies are little-endian; record bodies end with the record's
//! storage bytes. Kinds are never reused: a new kind of record is a new number.

use super::format::{BackupCounts, BackupError, BackupHeader};
use crate::domain::agent::AgentId;
use crate::domain::change::JournalKey;
use crate::domain::custom_field::FieldId;
use crate::domain::disposition::DispositionId;
use crate::domain::import_batch::BatchId;
use crate::domain::tag::TagId;
use crate::domain::trash::{DeletionId, TrashKey};
use crate::domain::{ContactId, ListId, PageKey, RecordKey, Timestamp};
use crate::persist::writes::Target;

/// Where a record goes back to: the places a backup holds (never a record of stale
/// copies or a range of entries, which only exist in a store).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Meta,
    List(ListId),
    Page(PageKey),
    Record(RecordKey),
    Trash(TrashKey),
    Journal(JournalKey),
}

impl Slot {
    /// The slot of a stored record's place, `None` for places a backup never holds.
    pub fn of(target: Target) -> Option<Slot> {
        match target {
            Target::Meta => Some(Slot::Meta),
            Target::List(id) => Some(Slot::List(id)),
            Target::Page(key) => Some(Slot::Page(key)),
            Target::Record(key) => Some(Slot::Record(key)),
            Target::Trash(key) => Some(Slot::Trash(key)),
            Target::Journal(key) => Some(Slot::Journal(key)),
            Target::Stale(_) | Target::PageHead(_) | Target::JournalOf(..) | Target::Layer(_) | Target::LayersBefore(_) | Target::LayerSeq => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    Header(BackupHeader),
    Record { slot: Slot, bytes: Vec<u8> },
    Setting { name: String, value: String },
    End(BackupCounts),
}

const HEADER: u8 = 1;
const META: u8 = 2;
const LIST: u8 = 3;
const PAGE: u8 = 4;
const FIELD: u8 = 5;
const TAG: u8 = 6;
const AGENT: u8 = 7;
const DISPOSITION: u8 = 8;
const IMPORT: u8 = 9;
const TRASH: u8 = 10;
const JOURNAL: u8 = 11;
const SETTING: u8 = 12;
pub(crate) const END: u8 = 255;

/// Appends `frame` to `out`.
pub(crate) fn encode(frame: &Frame, out: &mut Vec<u8>) {
    let mut body = Vec::new();
    let kind = match frame {
        // Plain structs into a Vec: serialising cannot fail (an empty body would be
        // refused as malformed when read back).
        Frame::Header(header) => {
            body = postcard::to_allocvec(header).unwrap_or_default();
            HEADER
        }
        Frame::End(counts) => {
            body = postcard::to_allocvec(counts).unwrap_or_default();
            END
        }
        Frame::Setting { name, value } => {
            put_text(&mut body, name);
            put_text(&mut body, value);
            SETTING
        }
        Frame::Record { slot, bytes } => {
            let kind = put_slot(&mut body, *slot);
            body.extend_from_slice(bytes);
            kind
        }
    };
    out.push(kind);
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&body);
}

fn put_slot(body: &mut Vec<u8>, slot: Slot) -> u8 {
    let mut u32s = |values: &[u32]| values.iter().for_each(|v| body.extend_from_slice(&v.to_le_bytes()));
    match slot {
        Slot::Meta => META,
        Slot::List(id) => {
            u32s(&[id.get()]);
            LIST
        }
        Slot::Page(key) => {
            u32s(&[key.list.get(), key.page]);
            PAGE
        }
        Slot::Record(key) => {
            let (kind, id) = match key {
                RecordKey::Field(id) => (FIELD, id.get()),
                RecordKey::Tag(id) => (TAG, id.get()),
                RecordKey::Agent(id) => (AGENT, id.get()),
                RecordKey::Disposition(id) => (DISPOSITION, id.get()),
                RecordKey::Import(id) => (IMPORT, id.get()),
            };
            u32s(&[id]);
            kind
        }
        Slot::Trash(key) => {
            body.extend_from_slice(&key.at.millis().to_le_bytes());
            body.extend_from_slice(&key.deletion.get().to_le_bytes());
            body.extend_from_slice(&key.page.to_le_bytes());
            TRASH
        }
        Slot::Journal(key) => {
            body.extend_from_slice(&key.contact.get().to_le_bytes());
            body.extend_from_slice(&key.at.millis().to_le_bytes());
            body.extend_from_slice(&key.id.to_le_bytes());
            JOURNAL
        }
    }
}

fn put_text(body: &mut Vec<u8>, text: &str) {
    body.extend_from_slice(&(text.len() as u32).to_le_bytes());
    body.extend_from_slice(text.as_bytes());
}

/// The frame of `kind` with `body`.
pub(crate) fn decode(kind: u8, body: &[u8]) -> Result<Frame, BackupError> {
    let mut r = Body { rest: body, kind };
    let frame = match kind {
        HEADER => Frame::Header(postcard::from_bytes(body).map_err(|e| r.damaged(&e.to_string()))?),
        END => Frame::End(postcard::from_bytes(body).map_err(|e| r.damaged(&e.to_string()))?),
        SETTING => {
            let name = r.text()?;
            let value = r.text()?;
            r.finished()?;
            Frame::Setting { name, value }
        }
        META => Frame::Record { slot: Slot::Meta, bytes: r.rest.to_vec() },
        LIST => record(Slot::List(ListId::new(r.u32()?)), r.rest),
        PAGE => {
            let list = ListId::new(r.u32()?);
            record(Slot::Page(PageKey { list, page: r.u32()? }), r.rest)
        }
        FIELD => record(Slot::Record(RecordKey::Field(FieldId::new(r.u32()?))), r.rest),
        TAG => record(Slot::Record(RecordKey::Tag(TagId::new(r.u32()?))), r.rest),
        AGENT => record(Slot::Record(RecordKey::Agent(AgentId::new(r.u32()?))), r.rest),
        DISPOSITION => record(Slot::Record(RecordKey::Disposition(DispositionId::new(r.u32()?))), r.rest),
        IMPORT => record(Slot::Record(RecordKey::Import(BatchId::new(r.u32()?))), r.rest),
        TRASH => {
            let at = Timestamp::from_millis(r.i64()?);
            let deletion = DeletionId::new(r.u32()?);
            record(Slot::Trash(TrashKey { at, deletion, page: r.u32()? }), r.rest)
        }
        JOURNAL => {
            let contact = ContactId::new(r.u64()?);
            let at = Timestamp::from_millis(r.i64()?);
            record(Slot::Journal(JournalKey { contact, at, id: r.u64()? }), r.rest)
        }
        unknown => return Err(BackupError::Damaged(format!("a part of unknown kind {unknown}"))),
    };
    Ok(frame)
}

fn record(slot: Slot, bytes: &[u8]) -> Frame {
    Frame::Record { slot, bytes: bytes.to_vec() }
}

/// Reads a frame's body from the front.
struct Body<'a> {
    rest: &'a [u8],
    kind: u8,
}

impl Body<'_> {
    fn damaged(&self, why: &str) -> BackupError {
        BackupError::Damaged(format!("a part of kind {} is malformed: {why}", self.kind))
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], BackupError> {
        let (head, rest) = self.rest.split_first_chunk::<N>().ok_or_else(|| self.damaged("it is too short"))?;
        self.rest = rest;
        Ok(*head)
    }

    fn u32(&mut self) -> Result<u32, BackupError> {
        self.take::<4>().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, BackupError> {
        self.take::<8>().map(u64::from_le_bytes)
    }
    fn i64(&mut self) -> Result<i64, BackupError> {
        self.take::<8>().map(i64::from_le_bytes)
    }

    fn text(&mut self) -> Result<String, BackupError> {
        let len = self.u32()? as usize;
        if len > self.rest.len() {
            return Err(self.damaged("a text runs past its end"));
        }
        let (text, rest) = self.rest.split_at(len);
        self.rest = rest;
        String::from_utf8(text.to_vec()).map_err(|_| self.damaged("a text is not UTF-8"))
    }

    fn finished(&self) -> Result<(), BackupError> {
        if self.rest.is_empty() { Ok(()) } else { Err(self.damaged("it has bytes left over")) }
    }
}
