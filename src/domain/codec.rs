//! Storage encoding of records: one format byte, then the record in postcard (compact,
//! fast, stable wire format). The format byte lets a later version still read what an
//! earlier one wrote: decoders match on it, and a test decodes bytes written by every
//! format ever shipped (tests/fixtures in this module).

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::contact::Contact;
use super::list::ContactList;
use super::workspace::WorkspaceMeta;

/// The format written today.
pub const CURRENT_FORMAT: u8 = 1;

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

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CodecError> {
    let (&format, body) = bytes.split_first().ok_or(CodecError::Empty)?;
    match format {
        1 => postcard::from_bytes(body).map_err(|e| CodecError::Damaged(e.to_string())),
        newer if newer > CURRENT_FORMAT => Err(CodecError::NewerFormat(newer)),
        unknown => Err(CodecError::Damaged(format!("unknown format {unknown}"))),
    }
}

pub fn encode_page(contacts: &[Contact]) -> Vec<u8> {
    encode(contacts)
}
pub fn decode_page(bytes: &[u8]) -> Result<Vec<Contact>, CodecError> {
    decode(bytes)
}
pub fn encode_list(list: &ContactList) -> Vec<u8> {
    encode(list)
}
pub fn decode_list(bytes: &[u8]) -> Result<ContactList, CodecError> {
    decode(bytes)
}
pub fn encode_meta(meta: &WorkspaceMeta) -> Vec<u8> {
    encode(meta)
}
pub fn decode_meta(bytes: &[u8]) -> Result<WorkspaceMeta, CodecError> {
    decode(bytes)
}
