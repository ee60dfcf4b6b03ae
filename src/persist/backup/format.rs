//! The backup file's fixed parts: its signature, format number, header and counts,
//! and what can be wrong with a file, in words.

use serde::{Deserialize, Serialize};

/// The first bytes of every backup. The high byte and the line endings catch a file
/// that went through a text conversion (as PNG's signature does).
pub(crate) const SIGNATURE: &[u8; 12] = b"\x89CMBACKUP\r\n\x1a";
/// The format this build writes; it reads this one and every older one.
pub(crate) const FORMAT: u16 = 1;
/// Signature and format number.
pub(crate) const PREAMBLE_LEN: usize = SIGNATURE.len() + 2;
/// The checksum after the last frame: xxh3-128 of every byte before it.
pub(crate) const CHECKSUM_LEN: usize = 16;
/// No record comes near this (a page of contacts is a few hundred kB): a longer
/// frame is damage, not a reason to wait for gigabytes.
pub(crate) const MAX_FRAME_LEN: usize = 256 << 20;

/// The name files end with.
pub const FILE_EXTENSION: &str = "cmbackup";

/// What a backup says about itself, first in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupHeader {
    /// The app version that wrote it.
    pub app_version: String,
    /// When it was made, milliseconds since 1970 (UTC).
    pub made_at_ms: i64,
}

/// What a backup holds, last in the file; a reader counts the same and compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupCounts {
    pub lists: u64,
    pub contacts: u64,
    /// Workspace records of every kind (meta, lists, pages, small records, trash pages).
    pub records: u64,
    /// Interactions and history events.
    pub journal: u64,
    pub settings: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("the file is empty")]
    Empty,
    #[error("this is not a Contacts Manager backup{0}")]
    Foreign(String),
    #[error("this backup was made by a newer version of Contacts Manager (backup format {0}); reload the app to update it, then restore again")]
    NewerFormat(u16),
    #[error("the file ends before the backup does: it was cut short after {read} bytes (a download or copy that did not finish); nothing was restored")]
    Truncated { read: u64 },
    #[error("the backup is damaged ({0}); nothing was restored")]
    Damaged(String),
    #[error("the backup is damaged: its checksum does not match what it holds (it changed after it was written); nothing was restored")]
    ChecksumMismatch,
}

/// Why a file that is not a backup was chosen, when its first bytes say: a hint for
/// the message after "this is not a Contacts Manager backup".
pub(crate) fn foreign_hint(start: &[u8]) -> String {
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(start);
    if start.starts_with(b"PK\x03\x04") {
        return " (it is a zip file, such as an Excel workbook)".into();
    }
    let sample = &start[..start.len().min(512)];
    // UTF-8 (a character cut by the sample's end is fine) without control characters.
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    let text = utf8 && sample.iter().all(|&b| b == b'\t' || b == b'\n' || b == b'\r' || b >= 0x20);
    if text && !sample.is_empty() {
        return " (it is a text file, such as a CSV export: use Import to add contacts from it)".into();
    }
    String::new()
}
