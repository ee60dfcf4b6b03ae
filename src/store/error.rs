//! What can go wrong with storage, in words a user can act on.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("this browser does not allow local storage here (private window or storage disabled): {0}")]
    Unavailable(String),
    #[error("the browser's storage for this app is full: free some space or delete contacts you no longer need, then try again")]
    QuotaExceeded,
    #[error("the data is open in an older version of the app in another tab: close that tab, then reload")]
    Blocked,
    #[error("saving failed and nothing was changed: {0}")]
    Aborted(String),
    #[error("the stored data could not be read: {0}")]
    Corrupt(String),
}
