//! The catalog the whole workspace shares: tags, agents and global custom fields
//! (with the field editor lists reuse for their own fields).

mod agent_dialog;
mod agents_page;
mod choices_input;
mod field_cells;
mod field_dialog;
mod field_table_head;
mod global_field_row;
mod global_fields_page;
mod tag_chip;
mod tag_dialog;
mod tags_page;

pub(crate) use agents_page::AgentsPage;
pub(crate) use field_cells::FieldCells;
pub(crate) use field_dialog::FieldDialog;
pub(crate) use field_table_head::FieldTableHead;
pub(crate) use global_fields_page::GlobalFieldsPage;
pub(crate) use tag_chip::TagChip;
pub(crate) use tags_page::TagsPage;
