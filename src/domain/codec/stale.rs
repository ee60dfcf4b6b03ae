//! Records of stale copies (`workspace::stale`): the ids of the contacts a stored page
//! still holds after they left it, stored under the page's key. They came with format
//! 4 as a new record kind: bytes of formats 1 to 3 are damage.

use super::{decode, encode, CodecError, NeverStored};
use crate::domain::ids::ContactId;

pub fn encode_stale_copies(ids: &[ContactId]) -> Vec<u8> {
    encode(ids)
}

pub fn decode_stale_copies(bytes: &[u8]) -> Result<Vec<ContactId>, CodecError> {
    decode::<_, NeverStored, NeverStored, NeverStored>(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_older_formats_are_damage() {
        let ids = [3, 9, 1 << 40].map(ContactId::new);
        let bytes = encode_stale_copies(&ids);
        assert_eq!(decode_stale_copies(&bytes), Ok(ids.to_vec()));
        let mut old = bytes.clone();
        old[0] = 2;
        assert!(matches!(decode_stale_copies(&old), Err(CodecError::Damaged(_))));
        assert_eq!(decode_stale_copies(&[]), Err(CodecError::Empty));
    }
}
