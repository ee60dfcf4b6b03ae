//! Edit List: tabs Settings (name, description), Custom fields and Dispositions.

use leptos::prelude::*;

use super::custom_fields::ListCustomFields;
use super::dial_prefix_field::DialPrefixField;
use super::dispositions_tab::DispositionsTab;
use super::fields::ListFields;
use super::save::ListForm;
use crate::domain::{ListDraft, ListId, Workspace};
use crate::ui::app::{AppState, Route};
use crate::ui::kit::{focus_id, SaveButton};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Settings,
    CustomFields,
    Dispositions,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Settings, Tab::CustomFields, Tab::Dispositions];
    fn label(self) -> &'static str {
        match self {
            Tab::Settings => "Settings",
            Tab::CustomFields => "Custom fields",
            Tab::Dispositions => "Dispositions",
        }
    }
    fn id(self) -> &'static str {
        match self {
            Tab::Settings => "tab-settings",
            Tab::CustomFields => "tab-custom-fields",
            Tab::Dispositions => "tab-dispositions",
        }
    }
}

#[component]
pub fn ListEditorPage(id: ListId) -> impl IntoView {
    let state = AppState::get();
    let list = Memo::new(move |_| state.lists.with(|ls| ls.iter().find(|l| l.id == id).cloned()));
    let tab = RwSignal::new(Tab::Settings);
    let initial = list.with_untracked(|l| {
        l.as_ref().map(|l| ListDraft::from_list(l))
    });
    let Some(initial) = initial else {
        return view! {
            <section class="page">
                <div class="empty-state" id="list-missing">
                    <h1>"List not found"</h1>
                    <p>"This list no longer exists. It may have been deleted."</p>
                    <a class="btn" href=Route::Lists.to_hash()>"Back to lists"</a>
                </div>
            </section>
        }
        .into_any();
    };
    let form = ListForm::new(initial);
    let update = move |ws: &mut Workspace, now, current: &ListDraft| ws.update_list(id, current, now);
    let saved = move || state.info("List saved.");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(update, saved);
    };
    // Leaving the page (the router) asks while the settings hold changes.
    form.guard(update, saved);
    // Arrow keys move between tabs, as the ARIA tabs pattern expects.
    let on_tab_key = move |ev: web_sys::KeyboardEvent| {
        let i = Tab::ALL.iter().position(|t| *t == tab.get_untracked()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" => Tab::ALL[(i + 1) % Tab::ALL.len()],
            "ArrowLeft" => Tab::ALL[(i + Tab::ALL.len() - 1) % Tab::ALL.len()],
            _ => return,
        };
        ev.prevent_default();
        tab.set(next);
        focus_id(next.id());
    };

    view! {
        <section class="page">
            <header class="page-head">
                <div>
                    <p class="breadcrumb"><a href=Route::Lists.to_hash()>"Lists"</a>" / Edit list"</p>
                    <h1>{move || list.with(|l| l.as_ref().map(|l| l.name.to_string()).unwrap_or_default())}</h1>
                </div>
                <a class="btn" href=Route::Contacts(Some(id)).to_hash()>"Show Contacts"</a>
            </header>
            <div class="tabs" role="tablist" aria-label="List settings" on:keydown=on_tab_key>
                {Tab::ALL
                    .into_iter()
                    .map(|t| view! {
                        <button
                            type="button"
                            role="tab"
                            class="tab"
                            id=t.id()
                            aria-selected=move || if tab.get() == t { "true" } else { "false" }
                            aria-controls="tab-panel"
                            tabindex=move || if tab.get() == t { "0" } else { "-1" }
                            on:click=move |_| tab.set(t)
                        >
                            {t.label()}
                        </button>
                    })
                    .collect_view()}
            </div>
            <div class="card tab-panel" role="tabpanel" id="tab-panel" aria-labelledby=move || tab.get().id()>
                {move || match tab.get() {
                    Tab::Settings => view! {
                        <form id="list-settings-form" class="narrow-form" novalidate=true on:submit=save>
                            <ListFields draft=form.draft name_error=form.name_error />
                            <DialPrefixField draft=form.draft error=form.prefix_error />
                            <div class="form-actions">
                                <SaveButton id="save-list" pending=Signal::derive(move || form.save.pending()) />
                            </div>
                        </form>
                    }
                    .into_any(),
                    Tab::CustomFields => view! { <ListCustomFields list=id /> }.into_any(),
                    Tab::Dispositions => view! { <DispositionsTab list=id /> }.into_any(),
                }}
            </div>
        </section>
    }
    .into_any()
}
