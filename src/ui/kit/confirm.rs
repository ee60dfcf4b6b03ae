//! "Are you sure?" for destructive actions, with the consequence spelled out.

use leptos::prelude::*;

use super::dialog::Dialog;
use crate::domain::{Change, Timestamp, Workspace, WorkspaceError};
use crate::ui::app::Command;

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
                    // Whatever the step (delete, restore, undo a merge): it is under way.
                    {move || if busy.get() { "Working…".to_string() } else { confirm_label.clone() }}
                </button>
            </footer>
        </Dialog>
    }
}

/// What a confirmation asks.
pub struct Question {
    pub title: &'static str,
    pub message: String,
    pub confirm_label: &'static str,
}

/// A destructive step waiting for the user's yes (`ask`), then run as a `Command`
/// (`run`). The question stays open, its buttons waiting, while the step runs, and
/// closes when it ends whatever the outcome: a failure is told in the notice area.
pub struct Confirmation<T: Send + Sync + 'static> {
    asked: RwSignal<Option<T>>,
    command: Command,
}

impl<T: Send + Sync + 'static> Clone for Confirmation<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Confirmation<T> {}

impl<T: Clone + Send + Sync + 'static> Confirmation<T> {
    pub fn new() -> Self {
        let this = Confirmation { asked: RwSignal::new(None), command: Command::new() };
        // `Command` tells its callback only of a success or a refusal; the question
        // must also close after a failed save, so it follows the command's end.
        Effect::new(move |was_running: Option<bool>| {
            let running = this.command.pending();
            if was_running == Some(true) && !running {
                this.asked.set(None);
            }
            running
        });
        this
    }

    /// Opens the question about `what`.
    pub fn ask(self, what: T) {
        self.asked.set(Some(what));
    }

    /// Runs the confirmed step (see `Command::run`).
    pub fn run(
        self,
        command: impl FnOnce(&mut Workspace, Timestamp) -> Result<Change, WorkspaceError> + 'static,
        done: impl FnOnce(Result<(), WorkspaceError>) + 'static,
    ) {
        self.command.run(command, done);
    }

    /// The question while one is asked; Yes calls `on_yes` with what it is about.
    pub fn view(self, question: impl Fn(&T) -> Question + Send + Sync + 'static, on_yes: Callback<T>) -> impl IntoView {
        move || {
            self.asked.get().map(|what| {
                let Question { title, message, confirm_label } = question(&what);
                view! {
                    <ConfirmDialog
                        title=title
                        message=message
                        confirm_label=confirm_label
                        busy=Signal::derive(move || self.command.pending())
                        on_confirm=Callback::new(move |()| on_yes.run(what.clone()))
                        on_close=Callback::new(move |()| self.asked.set(None))
                    />
                }
            })
        }
    }
}
