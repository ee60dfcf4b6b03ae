//! Pages of deletions in the trash: up to `PAGE_CAPACITY` contacts of one deletion,
//! stored under `[at, deletion, page]`. They came with format 4 as a new record kind,
//! holding contacts in today's shape: no older shape of them exists, so bytes of
//! formats 1 to 3 are damage.

use super::{decode, encode, CodecError, NeverStored};
use crate::domain::contact::Contact;

pub fn encode_trash_page(contacts: &[Contact]) -> Vec<u8> {
    encode(contacts)
}

pub fn decode_trash_page(bytes: &[u8]) -> Result<Vec<Contact>, CodecError> {
    decode::<_, NeverStored, NeverStored, NeverStored>(bytes)
}
