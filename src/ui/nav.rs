//! The section navigation: a sidebar on desktop, a scrolling tab strip on phones
//! (the CSS decides). Plain links, so the keyboard and Back just work.

use leptos::prelude::*;

use super::route::{Router, Section};

#[component]
pub fn Nav() -> impl IntoView {
    let router = Router::get();
    let current = Memo::new(move |_| router.route.get().section());
    view! {
        <nav class="nav" aria-label="Sections">
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        let is_current = move || current.get() == section;
                        view! {
                            <li>
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
        </nav>
    }
}
