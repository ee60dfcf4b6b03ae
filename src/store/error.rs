//! What can go wrong with storage, in words a user can act on.

use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("this browser does not allow local storage here (private window or storage disabled): {0}")]
    Unavailable(String),
    #[error("the browser's storage for this app is full: free some space or delete contacts you no longer need, then try again")]
    QuotaExceeded,
    #[error("the data is open in an older version of the app in another tab: close that tab, then reload")]
    Blocked,
    #[error("a newer version of the app was opened in another tab and this tab let go of the data: reload this tab")]
    Closed,
    #[error("the data was saved by a newer version of the app: reload this tab to update it")]
    NewerVersion,
    #[error("saving failed and nothing was changed: {0}")]
    Aborted(String),
    #[error("the stored data could not be read: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// Maps a DOMException (by its `name`) to what the user can do about it.
    pub fn from_dom_exception(name: &str, message: &str) -> Self {
        match name {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            _ if message.is_empty() => StoreError::Aborted(name.to_owned()),
            _ => StoreError::Aborted(format!("{name}: {message}")),
        }
    }

    pub(crate) fn from_dom(e: &web_sys::DomException) -> Self {
        Self::from_dom_exception(&e.name(), &e.message())
    }
}

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        match e {
            IdbError::DomException(d) => StoreError::from_dom(d.as_sys()),
            other => StoreError::Aborted(other.to_string()),
        }
    }
}

impl From<OpenDbError> for StoreError {
    fn from(e: OpenDbError) -> Self {
        match e {
            // The failure to even get `indexedDB` (or to open it, e.g. in some private
            // modes) is "storage unavailable", not a failed save.
            OpenDbError::Base(IdbError::DomException(d)) => {
                let d = d.as_sys();
                match d.name().as_str() {
                    "QuotaExceededError" => StoreError::QuotaExceeded,
                    "VersionError" => StoreError::NewerVersion,
                    name => StoreError::Unavailable(format!("{name}: {}", d.message())),
                }
            }
            other => StoreError::Unavailable(other.to_string()),
        }
    }
}
