//! Step 3: how far the log is, and Stop.

use leptos::prelude::*;

use crate::ui::kit::grouped;

use super::session::CallLogSession;
use crate::domain::text::quoted;

#[component]
pub fn CallLogProgress(session: CallLogSession) -> impl IntoView {
    let progress = session.progress;
    let status = move || {
        let p = progress.get();
        format!(
            "{} rows read ({:.0}%) · {} matched · {} unmatched · {} ambiguous · {} invalid",
            grouped(p.rows_read as usize),
            p.fraction() * 100.0,
            grouped(p.ready as usize),
            grouped(p.unmatched as usize),
            grouped(p.ambiguous as usize),
            grouped(p.invalid as usize)
        )
    };
    let stopping = move || session.stop.get();
    view! {
        <section class="card import-running" aria-labelledby="call-log-running-title">
            <h2 class="card-title" id="call-log-running-title">
                {move || format!("Importing {}", quoted(&session.file.file_name.get()))}
            </h2>
            <progress id="call-log-progress" max="1" prop:value=move || progress.with(|p| p.fraction())></progress>
            <p id="call-log-progress-text" role="status" aria-live="polite">{status}</p>
            <div class="form-actions">
                <button type="button" class="btn btn-danger-outline" id="call-log-stop" disabled=stopping on:click=move |_| session.stop.set(true)>
                    {move || if stopping() { "Stopping…" } else { "Stop" }}
                </button>
            </div>
            <p class="hint">"Calls logged before you stop are kept."</p>
        </section>
    }
}
