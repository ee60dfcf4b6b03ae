//! The Leptos user interface. One component per file; `state` holds what they share.

mod add_contact_dialog;
mod additional_phones;
mod admin_only;
mod agent_dialog;
mod agent_pane;
mod agent_picker_dialog;
mod agents_page;
mod app;
mod boot;
mod column_chooser;
mod confirm_dialog;
mod contact_row;
mod contact_save;
mod contacts_page;
mod contacts_table;
mod contacts_view;
mod default_fields;
pub mod diagnostics;
mod dial_prefix_field;
mod dialog;
mod edit_contact_form;
mod edit_contact_page;
mod field_groups;
mod field_input;
mod focus;
mod format;
mod list_editor_page;
mod list_fields;
mod list_filter;
mod list_row;
mod list_save;
mod list_select;
mod lists_page;
mod lock_panel;
mod nav;
mod new_list_dialog;
mod notice_area;
mod pager;
mod phone_links;
mod phone_row;
mod placeholder_page;
mod route;
mod shell;
mod social_fields;
mod sort_header;
mod state;
mod tag_chip;
mod tag_dialog;
mod tag_filter;
mod tag_picker;
mod tags_page;
mod viewing_as_switch;

/// Mounts the app into `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
