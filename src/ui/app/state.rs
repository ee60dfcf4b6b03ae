//! The app's shared state: the `Session` (workspace and store, plain Rust in
//! `persist`), one change notification per collection (`changes.rs`) that views
//! subscribe to, notices, and "viewing as".
//!
//! Every user action goes through `AppState::apply`: the session runs the domain
//! command, commits its `Change` and reloads from storage when that fails; this layer
//! only tells the user and notifies the collections that changed.

use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::{AgentId, Collection, ContactId, ContactList, Country, Interval, JourneyEntry, ListId, Timestamp, Workspace, WorkspaceError};

pub use crate::persist::ActionError;
use crate::persist::{Applied, IntoApplied, Reload, StorageFailure};
use crate::persist::{LocalBoxFuture, Persistence, Session, StoreError};
use crate::ui::kit::{now, with_stop};

use super::changes::Changes;
use super::settings::{Setting, SettingKey};

/// A message for the user, shown in the notice area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
    /// Something the user must act on (a contact kept by a delete): stays until
    /// dismissed, with links to where to act.
    Action { text: String, links: Vec<NoticeLink> },
}

/// A link in a notice: an in-app route, never a URL from data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeLink {
    pub label: String,
    pub route: super::route::Route,
}

/// A `Copy` handle to everything the views share. The workspace and store are not
/// `Send`, so they live in local arena slots.
#[derive(Clone, Copy)]
pub struct AppState {
    session: StoredValue<Session, LocalStorage>,
    changes: Changes,
    pub notice: RwSignal<Option<Notice>>,
    /// Every list, sorted by name.
    pub lists: Memo<Vec<ContactList>>,
    /// The name of the database this tab works on (`?db=`).
    pub db_name: StoredValue<String>,
    /// "Viewing as": `None` is the admin view. A working view, not a security boundary.
    pub viewing_as: RwSignal<Option<AgentId>>,
    /// The lists the current view may see: `None` sees all (admin, or an Admin-role
    /// agent); an Agent-role agent sees only the lists assigned to them.
    pub visible: Memo<Option<Vec<ListId>>>,
    /// The lists shown in filters and list pickers for the current view.
    pub my_lists: Memo<Vec<ContactList>>,
    /// Long work under way (imports, exports, backups, restores): a reload now would
    /// cut it, so the new-version offer waits.
    work: RwSignal<u32>,
}

/// Held while long work runs (`AppState::begin_work`); dropping it ends the work.
pub struct WorkGuard(RwSignal<u32>);

impl Drop for WorkGuard {
    fn drop(&mut self) {
        self.0.try_update(|n| *n = n.saturating_sub(1));
    }
}

impl AppState {
    pub fn new(db_name: String) -> Self {
        let session = StoredValue::new_local(Session::new());
        let changes = Changes::new();
        let read = move |collections: &[Collection]| {
            changes.track(collections);
            session.get_value()
        };
        let lists: Memo<Vec<ContactList>> =
            Memo::new(move |_| read(&[Collection::Lists]).read(|ws| ws.lists().into_iter().cloned().collect()));
        let viewing_as = RwSignal::new(None::<AgentId>);
        let visible = Memo::new(move |_| {
            let agent = viewing_as.get();
            read(&[Collection::Lists, Collection::Agents]).read(|ws| ws.visible_lists(agent))
        });
        let my_lists = Memo::new(move |_| {
            let all = lists.get();
            match visible.get() {
                Some(ids) => all.into_iter().filter(|l| ids.contains(&l.id)).collect(),
                None => all,
            }
        });
        AppState {
            session,
            changes,
            notice: RwSignal::new(None),
            lists,
            db_name: StoredValue::new(db_name),
            viewing_as,
            visible,
            my_lists,
            work: RwSignal::new(0),
        }
    }

    /// Long work starts; it ends when the guard drops (also when its view goes).
    pub fn begin_work(self) -> WorkGuard {
        self.work.update(|n| *n += 1);
        WorkGuard(self.work)
    }

    /// True while long work runs (followed by the running view).
    pub fn work_running(self) -> bool {
        self.work.get() > 0
    }

    /// The installed store (`None` before start-up finished or after a hand-over).
    pub fn store(self) -> Option<Rc<dyn Persistence>> {
        self.session.with_value(Session::store)
    }

    /// The state `App` provides; a view outside it is a bug worth failing loudly on.
    pub fn get() -> Self {
        expect_context::<AppState>()
    }

    /// Installs a freshly opened store and its loaded workspace.
    pub fn install(self, store: Rc<dyn Persistence>, workspace: Workspace) {
        self.session.with_value(|s| s.install(store, workspace));
        self.changes.notify_all();
    }

    /// Lets go of the store (another tab takes over); the workspace is emptied so
    /// nothing stale can be shown or saved.
    pub fn uninstall(self) {
        self.session.with_value(Session::uninstall);
        self.changes.notify_all();
    }

