//! Export: the filtered journey's interactions as a CSV file, with agents and
//! dispositions by name, in the separator and encoding the last export chose.


use super::filters::offset_now;
use super::journal::{agent_name, disposition_path};
use crate::domain::export::csv_file_name;
use crate::domain::journey::journey_csv;
use crate::domain::{ContactField, ContactId, Interval, JourneyEntry};
use crate::ui::app::AppState;
use crate::ui::export::remembered_options;
use crate::ui::kit::{download_bytes, plural};

const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Offers `entries` (already filtered) as `journey-<first>-<last>-<from>-<to>.csv`.
pub fn export_journey(contact: ContactId, entries: Vec<JourneyEntry>, interval: Interval) {
    let state = AppState::get();
    leptos::task::spawn_local(async move {
        let options = remembered_options(state).await;
        let offset = offset_now();
        let (bytes, person) = state.read_now(|ws| {
            let bytes = journey_csv(&entries, options, offset, |a| agent_name(ws, a), |d| disposition_path(ws, d));
            let person = ws.contact(contact).map(|c| [Some(c.data.first_name()), c.data.get(ContactField::LastName)].into_iter().flatten().collect::<Vec<_>>().join("-"));
            (bytes, person.unwrap_or_default())
        });
        let (from, to) = interval.dates(offset);
        let name = csv_file_name(&format!("journey-{person}-{from}-{to}"));
        let rows = entries.iter().filter(|e| e.as_interaction().is_some()).count();
        match download_bytes(&name, CSV_MIME, &bytes) {
            Ok(()) => state.info(format!("Exported {} to {name}.", plural(rows, "interaction", "interactions"))),
            Err(e) => state.error(e),
        }
    });
}
