mod dialog;
mod options;
mod runner;

pub(crate) use dialog::ExportDialog;
pub(crate) use options::EXPORT_OPTIONS_SETTING;
pub(crate) use runner::ExportRequest;
