//! Start-up and tab hand-over: take the tab lock, open the store, load the workspace.
//! Only one tab works on a workspace at a time (two would overwrite each other's pages).

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::WorkspaceError;
use crate::store::{request_handover, LockOutcome, Store, TabLock};
use crate::domain::first_screen::FirstScreen;
use crate::ui::contacts::{early_first_screen, first_screen_for, keep_first_screen, on_default_view, typing_in_search, ContactsView, PAGE_SIZES};

use super::settings::{Setting, SettingKey};
use super::state::AppState;
use crate::domain::text::quoted;

/// How long "Use here" waits for the tab holding the workspace to let go before
/// taking it.
const PATIENCE_MS: u32 = 3_000;

/// What the whole window shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Working on it; the text says on what.
    Starting(&'static str),
    /// Another tab has the workspace. `released`: we had it and gave it away.
    Elsewhere { released: bool },
    /// "Use here" waits for the other tab to let go; "Take over now" ends the wait.
    TakingOver,
    /// Loading, showing the contacts page as the last visit kept it
    /// (`ui::contacts::first_screen`).
    FirstScreen(FirstScreen),
    /// Start-up failed; the text says why in words.
    Failed(String),
    Ready,
}

/// Everything start-up and hand-over touch. `Copy`, so callbacks can hold it.
#[derive(Clone, Copy)]
pub struct Boot {
    pub state: AppState,
    pub view: ContactsView,
    pub phase: RwSignal<Phase>,
    lock: StoredValue<Option<TabLock>, LocalStorage>,
    /// Aborted to end "Use here"'s wait at once.
    waiting: StoredValue<Option<web_sys::AbortController>, LocalStorage>,
}

impl Boot {
    pub fn new(state: AppState, view: ContactsView) -> Self {
        Boot {
            state,
            view,
            phase: RwSignal::new(Phase::Starting("Opening your contacts…")),
            lock: StoredValue::new_local(None),
            waiting: StoredValue::new_local(None),
        }
    }

    fn db(self) -> String {
        self.state.db_name.get_value()
    }

    /// First start: take the lock if it is free, else say where the workspace is.
    pub fn start(self) {
        spawn_local(async move {
            crate::perf::mark("cm:start");
            crate::ui::data::delete_replaced(&self.db()).await;
            match TabLock::acquire(&self.db()).await {
                Ok(LockOutcome::Acquired(lock)) => self.open(lock).await,
                Ok(LockOutcome::HeldElsewhere) => self.phase.set(Phase::Elsewhere { released: false }),
                Err(err) => self.fail(err.to_string()),
            }
        });
    }

    /// "Use here": ask the other tab to let go, wait for the lock (taking it after
    /// `PATIENCE_MS` from a tab that does not answer), load fresh data.
    pub fn use_here(self) {
        let now = match web_sys::AbortController::new() {
            Ok(now) => now,
            Err(_) => return self.fail("this browser cannot hand the workspace over between tabs".into()),
        };
        self.waiting.set_value(Some(now.clone()));
        self.phase.set(Phase::TakingOver);
        spawn_local(async move {
            let db = self.db();
            if let Err(err) = request_handover(&db) {
                // The lock may still come free (the other tab closed): keep waiting.
                leptos::logging::warn!("could not message the other tab: {err}");
            }
            match TabLock::take_over(&db, PATIENCE_MS, now).await {
                Ok(lock) => self.open(lock).await,
                Err(err) => self.fail(err.to_string()),
            }
        });
    }

    /// "Take over now": stop waiting for the other tab.
    pub fn take_over_now(self) {
        if let Some(now) = self.waiting.try_update_value(|w| w.take()).flatten() {
            now.abort();
        }
    }

