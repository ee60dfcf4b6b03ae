//! The app's shared state: the in-memory workspace, the open store, and one revision
//! signal per collection that views derive from.
//!
//! Every user action goes through `AppState::apply`: run the domain command, commit its
//! `Change` to IndexedDB, and only then bump the revisions. IndexedDB stays the truth:
//! when a commit fails the workspace is reloaded from it.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::ui::kit::{now, with_stop};
use crate::domain::{AgentId, Change, ContactList, Country, ListId, Role, Timestamp, Workspace, WorkspaceError};
use crate::store::{Store, StoreError};

/// A message for the user, shown in the notice area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// Why an action did not happen.
#[derive(Debug)]
pub enum ActionError {
    /// The domain refused it (validation, unknown record): show next to the form.
    Rejected(WorkspaceError),
    /// Saving failed; the workspace was reloaded and the user told.
    Storage(StoreError),
    /// Another change is still being saved.
    Busy,
    /// The workspace is not open in this tab (handed over to another tab).
    Closed,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionError::Rejected(e) => write!(f, "{e}"),
            ActionError::Storage(e) => write!(f, "Saving failed: {e}"),
            ActionError::Busy => f.write_str("Still saving the previous change; try again in a moment."),
            ActionError::Closed => f.write_str("This workspace is open in another tab."),
        }
    }
}

/// A `Copy` handle to everything the views share. The workspace and store are not
/// `Send`, so they live in local arena slots.
#[derive(Clone, Copy)]
pub struct AppState {
    workspace: StoredValue<Rc<RefCell<Workspace>>, LocalStorage>,
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
    pub lists_rev: RwSignal<u64>,
    pub contacts_rev: RwSignal<u64>,
    pub notice: RwSignal<Option<Notice>>,
    /// Every list, sorted by name, following `lists_rev`.
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
}

/// The setting that remembers "Viewing as" (an agent id, or empty for admin).
pub const VIEWING_AS_SETTING: &str = "viewing_as";

impl AppState {
    pub fn new(db_name: String) -> Self {
        let workspace = StoredValue::new_local(Rc::new(RefCell::new(Workspace::new())));
        let lists_rev = RwSignal::new(0);
        let lists: Memo<Vec<ContactList>> = Memo::new(move |_| {
            lists_rev.track();
            workspace.with_value(|ws| ws.borrow().lists().into_iter().cloned().collect())
        });
        let viewing_as = RwSignal::new(None::<AgentId>);
        let visible = Memo::new(move |_| {
            lists_rev.track();
            let agent = viewing_as.get()?;
            workspace.with_value(|ws| {
                let ws = ws.borrow();
                // A deleted agent or an Admin-role agent sees everything.
                let restricted = ws.agent(agent).is_some_and(|a| a.role == Role::Agent);
                restricted.then(|| ws.lists_of_agent(agent))
            })
        });
        let my_lists = Memo::new(move |_| {
            let all = lists.get();
            match visible.get() {
                Some(ids) => all.into_iter().filter(|l| ids.contains(&l.id)).collect(),
                None => all,
            }
        });
        AppState {
            workspace,
            store: StoredValue::new_local(None),
            lists_rev,
            contacts_rev: RwSignal::new(0),
            notice: RwSignal::new(None),
            lists,
            db_name: StoredValue::new(db_name),
            viewing_as,
            visible,
            my_lists,
        }
    }

    pub fn get() -> Self {
        use_context::<AppState>().expect("AppState is provided by App before any view reads it")
    }

    /// Installs a freshly opened store and its loaded workspace.
    pub fn install(self, store: Store, workspace: Workspace) {
        self.workspace.with_value(|ws| *ws.borrow_mut() = workspace);
        self.store.set_value(Some(Rc::new(store)));
        self.bump_all();
    }

    /// Lets go of the store (another tab takes over); the workspace is emptied so
    /// nothing stale can be shown or saved.
    pub fn uninstall(self) {
        if let Some(store) = self.store.try_update_value(|s| s.take()).flatten() {
            if let Ok(store) = Rc::try_unwrap(store) {
                store.close();
            }
        }
        self.workspace.with_value(|ws| {
            if let Ok(mut ws) = ws.try_borrow_mut() {
                *ws = Workspace::new();
            }
        });
        self.bump_all();
    }

    fn bump_all(self) {
        self.lists_rev.update(|r| *r += 1);
        self.contacts_rev.update(|r| *r += 1);
    }

