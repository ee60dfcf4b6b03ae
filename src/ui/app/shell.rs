//! The app frame (header, navigation) and, once the workspace is loaded, the current
//! page in it.

use leptos::context::Provider;
use leptos::prelude::*;

use crate::ui::catalog::AgentsPage;
use crate::ui::catalog::GlobalFieldsPage;
use crate::ui::catalog::TagsPage;
use crate::ui::contacts::ContactsPage;
use crate::ui::contacts::EditContactPage;
use crate::ui::data::DataPage;
use crate::ui::duplicates::DuplicatesPage;
use crate::ui::import::ImportPage;
use crate::ui::lists::ListEditorPage;
use crate::ui::lists::ListsPage;
use crate::ui::trash::TrashPage;

use super::admin_only::AdminOnly;
use super::nav::Nav;
use super::route::Route;
use super::router::Router;
use super::state::AppState;
use super::viewing_as_switch::{KeptViewingAs, ViewingAsSwitch};

#[component]
pub fn Shell() -> impl IntoView {
    let router = Router::get();
    let state = AppState::get();
    // Which page is shown: the route without the contacts filter, so changing the
    // filter keeps the page (and the focus in its controls).
    let page = Memo::new(move |_| router.route.get().page());
    crate::ui::data::ask_at_enough_contacts(state);
    view! {
        <Frame id="app-ready" viewer=Viewer::Live>
            {move || {
                let route = page.get();
                // Followed here (a component's body follows nothing), and only
                // where it matters: other pages stay as they are on a switch.
                let admin = !for_admins(route) || state.is_admin();
                // Each page under an owner of its own, so what it provides as
                // context goes with it: a later page must not find the last
                // page's (disposed) form through `use_context`.
                view! { <Provider value=route>{page_view(route, admin)}</Provider> }
            }}
        </Frame>
    }
}

/// Who the frame shows the app for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Viewer {
    /// The loaded app's "Viewing as".
    Live,
    /// While the first screen kept from the last visit shows: the view it was kept in
    /// (whom "Viewing as" named, `None` for Admin; whether it managed), so nothing
    /// changes once loaded.
    Kept { label: Option<String>, admin: bool },
}

/// The app's frame (header, navigation) around `children`, the main content. `id`
/// says which: the loaded app ("app-ready"), or the first screen kept from the last
/// visit while it loads.
#[component]
pub fn Frame(id: &'static str, viewer: Viewer, children: Children) -> impl IntoView {
    let state = AppState::get();
    let (admin, switch) = match viewer {
        Viewer::Live => (Signal::derive(move || state.is_admin()), view! { <ViewingAsSwitch /> }.into_any()),
        Viewer::Kept { label, admin } => (Signal::stored(admin), view! { <KeptViewingAs label=label /> }.into_any()),
    };
    view! {
        <div class="app" id=id>
            <header class="topbar">
                <a class="brand" href="#/contacts">
                    <span class="brand-mark" aria-hidden="true">"CM"</span>
                    <span>"Contacts Manager"</span>
                </a>
                {switch}
            </header>
            <div class="frame">
                <Nav admin=admin />
                <main class="main" id="main">{children()}</main>
            </div>
        </div>
    }
}

/// Pages an agent's view does not show.
fn for_admins(route: Route) -> bool {
    matches!(route, Route::Lists | Route::EditList(_) | Route::CustomFields | Route::Tags | Route::Agents)
}

/// The page of `route`; `admin`: whether an admin page may be shown.
fn page_view(route: Route, admin: bool) -> AnyView {
    match route {
        // An agent's view manages nothing: say so rather than show a blank.
        Route::Lists | Route::EditList(_) if !admin => view! { <AdminOnly title="Lists" what="lists" /> }.into_any(),
        Route::CustomFields if !admin => view! { <AdminOnly title="Global custom fields" what="custom fields" /> }.into_any(),
        Route::Tags if !admin => view! { <AdminOnly title="Tags" what="tags" /> }.into_any(),
        Route::Agents if !admin => view! { <AdminOnly title="Agents" what="agents" /> }.into_any(),
        Route::Contacts(_) => view! { <ContactsPage /> }.into_any(),
        Route::EditContact(id) => view! { <EditContactPage id=id /> }.into_any(),
        Route::Lists => view! { <ListsPage /> }.into_any(),
        Route::EditList(id) => view! { <ListEditorPage id=id /> }.into_any(),
        Route::CustomFields => view! { <GlobalFieldsPage /> }.into_any(),
        Route::Tags => view! { <TagsPage /> }.into_any(),
        Route::Agents => view! { <AgentsPage /> }.into_any(),
        Route::Import(list) => view! { <ImportPage list=list /> }.into_any(),
        Route::Trash => view! { <TrashPage /> }.into_any(),
        Route::Duplicates => view! { <DuplicatesPage /> }.into_any(),
        Route::Data => view! { <DataPage /> }.into_any(),
    }
}
