//! A new deployed version is offered, never loaded behind the user's back: when the
//! window regains focus (and every 15 minutes) the app reads index.html from the
//! network and compares the wasm it names with the one running. A different one shows
//! "A new version is ready" with Reload, once no form holds changes (a reload would
//! ask about them anyway). Offline, or served nothing, nothing is said.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::unsaved::Unsaved;
use super::version::wasm_name;

const EVERY_MS: u32 = 15 * 60 * 1000;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let unsaved = Unsaved::get();
    let state = super::AppState::get();
    let ready = RwSignal::new(false);
    let running = running_wasm();
    let check = move || {
        let Some(running) = running.clone() else { return };
        if ready.get_untracked() {
            return;
        }
        spawn_local(async move {
            if deployed_wasm().await.is_some_and(|deployed| deployed != running) {
                ready.try_set(true);
            }
        });
    };
    let on_focus = check.clone();
    let _focus = window_event_listener(leptos::ev::focus, move |_| on_focus());
    let every = check.clone();
    // The root's: it lives as long as the page.
    gloo_timers::callback::Interval::new(EVERY_MS, move || every()).forget();

    move || {
        // Never over a form holding changes or while an import, export, backup or
        // restore runs: a reload would cut it.
        (ready.get() && !unsaved.any() && !state.work_running()).then(|| {
            view! {
                <div class="update-banner" id="update-ready" role="status">
                    <span>"A new version of Contacts Manager is ready."</span>
                    <button type="button" class="btn btn-small btn-primary" id="update-reload" on:click=move |_| { let _ = window().location().reload(); }>
                        "Reload"
                    </button>
                </div>
            }
        })
    }
}

/// The wasm this page started: the one its index.html preloads (the start-up script
/// itself is a file, not inline: see `src/pwa/externalize.mjs`).
fn running_wasm() -> Option<String> {
    let link = document().query_selector("link[rel=preload][href$='_bg.wasm']").ok()??;
    wasm_name(&link.outer_html()).map(str::to_owned)
}

/// The wasm index.html names now, read from the network (the service worker lets
/// `version-check` requests through).
async fn deployed_wasm() -> Option<String> {
    let url = format!("index.html?version-check={}", js_sys::Date::now() as u64);
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str_and_init(&url, &init)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    wasm_name(&text).map(str::to_owned)
}
