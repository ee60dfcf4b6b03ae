//! New List: name (required), description and default country, "Add List".

use leptos::prelude::*;

use crate::ui::kit::Dialog;
use super::fields::ListFields;
use super::save::show_failure;
use crate::ui::app::AppState;
use crate::domain::ListDraft;

#[component]
pub fn NewListDialog(on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    // Numbers without a country code most likely come from where the browser is.
    let draft = RwSignal::new(ListDraft { country: crate::ui::app::browser_country(), ..ListDraft::default() });
    let name_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let current = draft.get_untracked();
        leptos::task::spawn_local(async move {
            let result = state.apply(move |ws, now| ws.create_list(&current, now)).await;
            saving.set(false);
            match result {
                Ok(_) => {
                    state.info("List added.");
                    on_close.run(());
                }
                Err(err) => show_failure(state, name_error, err),
            }
        });
    };
    view! {
        <Dialog title="New list" on_close=on_close>
            <form id="new-list-form" novalidate=true on:submit=save>
                <div class="dialog-body">
                    <ListFields draft=draft name_error=name_error />
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id="add-list" disabled=move || saving.get()>
                        "Add List"
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
