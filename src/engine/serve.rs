//! The engine's answers: plain Rust, so the host tests run every request the worker
//! serves.

use super::protocol::{decode, encode, Answer, Request};
use crate::domain::import::write_report;

/// Answers one request.
pub fn answer(request: Request) -> Answer {
    match request {
        Request::Report { headers, problems, warnings } => {
            Answer::Report(write_report(&headers, &problems, &warnings).map_err(|e| e.to_string()))
        }
    }
}

/// Answers an encoded request with an encoded answer: what the worker does with
/// every message.
pub fn answer_bytes(request: &[u8]) -> Vec<u8> {
    let answer = match decode::<Request>(request) {
        Ok(request) => answer(request),
        Err(e) => Answer::Unreadable(e),
    };
    // An answer that cannot be encoded says so, in a form that always encodes.
    encode(&answer).or_else(|e| encode(&Answer::Unreadable(e))).unwrap_or_default()
}
