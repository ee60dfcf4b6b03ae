//! The app frame once the workspace is loaded: header, navigation, the current page.

use leptos::prelude::*;

use super::admin_only::AdminOnly;
use crate::ui::catalog::AgentsPage;
use crate::ui::contacts::ContactsPage;
use crate::ui::contacts::EditContactPage;
use crate::ui::catalog::GlobalFieldsPage;
use crate::ui::lists::ListEditorPage;
use crate::ui::lists::ListsPage;
use super::nav::Nav;
use crate::ui::import::ImportPage;
use super::route::{Route, Router};
use super::state::AppState;
use crate::ui::catalog::TagsPage;
use super::viewing_as_switch::ViewingAsSwitch;
use crate::domain::{ContactId, ListId};

/// Which page is shown; the contacts filter is not part of it, so changing the filter
/// keeps the page (and the focus in its controls).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Page {
    Contacts,
    EditContact(ContactId),
    Lists,
    EditList(ListId),
    CustomFields,
    Tags,
    Agents,
    Import(Option<ListId>),
}

#[component]
pub fn Shell() -> impl IntoView {
    let router = Router::get();
    let state = AppState::get();
    let page = Memo::new(move |_| match router.route.get() {
        Route::Contacts(_) => Page::Contacts,
        Route::EditContact(id) => Page::EditContact(id),
        Route::Lists => Page::Lists,
        Route::EditList(id) => Page::EditList(id),
        Route::CustomFields => Page::CustomFields,
        Route::Tags => Page::Tags,
        Route::Agents => Page::Agents,
        Route::Import(list) => Page::Import(list),
    });
    view! {
        <div class="app" id="app-ready">
            <header class="topbar">
                <a class="brand" href="#/contacts">
                    <span class="brand-mark" aria-hidden="true">"CM"</span>
                    <span>"Contacts Manager"</span>
                </a>
                <ViewingAsSwitch />
            </header>
            <div class="frame">
                <Nav />
                <main class="main" id="main">
                    {move || match page.get() {
                        // An agent's view manages nothing: say so rather than show a blank.
                        Page::Lists | Page::EditList(_) if !state.is_admin() => view! { <AdminOnly title="Lists" what="lists" /> }.into_any(),
                        Page::CustomFields if !state.is_admin() => view! { <AdminOnly title="Global custom fields" what="custom fields" /> }.into_any(),
                        Page::Tags if !state.is_admin() => view! { <AdminOnly title="Tags" what="tags" /> }.into_any(),
                        Page::Agents if !state.is_admin() => view! { <AdminOnly title="Agents" what="agents" /> }.into_any(),
                        Page::Contacts => view! { <ContactsPage /> }.into_any(),
                        Page::EditContact(id) => view! { <EditContactPage id=id /> }.into_any(),
                        Page::Lists => view! { <ListsPage /> }.into_any(),
                        Page::EditList(id) => view! { <ListEditorPage id=id /> }.into_any(),
                        Page::CustomFields => view! { <GlobalFieldsPage /> }.into_any(),
                        Page::Tags => view! { <TagsPage /> }.into_any(),
                        Page::Agents => view! { <AgentsPage /> }.into_any(),
                        Page::Import(list) => view! { <ImportPage list=list /> }.into_any(),
                    }}
                </main>
            </div>
        </div>
    }
}
