//! The state of the import wizard: the chosen file, how to read it, where its columns
//! go, and the run. `Copy`, so every step's callbacks can hold it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::import::{
    decode_mapping, encode_mapping, header_signature, propose, DedupField, FileFormat, ImportContext, ImportOptions,
    ImportPlan, InvalidValues, Preview, Progress, Target, UnknownTags, SAMPLE_BYTES,
};
use crate::engine::protocol::{Answer, Request};
use crate::domain::{ContactField, Country, CustomField, ListId, TagColour};

use crate::ui::app::AppState;
use crate::ui::app::{Collection, Setting, SettingKey};
use crate::ui::kit::read_slice;
use crate::ui::kit::{sentence, with_stop};

use super::engine::{ask, unexpected};
use super::runner::{run_import, Finished, ImportRequest};
use crate::domain::text::quoted;

/// Biggest file the wizard takes (the product's limit; the pipeline has none).
pub const MAX_FILE_BYTES: f64 = 60.0 * 1024.0 * 1024.0;
/// Rows the preview shows.
const PREVIEW_ROWS: usize = 5;
/// Bytes the check before Upload reads: the first few thousand rows of a big file,
/// the whole of a small one; a few ms of work.
const CHECK_BYTES: f64 = 1024.0 * 1024.0;
/// The colour new tags get unless the user picks another.
pub const DEFAULT_NEW_TAG_COLOUR: &str = "#5b6b8c";
/// Fields checked for duplicates unless the user says otherwise.
const DEFAULT_DEDUPE: [ContactField; 2] = [ContactField::Email, ContactField::Phone];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    ChooseFile,
    /// Reading the file's first bytes.
    Opening,
    Setup,
    Running,
    Done,
}

#[derive(Clone, Copy)]
pub struct ImportSession {
    pub stage: RwSignal<Stage>,
    /// A file-level message ("over 60 MB", "not a CSV", "map the first name").
    pub error: RwSignal<Option<String>>,
    file: StoredValue<Option<web_sys::File>, LocalStorage>,
    pub file_name: RwSignal<String>,
    sample: RwSignal<Vec<u8>>,
    /// The file's first `CHECK_BYTES`, and whether that is all of it.
    head: StoredValue<(Vec<u8>, bool), LocalStorage>,
    pub format: RwSignal<FileFormat>,
    /// The file read as `format` says, as the import engine answered.
    pub preview: RwSignal<Preview>,
    pub list: RwSignal<Option<ListId>>,
    pub columns: RwSignal<Vec<Target>>,
    pub dedupe: RwSignal<Vec<DedupField>>,
    /// Where numbers without a country code are from (the list's country by default).
    pub country: RwSignal<Option<Country>>,
    pub invalid_values: RwSignal<InvalidValues>,
    pub unknown_tags: RwSignal<UnknownTags>,
    /// "#rrggbb" for tags the import creates.
    pub tag_colour: RwSignal<String>,
    pub progress: RwSignal<Progress>,
    pub stop: RwSignal<bool>,
    pub finished: StoredValue<Option<Finished>, LocalStorage>,
    /// Fired when `finished` changes (a StoredValue does not notify).
    pub finished_changed: Trigger,
}

impl ImportSession {
    pub fn new(list: Option<ListId>) -> Self {
        let sample = RwSignal::new(Vec::new());
        let format = RwSignal::new(FileFormat::default());
        let preview = RwSignal::new(Preview::default());
        // Another format reads the file anew (both wizards show this preview).
        Effect::new(move |_| {
            let request = Request::Preview { sample: sample.get(), format: format.get(), rows: PREVIEW_ROWS };
            if sample.with_untracked(Vec::is_empty) {
                return;
            }
            spawn_local(async move {
                if let Some(new) = read_preview(&request).await {
                    set_preview(preview, new);
                }
            });
        });
        ImportSession {
            stage: RwSignal::new(Stage::ChooseFile),
            error: RwSignal::new(None),
            file: StoredValue::new_local(None),
            file_name: RwSignal::new(String::new()),
            sample,
            head: StoredValue::new_local((Vec::new(), false)),
            format,
            preview,
            list: RwSignal::new(list),
            columns: RwSignal::new(Vec::new()),
            dedupe: RwSignal::new(DEFAULT_DEDUPE.into_iter().map(DedupField::Field).collect()),
            country: RwSignal::new(None),
            invalid_values: RwSignal::new(InvalidValues::default()),
            unknown_tags: RwSignal::new(UnknownTags::default()),
            tag_colour: RwSignal::new(DEFAULT_NEW_TAG_COLOUR.to_owned()),
            progress: RwSignal::new(Progress::default()),
            stop: RwSignal::new(false),
            finished: StoredValue::new_local(None),
            finished_changed: Trigger::new(),
        }
    }

