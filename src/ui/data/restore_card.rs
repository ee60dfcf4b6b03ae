//! The Data page's restore: choose a backup file, see what it holds, restore it as a
//! new workspace beside this one (the default) or in place of this one (after a
//! confirmation naming what goes), with progress; a file that cannot be restored is
//! refused with the reason and nothing changes.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::backup::holds;
use super::restore::{check_backup, restore_into};
use super::workspaces::{address_of, delete_on_next_start, fresh_database, named_workspace, point, set_label};
use crate::domain::Timestamp;
use crate::persist::backup::{Checked, FILE_EXTENSION};
use crate::ui::app::AppState;
use crate::ui::kit::{local_time, now, plural, ConfirmDialog, Dialog};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Into {
    /// A new workspace; this one stays as it is.
    Beside,
    /// In place of this workspace (its data goes).
    Replace,
}

#[derive(Clone)]
enum Step {
    Idle,
    Checking,
    Chosen { file: web_sys::File, checked: Checked },
    Confirming { file: web_sys::File, checked: Checked },
    Restoring,
    Restored { db: String, label: String, holds: String },
}

/// What this workspace holds, for "what goes" (lists, contacts, interactions).
fn here(state: AppState) -> (usize, usize, u64) {
    state.read_now(|ws| (ws.lists().len(), ws.total_contacts(), ws.contacts().map(|c| u64::from(c.activity.count)).sum()))
}

