//! What exists once for the whole app: start-up, the frame and navigation, routes,
//! the shared state, notices, the tab lock, remembered preferences.

mod route;
mod settings;
mod version;
pub(crate) use route::Route;
pub(crate) use settings::{Setting, SettingKey};

browser_only! {
    mod admin_only;
    mod root;
    mod boot;
    mod changes;
    mod command;
    pub mod diagnostics;
    mod locale;
    mod lock_panel;
    mod nav;
    mod notice_area;
    mod router;
    mod shell;
    mod state;
    mod unsaved;
    mod update_banner;
    mod viewing_as_switch;

    pub(crate) use root::{App, LoadingPanel};
    pub(crate) use crate::domain::Collection;
    pub(crate) use command::Command;
    pub(crate) use locale::browser_country;
    pub(crate) use router::Router;
    pub(crate) use state::{AppState, NoticeLink};
    pub(crate) use unsaved::{Edited, Unsaved};
    pub(crate) use viewing_as_switch::viewer_label;
}
