//! Export to CSV: the options dialog and the sliced run that writes the file.

mod dialog;
mod options;
mod runner;

pub(crate) use dialog::ExportDialog;
pub(crate) use options::remembered_options;
pub(crate) use runner::ExportRequest;