    /// The custom fields the target list's contacts have (global ones first).
    pub fn custom_fields(self, state: AppState) -> Vec<CustomField> {
        match self.list.get() {
            Some(list) => state.read(&[Collection::Fields, Collection::Lists], |ws| ws.fields_for(list).into_iter().cloned().collect()),
            None => state.read(&[Collection::Fields], |ws| {
                ws.global_fields(crate::domain::workspace::GlobalFilter::Available).into_iter().cloned().collect()
            }),
        }
    }

    /// A file was picked or dropped: check its size, sniff its format, propose a mapping.
    pub fn choose(self, state: AppState, file: web_sys::File) {
        self.error.set(None);
        if file.size() > MAX_FILE_BYTES {
            self.error.set(Some(format!(
                "{} is {:.1} MB; files up to 60 MB can be imported. Split it into smaller files and import each.",
                quoted(&file.name()),
                file.size() / 1_048_576.0
            )));
            return;
        }
        self.stage.set(Stage::Opening);
        spawn_local(async move {
            let head = match read_slice(&file, 0.0, CHECK_BYTES).await {
                Ok(head) => head,
                Err(message) => return self.back_to_start(message),
            };
            let sample = head.get(..SAMPLE_BYTES).unwrap_or(&head).to_vec();
            let whole = head.len() as f64 >= file.size();
            let format = match ask(&Request::Sniff { sample: sample.clone() }).await {
                Ok(Answer::Sniffed(Ok(format))) => format,
                Ok(Answer::Sniffed(Err(e))) => {
                    return self.back_to_start(format!("{} cannot be imported: {}", quoted(&file.name()), with_stop(&e.to_string())))
                }
                Ok(other) => return self.back_to_start(unexpected(&other)),
                Err(e) => return self.back_to_start(with_stop(&sentence(&e.to_string()))),
            };
            // The preview before the mapping: the mapping is proposed from its headers.
            let request = Request::Preview { sample: sample.clone(), format, rows: PREVIEW_ROWS };
            let Some(preview) = read_preview(&request).await else {
                return self.back_to_start("The import engine could not read the file's first rows: reload the page and try again.".into());
            };
            self.file_name.set(file.name());
            self.file.set_value(Some(file));
            self.head.set_value((head, whole));
            set_preview(self.preview, preview);
            self.sample.set(sample);
            self.format.set(format);
            self.propose_mapping(state).await;
            self.stage.set(Stage::Setup);
        });
    }

    fn back_to_start(self, message: String) {
        self.error.set(Some(message));
        self.stage.set(Stage::ChooseFile);
    }

    /// The format changed (or the file is new): map the columns again, preferring the
    /// mapping last used for the same headers.
    pub async fn propose_mapping(self, state: AppState) {
        let headers = self.preview.with_untracked(|p| p.headers.clone());
        let fields = self.custom_fields_untracked(state);
        let refs: Vec<&CustomField> = fields.iter().collect();
        let key = SettingKey::ImportMapping { signature: header_signature(&headers) };
        let columns = match state.recall(key).await {
            Some(Setting::ImportMapping { mapping, .. }) => decode_mapping(&mapping, &headers, &refs),
            _ => propose(&headers, &refs),
        };
        self.columns.set(columns);
    }

    fn custom_fields_untracked(self, state: AppState) -> Vec<CustomField> {
        untrack(|| self.custom_fields(state))
    }

    pub fn set_target(self, column: usize, target: Target) {
        self.columns.update(|cols| {
            if cols.len() <= column {
                cols.resize(column + 1, Target::Skip);
            }
            // A field goes to one column: the column that had it lets go.
            if !matches!(target, Target::Skip | Target::Tags | Target::AdditionalPhones) {
                cols.iter_mut().filter(|t| **t == target).for_each(|t| *t = Target::Skip);
            }
            cols[column] = target;
        });
    }

    pub fn toggle_dedupe(self, field: DedupField, on: bool) {
        self.dedupe.update(|fields| {
            fields.retain(|f| *f != field);
            if on {
                fields.push(field);
            }
        });
    }

    /// The list's country, or the browser's when the list has none (new lists and
    /// lists from before countries).
    pub fn country_for_list(self, state: AppState) -> Option<Country> {
        state.list_country(self.list.get()).or_else(crate::ui::app::browser_country)
    }

