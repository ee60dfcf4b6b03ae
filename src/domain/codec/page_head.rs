//! Page heads (`domain::page_head`), stored under their page's key. They came with
//! format 4 as a new record kind: bytes of formats 1 to 3 are damage.

use super::{decode, encode, CodecError, NeverStored};
use crate::domain::page_head::PageHead;

pub fn encode_page_head(head: &PageHead) -> Vec<u8> {
    encode(head)
}

pub fn decode_page_head(bytes: &[u8]) -> Result<PageHead, CodecError> {
    decode::<_, NeverStored, NeverStored, NeverStored>(bytes)
}
