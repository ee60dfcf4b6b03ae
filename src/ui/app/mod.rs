mod admin_only;
mod app;
mod boot;
pub mod diagnostics;
mod locale;
mod lock_panel;
mod nav;
mod notice_area;
mod route;
mod shell;
mod state;
mod viewing_as_switch;

pub(crate) use locale::browser_country;
pub(crate) use route::{Route, Router};
pub(crate) use state::{ActionError, AppState};
pub(crate) use app::App;
