//! Shows the latest notice: info fades after a few seconds, errors and notices asking
//! for action (with their links) stay until dismissed.

use leptos::prelude::*;

use super::state::{AppState, Notice};

#[component]
pub fn NoticeArea() -> impl IntoView {
    let state = AppState::get();
    let notice = state.notice;
    Effect::new(move |_| {
        if let Some(Notice::Info(text)) = notice.get() {
            set_timeout(
                move || {
                    // Only clear the message this timer was started for.
                    if notice.get_untracked() == Some(Notice::Info(text)) {
                        notice.set(None);
                    }
                },
                std::time::Duration::from_secs(4),
            );
        }
    });
    view! {
        <div class="notice-area" aria-live="polite">
            {move || {
                notice
                    .get()
                    .map(|n| {
                        let (class, role, text, links) = match n {
                            Notice::Info(t) => ("notice notice-info", "status", t, Vec::new()),
                            Notice::Error(t) => ("notice notice-error", "alert", t, Vec::new()),
                            Notice::Action { text, links } => ("notice notice-action", "status", text, links),
                        };
                        let links = (!links.is_empty()).then(|| view! {
                            <ul class="notice-links">
                                {links.into_iter().map(|l| view! {
                                    <li><a href=l.route.to_hash() on:click=move |_| notice.set(None)>{l.label}</a></li>
                                }).collect_view()}
                            </ul>
                        });
                        view! {
                            <div class=class role=role id="notice">
                                <div class="notice-body">
                                    <span>{text}</span>
                                    {links}
                                </div>
                                <button
                                    type="button"
                                    class="icon-btn"
                                    aria-label="Dismiss"
                                    on:click=move |_| notice.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
