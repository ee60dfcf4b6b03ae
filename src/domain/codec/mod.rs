//! Storage encoding of records: one format byte, then the record in postcard (compact,
//! fast, stable wire format). The format byte lets a later version still read what an
//! earlier one wrote: decoders match on it, and a test decodes bytes written by every
//! format ever shipped (`domain/tests/codec_tests.rs`, `codec_golden_tests.rs`).
//!
//! Formats: 1 = lists, contacts and meta of the first release; 2 = contacts gain custom
//! values and tags, lists a dial prefix and agents, meta more id counters, and custom
//! fields, tags, agents and dispositions are stored. Import batches came later, as
//! format-2 records of a new kind (no older shape of them exists). 3 = lists gain a
//! default country (every other record kept its format-2 shape). Journal entries
//! (interactions and history events, `journal`) came later, as format-3 records of a
//! new kind. 4 = contacts gain their activity (interaction count, last, open
//! WhatsApp) and meta an interaction id counter (every other record kept its shape).
//! Trash pages (deleted contacts, `trash`) came later, as format-4 records of a new
//! kind, and so did records of stale copies (`stale`) and page heads (`page_head`).

mod journal;
mod page_head;
mod stale;
mod trash;
mod v1;
mod v2;
mod v3;

pub use journal::{decode_journal_entry, encode_journal_entry, history_entry_id};
pub use page_head::{decode_page_head, encode_page_head};
pub use stale::{decode_stale_copies, encode_stale_copies};
pub use trash::{decode_trash_page, encode_trash_page};

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::agent::Agent;
use super::contact::Contact;
use super::ids::ContactId;
use super::custom_field::CustomField;
use super::disposition::Disposition;
use super::import_batch::ImportBatch;
use super::journey::JourneyEntry;
use super::list::ContactList;
use super::page_head::PageHead;
use super::tag::Tag;
use super::workspace::WorkspaceMeta;

/// The format written today.
pub const CURRENT_FORMAT: u8 = 4;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("the stored record is empty")]
    Empty,
    #[error("the stored record was written by a newer version of the app (format {0}); reload the page to update the app")]
    NewerFormat(u8),
    #[error("the stored record is damaged: {0}")]
    Damaged(String),
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = vec![CURRENT_FORMAT];
    // Serialising plain data structs into a Vec cannot fail (no I/O, no maps with
    // non-string keys); an empty body would surface as Damaged when read back.
    if let Ok(body) = postcard::to_allocvec(value) {
        out.extend_from_slice(&body);
    }
    out
}

/// Decodes a record of the current format, of format 3 through `Old3`, of format 2
/// through `Old2` and of format 1 through `Old1` (the record's shapes then) and their
/// conversions. A record whose shape did not change in a format passes the later
/// shape for the earlier one (itself when it never changed).
fn decode<T, Old1, Old2, Old3>(bytes: &[u8]) -> Result<T, CodecError>
where
    T: DeserializeOwned,
    Old1: DeserializeOwned + Into<T>,
    Old2: DeserializeOwned + Into<T>,
    Old3: DeserializeOwned + Into<T>,
{
    let (&format, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    let damaged = |e: postcard::Error| CodecError::Damaged(e.to_string());
    match format {
        CURRENT_FORMAT => postcard::from_bytes(body).map_err(damaged),
        3 => postcard::from_bytes::<Old3>(body).map(Into::into).map_err(damaged),
        2 => postcard::from_bytes::<Old2>(body).map(Into::into).map_err(damaged),
        1 => postcard::from_bytes::<Old1>(body).map(Into::into).map_err(damaged),
        newer if newer > CURRENT_FORMAT => Err(CodecError::NewerFormat(newer)),
        unknown => Err(CodecError::Damaged(format!("unknown format {unknown}"))),
    }
}

/// For records that did not exist in format 1: any format-1 bytes are damage.
#[derive(serde::Deserialize)]
enum NeverStored {}

macro_rules! impl_never_stored {
    ($($t:ty),*) => {$(
        impl From<NeverStored> for $t {
            fn from(never: NeverStored) -> Self {
                match never {}
            }
        }
    )*};
}
impl_never_stored!(CustomField, Tag, Agent, Disposition, ImportBatch, JourneyEntry, Vec<Contact>, Vec<ContactId>, PageHead);

pub fn encode_page(contacts: &[Contact]) -> Vec<u8> {
    encode(contacts)
}
pub fn decode_page(bytes: &[u8]) -> Result<Vec<Contact>, CodecError> {
    decode::<_, v1::Page, v3::Page, v3::Page>(bytes)
}
pub fn encode_list(list: &ContactList) -> Vec<u8> {
    encode(list)
}
pub fn decode_list(bytes: &[u8]) -> Result<ContactList, CodecError> {
    decode::<_, v1::List, v2::List, ContactList>(bytes)
}
pub fn encode_meta(meta: &WorkspaceMeta) -> Vec<u8> {
    encode(meta)
}
pub fn decode_meta(bytes: &[u8]) -> Result<WorkspaceMeta, CodecError> {
    decode::<_, v1::Meta, v3::Meta, v3::Meta>(bytes)
}
pub fn encode_field(field: &CustomField) -> Vec<u8> {
    encode(field)
}
pub fn decode_field(bytes: &[u8]) -> Result<CustomField, CodecError> {
    decode::<_, NeverStored, CustomField, CustomField>(bytes)
}
pub fn encode_tag(tag: &Tag) -> Vec<u8> {
    encode(tag)
}
pub fn decode_tag(bytes: &[u8]) -> Result<Tag, CodecError> {
    decode::<_, NeverStored, Tag, Tag>(bytes)
}
pub fn encode_agent(agent: &Agent) -> Vec<u8> {
    encode(agent)
}
pub fn decode_agent(bytes: &[u8]) -> Result<Agent, CodecError> {
    decode::<_, NeverStored, Agent, Agent>(bytes)
}
pub fn encode_disposition(disposition: &Disposition) -> Vec<u8> {
    encode(disposition)
}
pub fn decode_disposition(bytes: &[u8]) -> Result<Disposition, CodecError> {
    decode::<_, NeverStored, Disposition, Disposition>(bytes)
}
pub fn encode_import(batch: &ImportBatch) -> Vec<u8> {
    encode(batch)
}
pub fn decode_import(bytes: &[u8]) -> Result<ImportBatch, CodecError> {
    decode::<_, NeverStored, ImportBatch, ImportBatch>(bytes)
}
