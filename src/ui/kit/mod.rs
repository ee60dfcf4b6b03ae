//! Widgets and helpers that know no feature.

mod text;
pub(crate) use text::{grouped, phone_display, plural, sentence, size_text, with_stop};

browser_only! {
    mod choice;
    mod clock;
    mod confirm;
    mod country_field;
    mod country_select;
    mod data_table;
    mod details_popover;
    mod dialog;
    mod dialog_form;
    mod download;
    mod empty_state;
    mod file_slices;
    mod focus;
    mod form_field;
    mod idle;
    mod page_head;
    mod pager;
    mod record_page;
    mod row_actions;
    mod row_menu;
    mod save_button;
    mod select;
    mod selection;
    mod sort_header;
    mod text_area;
    mod toggle;
    mod truncated_text;

    pub(crate) use choice::{choice_options, InlineSelect};
    pub(crate) use clock::{local_day, local_offset, local_time, now};
    pub(crate) use confirm::{ConfirmDialog, Confirmation, Question};
    pub(crate) use country_field::CountryField;
    pub(crate) use country_select::CountrySelect;
    pub(crate) use data_table::DataTable;
    pub(crate) use dialog::Dialog;
    pub(crate) use dialog_form::{DialogForm, FormTexts};
    pub(crate) use download::{download_bytes, download_parts};
    pub(crate) use empty_state::EmptyState;
    pub(crate) use file_slices::read_slice;
    pub(crate) use focus::focus_id;
    pub(crate) use form_field::{FieldIds, FormField, TextInput};
    pub(crate) use idle::when_idle;
    pub(crate) use page_head::PageHead;
    pub(crate) use pager::Pager;
    pub(crate) use record_page::{Record, RecordPage, RecordTexts};
    pub(crate) use row_actions::{RowActions, RowButton};
    pub(crate) use details_popover::close_on_escape;
    pub(crate) use row_menu::RowMenu;
    pub(crate) use save_button::SaveButton;
    pub(crate) use select::Select;
    pub(crate) use selection::{keep_to_shown, SelectAllCell, SelectRowCell};
    pub(crate) use sort_header::SortHeader;
    pub(crate) use text_area::TextArea;
    pub(crate) use toggle::ToggleSwitch;
    pub(crate) use truncated_text::TruncatedText;
}
