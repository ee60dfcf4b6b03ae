//! The section navigation: a sidebar on desktop; on phones a "Menu" button naming the
//! current section opens the same links as a panel (the CSS decides which shows).
//! Plain links, so the keyboard and Back just work.

use leptos::prelude::*;

use super::route::Section;
use super::router::Router;

/// `admin`: whether the management sections show (an agent's view manages nothing).
#[component]
pub fn Nav(admin: Signal<bool>) -> impl IntoView {
    let router = Router::get();
    let current = Memo::new(move |_| router.route.get().section());
    let open = RwSignal::new(false);
    // Going somewhere folds the panel.
    Effect::new(move |_| {
        current.track();
        open.set(false);
    });
    view! {
        <nav class="nav" class:open=move || open.get() aria-label="Sections" on:keydown=move |ev| {
            if ev.key() == "Escape" && open.get_untracked() {
                open.set(false);
                crate::ui::kit::focus_id("nav-toggle");
            }
        }>
            <button
                type="button"
                class="nav-toggle"
                id="nav-toggle"
                aria-controls="nav-sections"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span class="nav-toggle-icon" aria-hidden="true">"☰"</span>
                <span class="visually-hidden">"Menu: "</span>
                {move || current.get().label()}
            </button>
            <ul id="nav-sections" on:click=move |_| open.set(false)>
                {Section::ALL
                    .into_iter()
                    .map(|section| {
                        // An agent's view manages nothing: those entries step aside.
                        let managed = matches!(section, Section::Lists | Section::CustomFields | Section::Tags | Section::Agents);
                        let hidden = move || managed && !admin.get();
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
            <Show when=move || !admin.get()>
                <p class="nav-note" id="agent-nav-note">"Lists, fields, tags and agents are managed by admins."</p>
            </Show>
        </nav>
    }
}
