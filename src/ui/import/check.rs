//! The check before Upload: what the current choices would do to the file's first
//! rows (all of a small file), with examples of the problems.

use leptos::prelude::*;

use crate::domain::import::CheckReport;

#[component]
pub fn ImportCheck(check: Memo<Result<CheckReport, String>>) -> impl IntoView {
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
