//! Backups: one file holding a whole workspace (lists, fields, dispositions, tags,
//! agents, contacts, the trash, import history, every interaction and history event,
//! the workspace's settings), and restoring one into an empty store.
//!
//! The file (`format`): a signature, a format number, then frames (a kind byte, a
//! length, a body), the last one counting what came before, then a 128-bit checksum
//! of everything before it. Record bodies are the records' storage bytes (`codec`),
//! which carry their own format byte, so a later app restores an older backup through
//! the same decoders it loads older stores with. A file cut short, damaged, foreign or
//! of a newer format is refused before anything is written (`reader`), and restoring
//! decodes every record with the checks loading does (`restore`).

mod format;
mod frame;
mod make;
mod reader;
mod restore;
mod writer;

#[cfg(test)]
mod tests;

pub use format::{BackupCounts, BackupError, BackupHeader, FILE_EXTENSION};
pub use frame::{Frame, Slot};
pub use make::{write_backup, BackupProgress, MadeBackup};
pub use reader::{BackupReader, Checked};
pub use restore::{restore_backup, RestoreError, Restored, Restoring};
pub use writer::BackupWriter;
