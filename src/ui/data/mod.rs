//! The Data page: whether the browser keeps this data when the device runs low on
//! space, asking it to, how much room the data takes (`durable`, `page`), backups and
//! restoring them (`backup`, `restore`, `restore_card`), a reminder after big changes
//! (`reminder`), and the workspaces of this browser (`workspaces`, `workspaces_card`).

mod backup;
mod durable;
mod page;
mod reminder;
mod restore;
mod restore_card;
mod workspaces;
mod workspaces_card;

pub use durable::{ask_at_enough_contacts, ask_once};
pub use page::DataPage;
pub use reminder::remind_after_import;
pub use workspaces::{database_of, delete_replaced, named_workspace};
