//! Step 4: what the log became (logged, unmatched, ambiguous, invalid: they add up
//! to the rows read) and the .xlsx report of the rows not logged.

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::ui::kit::{grouped, plural};

use super::super::report::{download_report, ReportRows};

use super::session::CallLogSession;

#[component]
pub fn CallLogSummary(session: CallLogSession) -> impl IntoView {
    let writing = RwSignal::new(false);
    let download = move |_| {
        let made = session.finished.with_value(|f| {
            f.as_ref().map(|f| {
                let stem = f.file_name.rsplit_once('.').map_or(f.file_name.as_str(), |(stem, _)| stem);
                let rows = ReportRows { headers: f.report.headers.clone(), problems: f.report.problems.clone(), warnings: f.report.warnings.clone() };
                (format!("{stem}-call-log-report.xlsx"), rows)
            })
        });
        let Some((name, rows)) = made else {
            session.file.error.set(Some("There is no report for this log.".into()));
            return;
        };
        writing.set(true);
        spawn_local(async move {
            if let Err(message) = download_report(&name, rows).await {
                session.file.error.set(Some(message));
            }
            writing.set(false);
        });
    };
    move || {
        session.finished_changed.track();
        let Some((summary, stopped, seconds, error)) =
            session.finished.with_value(|f| f.as_ref().map(|f| (f.report.summary(f.logged), f.stopped, f.elapsed_ms / 1000.0, f.error.clone())))
        else {
            return view! { <p>"No log has been imported yet."</p> }.into_any();
        };
        let counts = [
            ("rows", "Rows read", summary.rows_read),
            ("logged", "Logged", summary.logged),
            ("warned", "Logged without an agent, disposition or detail they named", summary.warned),
            ("unmatched", "No contact found", summary.unmatched),
            ("ambiguous", "More than one contact found", summary.ambiguous),
            ("invalid", "Not readable", summary.invalid),
            ("not-saved", "Not saved", summary.not_saved),
        ];
        let left_out = summary.unmatched + summary.ambiguous + summary.invalid;
        view! {
            <section class="card import-summary" id="call-log-summary" aria-labelledby="call-log-status">
                <h2 class="card-title" id="call-log-status">
                    {format!("{} {}", if stopped { "Stopped" } else { "Finished" }, if seconds < 0.1 { "in under 0.1 s".to_owned() } else { format!("after {seconds:.1} s") })}
                </h2>
                {error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <dl class="summary-counts">
                    {counts
                        .into_iter()
                        .filter(|(key, _, n)| *n > 0 || !matches!(*key, "warned" | "not-saved"))
                        .map(|(key, label, n)| view! { <div class="summary-count"><dt>{label}</dt><dd data-count=key>{grouped(n as usize)}</dd></div> })
                        .collect_view()}
                </dl>
                {(summary.problems_not_kept > 0)
                    .then(|| view! { <p class="hint">{format!("The report lists the first rows; {} more were counted but not listed.", plural(summary.problems_not_kept as usize, "row", "rows"))}</p> })}
                <div class="form-actions">
                    <button type="button" class="btn" id="call-log-again" on:click=move |_| session.reset()>"Import another log"</button>
                    {(left_out > 0 || summary.warned > 0)
                        .then(|| view! { <button type="button" class="btn btn-primary" id="call-log-download-report" on:click=download prop:disabled=move || writing.get()>{move || if writing.get() { "Writing the report…" } else { "Download the rows not logged (.xlsx)" }}</button> })}
                </div>
            </section>
        }
        .into_any()
    }
}
