//! A New / Edit dialog holding one form: the fields, then Cancel and the button that
//! submits, which waits while the submitted action runs. The browser's own validation
//! is off (`novalidate`): the domain's refusals show next to the fields instead.

use leptos::prelude::*;

use super::dialog::Dialog;

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
    /// Cancel, Esc, the close button and the backdrop.
    on_close: Callback<()>,
    /// The fields.
    children: Children,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
