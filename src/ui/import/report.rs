//! The .xlsx report of the rows an import left out, written by the import engine's
//! worker: the xlsx writer is ~0.25 MB of the download, which the contacts page no
//! longer carries (issue 16).

use crate::domain::import::{ProblemRow, WarningRow};
use crate::engine::protocol::{Answer, Request};
use crate::ui::kit::{download_bytes, with_stop};

use super::engine::{ask, unexpected};

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What a report holds.
pub struct ReportRows {
    pub headers: Vec<String>,
    pub problems: Vec<ProblemRow>,
    pub warnings: Vec<WarningRow>,
}

/// Writes the report and offers it as `name`; the error in words.
pub async fn download_report(name: &str, rows: ReportRows) -> Result<(), String> {
    let ReportRows { headers, problems, warnings } = rows;
    let answer = ask(&Request::Report { headers, problems, warnings })
        .await
        .map_err(|e| with_stop(&format!("The report could not be written: {e}")))?;
    match answer {
        Answer::Report(Ok(bytes)) => download_bytes(name, XLSX_MIME, &bytes),
        Answer::Report(Err(why)) => Err(with_stop(&format!("The report could not be written: {why}"))),
        other => Err(unexpected(&other)),
    }
}
