//! The Data page: whether the browser keeps the data when the device runs low on
//! space (and a button to ask it to), the space it takes of what the browser allows
//! this site, backup and restore, and the other workspaces of this browser.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup::BackupCard;
use super::durable::{ask_to_keep, durability, Durability};
use super::restore_card::RestoreCard;
use super::workspaces_card::WorkspacesCard;
use crate::store::storage::{storage_estimate, StorageEstimate};
use crate::ui::app::{AppState, SettingKey, Setting};
use crate::ui::kit::{local_time, size_text};

#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::get();
    let kept = RwSignal::new(None::<Durability>);
    let asked = RwSignal::new(None);
    let space = RwSignal::new(None::<Option<StorageEstimate>>);
    let asking = RwSignal::new(false);
    let refresh = move || {
        spawn_local(async move {
            kept.try_set(Some(durability().await));
            space.try_set(Some(storage_estimate().await));
            if let Some(Setting::DurableAsked(at)) = state.recall(SettingKey::DurableAsked).await {
                asked.try_set(Some(at));
            }
        })
    };
    refresh();
    let ask = move |_| {
        asking.set(true);
        spawn_local(async move {
            let answer = ask_to_keep(state).await;
            asking.try_set(false);
            kept.try_set(Some(answer));
            if answer != Durability::Kept {
                state.info("The browser did not agree to keep the data for now. Browsers agree more readily for installed apps and sites used often.");
            }
            refresh();
        });
    };

    let status = move || match kept.get() {
        None => "Asking the browser…".to_owned(),
        Some(Durability::Kept) => "Yes. The browser keeps this data even when the device runs low on space; it goes only if someone clears this site's data.".to_owned(),
        Some(Durability::MayBeCleared) => {
            let when = asked.get().map(|at| format!(" It was asked on {} and has not agreed.", local_time(at))).unwrap_or_default();
            format!("Not guaranteed. When the device runs low on space, the browser may clear this site's data, and this browser holds the only copy.{when}")
        }
        Some(Durability::Unknown) => "This browser does not say whether it keeps the data when space runs low.".to_owned(),
    };
    let usage = move || match space.get() {
        None => "Measuring…".to_owned(),
        Some(None) => "This browser does not say how much space the data takes.".to_owned(),
        Some(Some(e)) => format!("{} used, of about {} this browser allows this site.", size_text(e.usage), size_text(e.quota)),
    };
    let share = move || space.get().flatten().map(|e| if e.quota > 0.0 { (e.usage / e.quota).clamp(0.0, 1.0) } else { 0.0 });

    view! {
        <section class="page" id="data-page">
            <header class="page-head">
                <div>
                    <h1>"Data"</h1>
                    <p class="page-sub">"Everything is stored in this browser, on this device: no server holds a copy."</p>
                </div>
            </header>
            <section class="card data-card" aria-labelledby="durable-title">
                <h2 class="card-title" id="durable-title">"Kept when space runs low?"</h2>
                <p id="durable-status" data-state=move || format!("{:?}", kept.get())>{status}</p>
                {move || (kept.get() == Some(Durability::MayBeCleared)).then(|| view! {
                    <button type="button" class="btn btn-primary" id="durable-ask" disabled=move || asking.get() on:click=ask>
                        "Ask the browser to keep the data"
                    </button>
                    <p class="hint">"Installing the app (Install in the browser's address bar) makes browsers agree more readily. Make a backup now and then (below), to have a copy elsewhere."</p>
                })}
            </section>
            <section class="card data-card" aria-labelledby="space-title">
                <h2 class="card-title" id="space-title">"Space"</h2>
                <p id="storage-usage">{usage}</p>
                {move || share().map(|s| view! { <meter id="storage-meter" min="0" max="1" value=s.to_string() aria-labelledby="space-title"></meter> })}
            </section>
            <BackupCard />
            <RestoreCard />
            <WorkspacesCard />
        </section>
    }
}
