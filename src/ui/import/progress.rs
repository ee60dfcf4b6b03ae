//! Step 3: how far the import is, how fast it goes, and Stop.

use leptos::prelude::*;

use crate::perf::now_ms;
use crate::ui::kit::grouped;

use super::session::ImportSession;
use crate::domain::text::quoted;

#[component]
pub fn ImportProgress(session: ImportSession) -> impl IntoView {
    let started = now_ms();
    let progress = session.progress;
    let text = move || {
        let p = progress.get();
        let seconds = ((now_ms() - started) / 1000.0).max(0.001);
        let fraction = p.fraction();
        let rate = p.rows_read as f64 / seconds;
        let left = if fraction > 0.02 { Some(seconds * (1.0 - fraction) / fraction) } else { None };
        let mut parts = vec![
            format!("{} rows read", grouped(p.rows_read as usize)),
            format!("{:.0}%", fraction * 100.0),
            format!("{} rows/s", grouped(rate as usize)),
        ];
        if let Some(left) = left {
            parts.push(if left < 1.0 { "under a second left".into() } else { format!("about {left:.0} s left") });
        }
        parts.join(" · ")
    };
    let counts = move || {
        let p = progress.get();
        format!(
            "{} ready · {} duplicates · {} failed",
            grouped(p.ready_so_far as usize),
            grouped((p.duplicates_in_file + p.duplicates_existing) as usize),
            grouped(p.failed as usize)
        )
    };
    let stopping = move || session.stop.get();
    view! {
        <section class="card import-running" aria-labelledby="import-running-title">
            <h2 class="card-title" id="import-running-title">
                {move || format!("Importing {}", quoted(&session.file_name.get()))}
            </h2>
            <progress id="import-progress" max="1" prop:value=move || progress.with(|p| p.fraction())></progress>
            <p id="import-progress-text" role="status" aria-live="polite">{text}</p>
            <p class="hint">{counts}</p>
            <div class="form-actions">
                <button
                    type="button"
                    class="btn btn-danger-outline"
                    id="import-stop"
                    disabled=stopping
                    on:click=move |_| session.stop.set(true)
                >
                    {move || if stopping() { "Stopping…" } else { "Stop" }}
                </button>
            </div>
            <p class="hint">"Rows imported before you stop are kept; the summary says where it stopped."</p>
        </section>
    }
}
