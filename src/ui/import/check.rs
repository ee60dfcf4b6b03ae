//! The check before Upload: what the current choices would do to the file's first
//! rows (all of a small file), with examples of the problems.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::import::CheckReport;
use crate::engine::protocol::Answer;
use crate::ui::app::AppState;
use crate::ui::kit::{sentence, with_stop};

use super::engine::{ask, unexpected};
use super::session::ImportSession;

/// The check of the current choices, asked of the import engine again whenever they
/// change; an answer to choices since changed is dropped.
pub fn checked(session: ImportSession, state: AppState) -> Signal<Result<CheckReport, String>> {
    let check = RwSignal::new(Err("Checking the first rows…".to_owned()));
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let request = session.check_request(state);
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        match request {
            Err(why) => check.set(Err(why)),
            Ok(request) => spawn_local(async move {
                let result = match ask(&request).await {
                    Ok(Answer::Checked(result)) => result.map_err(|e| with_stop(&sentence(&e.to_string()))),
                    Ok(other) => Err(unexpected(&other)),
                    Err(e) => Err(with_stop(&sentence(&e.to_string()))),
                };
                if asked.get_value() == this {
                    check.set(result);
                }
            }),
        }
    });
    check.into()
}

#[component]
pub fn ImportCheck(check: Signal<Result<CheckReport, String>>) -> impl IntoView {
    move || match check.get() {
        Err(why) => view! { <p class="hint" id="import-check">{why}</p> }.into_any(),
        Ok(report) => {
            let bad = report.imports_nothing();
            let examples = report.failure_examples.iter().chain(&report.warning_examples).cloned().collect::<Vec<_>>();
            view! {
                <div id="import-check" class="import-check" class:import-check-bad=bad aria-live="polite">
                    <p id="import-check-sentence">{report.sentence()}</p>
                    {(!examples.is_empty())
                        .then(|| {
                            view! {
                                <details class="import-check-examples">
                                    <summary>"Examples"</summary>
                                    <ul id="import-check-examples">
                                        {examples.into_iter().map(|e| view! { <li><bdi>{e}</bdi></li> }).collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                </div>
            }
            .into_any()
        }
    }
}
