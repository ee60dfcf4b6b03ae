//! The first screen kept between visits (`domain::first_screen`): kept when the
//! contacts have loaded and whenever the page is hidden (tab switched or closed), and
//! shown at the next start while the workspace loads (with none kept, one read early
//! from the page heads, `persist::first_page`): the heading's count and the
//! default view's first page, inert but for the search box, whose text the loaded
//! page takes over. Every write forgets it (the store's side), so it never shows what
//! is not stored; a start without one simply waits for the load.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::page::agent_scope;
use super::phone_links::PhoneLinks;
use super::search_box::SearchBox;
use super::table::contacts_head;
use super::view::{ContactsView, PAGE_SIZES};
use super::view_url::ViewParams;
use crate::domain::first_screen::{FirstRow, FirstScreen};
use crate::domain::workspace::GlobalFilter;
use crate::domain::{AgentId, Contact, ContactField, ContactQuery, CustomField, FieldId, PhoneNumber, Workspace};
use crate::ui::app::{viewer_label, AppState, LoadingPanel, Route, Router};
use crate::ui::kit::{local_day, plural, when_idle, DataTable, Pager, TruncatedText};

/// How long keeping the first screen after the load may wait for an idle moment (ms).
const KEEP_WITHIN_MS: u32 = 2_000;

/// The first screen to show while `db` loads: the one kept, when the address is the
/// default contacts view it shows (page size included, into `view`).
pub fn first_screen_for(db: &str, view: ContactsView) -> Option<FirstScreen> {
    if !on_default_view() {
        return None;
    }
    let screen = crate::store::first_screen::read(db)?;
    let page_size = usize::try_from(screen.page_size).ok().filter(|n| PAGE_SIZES.contains(n))?;
    view.page_size.set(page_size);
    crate::perf::mark("cm:first-screen");
    Some(screen)
}

/// Whether the address is the default contacts view (all lists, no search or tag,
/// the first page, the default order): the view a first screen shows.
pub fn on_default_view() -> bool {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash) == Route::Contacts(None) && ViewParams::from_hash(&hash) == ViewParams::default()
}

/// The first screen read from the page heads and the few pages they name
/// (`Persistence::first_page`), for a start with none kept: the same page the loaded
/// workspace will show, with the whole view's count. `None` when the heads cannot tell.
pub async fn early_first_screen(store: &crate::store::Store, view: ContactsView, viewing_as: Option<AgentId>) -> Option<FirstScreen> {
    let page_size = view.page_size.get_untracked();
    match store.first_page(viewing_as, page_size).await {
        Ok(Some(first)) => {
            let columns = view.columns.get_untracked();
            let screen = FirstScreen { count: first.total as u64, ..screen_of(&first.workspace, page_size, viewing_as, &columns) };
            crate::perf::mark("cm:first-screen-early");
            Some(screen)
        }
        Ok(None) => None,
        Err(err) => {
            leptos::logging::warn!("the first page could not be read early: {err}");
            None
        }
    }
}

/// True while the first screen's search box has the focus: the loaded page's box
/// should take it over (`kit::focus_id("contact-search")` once shown).
pub fn typing_in_search() -> bool {
    document_of_page().and_then(|d| d.active_element()).is_some_and(|e| e.id() == "contact-search")
}