    /// The wizard's choices beyond the mapping (tracked).
    pub fn options(self) -> ImportOptions {
        ImportOptions { country: self.country.get(), invalid_values: self.invalid_values.get(), unknown_tags: self.unknown_tags.get() }
    }

    /// The plan the wizard shows (tracked), or why there is none yet.
    fn plan(self) -> Result<ImportPlan, String> {
        if let Some(problem) = self.preview.with(|p| p.problem.clone()) {
            return Err(format!("The file cannot be imported read this way: {problem}."));
        }
        let list = self.list.get().ok_or_else(|| "Choose the list the contacts go to (or create one).".to_string())?;
        let mut columns = self.columns.get();
        columns.resize(self.preview.with(|p| p.headers.len()), Target::Skip);
        Ok(ImportPlan { list, format: self.format.get(), columns, duplicate_fields: self.dedupe.get(), options: self.options() })
    }

    /// The check before Upload (tracked): the request that runs the whole pipeline
    /// over the file's first rows, nothing stored. `Err` says why it cannot run yet.
    pub fn check_request(self, state: AppState) -> Result<Request, String> {
        let plan = self.plan()?;
        let list = plan.list;
        let context = state.read(&[Collection::Fields, Collection::Tags, Collection::Contacts, Collection::Lists], |ws| {
            ImportContext::for_list(ws, list, &plan.duplicate_fields)
        });
        let (head, whole) = self.head.get_value();
        Ok(Request::Check { plan, context, head, whole })
    }

    /// Upload: checks the choices, remembers the mapping, runs the import.
    pub fn start(self, state: AppState) {
        self.error.set(None);
        let plan = match untrack(|| self.plan()) {
            Ok(plan) => plan,
            Err(message) => {
                self.error.set(Some(message));
                return;
            }
        };
        let Some(file) = self.file.get_value() else {
            self.error.set(Some("Choose a file first.".into()));
            return;
        };
        // The colour picker only gives "#rrggbb"; anything else falls back to the default.
        let Some(new_tag_colour) = TagColour::parse(&self.tag_colour.get_untracked()).or_else(|| TagColour::parse(DEFAULT_NEW_TAG_COLOUR)) else {
            self.error.set(Some("Choose a colour for the new tags.".into()));
            return;
        };
        let headers = self.preview.with_untracked(|p| p.headers.clone());
        let fields = self.custom_fields_untracked(state);
        let refs: Vec<&CustomField> = fields.iter().collect();
        let mapping = headers.iter().zip(&plan.columns).map(|(h, t)| (h.clone(), t.label(&refs))).collect();
        let duplicate_check = plan.duplicate_fields.iter().map(|f| f.label(&refs)).collect();
        state.remember(Setting::ImportMapping {
            signature: header_signature(&headers),
            mapping: encode_mapping(&headers, &plan.columns),
        });
        let request = ImportRequest { file, plan, mapping, duplicate_check, new_tag_colour };
        self.stop.set(false);
        self.progress.set(Progress::default());
        self.stage.set(Stage::Running);
        // An import is when losing the data starts to matter.
        crate::ui::data::ask_once(state);
        spawn_local(async move {
            match run_import(state, request, self.progress, self.stop).await {
                Ok(finished) => {
                    crate::ui::data::remind_after_import(state, finished.imported);
                    self.finished.set_value(Some(finished));
                    self.finished_changed.notify();
                    self.stage.set(Stage::Done);
                }
                Err(message) => {
                    self.error.set(Some(with_stop(&sentence(&message))));
                    self.stage.set(Stage::Setup);
                }
            }
        });
    }

    /// "Import another file".
    pub fn reset(self) {
        self.file.set_value(None);
        self.head.set_value((Vec::new(), false));
        self.finished.set_value(None);
        self.finished_changed.notify();
        self.sample.set(Vec::new());
        self.columns.set(Vec::new());
        self.error.set(None);
        self.stage.set(Stage::ChooseFile);
    }
}

/// The preview the engine answers for `request`; `None` when it cannot answer.
async fn read_preview(request: &Request) -> Option<Preview> {
    match ask(request).await {
        Ok(Answer::Previewed(preview)) => Some(preview),
        _ => None,
    }
}

/// Sets the preview when it changed: an equal answer (asked twice) must not make the
/// wizard propose the mapping again over the user's choices.
fn set_preview(signal: RwSignal<Preview>, new: Preview) {
    if signal.with_untracked(|p| *p != new) {
        signal.set(new);
    }
}
