//! Lists: the lists page and the list editor with its settings, custom fields,
//! dispositions and agents.

mod agent_pane;
mod agent_picker_dialog;
mod custom_fields;
mod dial_prefix_field;
mod disposition_dialog;
mod dispositions_tab;
mod editor_page;
mod fields;
mod new_dialog;
mod options;
mod page;
mod row;
mod save;
mod select;

pub(crate) use editor_page::ListEditorPage;
pub(crate) use options::ListOptions;
pub(crate) use page::ListsPage;
pub(crate) use select::ListSelect;