thread_local! {
    /// Listening already (a start after a hand-over between tabs calls again).
    static KEEPING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keeps the first screen once the browser is idle after the load, and again each
/// time the page is hidden (a write since forgot it). For the app's lifetime.
pub fn keep_first_screen(state: AppState, view: ContactsView) {
    when_idle(KEEP_WITHIN_MS, move || keep(state, view));
    if KEEPING.with(|k| k.replace(true)) {
        return;
    }
    let (Some(window), Some(document)) = (web_sys::window(), document_of_page()) else { return };
    let on_hidden = Closure::<dyn Fn()>::new(move || {
        if document_of_page().is_some_and(|d| d.hidden()) {
            keep(state, view);
        }
    });
    let listener: &js_sys::Function = on_hidden.as_ref().unchecked_ref();
    let _ = document.add_event_listener_with_callback("visibilitychange", listener);
    // For browsers that close a tab without `visibilitychange`.
    let _ = window.add_event_listener_with_callback("pagehide", listener);
    // Listens as long as the page lives.
    on_hidden.forget();
}

fn document_of_page() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Keeps what the default view shows now; the store refuses while a write is under
/// way (it might not land), and holds nothing once another tab took over.
fn keep(state: AppState, view: ContactsView) {
    let Some(store) = state.store() else { return };
    let screen = current(state, view);
    if store.keep_first_screen(&screen) {
        crate::perf::mark("cm:first-screen-kept");
    }
}

/// The default view (all lists, no search or tag, the first page) as it shows now.
fn current(state: AppState, view: ContactsView) -> FirstScreen {
    let page_size = view.page_size.get_untracked();
    let viewing_as = state.viewing_as.get_untracked();
    let columns = view.columns.get_untracked();
    state.read_now(|ws| screen_of(ws, page_size, viewing_as, &columns))
}

/// The default view of `ws` as the contacts page shows it "Viewing as" `viewing_as`,
/// `page_size` rows, with the chosen custom-field columns (`columns`).
fn screen_of(ws: &Workspace, page_size: usize, viewing_as: Option<AgentId>, columns: &[FieldId]) -> FirstScreen {
    let params = ViewParams::default();
    let visible = ws.visible_lists(viewing_as);
    let query = ContactQuery { sort: params.sort, descending: params.descending, page_size, visible_lists: visible.clone(), ..ContactQuery::default() };
    let shown: Vec<&CustomField> = ws.global_fields(GlobalFilter::Available).into_iter().filter(|f| columns.contains(&f.id)).collect();
    let list_name = |c: &Contact| ws.list(c.list_id).map(|l| l.name.to_string()).unwrap_or_default();
    let result = ws.query(&query);
    let row = |c: &Contact| FirstRow {
        first_name: c.data.first_name().to_owned(),
        last_name: c.data.get(ContactField::LastName).unwrap_or("").to_owned(),
        phone: c.data.phone().cloned(),
        mobile: c.data.mobile().cloned(),
        email: c.data.get(ContactField::Email).unwrap_or("").to_owned(),
        list: list_name(c),
        last_interaction: c.activity.last.map(local_day),
        whatsapp_open: c.activity.has_open_whatsapp(),
        custom: shown.iter().map(|f| c.data.custom_value(f.id).map(|v| v.to_text()).unwrap_or_default()).collect(),
    };
    FirstScreen {
        count: result.total as u64,
        viewing_as: viewing_as.and_then(|id| ws.agent(id)).map(viewer_label),
        agent_lists: visible.as_ref().map(|ids| ids.len() as u32),
        tags: !ws.tags().is_empty(),
        page_size: page_size as u32,
        columns: shown.iter().map(|f| f.alias.to_string()).collect(),
        rows: result.rows.iter().map(row).collect(),
    }
}

/// The contacts page as `screen` kept it, while the workspace loads: nothing in it
/// acts but the search box (its text is the view's, which the loaded page shows).
#[component]
pub fn FirstScreenPage(screen: FirstScreen) -> impl IntoView {
    let router = Router::get();
    // A link followed meanwhile (the navigation works): that page shows once loaded.
    let on_contacts = Memo::new(move |_| router.route.get() == Route::Contacts(None));
    move || match on_contacts.get() {
        true => view! { <KeptContacts screen=screen.clone() /> }.into_any(),
        false => view! { <LoadingPanel text="Opening your contacts…" /> }.into_any(),
    }
}

#[component]
fn KeptContacts(screen: FirstScreen) -> impl IntoView {
    let view = ContactsView::get();
    let router = Router::get();
    // Typed while loading: into the address too, which the loaded page follows.
    let search = move |text: String| {
        if view.search.with_untracked(|s| *s == text) {
            return;
        }
        router.replace(ViewParams { search: text.clone(), ..ViewParams::default() }.to_hash(None));
        view.search.set(text);
    };
    let total = screen.count as usize;
    let columns = Signal::stored(screen.columns.clone());
    let head = move || contacts_head(Signal::stored(Vec::new()), columns);
    let rows = screen.rows.into_iter().map(|row| view! { <FirstScreenRow row=row /> }).collect_view();
    view! {
        <section class="page" id="first-screen" aria-busy="true">
            <header class="page-head">
                <div>
                    <h1>"Contacts"</h1>
                    <p class="page-sub">{plural(total, "contact", "contacts")}</p>
                    {screen.agent_lists.map(|n| view! { <p class="page-sub" id="agent-scope">{agent_scope(n as usize)}</p> })}
                </div>
                <div class="head-actions" inert>
                    <span class="btn disabled">"Import contacts"</span>
                    <button type="button" class="btn btn-primary" disabled>
                        <span aria-hidden="true" class="plus">"+"</span>
                        " Add contact"
                    </button>
                </div>
            </header>
            // The toolbar's controls, still, so nothing moves when the page loads.
            <div class="toolbar">
                <div class="inert-part" inert>
                    <label class="field-inline"><span>"List"</span><select disabled><option>"All lists"</option></select></label>
                    {screen.tags.then(|| view! {
                        <label class="field-inline"><span>"Tag"</span><select disabled><option>"Any tag"</option></select></label>
                    })}
                </div>
                <SearchBox placeholder="Loading… type to search" on_text=Callback::new(search) />
                <div class="toolbar-end" inert>
                    <span class="btn disabled">"Columns"</span>
                    <button type="button" class="btn" disabled>"Export"</button>
                    <button type="button" class="btn" disabled>"Export selected"</button>
                    <button type="button" class="btn btn-danger-outline" disabled>"Delete"</button>
                </div>
                <p class="visually-hidden" role="status">"Loading your contacts…"</p>
            </div>
            <div inert>
                <DataTable id="contacts-table" head=head>{rows}</DataTable>
                <Pager total=Signal::stored(total) page=Signal::stored(0) on_page_size=Callback::new(|_| ()) />
            </div>
        </section>
    }
}

/// One row as kept: the cells of `ContactRow`, without what acts.
#[component]
fn FirstScreenRow(row: FirstRow) -> impl IntoView {
    let phone = |n: Option<PhoneNumber>| n.map(|number| view! { <PhoneLinks number=number /> });
    view! {
        <tr>
            <td class="col-check"><input type="checkbox" class="row-check" aria-label="Select" disabled /></td>
            <td class="col-first">
                {row.first_name}
                {row.whatsapp_open.then(|| view! { <span class="badge wa-open">"WhatsApp open"</span> })}
            </td>
            <td class="col-last">{row.last_name}</td>
            <td class="col-phone">{phone(row.phone)}</td>
            <td class="col-mobile">{phone(row.mobile)}</td>
            <td class="col-email"><TruncatedText text=row.email /></td>
            <td class="col-list">{row.list}</td>
            <td class="col-last-contact">{row.last_interaction}</td>
            {row.custom.into_iter().map(|text| view! { <td class="col-custom">{text}</td> }).collect_view()}
            <td class="col-actions">
                <div class="row-actions">
                    <a class="btn btn-small">"Edit"</a>
                    <span class="btn btn-small row-menu-button" aria-hidden="true">"⋯"</span>
                </div>
            </td>
        </tr>
    }
}
