//! What can go wrong with storage, in words a user can act on. The IndexedDB
//! conversions into it live with the IndexedDB store (`store/error.rs`).

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
}

#[cfg(test)]
mod tests {
    use super::StoreError;

    #[test]
    fn dom_exception_names_map_to_user_errors() {
        assert_eq!(StoreError::from_dom_exception("QuotaExceededError", "full"), StoreError::QuotaExceeded);
        assert_eq!(
            StoreError::from_dom_exception("ConstraintError", "dup"),
            StoreError::Aborted("ConstraintError: dup".into())
        );
    }
}
