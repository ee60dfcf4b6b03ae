//! The Trash: deleted contacts, one row per delete, newest first; restore, delete
//! permanently, empty the trash (`domain::trash`).

mod page;

pub use page::TrashPage;
