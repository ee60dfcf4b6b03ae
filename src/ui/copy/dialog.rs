//! The Duplicate dialog: the target list (another one the current view may see), then
//! what the copy leaves behind there and an input for each required field it lacks;
//! "Add contact" (the spec's word) runs the copy, a refusal shows at its field.

use leptos::prelude::*;

use super::not_duplicates::remember_deliberate_copy;
use super::plan_view::PlanView;
use super::target_options::{other_lists, TargetOptions};
use crate::domain::contact::DraftPath;
use crate::domain::trash::contact_name;
use crate::domain::{ContactDraft, ContactErrors, ContactId, ContactList, ListId, WorkspaceError};
use crate::ui::app::{AppState, Collection, Command, NoticeLink, Route};
use crate::ui::contacts::CustomFieldInput;
use crate::ui::kit::{focus_id, sentence, with_stop, DialogForm, FormField, FormTexts, Select};

const TEXTS: FormTexts = FormTexts {
    form_id: "copy-form",
    submit_id: "copy-submit",
    new_title: "Duplicate contact",
    edit_title: "Duplicate contact",
    add_label: "Add contact",
};

#[component]
pub fn CopyDialog(
    source: ContactId,
    /// Cancel, Esc, and after a copy.
    on_close: Callback<()>,
) -> impl IntoView {
    let state = AppState::get();
    let (name, own_list) = state
        .read_now(|ws| ws.contact(source).map(|c| (contact_name(&c.data), Some(c.list_id))))
        .unwrap_or_default();
    let lists = Signal::derive(move || other_lists(state, own_list));
    // With one other list there is nothing to choose: preselect it.
    let target = RwSignal::new(lists.with_untracked(|ls| if ls.len() == 1 { Some(ls[0].id) } else { None }));
    let target_list: Signal<Option<ContactList>> =
        Signal::derive(move || target.get().and_then(|id| state.lists.with(|ls| ls.iter().find(|l| l.id == id).cloned())));
    let plan = Memo::new(move |_| {
        let to = target.get()?;
        Some(state.read(&[Collection::Contacts, Collection::Fields, Collection::Lists], |ws| PlanView::read(ws, source, to)))
    });
    // The values typed for the fields to fill sit in a draft, so each input is the one
    // the contact forms use.
    let draft = RwSignal::new(ContactDraft::default());
    let errors = RwSignal::new(ContactErrors::default());
    let target_error = RwSignal::new(None::<String>);
    let other_error = RwSignal::new(None::<String>);
    let command = Command::new();

    let choose = Callback::new(move |value: String| {
        target.set(value.parse::<u32>().ok().map(ListId::new));
        draft.set(ContactDraft::default());
        errors.set(ContactErrors::default());
        target_error.set(None);
        other_error.set(None);
    });

    // A refusal at a field the dialog shows goes under it (focus moves there); one at
    // a value the user cannot edit here is said above the buttons.
    let refused = move |err: WorkspaceError| match err {
        WorkspaceError::Contact(found) => {
            let shown: Vec<DraftPath> =
                plan.with_untracked(|p| p.iter().flatten().flat_map(|p| p.to_fill.iter().map(|f| DraftPath::Custom(f.id))).collect());
            let (at_inputs, elsewhere): (Vec<_>, Vec<_>) = found.0.into_iter().partition(|(path, _)| shown.contains(path));
            if let Some((DraftPath::Custom(field), _)) = at_inputs.first() {
                focus_id(&format!("field-custom-{}", field.get()));
            }
            let messages: Vec<String> = elsewhere.iter().map(|(_, m)| with_stop(&sentence(m))).collect();
            other_error.set((!messages.is_empty()).then(|| format!("The copy was refused: {}", messages.join(" "))));
            errors.set(ContactErrors(at_inputs));
        }
        WorkspaceError::SameList | WorkspaceError::UnknownList(_) => {
            target_error.set(Some(err.to_string()));
            focus_id("copy-target");
        }
        other => other_error.set(Some(with_stop(&sentence(&other.to_string())))),
    };

    let submit = Callback::new(move |()| {
        let Some(to) = target.get_untracked() else {
            target_error.set(Some("choose the list to copy into".to_string()));
            focus_id("copy-target");
            return;
        };
        let filled = draft.with_untracked(|d| d.custom.clone());
        let text = format!("Copied {} into {}.", name, plan.with_untracked(|p| p.clone().and_then(Result::ok).map(|p| p.target_name).unwrap_or_default()));
        command.run(
            move |ws, now| ws.copy_contact(source, to, &filled, now),
            move |result| match result {
                Ok(copy) => {
                    remember_deliberate_copy(state, source, copy);
                    // Stays until dismissed or followed: a link must not vanish under the pointer.
                    state.act(text, vec![NoticeLink { label: "Open the copy".into(), route: Route::EditContact(copy) }]);
                    on_close.run(());
                }
                Err(err) => refused(err),
            },
        );
    });

    view! {
        <DialogForm texts=TEXTS editing=false pending=Signal::derive(move || command.pending()) on_submit=submit on_close=on_close>
            <FormField id="copy-target" label="Copy into list" required=true error=target_error>
                <Select on_change=choose>
                    <TargetOptions lists=lists chosen=target.into() />
                </Select>
            </FormField>
            {move || lists.with(Vec::is_empty).then(|| view! {
                <p class="hint" id="copy-no-list">"There is no other list to copy into: create one on the Lists page."</p>
            })}
            {move || match plan.get() {
                None => ().into_any(),
                Some(Err(err)) => view! { <p class="field-error" role="alert">{with_stop(&sentence(&err.to_string()))}</p> }.into_any(),
                Some(Ok(plan)) => view! { <PlanDetails plan=plan draft=draft errors=errors list=target_list /> }.into_any(),
            }}
            {move || other_error.get().map(|m| view! { <p class="field-error" id="copy-error" role="alert">{m}</p> })}
        </DialogForm>
    }
}

/// For the chosen list: the values it has no field for, and the inputs of its
/// required fields the contact lacks.
#[component]
fn PlanDetails(plan: PlanView, draft: RwSignal<ContactDraft>, errors: RwSignal<ContactErrors>, list: Signal<Option<ContactList>>) -> impl IntoView {
    let dropped = plan.dropped_text();
    let complete = (dropped.is_none() && plan.to_fill.is_empty()).then(|| format!("Every value is copied into {}.", plan.target_name));
    let legend = format!("Required in {}", plan.target_name);
    let fill = (!plan.to_fill.is_empty()).then(move || {
        let inputs = plan.to_fill.into_iter().map(|f| view! { <CustomFieldInput field=f draft=draft errors=errors list=list /> }).collect_view();
        view! {
            <fieldset class="field-group copy-to-fill" id="copy-to-fill">
                <legend>{legend}</legend>
                <div class="field-grid">{inputs}</div>
            </fieldset>
        }
    });
    view! {
        {dropped.map(|text| view! { <p class="copy-dropped" id="copy-dropped">{text}</p> })}
        {complete.map(|text| view! { <p class="hint" id="copy-complete">{text}</p> })}
        {fill}
    }
}
