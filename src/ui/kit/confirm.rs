//! "Are you sure?" for destructive actions, with the consequence spelled out.

use leptos::prelude::*;

use super::dialog::Dialog;

#[component]
pub fn ConfirmDialog(
    #[prop(into)] title: String,
    #[prop(into)] message: String,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
    /// True while the confirmed action runs: the buttons wait.
    #[prop(into)]
    busy: Signal<bool>,
) -> impl IntoView {
    view! {
        <Dialog title=title on_close=on_close>
            <div class="dialog-body">
                <p class="confirm-text">{message}</p>
            </div>
            <footer class="dialog-foot">
                <button type="button" class="btn" on:click=move |_| on_close.run(()) data-autofocus="true">
                    "Cancel"
                </button>
                <button
                    type="button"
                    class="btn btn-danger"
                    id="confirm-ok"
                    disabled=move || busy.get()
                    on:click=move |_| on_confirm.run(())
                >
                    {move || if busy.get() { "Deleting…".to_string() } else { confirm_label.clone() }}
                </button>
            </footer>
        </Dialog>
    }
}