#[component]
pub fn RestoreCard() -> impl IntoView {
    let state = AppState::get();
    let step = RwSignal::new(Step::Idle);
    let share = RwSignal::new(0.0);
    let problem = RwSignal::new(None::<String>);
    let into = RwSignal::new(Into::Beside);
    let input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        problem.set(None);
        share.set(0.0);
        step.set(Step::Checking);
        let empty_here = here(state) == (0, 0, 0);
        into.set(if empty_here { Into::Replace } else { Into::Beside });
        spawn_local(async move {
            let _work = state.begin_work();
            match check_backup(&file, share).await {
                Ok(checked) => step.try_set(Step::Chosen { file, checked }),
                Err(message) => {
                    problem.try_set(Some(message));
                    step.try_set(Step::Idle)
                }
            };
        });
        // The same file chosen again (after fixing nothing) still starts a check.
        if let Some(i) = input.get_untracked() {
            i.set_value("");
        }
    };

    let restore = move |file: web_sys::File, checked: Checked| {
        let target = into.get_untracked();
        step.set(Step::Restoring);
        share.set(0.0);
        spawn_local(async move {
            let _work = state.begin_work();
            let name = named_workspace();
            let db = fresh_database(&name);
            match restore_into(&file, &checked, &db, share).await {
                Err(message) => {
                    problem.try_set(Some(message));
                    step.try_set(Step::Idle);
                }
                Ok(_) if target == Into::Replace => {
                    let old = state.db_name.get_value();
                    let switched = point(&name, &db).and_then(|()| delete_on_next_start(&old));
                    match switched {
                        Ok(()) => {
                            let _ = window().location().reload();
                        }
                        Err(why) => {
                            problem.try_set(Some(format!("The backup was restored as a new workspace, but this one could not be replaced: {why}. Open it from the list of workspaces below.")));
                            step.try_set(Step::Idle);
                        }
                    }
                }
                Ok(_) => {
                    let label = format!("Restored {} from {}", local_time(now()), file.name());
                    set_label(&db, &label);
                    step.try_set(Step::Restored { db, label, holds: holds(&checked.counts) });
                }
            }
        });
    };

    let close = Callback::new(move |()| step.set(Step::Idle));
    let busy_text = move |what: &str| format!("{what} {}%", (share.get() * 100.0).round());

    view! {
        <section class="card data-card" aria-labelledby="restore-title">
            <h2 class="card-title" id="restore-title">"Restore"</h2>
            <p>"Put a backup back: as a new workspace beside this one, or in place of this one."</p>
            <label class="btn" class:disabled=move || state.work_running()>
                "Choose a backup file…"
                <input type="file" id="restore-file" class="visually-hidden" accept=format!(".{FILE_EXTENSION}") node_ref=input on:change=on_file disabled=move || state.work_running() />
            </label>
            {move || problem.get().map(|p| view! { <p class="form-error" role="alert" id="restore-problem">{p}</p> })}
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Checking => view! {
                    <p role="status" id="restore-checking">{move || busy_text("Checking the backup…")}</p>
                }.into_any(),
                Step::Restoring => view! {
                    <Dialog title="Restoring the backup" on_close=Callback::new(|()| {})>
                        <div class="dialog-body">
                            <progress id="restore-progress" max="1" value=move || share.get().to_string()></progress>
                            <p role="status">{move || busy_text("Writing the backup into this browser…")}</p>
                        </div>
                    </Dialog>
                }.into_any(),
                Step::Chosen { file, checked } => {
                    let (lists, contacts, interactions) = here(state);
                    let empty_here = (lists, contacts, interactions) == (0, 0, 0);
                    let made = local_time(Timestamp::from_millis(checked.header.made_at_ms));
                    let summary = format!("Made {made} by Contacts Manager {}. It holds {}.", checked.header.app_version, holds(&checked.counts));
                    let loses = format!(
                        "Deletes this workspace's {}, {} and {} and puts the backup's in their place.",
                        plural(lists, "list", "lists"), plural(contacts, "contact", "contacts"), plural(interactions as usize, "interaction", "interactions")
                    );
                    let replace_label = if empty_here { "Into this workspace (it holds nothing yet)".to_owned() } else { "In place of this workspace".to_owned() };
                    let go = {
                        let (file, checked) = (file.clone(), checked.clone());
                        move |_| {
                            if into.get_untracked() == Into::Replace && !empty_here {
                                step.set(Step::Confirming { file: file.clone(), checked: checked.clone() });
                            } else {
                                restore(file.clone(), checked.clone());
                            }
                        }
                    };
                    view! {
                        <Dialog title="Restore this backup?" on_close=close>
                            <div class="dialog-body">
                                <p id="restore-summary"><bdi>{file.name()}</bdi>": "{summary}</p>
                                <fieldset class="choice-group restore-choices">
                                    <legend>"Restore it"</legend>
                                    {(!empty_here).then(|| view! {
                                        <label class="choice">
                                            <input type="radio" name="restore-into" id="restore-beside" prop:checked=move || into.get() == Into::Beside on:change=move |_| into.set(Into::Beside) />
                                            <span>"As a new workspace beside this one"<small class="hint">"This workspace stays as it is; you can switch between them on this page."</small></span>
                                        </label>
                                    })}
                                    <label class="choice">
                                        <input type="radio" name="restore-into" id="restore-replace" prop:checked=move || into.get() == Into::Replace on:change=move |_| into.set(Into::Replace) />
                                        <span>{replace_label} {(!empty_here).then(|| view! { <small class="hint">{loses.clone()}</small> })}</span>
                                    </label>
                                </fieldset>
                            </div>
                            <footer class="dialog-foot">
                                <button type="button" class="btn" on:click=move |_| close.run(())>"Cancel"</button>
                                <button type="button" class="btn btn-primary" id="restore-start" on:click=go>"Restore"</button>
                            </footer>
                        </Dialog>
                    }.into_any()
                }
                Step::Confirming { file, checked } => {
                    let (lists, contacts, interactions) = here(state);
                    let message = format!(
                        "This workspace's {}, {} and {} will be deleted, with its custom fields, dispositions, tags, agents, import history and trash, and replaced by the backup ({}). This cannot be undone. Make a backup of this workspace first if you may need it.",
                        plural(lists, "list", "lists"), plural(contacts, "contact", "contacts"), plural(interactions as usize, "interaction", "interactions"), holds(&checked.counts)
                    );
                    view! {
                        <ConfirmDialog
                            title="Replace this workspace?"
                            message=message
                            confirm_label="Delete this workspace's data and restore"
                            on_confirm=Callback::new(move |()| restore(file.clone(), checked.clone()))
                            on_close=close
                            busy=Signal::derive(|| false)
                        />
                    }.into_any()
                }
                Step::Restored { db, label, holds } => view! {
                    <Dialog title="Backup restored" on_close=close>
                        <div class="dialog-body">
                            <p id="restore-done">"Restored as a new workspace, “"<bdi>{label.clone()}</bdi>"”: "{holds}". This workspace is as it was."</p>
                        </div>
                        <footer class="dialog-foot">
                            <button type="button" class="btn" on:click=move |_| close.run(())>"Stay here"</button>
                            <a class="btn btn-primary" id="restore-open" href=address_of(&db)>"Open the restored workspace"</a>
                        </footer>
                    </Dialog>
                }.into_any(),
            }}
        </section>
    }
}
