//! Writes a backup file as parts of a few megabytes, hashing as it goes: the caller
//! hands each finished part on (to a `Blob`), so the whole file is never one buffer.

use xxhash_rust::xxh3::Xxh3;

use super::format::{BackupCounts, BackupHeader, FORMAT, SIGNATURE};
use super::frame::{encode, Frame};

/// A part is handed on once it holds this much.
const PART_LEN: usize = 4 << 20;

pub struct BackupWriter {
    part: Vec<u8>,
    ready: Vec<Vec<u8>>,
    hash: Xxh3,
}

impl BackupWriter {
    /// A backup whose first frame is `header`.
    pub fn new(header: BackupHeader) -> Self {
        let mut part = Vec::with_capacity(PART_LEN + (PART_LEN >> 2));
        part.extend_from_slice(SIGNATURE);
        part.extend_from_slice(&FORMAT.to_le_bytes());
        let mut writer = BackupWriter { part, ready: Vec::new(), hash: Xxh3::new() };
        writer.push(&Frame::Header(header));
        writer
    }

    pub fn push(&mut self, frame: &Frame) {
        encode(frame, &mut self.part);
        if self.part.len() >= PART_LEN {
            self.seal_part();
        }
    }

    /// The parts finished so far (the caller keeps them in order).
    pub fn take_parts(&mut self) -> Vec<Vec<u8>> {
        std::mem::take(&mut self.ready)
    }

    /// Ends the backup with `counts` and its checksum: the last parts.
    pub fn finish(mut self, counts: BackupCounts) -> Vec<Vec<u8>> {
        encode(&Frame::End(counts), &mut self.part);
        self.hash.update(&self.part);
        let checksum = self.hash.digest128().to_le_bytes();
        self.part.extend_from_slice(&checksum);
        let last = std::mem::take(&mut self.part);
        let mut parts = std::mem::take(&mut self.ready);
        parts.push(last);
        parts
    }

    fn seal_part(&mut self) {
        self.hash.update(&self.part);
        let full = std::mem::replace(&mut self.part, Vec::with_capacity(PART_LEN + (PART_LEN >> 2)));
        self.ready.push(full);
    }
}