    /// True when the current view may manage lists, fields, tags and agents.
    pub fn is_admin(self) -> bool {
        self.visible.with(Option::is_none)
    }

    /// Switches "Viewing as" and remembers it.
    pub fn view_as(self, agent: Option<AgentId>) {
        self.viewing_as.set(agent);
        self.remember(Setting::ViewingAs(agent));
    }

    /// The default country of a list (tracked): how its numbers without a country
    /// code are read.
    pub fn list_country(self, list: Option<ListId>) -> Option<Country> {
        let list = list?;
        self.lists.with(|ls| ls.iter().find(|l| l.id == list).and_then(|l| l.country))
    }

    /// Reads the workspace and subscribes the running view to `collections`: name
    /// every collection `f` reads, so the view follows their changes.
    pub fn read<R>(self, collections: &[Collection], f: impl FnOnce(&Workspace) -> R) -> R {
        self.changes.track(collections);
        self.read_now(f)
    }

    /// Reads the workspace once, following nothing: for event handlers and tasks,
    /// which run outside any view.
    pub fn read_now<R>(self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.session.with_value(|s| s.read(f))
    }

    /// Remembers a preference. Settings live beside the workspace, not in it, so they
    /// have their own write; a failure is told like any failed save.
    pub fn remember(self, setting: Setting) {
        let Some(store) = self.session.with_value(Session::store) else { return };
        leptos::task::spawn_local(async move {
            if let Err(err) = store.put_setting(&setting.key().name(), &setting.encode()).await {
                leptos::logging::warn!("could not remember {:?}: {err}", setting.key());
                self.error(with_stop(&format!("Could not remember this choice: {err}")));
            }
        });
    }

    /// A remembered preference; `None` when unset or unreadable (a preference is never
    /// worth an error: the default serves).
    pub async fn recall(self, key: SettingKey) -> Option<Setting> {
        let store = self.session.with_value(Session::store)?;
        Setting::recall(store.as_ref(), key).await
    }

    /// A contact's journal (interactions and history events), oldest first, read from
    /// storage (the workspace never holds it), and subscribes the running view to
    /// journal changes. `None` while no store is installed.
    pub async fn journal(self, contact: ContactId, interval: Option<Interval>) -> Option<Result<Vec<JourneyEntry>, StoreError>> {
        let store = self.session.with_value(Session::store)?;
        Some(store.journal(contact, interval).await)
    }

    /// The read `journal` would do, sent to storage now when it is ready (`None`
    /// otherwise, or while no store is installed): it runs while the caller renders.
    pub fn journal_started(
        self,
        contact: ContactId,
        interval: Option<Interval>,
    ) -> Option<LocalBoxFuture<'static, Result<Vec<JourneyEntry>, StoreError>>> {
        self.session.with_value(Session::store)?.journal_started(contact, interval)
    }

    /// Subscribes the running view to `collections` without reading anything (a view
    /// that reads storage itself, like the journey, still follows saved changes).
    pub fn follow(self, collections: &[Collection]) {
        self.changes.track(collections);
    }

    pub fn info(self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    /// A lasting notice with links (see `Notice::Action`).
    pub fn act(self, text: impl Into<String>, links: Vec<NoticeLink>) {
        self.notice.set(Some(Notice::Action { text: text.into(), links }));
    }

    pub fn error(self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Runs a domain command through the session, then notifies the collections it
    /// touched. A storage failure is told to the user here; a refusal is left to the
    /// caller's form.
    pub async fn apply<C: IntoApplied>(
        self,
        command: impl FnOnce(&mut Workspace, Timestamp) -> Result<C, WorkspaceError>,
    ) -> Result<C::Value, ActionError> {
        let session = self.session.get_value();
        match session.apply(now(), command).await {
            Ok(Applied { value, touched }) => {
                self.changes.notify(touched);
                Ok(value)
            }
            Err(ActionError::Storage(failure)) => {
                self.tell_failure(&failure);
                Err(ActionError::Storage(failure))
            }
            Err(other) => Err(other),
        }
    }

    /// Says what a failed save left behind: the stored data again, or a page to reload.
    fn tell_failure(self, failure: &StorageFailure) {
        let error = &failure.error;
        leptos::logging::error!("commit failed: {error}");
        match &failure.reload {
            Reload::Done => {
                self.error(with_stop(&format!("Saving failed, nothing was changed: {error}")));
                self.changes.notify_all();
            }
            Reload::WorkspaceBusy => self.error("Saving failed and the data could not be refreshed: reload the page."),
            Reload::Failed(err) => {
                leptos::logging::error!("reload after a failed commit failed: {err}");
                self.error(format!(
                    "Saving failed and the stored data could not be read again: {}. Reload the page.",
                    err.to_string().trim_end_matches('.')
                ));
            }
        }
    }
}
