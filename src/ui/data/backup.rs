//! Making a backup from the Data page: the whole workspace written in slices (the
//! records, then the journal read from storage a page at a time) with progress and
//! Stop, inside a modal dialog so nothing changes meanwhile, then offered as one file.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::Timestamp;
use crate::persist::backup::{write_backup, BackupCounts, BackupHeader, BackupProgress, FILE_EXTENSION};
use crate::ui::app::{AppState, Setting, SettingKey};
use crate::ui::kit::{download_parts, grouped, local_day, local_time, now, plural, Dialog};

const BACKUP_MIME: &str = "application/octet-stream";

/// Writes the backup and offers it for download: what it holds, or `None` when
/// stopped. Errs with a sentence.
pub async fn run_backup(state: AppState, progress: RwSignal<BackupProgress>, stop: RwSignal<bool>) -> Result<Option<(String, BackupCounts)>, String> {
    let store = state.store().ok_or("The workspace is not open in this tab.")?;
    let _work = state.begin_work();
    let made_at = now();
    let settings = store.settings().await.map_err(|e| format!("The settings could not be read: {e}."))?;
    let settings = settings.into_iter().filter(|(name, _)| SettingKey::kept_in_backups(name)).collect();
    let header = BackupHeader { app_version: env!("CARGO_PKG_VERSION").to_owned(), made_at_ms: made_at.millis() };
    let parts = js_sys::Array::new();
    let mut on_parts = |ready: Vec<Vec<u8>>| ready.iter().for_each(|p| { parts.push(&js_sys::Uint8Array::from(p.as_slice())); });
    let mut pause = move |p: BackupProgress| -> crate::persist::LocalBoxFuture<'static, bool> {
        Box::pin(async move {
            let _ = progress.try_set(p);
            TimeoutFuture::new(0).await;
            // A closed dialog (disposed signal) stops too.
            !stop.try_get_untracked().unwrap_or(true)
        })
    };
    let read = |f: &mut dyn FnMut(&crate::domain::Workspace)| state.read_now(|ws| f(ws));
    let made = write_backup(read, store.as_ref(), header, settings, &mut on_parts, &mut pause)
        .await
        .map_err(|e| format!("The backup could not be made: {e}."))?;
    let Some(made) = made else { return Ok(None) };
    on_parts(made.last_parts);
    let name = file_name(made_at);
    download_parts(&name, BACKUP_MIME, &parts)?;
    state.remember(Setting::LastBackup { at: made_at, contacts: made.counts.contacts });
    Ok(Some((name, made.counts)))
}

fn file_name(at: Timestamp) -> String {
    let time = local_time(at);
    let hhmm: String = time.rsplit(' ').next().unwrap_or_default().chars().filter(char::is_ascii_digit).collect();
    format!("contacts-backup-{}-{hhmm}.{FILE_EXTENSION}", local_day(at))
}

/// "3 lists, 500,000 contacts, 2,000,000 interactions and history events".
pub fn holds(counts: &BackupCounts) -> String {
    let contacts = format!("{} contacts", grouped(counts.contacts as usize));
    let contacts = if counts.contacts == 1 { "1 contact".to_owned() } else { contacts };
    let journal = if counts.journal == 1 { "1 interaction or history event".to_owned() } else { format!("{} interactions and history events", grouped(counts.journal as usize)) };
    format!("{}, {contacts}, {journal}", plural(counts.lists as usize, "list", "lists"))
}

#[component]
pub fn BackupCard() -> impl IntoView {
    let state = AppState::get();
    let last = RwSignal::new(None::<(Timestamp, u64)>);
    let refresh = move || {
        spawn_local(async move {
            if let Some(Setting::LastBackup { at, contacts }) = state.recall(SettingKey::LastBackup).await {
                last.try_set(Some((at, contacts)));
            }
        })
    };
    refresh();
    let running = RwSignal::new(false);
    let progress = RwSignal::new(BackupProgress::default());
    let stop = RwSignal::new(false);
    let start = move |_| {
        running.set(true);
        stop.set(false);
        progress.set(BackupProgress::default());
        spawn_local(async move {
            let outcome = run_backup(state, progress, stop).await;
            running.try_set(false);
            match outcome {
                Ok(Some((name, counts))) => {
                    state.info(format!("Backup saved as {name}: {}. Keep it somewhere other than this device.", holds(&counts)));
                    refresh();
                }
                Ok(None) => state.info("The backup was stopped; no file was saved."),
                Err(message) => state.error(message),
            }
        });
    };
    let last_text = move || match last.get() {
        Some((at, contacts)) => format!("Last backup made here: {}, of {}.", local_time(at), plural(contacts as usize, "contact", "contacts")),
        None => "No backup has been made in this browser yet.".to_owned(),
    };
    let share = move || {
        let p = progress.get();
        if p.records_total == 0 { 0.0 } else { p.records as f64 / p.records_total as f64 }
    };
    let progress_text = move || {
        let p = progress.get();
        format!("Lists, contacts and the rest: {} of {} records. Interactions and history: {}.", grouped(p.records), grouped(p.records_total), grouped(p.journal as usize))
    };
    view! {
        <section class="card data-card" aria-labelledby="backup-title">
            <h2 class="card-title" id="backup-title">"Backup"</h2>
            <p>"One file with this whole workspace: lists, contacts, custom fields, dispositions, tags, agents, interactions and history, import history, the trash and your settings. Keep it somewhere other than this device."</p>
            <p id="backup-last">{last_text}</p>
            <button type="button" class="btn btn-primary" id="backup-make" disabled=move || running.get() || state.work_running() on:click=start>
                "Download a backup"
            </button>
            {move || running.get().then(|| view! {
                <Dialog title="Making a backup" on_close=Callback::new(move |()| stop.set(true))>
                    <div class="dialog-body">
                        <progress id="backup-progress" max="1" value=move || share().to_string()></progress>
                        <p role="status">{progress_text}</p>
                    </div>
                    <footer class="dialog-foot">
                        <button type="button" class="btn" id="backup-stop" on:click=move |_| stop.set(true)>"Stop"</button>
                    </footer>
                </Dialog>
            })}
        </section>
    }
}
