//! Contacts: the table with its search, filters, columns and pager, and the add and
//! edit forms.

// Plain Rust, tested on the host.
mod view_url;

browser_only! {
    mod add_dialog;
    mod additional_phones;
    mod column_chooser;
    mod custom_field_input;
    mod custom_fields_column;
    mod default_fields;
    mod edit_form;
    mod edit_page;
    mod field_groups;
    mod field_input;
    mod first_screen;
    mod list_filter;
    mod page;
    mod phone_library;
    mod phone_links;
    mod phone_reading;
    mod phone_row;
    mod row;
    mod save;
    mod search_box;
    mod social_fields;
    mod table;
    mod tag_filter;
    mod tag_picker;
    mod view;
    
    pub(crate) use custom_field_input::CustomFieldInput;
    pub(crate) use edit_page::EditContactPage;
    pub(crate) use first_screen::{early_first_screen, first_screen_for, keep_first_screen, on_default_view, typing_in_search, FirstScreenPage};
    pub(crate) use page::ContactsPage;
    pub(crate) use phone_library::PhoneLibrary;
    pub(crate) use view::{ContactsView, PAGE_SIZES};
}
