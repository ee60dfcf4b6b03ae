//! The heart of every user action, without the UI: run a domain command on the
//! in-memory workspace, commit its `Change`, and when the commit fails reload the
//! workspace from storage (storage stays the truth). The UI wraps it with notices and
//! revision signals.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Persistence, StoreError};
use crate::domain::change::Touched;
use crate::domain::{Change, Timestamp, Workspace, WorkspaceError};

/// Why an action did not happen.
#[derive(Debug)]
pub enum ActionError {
    /// The domain refused it (validation, unknown record): show next to the form.
    Rejected(WorkspaceError),
    /// Saving failed; the session tried to reload the workspace from storage.
    Storage(StorageFailure),
    /// Another change is still being saved.
    Busy,
    /// The workspace is not open in this tab (handed over to another tab).
    Closed,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionError::Rejected(e) => write!(f, "{e}"),
            ActionError::Storage(failure) => write!(f, "Saving failed: {}", failure.error),
            ActionError::Busy => f.write_str("Still saving the previous change; try again in a moment."),
            ActionError::Closed => f.write_str("This workspace is open in another tab."),
        }
    }
}

/// A failed commit and what the reload after it did.
#[derive(Debug)]
pub struct StorageFailure {
    pub error: StoreError,
    pub reload: Reload,
}

/// How the reload after a failed commit went.
#[derive(Debug, PartialEq, Eq)]
pub enum Reload {
    /// The workspace is again what storage holds: nothing was changed.
    Done,
    /// The workspace was in use, so it was not replaced: the page must be reloaded.
    WorkspaceBusy,
    /// Storage could not be read: the page must be reloaded.
    Failed(StoreError),
}

/// A command that went through: its result and the collections it changed.
#[derive(Debug, PartialEq, Eq)]
pub struct Applied<T> {
    pub value: T,
    pub touched: Touched,
}

/// What a domain command returns: a `Change`, or a value and a `Change`.
pub trait IntoApplied {
    type Value;
    fn into_applied(self) -> (Self::Value, Change);
}

impl IntoApplied for Change {
    type Value = ();
    fn into_applied(self) -> ((), Change) {
        ((), self)
    }
}

impl<T> IntoApplied for (T, Change) {
    type Value = T;
    fn into_applied(self) -> (T, Change) {
        self
    }
}

/// The in-memory workspace and the store it is saved to. Cheap to clone: clones share
/// both.
#[derive(Clone, Default)]
pub struct Session {
    workspace: Rc<RefCell<Workspace>>,
    store: Rc<RefCell<Option<Rc<dyn Persistence>>>>,
}

impl Session {
    /// An empty workspace and no store (every action is `Closed`).
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts working on a freshly opened store and the workspace loaded from it.
    pub fn install(&self, store: Rc<dyn Persistence>, workspace: Workspace) {
        *self.workspace.borrow_mut() = workspace;
        *self.store.borrow_mut() = Some(store);
    }

    /// Lets go of the store (another tab takes over; the last `Rc` closes it) and
    /// empties the workspace, so nothing stale can be shown or saved. A workspace in
    /// use stays until its commit settles.
    pub fn uninstall(&self) {
        self.store.borrow_mut().take();
        if let Ok(mut ws) = self.workspace.try_borrow_mut() {
            *ws = Workspace::new();
        }
    }

    /// The store, `None` when not installed (settings are read and saved through it).
    pub fn store(&self) -> Option<Rc<dyn Persistence>> {
        self.store.borrow().clone()
    }

    /// Reads the workspace.
    pub fn read<R>(&self, f: impl FnOnce(&Workspace) -> R) -> R {
        f(&self.workspace.borrow())
    }

    /// Runs `command` at `now`, commits its change, and reports what it touched. When
    /// the commit fails the workspace is reloaded from storage, and the error says
    /// whether that worked.
    #[allow(clippy::await_holding_refcell_ref)] // on purpose: see `committed`
    pub async fn apply<C: IntoApplied>(
        &self,
        now: Timestamp,
        command: impl FnOnce(&mut Workspace, Timestamp) -> Result<C, WorkspaceError>,
    ) -> Result<Applied<C::Value>, ActionError> {
        let Some(store) = self.store() else {
            return Err(ActionError::Closed);
        };
        let (value, change) = {
            // A commit in flight holds a shared borrow: refuse rather than interleave.
            let Ok(mut guard) = self.workspace.try_borrow_mut() else {
                return Err(ActionError::Busy);
            };
            command(&mut guard, now).map_err(ActionError::Rejected)?.into_applied()
        };
        if change.is_empty() {
            return Ok(Applied { value, touched: Touched::NONE });
        }
        // The shared borrow held across the commit is what makes a second action Busy.
        let committed = {
            let guard = self.workspace.borrow();
            store.commit(&guard, &change).await
        };
        if let Err(error) = committed {
            let reload = self.reload(store.as_ref()).await;
            return Err(ActionError::Storage(StorageFailure { error, reload }));
        }
        Ok(Applied { value, touched: change.touched() })
    }

    /// Replaces the in-memory workspace with what `store` holds.
    async fn reload(&self, store: &dyn Persistence) -> Reload {
        match store.load().await {
            Ok(fresh) => match self.workspace.try_borrow_mut() {
                Ok(mut guard) => {
                    *guard = fresh;
                    Reload::Done
                }
                Err(_) => Reload::WorkspaceBusy,
            },
            Err(err) => Reload::Failed(err),
        }
    }
}

#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
