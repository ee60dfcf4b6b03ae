//! Restoring a backup file: checked whole first (nothing is written for a file that is
//! cut short, damaged, foreign or newer), then read again and written into a new,
//! empty database. A restore that fails half-way deletes that database: the
//! workspace in use is never touched by a restore (`workspaces` says how a replace
//! switches to the new database).

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;

use crate::persist::backup::{restore_backup, BackupReader, Checked, RestoreError, Restored};
use crate::store::Store;
use crate::ui::kit::{read_slice, sentence, with_stop};

/// Bytes read per slice.
const SLICE: f64 = 4.0 * 1024.0 * 1024.0;

/// How far a check or a restore is through the file, from 0 to 1.
pub type Share = RwSignal<f64>;

/// Reads the whole file and says what it holds, or why it cannot be restored.
pub async fn check_backup(file: &web_sys::Blob, share: Share) -> Result<Checked, String> {
    let mut reader = BackupReader::new();
    let size = file.size();
    let mut at = 0.0;
    while at < size {
        let slice = read_slice(file, at, SLICE).await?;
        if slice.is_empty() {
            break;
        }
        at += slice.len() as f64;
        reader.feed(&slice).map_err(|e| refused(&e.to_string()))?;
        share.try_set(at / size);
        TimeoutFuture::new(0).await;
    }
    reader.finish().map_err(|e| refused(&e.to_string()))
}

/// Writes the checked backup `file` into the new database `db`; on any failure the
/// database is deleted again and the error said in words.
pub async fn restore_into(file: &web_sys::Blob, checked: &Checked, db: &str, share: Share) -> Result<Restored, String> {
    let store = Store::open(db).await.map_err(|e| format!("A new workspace could not be made in this browser: {e}."))?;
    let outcome = write(file, checked, &store, share).await;
    if outcome.is_err() {
        drop(store);
        if let Err(e) = Store::delete_database(db).await {
            leptos::logging::warn!("the half-restored workspace {db} could not be deleted: {e}");
        }
    }
    outcome.map_err(|e| with_stop(&sentence(&e.to_string())))
}

async fn write(file: &web_sys::Blob, checked: &Checked, store: &Store, share: Share) -> Result<Restored, RestoreError> {
    let mut reader = BackupReader::new();
    let mut restoring = restore_backup(store, checked.counts);
    let size = file.size();
    let mut at = 0.0;
    while at < size {
        let slice = read_slice(file, at, SLICE).await.map_err(|e| crate::persist::backup::BackupError::Damaged(e))?;
        if slice.is_empty() {
            break;
        }
        at += slice.len() as f64;
        let frames = reader.feed(&slice)?;
        restoring.take(frames).await?;
        share.try_set(at / size);
        TimeoutFuture::new(0).await;
    }
    reader.finish()?;
    restoring.finish().await
}

fn refused(why: &str) -> String {
    format!("This file cannot be restored: {}", with_stop(why))
}
