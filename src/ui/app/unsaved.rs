//! Unsaved work is never lost silently: every open form says whether it holds changes,
//! and leaving it (a menu link, Back or Forward, a button that navigates, Esc or a click
//! outside its dialog) first asks "Save / Discard / Keep editing"; a reload or a closed
//! tab gets the browser's own question.

use leptos::prelude::*;

use crate::ui::kit::Dialog;

/// A form that is open: whether it holds changes, and its save, which runs the given
/// continuation once the save succeeded (a refused save shows its errors instead).
#[derive(Clone, Copy)]
struct OpenForm {
    key: u64,
    dirty: Signal<bool>,
    save: Callback<Callback<()>>,
}

#[derive(Clone, Copy)]
pub struct Unsaved {
    forms: RwSignal<Vec<OpenForm>>,
    /// What to do once the question is answered with Save or Discard.
    asking: RwSignal<Option<Callback<()>>>,
    next_key: StoredValue<u64>,
    /// The root's: what the answer sets going must outlive the question's dialog and
    /// the view that asked.
    owner: StoredValue<Owner>,
}

impl Unsaved {
    /// Made once, by the root; asks the browser to confirm a reload or a close while a
    /// form holds changes.
    pub fn new() -> Self {
        let owner = StoredValue::new(Owner::current().unwrap_or_default());
        let this = Unsaved { forms: RwSignal::new(Vec::new()), asking: RwSignal::new(None), next_key: StoredValue::new(0), owner };
        let _listener = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if this.any() {
                ev.prevent_default();
                ev.set_return_value("You have unsaved changes.");
            }
        });
        this
    }

    pub fn get() -> Self {
        expect_context::<Unsaved>()
    }

    /// Follows a form for as long as the calling view lives.
    pub fn follow(self, dirty: Signal<bool>, save: Callback<Callback<()>>) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.forms.update(|f| f.push(OpenForm { key, dirty, save }));
        on_cleanup(move || {
            self.forms.try_update(|f| f.retain(|f| f.key != key));
        });
    }

    /// True when an open form holds changes (read now, not followed).
    pub fn any(self) -> bool {
        self.forms.try_with_untracked(|f| f.iter().any(|f| f.dirty.try_get_untracked().unwrap_or(false))).unwrap_or(false)
    }

    /// Runs `then` now when nothing is unsaved, otherwise asks first.
    pub fn leave(self, then: impl Fn() + Send + Sync + 'static) {
        if self.any() {
            let then = self.owner.with_value(|o| o.with(|| Callback::new(move |()| then())));
            self.asking.set(Some(then));
        } else {
            then();
        }
    }

    /// A dialog's close (Esc, a click outside, ×, Cancel) that asks first while its
    /// form holds changes.
    pub fn closing(self, close: Callback<()>) -> Callback<()> {
        Callback::new(move |()| self.leave(move || close.run(())))
    }

    fn answer(self, save: bool) {
        let Some(then) = self.asking.get_untracked() else { return };
        self.asking.set(None);
        if !save {
            return then.run(());
        }
        let dirty: Vec<OpenForm> = self.forms.get_untracked().into_iter().filter(|f| f.dirty.get_untracked()).collect();
        // Every changed form saved, then on (one form is the usual case). Made under the
        // root: the question's dialog is gone before the saves end.
        self.owner.with_value(|o| {
            o.with(|| {
                let remaining = StoredValue::new(dirty.len());
                for form in dirty {
                    form.save.run(Callback::new(move |()| {
                        remaining.update_value(|n| *n = n.saturating_sub(1));
                        if remaining.get_value() == 0 {
                            then.run(());
                        }
                    }));
                }
            })
        });
    }
}

/// A form's draft beside what is stored: anything else is unsaved.
pub struct Edited<T: Send + Sync + 'static> {
    pub draft: RwSignal<T>,
    baseline: RwSignal<T>,
}

// Handles, copied whatever `T` is (a derive would ask `T: Copy`).
impl<T: Send + Sync + 'static> Clone for Edited<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Edited<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Edited<T> {
    pub fn new(initial: T) -> Self {
        Edited { draft: RwSignal::new(initial.clone()), baseline: RwSignal::new(initial) }
    }

    /// True while the draft differs from what is stored (tracked).
    pub fn is_dirty(self) -> bool {
        self.draft.with(|d| self.baseline.with(|b| d != b))
    }

    /// `sent` is what is stored now (the user may have typed on since it was sent).
    pub fn stored(self, sent: T) {
        self.baseline.try_set(sent);
    }

    /// The draft shown is what is stored (after a save shows the stored values).
    pub fn stored_as_shown(self) {
        if let Some(shown) = self.draft.try_get_untracked() {
            self.stored(shown);
        }
    }

    /// Leaving the form while it holds changes asks first; the answer Save runs
    /// `save` with what to do once saved.
    pub fn guard(self, save: impl Fn(Callback<()>) + Send + Sync + 'static) {
        Unsaved::get().follow(Signal::derive(move || self.is_dirty()), Callback::new(save));
    }
}

/// The question, over everything while it is asked.
#[component]
pub fn UnsavedQuestion() -> impl IntoView {
    let unsaved = Unsaved::get();
    let keep = Callback::new(move |()| unsaved.asking.set(None));
    view! {
        <Show when=move || unsaved.asking.with(Option::is_some)>
            <Dialog title="Unsaved changes" on_close=keep>
                <div class="dialog-body" id="unsaved-question">
                    <p>"This form has changes that are not saved. Save them before leaving?"</p>
                </div>
                <footer class="dialog-foot">
                    <button type="button" class="btn" id="unsaved-keep" on:click=move |_| keep.run(())>"Keep editing"</button>
                    <button type="button" class="btn btn-danger-outline" id="unsaved-discard" on:click=move |_| unsaved.answer(false)>"Discard changes"</button>
                    <button type="button" class="btn btn-primary" id="unsaved-save" on:click=move |_| unsaved.answer(true)>"Save"</button>
                </footer>
            </Dialog>
        </Show>
    }
}