    /// True when the current view may manage lists, fields, tags and agents.
    pub fn is_admin(self) -> bool {
        self.visible.with(Option::is_none)
    }

    /// Switches "Viewing as" and remembers it.
    pub fn view_as(self, agent: Option<AgentId>) {
        self.viewing_as.set(agent);
        self.save_setting(VIEWING_AS_SETTING, agent.map(|a| a.get().to_string()).unwrap_or_default());
    }

    /// Reads the workspace. Views call this inside Memos that track a revision.
    /// The default country of a list (tracked): how its numbers without a country
    /// code are read.
    pub fn list_country(self, list: Option<ListId>) -> Option<Country> {
        let list = list?;
        self.lists.with(|ls| ls.iter().find(|l| l.id == list).and_then(|l| l.country))
    }

    pub fn read<R>(self, f: impl FnOnce(&Workspace) -> R) -> R {
        self.workspace.with_value(|ws| f(&ws.borrow()))
    }

    /// Remembers a small UI preference; failing to is not worth bothering the user.
    pub fn save_setting(self, name: impl Into<String>, value: String) {
        let Some(store) = self.store.get_value() else { return };
        let name = name.into();
        leptos::task::spawn_local(async move {
            if let Err(err) = store.put_setting(&name, &value).await {
                leptos::logging::warn!("could not remember {name}: {err}");
            }
        });
    }

    /// A remembered UI preference; `None` when unset or unreadable (never worth an error).
    pub async fn load_setting(self, name: &str) -> Option<String> {
        let store = self.store.get_value()?;
        store.get_setting(name).await.ok().flatten()
    }

    pub fn info(self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Info(text.into())));
    }

    pub fn error(self, text: impl Into<String>) {
        self.notice.set(Some(Notice::Error(text.into())));
    }

    /// Runs a domain command, commits its change, then bumps the revisions it touched.
    /// A storage failure is told to the user here; a refusal is left to the caller's
    /// form.
    pub async fn apply<T>(
        self,
        command: impl FnOnce(&mut Workspace, Timestamp) -> Result<(T, Change), WorkspaceError>,
    ) -> Result<T, ActionError> {
        let Some(store) = self.store.get_value() else {
            return Err(ActionError::Closed);
        };
        let ws = self.workspace.get_value();
        let (out, change) = {
            // A commit in flight holds a shared borrow: refuse rather than interleave.
            let Ok(mut guard) = ws.try_borrow_mut() else {
                return Err(ActionError::Busy);
            };
            command(&mut guard, now()).map_err(ActionError::Rejected)?
        };
        if change.is_empty() {
            return Ok(out);
        }
        let committed = {
            let guard = ws.borrow();
            store.commit(&guard, &change).await
        };
        if let Err(err) = committed {
            leptos::logging::error!("commit failed: {err}");
            self.error(with_stop(&format!("Saving failed, nothing was changed: {err}")));
            self.reload(&store).await;
            return Err(ActionError::Storage(err));
        }
        // Small records (fields, tags...) can change how lists and contacts show.
        let records_changed = !change.records_put.is_empty() || !change.records_deleted.is_empty();
        let lists_changed = records_changed || !change.lists_put.is_empty() || !change.lists_deleted.is_empty();
        let contacts_changed = records_changed || !change.pages_put.is_empty() || !change.pages_deleted.is_empty();
        if lists_changed || contacts_changed {
            // Contact counts show on the lists page, so a contacts change touches it too.
            self.lists_rev.update(|r| *r += 1);
        }
        if contacts_changed || !change.lists_deleted.is_empty() {
            self.contacts_rev.update(|r| *r += 1);
        }
        Ok(out)
    }

    /// Replaces the in-memory workspace with what IndexedDB holds.
    async fn reload(self, store: &Store) {
        match store.load().await {
            Ok(fresh) => {
                let ws = self.workspace.get_value();
                match ws.try_borrow_mut() {
                    Ok(mut guard) => *guard = fresh,
                    Err(_) => {
                        self.error("Saving failed and the data could not be refreshed: reload the page.");
                        return;
                    }
                }
                self.bump_all();
            }
            Err(err) => {
                leptos::logging::error!("reload after a failed commit failed: {err}");
                self.error(format!("Saving failed and the stored data could not be read again: {}. Reload the page.", err.to_string().trim_end_matches('.')));
            }
        }
    }
}
