//! New List: name (required), description and default country, "Add List".

use leptos::prelude::*;

use super::fields::ListFields;
use super::save::ListForm;
use crate::domain::{ListDraft, Workspace};
use crate::ui::app::{browser_country, AppState, Unsaved};
use crate::ui::kit::{DialogForm, FormTexts};

#[component]
pub fn NewListDialog(on_close: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    // Numbers without a country code most likely come from where the browser is.
    let form = ListForm::new(ListDraft { country: browser_country(), ..ListDraft::default() });
    let create = |ws: &mut Workspace, now, current: &ListDraft| ws.create_list(current, now).map(|(_, change)| change);
    let added = move || {
        state.info("List added.");
        on_close.run(());
    };
    let save = Callback::new(move |()| form.submit(create, added));
    form.guard(create, added);
    let close = Unsaved::get().closing(on_close);
    view! {
        <DialogForm
            texts=FormTexts { form_id: "new-list-form", submit_id: "add-list", new_title: "New list", edit_title: "", add_label: "Add List" }
            editing=false
            pending=Signal::derive(move || form.save.pending())
            on_submit=save
            on_close=close
        >
            <ListFields draft=form.draft name_error=form.name_error />
        </DialogForm>
    }
}
