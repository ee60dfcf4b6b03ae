//! Reads a backup fed in slices of any size (a `File` read piece by piece): checks its
//! signature and format at once, hands out each complete frame, and at the end says
//! whether the file was whole (the last frame, the counts, the checksum).

use xxhash_rust::xxh3::Xxh3;

use super::format::{foreign_hint, BackupCounts, BackupError, BackupHeader, CHECKSUM_LEN, FORMAT, MAX_FRAME_LEN, PREAMBLE_LEN, SIGNATURE};
use super::frame::{decode, Frame, Slot};

/// Kind byte and length before every body.
const FRAME_HEAD: usize = 5;

enum Stage {
    Preamble,
    Frames,
    /// The last frame was read; the checksum follows.
    Checksum(BackupCounts),
    Done(BackupCounts),
}

pub struct BackupReader {
    buffer: Vec<u8>,
    /// Bytes of `buffer` already consumed.
    start: usize,
    read: u64,
    stage: Stage,
    hash: Xxh3,
    header: Option<BackupHeader>,
    seen: BackupCounts,
}

/// A whole backup: what it says of itself, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub header: BackupHeader,
    pub counts: BackupCounts,
    pub bytes: u64,
}

impl Default for BackupReader {
    fn default() -> Self {
        Self::new()
    }
}

impl BackupReader {
    pub fn new() -> Self {
        BackupReader { buffer: Vec::new(), start: 0, read: 0, stage: Stage::Preamble, hash: Xxh3::new(), header: None, seen: BackupCounts::default() }
    }

    /// Takes the next slice of the file; returns the frames it completed, in order.
    pub fn feed(&mut self, slice: &[u8]) -> Result<Vec<Frame>, BackupError> {
        self.read += slice.len() as u64;
        if self.start > 0 && self.start * 2 >= self.buffer.len() {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        self.buffer.extend_from_slice(slice);
        let mut frames = Vec::new();
        loop {
            let available = &self.buffer[self.start..];
            match self.stage {
                Stage::Preamble => {
                    let seen = available.len().min(SIGNATURE.len());
                    if available[..seen] != SIGNATURE[..seen] {
                        return Err(BackupError::Foreign(foreign_hint(available)));
                    }
                    if available.len() < PREAMBLE_LEN {
                        return Ok(frames);
                    }
                    let format = u16::from_le_bytes([available[SIGNATURE.len()], available[SIGNATURE.len() + 1]]);
                    if format > FORMAT {
                        return Err(BackupError::NewerFormat(format));
                    }
                    if format == 0 {
                        return Err(BackupError::Damaged("its format number is 0".into()));
                    }
                    self.consume(PREAMBLE_LEN);
                    self.stage = Stage::Frames;
                }
                Stage::Frames => {
                    let Some(frame) = self.next_frame()? else { return Ok(frames) };
                    if let Frame::End(counts) = frame {
                        if counts != self.seen {
                            return Err(BackupError::Damaged(format!("it says it holds {counts:?} but holds {:?}", self.seen)));
                        }
                        self.stage = Stage::Checksum(counts);
                    } else {
                        frames.push(frame);
                    }
                }
                Stage::Checksum(counts) => {
                    if available.len() < CHECKSUM_LEN {
                        return Ok(frames);
                    }
                    let mut stored = [0u8; CHECKSUM_LEN];
                    stored.copy_from_slice(&available[..CHECKSUM_LEN]);
                    if u128::from_le_bytes(stored) != self.hash.digest128() {
                        return Err(BackupError::ChecksumMismatch);
                    }
                    self.start += CHECKSUM_LEN;
                    self.stage = Stage::Done(counts);
                }
                Stage::Done(_) => {
                    if available.is_empty() {
                        return Ok(frames);
                    }
                    return Err(BackupError::Damaged("there are bytes after its end".into()));
                }
            }
        }
    }

    /// After the last slice: the backup's header and counts, or why it is not whole.
    pub fn finish(self) -> Result<Checked, BackupError> {
        match (self.stage, self.header) {
            (Stage::Done(counts), Some(header)) => Ok(Checked { header, counts, bytes: self.read }),
            (Stage::Done(_), None) => Err(BackupError::Damaged("it has no header".into())),
            (Stage::Preamble, _) if self.read == 0 => Err(BackupError::Empty),
            _ => Err(BackupError::Truncated { read: self.read }),
        }
    }

    /// The next whole frame in the buffer, checked and counted; `None` until it is all there.
    fn next_frame(&mut self) -> Result<Option<Frame>, BackupError> {
        let available = &self.buffer[self.start..];
        let Some((&kind, rest)) = available.split_first() else { return Ok(None) };
        let Some(len) = rest.first_chunk::<4>().map(|b| u32::from_le_bytes(*b) as usize) else { return Ok(None) };
        if len > MAX_FRAME_LEN {
            return Err(BackupError::Damaged(format!("a part claims {len} bytes")));
        }
        if available.len() < FRAME_HEAD + len {
            return Ok(None);
        }
        let frame = decode(kind, &available[FRAME_HEAD..FRAME_HEAD + len])?;
        self.consume(FRAME_HEAD + len);
        self.count(&frame)?;
        Ok(Some(frame))
    }

    fn count(&mut self, frame: &Frame) -> Result<(), BackupError> {
        let first = self.header.is_none() && self.seen == BackupCounts::default();
        match frame {
            Frame::Header(header) if first => self.header = Some(header.clone()),
            Frame::Header(_) => return Err(BackupError::Damaged("it has a second header".into())),
            _ if self.header.is_none() => return Err(BackupError::Damaged("it does not start with its header".into())),
            Frame::Record { slot: Slot::Journal(_), .. } => self.seen.journal += 1,
            Frame::Record { slot, .. } => {
                self.seen.records += 1;
                if let Slot::List(_) = slot {
                    self.seen.lists += 1;
                }
            }
            Frame::Setting { .. } => self.seen.settings += 1,
            // Contacts are counted once pages are decoded (`restore`); the End frame's
            // figure is compared there.
            Frame::End(counts) => self.seen.contacts = counts.contacts,
        }
        Ok(())
    }

    fn consume(&mut self, len: usize) {
        self.hash.update(&self.buffer[self.start..self.start + len]);
        self.start += len;
    }
}
