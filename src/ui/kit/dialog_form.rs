//! A New / Edit dialog holding one form: the fields, then Cancel and the button that
//! submits, which waits while the submitted action runs. The browser's own validation
//! is off (`novalidate`): the domain's refusals show next to the fields instead.
//! Given `changed`, closing it or leaving the page while it holds changes asks first
//! (`Unsaved`), and the answer Save submits it.

use leptos::prelude::*;

use super::dialog::Dialog;
use crate::ui::app::Unsaved;

/// The words and ids of a New / Edit dialog.
#[derive(Clone, Copy)]
pub struct FormTexts {
    pub form_id: &'static str,
    pub submit_id: &'static str,
    /// The title when creating ("New tag") and when editing ("Edit tag").
    pub new_title: &'static str,
    pub edit_title: &'static str,
    /// The submit button when creating ("Add Tag"); when editing it says "Save".
    pub add_label: &'static str,
}

#[component]
pub fn DialogForm(
    texts: FormTexts,
    /// True when an existing record is edited.
    editing: bool,
    /// True while the submitted action runs (`Command::pending`): submit waits.
    #[prop(into)]
    pending: Signal<bool>,
    on_submit: Callback<()>,
    /// Cancel, Esc, the close button and the backdrop. A successful submit closes the
    /// dialog through it too.
    on_close: Callback<()>,
    /// True while the fields differ from what they opened with.
    #[prop(optional, into)]
    changed: Option<Signal<bool>>,
    /// The fields.
    children: Children,
) -> impl IntoView {
    // What the question's Save goes on with once the dialog closed after its save; a
    // save refused leaves the dialog open and this set until the next submit or close.
    let after_save = StoredValue::new(None::<Callback<()>>);
    let on_close = match changed {
        None => on_close,
        Some(changed) => {
            let unsaved = Unsaved::get();
            unsaved.follow(
                changed,
                Callback::new(move |then| {
                    after_save.set_value(Some(then));
                    on_submit.run(());
                }),
            );
            on_cleanup(move || {
                if let Some(then) = after_save.try_update_value(Option::take).flatten() {
                    // Not while the dialog's views are being torn down.
                    request_animation_frame(move || then.run(()));
                }
            });
            unsaved.closing(Callback::new(move |()| {
                after_save.try_set_value(None);
                on_close.run(());
            }))
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        after_save.set_value(None);
        on_submit.run(());
    };
    view! {
        <Dialog title=if editing { texts.edit_title } else { texts.new_title } on_close=on_close>
            <form id=texts.form_id novalidate=true on:submit=submit>
                <div class="dialog-body">{children()}</div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" on:click=move |_| on_close.run(())>"Cancel"</button>
                    <button type="submit" class="btn btn-primary" id=texts.submit_id disabled=move || pending.get()>
                        {if editing { "Save" } else { texts.add_label }}
                    </button>
                </footer>
            </form>
        </Dialog>
    }
}
