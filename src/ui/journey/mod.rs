//! The Customer Journey of Edit Contact: a contact's interactions and history on one
//! filterable timeline, and the dialogs that log, start and close interactions.
//!
//! - `filters`: the filters kept for the app session, and their bar;
//! - `journal`: the contact's journal read from storage, and names for its ids;
//! - `pane`: the pane itself (tabs, actions, filters, timeline);
//! - `timeline` / `item`: days and items, paged, with their details;
//! - `log_dialog` / `close_dialog` (with `outcome_fields`): logging and closing;
//! - `whatsapp`: Start WhatsApp and the open-chat marker;
//! - `export`: the filtered journey as a CSV download.

mod close_dialog;
mod export;
mod filters;
mod item;
mod journal;
mod log_dialog;
mod outcome_fields;
mod pane;
mod timeline;
mod whatsapp;

// For the root, which provides the filters once for the app session.
pub(crate) use filters::JourneyFilters;
pub(crate) use pane::JourneyPane;
pub(crate) use whatsapp::WhatsAppOpenBadge;
