//! The contact-manager domain in plain Rust: no browser, UI or storage crates, and no
//! clock (callers pass the time in). Tested with `cargo test` on the host.

pub mod codec;
pub mod agent;
pub mod change;
pub mod contact;
pub mod copy;
pub mod country;
pub mod custom_field;
pub mod date_text;
pub mod disposition;
pub mod duplicates;
pub mod email;
pub mod export;
pub mod field;
pub mod field_draft;
pub mod first_screen;
pub mod import;
pub mod ids;
pub mod import_batch;
pub mod interaction;
pub mod journey;
pub mod list;
mod locations;
pub mod merge;
pub mod page_head;
pub mod phone;
pub mod query;
pub mod sample;
pub mod tag;
pub mod text;
pub mod trash;
pub mod url;
pub mod workspace;

// Host tests: they use host-only dev-dependencies (proptest, calamine), and plain
// #[test]s would not run under the wasm test runner anyway.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use change::{Change, Collection, PageKey, RecordKey, Touched};
pub use agent::{Agent, AgentDraft, AgentId, Role};
pub use custom_field::{CustomField, FieldId, FieldScope, FieldType, FieldValue};
pub use disposition::{Disposition, DispositionId};
pub use tag::{Tag, TagColour, TagDraft, TagId};
pub use contact::{Contact, ContactData, ContactDraft, ContactErrors, LabeledPhone};
pub use email::Email;
pub use field::{ContactField, FieldKind, SocialNetwork};
pub use ids::{ContactId, ListId, Timestamp};
pub use interaction::{Activity, Channel, Choices, Direction, Interaction, InteractionDraft, InteractionError, InteractionId, InteractionIdentity, WhatsAppChat};
pub use journey::{HistoryEvent, HistoryKind, Interval, JourneyEntry, JourneyFilter, JourneyView};
pub use import_batch::{BatchError, BatchId, BatchProgress, BatchState, BatchStatus, ImportBatch, ImportBatchDraft};
pub use list::{ContactList, ListDraft, ListError};
pub use country::Country;
pub use phone::{PhoneError, PhoneNumber, PhoneReading};
pub use query::{ContactQuery, IndexBuilder, QueryResult, SortKey};
pub use url::HttpsUrl;
pub use workspace::{StoredRecords, Workspace, WorkspaceError, WorkspaceMeta};
