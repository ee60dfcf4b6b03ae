//! IndexedDB failures as `StoreError`s (the enum itself is in `persist`: the in-memory
//! store and the session use it on the host too).

use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;

pub use crate::persist::StoreError;

pub(crate) fn from_dom(e: &web_sys::DomException) -> StoreError {
    StoreError::from_dom_exception(&e.name(), &e.message())
}

impl From<IdbError> for StoreError {
    fn from(e: IdbError) -> Self {
        match e {
            IdbError::DomException(d) => from_dom(d.as_sys()),
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
