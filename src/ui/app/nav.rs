//! The section navigation: a sidebar on desktop, a scrolling tab strip on phones
//! (the CSS decides). Plain links, so the keyboard and Back just work.

use leptos::prelude::*;

use super::route::Section;
use super::router::Router;
use super::state::AppState;

#[component]
pub fn Nav() -> impl IntoView {
    let router = Router::get();
    let state = AppState::get();
    let current = Memo::new(move |_| router.route.get().section());
    view! {
        <nav class="nav" aria-label="Sections">
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        // An agent's view manages nothing: those entries step aside.
                        let managed = matches!(section, Section::Lists | Section::CustomFields | Section::Tags | Section::Agents);
                        let hidden = move || managed && !state.is_admin();
                        let is_current = move || current.get() == section;
                        view! {
                            <li hidden=hidden>
                                <a
                                    href=section.route().to_hash()
                                    class="nav-link"
                                    class:active=is_current
                                    aria-current=move || is_current().then_some("page")
                                >
                                    {section.label()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Show when=move || !state.is_admin()>
                <p class="nav-note" id="agent-nav-note">"Lists, fields, tags and agents are managed by admins."</p>
            </Show>
        </nav>
    }
}
