//! The Merge Contact dialog: pick the contact to merge (unless one is given), see both
//! side by side and choose, Merge. The merged contact's journal is read first (it moves
//! to the kept one); a refusal (a required field empty on both sides, say) shows in
//! the dialog. Usable from anywhere: Find duplicates opens it with `other` given.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::guard::EditedForm;
use super::journal::whole_journal;
use super::pick::MergePick;
use super::preview::{compare, united};
use super::table::MergeTable;
use crate::domain::merge::MergeChoices;
use crate::domain::ContactId;
use crate::ui::app::{AppState, Collection, Command};
use crate::ui::kit::{sentence, with_stop, Dialog};

/// What a merge's preview reads.
const READS: [Collection; 4] = [Collection::Contacts, Collection::Fields, Collection::Tags, Collection::Lists];

#[component]
pub fn MergeDialog(
    /// The contact that stays.
    kept: ContactId,
    /// The contact merged into it; `None` lets the user find it.
    other: Option<ContactId>,
    /// Cancel, Esc, and after the merge.
    on_close: Callback<()>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let picked = RwSignal::new(other);
    let comparing = RwSignal::new(other.is_some());
    let title = Signal::derive(move || if comparing.get() { "Merge contacts: choose the values" } else { "Merge Contact" }.to_owned());
    // Each step replaces the other: focus goes to the new step's first control.
    let on_next = Callback::new(move |()| {
        comparing.set(true);
        request_animation_frame(|| focus_first_of("#merge-table input, #merge-ok"));
    });
    let on_back = Callback::new(move |()| {
        comparing.set(false);
        request_animation_frame(|| focus_first_of("#merge-filter"));
    });
    view! {
        <Dialog title=title on_close=on_close wide=true>
            {move || match (comparing.get(), picked.get_untracked()) {
                (true, Some(other)) => view! { <MergeCompare kept=kept other=other on_back=on_back on_close=on_close /> }.into_any(),
                _ => view! { <MergePick kept=kept filter=filter picked=picked on_next=on_next on_close=on_close /> }.into_any(),
            }}
        </Dialog>
    }
}

/// The second step: the preview, the choices, Merge.
#[component]
fn MergeCompare(kept: ContactId, other: ContactId, on_back: Callback<()>, on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let form = EditedForm::find(kept);
    let choices = RwSignal::new(MergeChoices::default());
    let compared = Memo::new(move |_| state.read(&READS, |ws| compare(ws, kept, other).map_err(|e| sentence(&with_stop(&e.to_string())))));
    let together = Memo::new(move |_| {
        let chosen = choices.get();
        state.read(&READS, |ws| united(ws, kept, other, &chosen))
    });
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let merging = Command::new();
    let busy = Signal::derive(move || reading.get() || merging.pending());

    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if let Some(Err(unsaved)) = form.map(EditedForm::check_clean) {
            error.set(Some(unsaved.to_owned()));
            return;
        }
        let Some(names) = compared.with_untracked(|c| c.as_ref().ok().map(|c| (c.kept_name.clone(), c.other_name.clone()))) else { return };
        let chosen = choices.get_untracked();
        error.set(None);
        leptos::task::spawn_local(async move {
            let other_name = names.1.clone();
            let failed = move |e: String| error.set(Some(format!("The interactions of {other_name} could not be read: {e}")));
            let Some(journal) = whole_journal(state, other, reading, failed).await else { return };
            merging.run(
                move |ws, now| ws.merge_contacts(kept, other, &chosen, journal, now),
                move |result| match result {
                    Ok(_) => {
                        state.info(format!("{} was merged into {}.", names.1, names.0));
                        if !error.is_disposed() {
                            on_close.run(());
                        }
                        if let Some(form) = form {
                            form.reload();
                        }
                    }
                    Err(err) => {
                        error.try_set(Some(sentence(&with_stop(&err.to_string()))));
                    }
                },
            );
        });
    };

    let body = move || match compared.get() {
        Err(refused) => view! { <p class="field-error" role="alert">{refused}</p> }.into_any(),
        Ok(c) => {
            let moved = format!("The interactions and history of {} move to {}.", c.other_name, c.kept_name);
            view! {
                <p class="hint">"Where both have a value, choose the one to keep. Values only one contact has are kept."</p>
                <MergeTable compared=c choices=choices united=together />
                <p class="hint merge-moved">{moved}</p>
            }
            .into_any()
        }
    };
    view! {
        <form id="merge-compare" novalidate=true on:submit=merge>
            <div class="dialog-body">
                {body}
                {move || error.get().map(|e| view! { <p class="field-error" id="merge-error" role="alert">{e}</p> })}
            </div>
            <footer class="dialog-foot">
                <button type="button" class="btn merge-back" on:click=move |_| on_back.run(())>"Back"</button>
                <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                <button type="submit" class="btn btn-primary" id="merge-ok" disabled=move || busy.get() || compared.with(Result::is_err)>
                    {move || if busy.get() { "Merging…" } else { "Merge" }}
                </button>
            </footer>
        </form>
    }
}

/// Focuses the first element matching `css`, if there is one.
fn focus_first_of(css: &str) {
    if let Some(el) = document().query_selector(css).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
