//! The Data page: whether the browser keeps this data when the device runs low on
//! space, asking it to, and how much room the data takes (`durable`, `page`).

mod durable;
mod page;

pub use durable::{ask_at_enough_contacts, ask_once};
pub use page::DataPage;
