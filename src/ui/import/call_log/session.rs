//! The call log wizard's state. The file, its format and preview live in the
//! contacts wizard's `ImportSession` (same sniffing, same format bar and preview);
//! this adds the log's columns, the defaults for what the file does not say, and
//! the run. `Copy`, so every step's callbacks can hold it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::import::call_log::{propose_call_columns, CallColumn, CallLogPlan, CallLogProgress};
use crate::domain::{Channel, Direction};
use crate::ui::app::AppState;
use crate::ui::kit::{sentence, with_stop};

use super::super::session::{ImportSession, Stage};
use super::runner::{run_call_log, CallLogFinished};

#[derive(Clone, Copy)]
pub struct CallLogSession {
    /// The file, its format and preview, the stage and the error message.
    pub file: ImportSession,
    /// The file itself, for the run (the contacts session keeps its own private).
    picked: StoredValue<Option<web_sys::File>, LocalStorage>,
    pub columns: RwSignal<Vec<CallColumn>>,
    /// For rows, or files, that do not say.
    pub direction: RwSignal<Direction>,
    pub channel: RwSignal<Channel>,
    pub progress: RwSignal<CallLogProgress>,
    pub stop: RwSignal<bool>,
    pub finished: StoredValue<Option<CallLogFinished>, LocalStorage>,
    /// Fired when `finished` changes (a StoredValue does not notify).
    pub finished_changed: Trigger,
}

impl CallLogSession {
    pub fn new() -> Self {
        Self {
            file: ImportSession::new(None),
            picked: StoredValue::new_local(None),
            columns: RwSignal::new(Vec::new()),
            direction: RwSignal::new(Direction::Inbound),
            channel: RwSignal::new(Channel::Voice),
            progress: RwSignal::new(CallLogProgress::default()),
            stop: RwSignal::new(false),
            finished: StoredValue::new_local(None),
            finished_changed: Trigger::new(),
        }
    }

    pub fn stage(self) -> Stage {
        self.file.stage.get()
    }

    /// A file was picked or dropped: the contacts session checks and sniffs it.
    pub fn choose(self, state: AppState, file: web_sys::File) {
        self.picked.set_value(Some(file.clone()));
        self.file.choose(state, file);
    }

    /// Columns from the headers the current format reads.
    pub fn propose(self) {
        let headers = self.file.preview.with_untracked(|p| p.headers.clone());
        self.columns.set(propose_call_columns(&headers));
    }

    pub fn set_column(self, column: usize, target: CallColumn) {
        self.columns.update(|cols| {
            if cols.len() <= column {
                cols.resize(column + 1, CallColumn::Detail);
            }
            // A target goes to one column: the column that had it lets go.
            if !target.repeatable() {
                cols.iter_mut().filter(|t| **t == target).for_each(|t| *t = CallColumn::Detail);
            }
            if let Some(slot) = cols.get_mut(column) {
                *slot = target;
            }
        });
    }

    /// Whether the file has a column for `target` (then its default is not asked).
    pub fn maps(self, targets: &[CallColumn]) -> bool {
        self.columns.with(|cols| cols.iter().any(|c| targets.contains(c)))
    }

    /// The plan the wizard shows (tracked), or why there is none.
    pub fn plan(self) -> Result<CallLogPlan, String> {
        let mut columns = self.columns.get();
        columns.resize(self.file.preview.with(|p| p.headers.len()), CallColumn::Detail);
        let plan = CallLogPlan { format: self.file.format.get(), columns, direction: self.direction.get(), channel: self.channel.get() };
        plan.check().map(|()| plan).map_err(|e| with_stop(&sentence(&e.to_string())))
    }

    /// Runs the log to its end or to Stop, then shows the summary.
    pub fn start(self, state: AppState) {
        self.file.error.set(None);
        let plan = match untrack(|| self.plan()) {
            Ok(plan) => plan,
            Err(message) => return self.file.error.set(Some(message)),
        };
        let Some(file) = self.picked.get_value() else {
            return self.file.error.set(Some("Choose a file first.".into()));
        };
        self.stop.set(false);
        self.progress.set(CallLogProgress::default());
        self.file.stage.set(Stage::Running);
        spawn_local(async move {
            match run_call_log(state, file, plan, self.progress, self.stop).await {
                Ok(finished) => {
                    self.finished.set_value(Some(finished));
                    self.finished_changed.notify();
                    self.file.stage.set(Stage::Done);
                }
                Err(message) => {
                    self.file.error.set(Some(message));
                    self.file.stage.set(Stage::Setup);
                }
            }
        });
    }

    /// "Import another log".
    pub fn reset(self) {
        self.picked.set_value(None);
        self.finished.set_value(None);
        self.finished_changed.notify();
        self.columns.set(Vec::new());
        self.file.reset();
    }
}
