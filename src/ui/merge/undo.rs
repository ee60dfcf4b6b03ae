//! "Undo merge" on a merge in the kept contact's history: asked first with both names,
//! then the kept contact's journal is read (the entries that moved go back) and the
//! domain gives both contacts back as they were, or says in words why it cannot (the
//! kept contact changed since, the merged one's list is gone).

use leptos::prelude::*;

use super::guard::EditedForm;
use super::journal::whole_journal;
use crate::domain::trash::contact_name;
use crate::domain::{HistoryEvent, HistoryKind};
use crate::ui::app::AppState;
use crate::ui::kit::{sentence, with_stop, Confirmation, Question};

#[component]
pub fn UndoMergeButton(event: HistoryEvent) -> impl IntoView {
    let state = AppState::get();
    let kept = event.contact;
    let form = EditedForm::find(kept);
    let HistoryKind::MergedIn(record) = &event.kind else { return None };
    let other_name = contact_name(&record.other.data);
    let kept_name = state.read_now(|ws| ws.contact(kept).map(|c| contact_name(&c.data))).unwrap_or_else(|| contact_name(&record.kept_before.data));
    let undoing = Confirmation::<()>::new();
    let reading = RwSignal::new(false);

    let ask = move |_| match form.map(EditedForm::check_clean) {
        Some(Err(unsaved)) => state.error(unsaved),
        _ => undoing.ask(()),
    };
    let message = format!(
        "Undo the merge? {other_name} comes back exactly as before, with their interactions; {kept_name} gets back the values from before the merge."
    );
    let question = move |_: &()| Question { title: "Undo merge", message: message.clone(), confirm_label: "Undo merge" };
    let event = StoredValue::new(event.clone());
    let back = other_name.clone();
    let on_yes = Callback::new(move |()| {
        if reading.get_untracked() {
            return;
        }
        let back = back.clone();
        leptos::task::spawn_local(async move {
            let failed = move |e: String| state.error(format!("The journey could not be read, so the merge was not undone: {e}"));
            let Some(journal) = whole_journal(state, kept, reading, failed).await else { return };
            let merge_event = event.get_value();
            undoing.run(
                move |ws, _| ws.undo_merge(&merge_event, journal),
                move |result| match result {
                    Ok(()) => {
                        state.info(format!("Merge undone: {back} is back."));
                        if let Some(form) = form {
                            form.reload();
                        }
                    }
                    Err(err) => state.error(sentence(&with_stop(&err.to_string()))),
                },
            );
        });
    });
    Some(view! {
        <button type="button" class="btn btn-small merge-undo" aria-label=format!("Undo the merge of {other_name}") on:click=ask>
            "Undo merge"
        </button>
        {undoing.view(question, on_yes)}
    })
}
