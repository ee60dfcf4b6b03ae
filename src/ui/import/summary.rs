//! Step 4: what the import did, the report of rows left out (.xlsx), and Undo.

use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::domain::import::{FailureKind, Progress};

use crate::ui::app::AppState;
use crate::ui::app::Collection;
use crate::ui::app::Route;
use crate::ui::kit::{grouped, plural};

use super::report::{download_report, ReportRows};
use super::session::ImportSession;
use super::undo::ImportUndoButton;

/// `contacts.csv` → `contacts-import-report.xlsx`.
fn report_name(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    format!("{stem}-import-report.xlsx")
}

#[component]
pub fn ImportSummary(session: ImportSession) -> impl IntoView {
    let state = AppState::get();
    let view_of = move || {
        session.finished_changed.track();
        session.finished.with_value(|f| {
            f.as_ref().map(|f| {
                let where_ = f.stopped.then(|| stopped_at(&f.report.progress));
                (f.report.summary(f.imported), where_, f.elapsed_ms, f.error.clone(), f.batch)
            })
        })
    };
    let writing = RwSignal::new(false);
    let download = move |_| {
        let name = report_name(&session.file_name.get_untracked());
        let rows = session.finished.with_value(|f| {
            f.as_ref().map(|f| ReportRows { headers: f.report.headers.clone(), problems: f.report.problems.clone(), warnings: f.report.warnings.clone() })
        });
        let Some(rows) = rows else {
            session.error.set(Some("There is no report for this import.".into()));
            return;
        };
        writing.set(true);
        spawn_local(async move {
            if let Err(message) = download_report(&name, rows).await {
                session.error.set(Some(message));
            }
            writing.set(false);
        });
    };
    move || {
        let Some((summary, stopped, elapsed_ms, error, batch)) = view_of() else {
            return view! { <p>"No import has run yet."</p> }.into_any();
        };
        let list = state.read(&[Collection::Imports], |ws| ws.import(batch).map(|b| b.list));
        let left_out = summary.duplicates_in_file + summary.duplicates_existing + summary.failed;
        view! {
            <section class="card import-summary" id="import-summary" aria-labelledby="import-status">
                <h2 class="card-title" id="import-status">
                    {format!("{} {}", if stopped.is_some() { "Stopped" } else { "Finished" }, took(elapsed_ms))}
                    {stopped.map(|at| format!(", {at}"))}
                </h2>
                {error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <dl class="summary-counts">
                    {count_row("imported", "Imported", summary.imported)}
                    {count_row("warned", "Imported with warnings", summary.warned)}
                    {count_row("duplicates-in-file", "Duplicates within the file", summary.duplicates_in_file)}
                    {count_row("duplicates-existing", "Already in the list", summary.duplicates_existing)}
                    {count_row("failed", "Failed", summary.failed)}
                    {(summary.blank > 0).then(|| count_row("blank", "Empty rows skipped", summary.blank))}
                </dl>
                <Reasons id="import-failure-reasons" title="Why rows failed" counts=summary.failed_by_kind.clone() />
                <Reasons id="import-warning-reasons" title="Warnings: values left out or read one of two ways" counts=summary.warned_by_kind.clone() />
                <div class="form-actions">
                    <button type="button" class="btn" id="import-again" on:click=move |_| session.reset()>
                        "Import another file"
                    </button>
                    {(left_out > 0 || summary.warned > 0)
                        .then(|| {
                            view! {
                                <button type="button" class="btn" id="import-download-report" on:click=download prop:disabled=move || writing.get()>
                                    {move || if writing.get() { "Writing the report…" } else { "Download the report (.xlsx)" }}
                                </button>
                            }
                        })}
                    <ImportUndoButton batch=batch id="import-undo" />
                    {list.map(|l| view! { <a class="btn btn-primary" id="import-show-contacts" href=Route::Contacts(Some(l)).to_hash()>"Show the contacts"</a> })}
                </div>
                {(summary.problems_not_kept > 0)
                    .then(|| {
                        view! {
                            <p class="hint">
                                {format!(
                                    "The report lists the first {}; {} more were counted but not listed.",
                                    plural((left_out - summary.problems_not_kept) as usize, "row", "rows"),
                                    grouped(summary.problems_not_kept as usize)
                                )}
                            </p>
                        }
                    })}
            </section>
        }
        .into_any()
    }
}

/// "after 2.5 s"; a small file says "in under 0.1 s" rather than "after 0.0 s".
fn took(ms: f64) -> String {
    if ms < 100.0 { "in under 0.1 s".into() } else { format!("after {:.1} s", ms / 1000.0) }
}

/// Where a stopped import stopped: "after 12,345 rows (34% of the file)".
fn stopped_at(p: &Progress) -> String {
    format!("after {} ({:.0}% of the file)", plural(p.rows_read as usize, "row", "rows"), p.fraction() * 100.0)
}

fn count_row(key: &'static str, label: &'static str, n: u64) -> impl IntoView {
    view! {
        <div class="summary-count">
            <dt>{label}</dt>
            <dd data-count=key>{grouped(n as usize)}</dd>
        </div>
    }
}

/// Rows by reason ("Phone not valid: 9 rows"); a row with two reasons counts under each.
#[component]
fn Reasons(id: &'static str, title: &'static str, counts: Vec<(FailureKind, u64)>) -> impl IntoView {
    (!counts.is_empty()).then(|| {
        view! {
            <div class="failure-reasons">
                <h3>{title}</h3>
                <ul id=id>
                    {counts
                        .iter()
                        .map(|(kind, n)| view! { <li>{format!("{}: {}", crate::ui::kit::sentence(&kind.to_string()), plural(*n as usize, "row", "rows"))}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