    async fn open(self, mut lock: TabLock) {
        self.waiting.set_value(None);
        let db = self.db();
        let kept = first_screen_for(&db, self.view);
        let read_early = kept.is_none() && on_default_view();
        self.phase.set(match kept {
            Some(screen) => Phase::FirstScreen(screen),
            None => Phase::Starting("Opening your contacts…"),
        });
        let store = match Store::open(&db).await {
            Ok(store) => store,
            Err(err) => return self.fail(err.to_string()),
        };
        crate::perf::mark("cm:opened");
        let store = Rc::new(store);
        // Before the views show (and the first page read early): the preferences.
        self.recall_settings(&store).await;
        crate::perf::mark("cm:settings");
        // None kept: the first page from the page heads, before the whole load.
        if read_early {
            if let Some(screen) = early_first_screen(&store, self.view, self.state.viewing_as.get_untracked()).await {
                if matches!(self.phase.get_untracked(), Phase::Starting(_)) {
                    self.phase.set(Phase::FirstScreen(screen));
                }
            }
        }
        // Beside the load, not after it: the journal (its own database) is open by the
        // time the table shows, so the first journey does not wait for it. It uses the
        // main thread only between the load's batches (`store::pages_read` awaits each).
        spawn_local({
            let store = Rc::clone(&store);
            async move {
                crate::perf::mark("cm:journal-prepare");
                match store.prepare_journal().await {
                    Ok(()) => crate::perf::mark("cm:journal-prepared"),
                    Err(err) => leptos::logging::warn!("the interactions could not be opened yet: {err}"),
                }
            }
        });
        let workspace = match store.load().await {
            Ok(ws) => ws,
            Err(err) => return self.fail(err.to_string()),
        };
        crate::perf::mark("cm:loaded");
        if let Err(err) = lock.on_release_requested(move || {
            // Not from inside the lock's own message handler: the release drops it.
            spawn_local(async move { self.step_back(Phase::Elsewhere { released: true }) });
        }) {
            leptos::logging::warn!("hand-over between tabs is unavailable: {err}");
        }
        // Taken by a tab this one did not answer in time (it was busy or frozen): stop
        // writing at once.
        lock.on_lost(move || spawn_local(async move { self.step_back(Phase::Elsewhere { released: true }) }));
        store.on_closed_by_other_tab(move || {
            // Later, not inside the store's own handler: stepping back drops the store.
            spawn_local(async move {
                self.step_back(Phase::Failed(
                    "A newer version of Contacts Manager opened this data in another tab. Reload this page to continue."
                        .into(),
                ))
            });
        });
        self.lock.set_value(Some(lock));
        let interrupted = interrupted_notice(&workspace);
        self.state.install(store as Rc<dyn crate::persist::Persistence>, workspace);
        // Deletions 30 days old leave the trash for good (a failed save is told by `apply`).
        if let Err(err) = self.state.apply(|ws, now| Ok::<_, WorkspaceError>(ws.expire_trash(now))).await {
            leptos::logging::warn!("emptying the trash of old deletions failed: {err}");
        }
        if let Some(message) = interrupted {
            self.state.info(message);
        }
        let typing = typing_in_search();
        self.phase.set(Phase::Ready);
        crate::perf::mark("cm:ready");
        if typing {
            // Once the loaded page is in the document (after this task).
            gloo_timers::future::TimeoutFuture::new(0).await;
            crate::ui::kit::focus_id("contact-search");
        }
        keep_first_screen(self.state, self.view);
    }

    /// The preferences, from the store itself.
    async fn recall_settings(self, store: &Store) {
        if let Some(Setting::PageSize(n)) = Setting::recall(store, SettingKey::PageSize).await {
            if PAGE_SIZES.contains(&n) {
                self.view.page_size.set(n);
            }
        }
        if let Some(Setting::Columns(ids)) = Setting::recall(store, SettingKey::Columns).await {
            self.view.columns.set(ids);
        }
        // An agent that no longer exists simply sees nothing special (the admin view).
        if let Some(Setting::ViewingAs(agent)) = Setting::recall(store, SettingKey::ViewingAs).await {
            self.state.viewing_as.set(agent);
        }
    }

    /// Another tab takes the workspace: close the store, free the lock, say so.
    fn step_back(self, then: Phase) {
        self.state.uninstall();
        self.state.notice.set(None);
        if let Some(lock) = self.lock.try_update_value(|l| l.take()).flatten() {
            lock.release();
        }
        self.phase.set(then);
    }

    fn fail(self, message: String) {
        leptos::logging::error!("start-up failed: {message}");
        self.phase.set(Phase::Failed(message));
    }
}

/// Says so when an import was cut short (the tab closed mid-import), with what it saved.
fn interrupted_notice(ws: &crate::domain::Workspace) -> Option<String> {
    let batch = ws.interrupted_imports().into_iter().next()?;
    Some(format!(
        "The import of {} into {} was interrupted; {} saved. Open Import to undo it or keep them.",
        quoted(&batch.file_name),
        ws.import_list_name(batch),
        crate::ui::kit::plural(batch.imported() as usize, "contact was", "contacts were"),
    ))
}
