//! What the page asks the engine and what it answers. Both sides are this crate, built
//! twice (the page and the worker), so the types are shared and postcard needs no
//! schema; a message either side cannot decode is an error in words, never a panic.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::import::{ProblemRow, WarningRow};

/// A request from the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// The .xlsx report of an import's rows left out and values left out.
    Report { headers: Vec<String>, problems: Vec<ProblemRow>, warnings: Vec<WarningRow> },
}

/// The engine's answer to one `Request`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// The workbook's bytes, or why it could not be written.
    Report(Result<Vec<u8>, String>),
    /// The request could not be read (a page and a worker from different builds).
    Unreadable(String),
}

/// Why talking to the engine failed, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("the import engine could not be loaded ({0}); if you are offline, open the app once online so it is kept for offline use")]
    NotLoaded(String),
    #[error("the import engine stopped ({0}); try again")]
    Stopped(String),
    #[error("the import engine's answer could not be read ({0}); reload the page")]
    Garbled(String),
    #[error("the import engine did not understand the request ({0}); reload the page")]
    Misunderstood(String),
}

pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| e.to_string())
}

pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    postcard::from_bytes(bytes).map_err(|e| e.to_string())
}
