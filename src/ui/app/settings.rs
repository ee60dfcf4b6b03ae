//! Every preference the app remembers, with the type of its value. Preferences are
//! not part of the workspace (they are this browser's, not the team's data), so they
//! are written beside it through `AppState::remember`.
//!
//! Plain Rust: builds and tests on the host.

use crate::domain::duplicates::NotDuplicates;
use crate::domain::export::CsvOptions;
use crate::domain::{AgentId, ContactId, FieldId, Timestamp};
use crate::persist::Persistence;

/// Which preference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingKey {
    ViewingAs,
    PageSize,
    Columns,
    ExportOptions,
    /// The mapping last used for files whose headers have this signature.
    ImportMapping { signature: String },
    NotDuplicates,
    DurableAsked,
    LastBackup,
}

/// A preference and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Setting {
    /// "Viewing as": an agent, or `None` for the admin view.
    ViewingAs(Option<AgentId>),
    /// Contacts per page.
    PageSize(usize),
    /// Custom fields shown as extra columns of the contacts table.
    Columns(Vec<FieldId>),
    ExportOptions(CsvOptions),
    /// The import wizard's mapping, in its own text form (`import::mapping`).
    ImportMapping { signature: String, mapping: String },
    /// Pairs of contacts the user said are not duplicates (the duplicates page).
    NotDuplicates(NotDuplicates),
    /// When the browser was last asked to keep the data (`ui::data::durable`).
    DurableAsked(Timestamp),
    /// When the last backup was made here, and of how many contacts.
    LastBackup { at: Timestamp, contacts: u64 },
}

impl SettingKey {
    /// The stored name. These are the names earlier versions wrote, kept so that
    /// remembered preferences survive an update.
    pub fn name(&self) -> String {
        match self {
            SettingKey::ViewingAs => "viewing_as".into(),
            SettingKey::PageSize => "contacts.page_size".into(),
            SettingKey::Columns => "contacts.columns".into(),
            SettingKey::ExportOptions => "export_csv_options".into(),
            SettingKey::ImportMapping { signature } => format!("import_mapping:{signature}"),
            SettingKey::NotDuplicates => "duplicates.not_duplicates".into(),
            SettingKey::DurableAsked => "storage.durable_asked".into(),
            SettingKey::LastBackup => "backup.last".into(),
        }
    }

    /// True for a setting stored under `name` that belongs to the workspace and goes
    /// into its backups; false for what only says something about this browser.
    pub fn kept_in_backups(name: &str) -> bool {
        ![SettingKey::DurableAsked, SettingKey::LastBackup].iter().any(|k| k.name() == name)
    }
}

impl Setting {
    pub fn key(&self) -> SettingKey {
        match self {
            Setting::ViewingAs(_) => SettingKey::ViewingAs,
            Setting::PageSize(_) => SettingKey::PageSize,
            Setting::Columns(_) => SettingKey::Columns,
            Setting::ExportOptions(_) => SettingKey::ExportOptions,
            Setting::ImportMapping { signature, .. } => SettingKey::ImportMapping { signature: signature.clone() },
            Setting::NotDuplicates(_) => SettingKey::NotDuplicates,
            Setting::DurableAsked(_) => SettingKey::DurableAsked,
            Setting::LastBackup { .. } => SettingKey::LastBackup,
        }
    }

    /// The stored text.
    pub fn encode(&self) -> String {
        match self {
            Setting::ViewingAs(agent) => agent.map(|a| a.get().to_string()).unwrap_or_default(),
            Setting::PageSize(n) => n.to_string(),
            Setting::Columns(ids) => ids.iter().map(|id| id.get().to_string()).collect::<Vec<_>>().join(","),
            Setting::ExportOptions(options) => options.to_setting(),
            Setting::ImportMapping { mapping, .. } => mapping.clone(),
            Setting::NotDuplicates(pairs) => pairs.iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>().join(","),
            Setting::DurableAsked(at) => at.millis().to_string(),
            Setting::LastBackup { at, contacts } => format!("{},{contacts}", at.millis()),
        }
    }

    /// Reads stored text back; `None` when it is not a value of `key` (a damaged
    /// preference falls back to the default, it is never an error).
    pub fn decode(key: SettingKey, text: &str) -> Option<Setting> {
        Some(match key {
            SettingKey::ViewingAs => Setting::ViewingAs(text.parse::<u32>().ok().map(AgentId::new)),
            SettingKey::PageSize => Setting::PageSize(text.parse().ok()?),
            SettingKey::Columns => Setting::Columns(
                text.split(',').filter_map(|s| s.trim().parse::<u32>().ok()).map(FieldId::new).collect(),
            ),
            SettingKey::ExportOptions => Setting::ExportOptions(CsvOptions::from_setting(text)),
            SettingKey::ImportMapping { signature } => Setting::ImportMapping { signature, mapping: text.to_string() },
            SettingKey::NotDuplicates => Setting::NotDuplicates(decode_pairs(text)),
            SettingKey::DurableAsked => Setting::DurableAsked(Timestamp::from_millis(text.parse().ok()?)),
            SettingKey::LastBackup => {
                let (at, contacts) = text.split_once(',')?;
                Setting::LastBackup { at: Timestamp::from_millis(at.parse().ok()?), contacts: contacts.parse().ok()? }
            }
        })
    }
}

/// "1-2,3-4" back to pairs; a damaged pair is left out, the others kept.
fn decode_pairs(text: &str) -> NotDuplicates {
    let mut pairs = NotDuplicates::default();
    let id = |s: &str| s.trim().parse::<u64>().ok().map(ContactId::new);
    for (a, b) in text.split(',').filter_map(|pair| pair.split_once('-')) {
        if let (Some(a), Some(b)) = (id(a), id(b)) {
            pairs.insert(a, b);
        }
    }
    pairs
}

impl Setting {
    /// The preference `key` as `store` holds it; unset, unreadable or damaged is
    /// `None` (a preference is never worth an error: the default serves).
    pub async fn recall(store: &dyn Persistence, key: SettingKey) -> Option<Setting> {
        let text = store.setting(&key.name()).await.ok().flatten()?;
        Setting::decode(key, &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_reads_back_as_written() {
        let all = [
            Setting::ViewingAs(Some(AgentId::new(7))),
            Setting::ViewingAs(None),
            Setting::PageSize(50),
            Setting::Columns(vec![FieldId::new(3), FieldId::new(12)]),
            Setting::Columns(Vec::new()),
            Setting::ExportOptions(CsvOptions { separator: b';', bom: false }),
            Setting::ImportMapping { signature: "ab12".into(), mapping: "Name=first_name".into() },
            Setting::NotDuplicates(not_duplicates(&[(1, 2), (40, 3)])),
            Setting::NotDuplicates(NotDuplicates::default()),
            Setting::DurableAsked(Timestamp::from_millis(1_764_000_000_000)),
            Setting::LastBackup { at: Timestamp::from_millis(1_764_000_000_000), contacts: 500_000 },
        ];
        for setting in all {
            let back = Setting::decode(setting.key(), &setting.encode());
            assert_eq!(back.as_ref(), Some(&setting), "{setting:?} came back as {back:?}");
        }
    }

    #[test]
    fn stored_names_are_the_ones_earlier_versions_wrote() {
        assert_eq!(SettingKey::ViewingAs.name(), "viewing_as");
        assert_eq!(SettingKey::PageSize.name(), "contacts.page_size");
        assert_eq!(SettingKey::Columns.name(), "contacts.columns");
        assert_eq!(SettingKey::ExportOptions.name(), "export_csv_options");
        assert_eq!(SettingKey::ImportMapping { signature: "x9".into() }.name(), "import_mapping:x9");
        assert_eq!(SettingKey::NotDuplicates.name(), "duplicates.not_duplicates");
    }

    #[test]
    fn what_says_something_about_this_browser_stays_out_of_backups() {
        assert!(!SettingKey::kept_in_backups(&SettingKey::DurableAsked.name()));
        assert!(!SettingKey::kept_in_backups(&SettingKey::LastBackup.name()));
        assert!(SettingKey::kept_in_backups(&SettingKey::PageSize.name()));
        assert!(SettingKey::kept_in_backups(&SettingKey::ImportMapping { signature: "x".into() }.name()));
    }

    fn not_duplicates(pairs: &[(u64, u64)]) -> NotDuplicates {
        let mut set = NotDuplicates::default();
        for (a, b) in pairs {
            set.insert(ContactId::new(*a), ContactId::new(*b));
        }
        set
    }

    #[test]
    fn not_duplicates_are_stored_compactly_smaller_id_first() {
        assert_eq!(Setting::NotDuplicates(not_duplicates(&[(9, 4), (1, 2)])).encode(), "1-2,4-9");
        assert_eq!(Setting::NotDuplicates(NotDuplicates::default()).encode(), "");
    }

    #[test]
    fn damaged_values_fall_back_instead_of_failing() {
        assert_eq!(Setting::decode(SettingKey::PageSize, "lots"), None);
        assert_eq!(Setting::decode(SettingKey::ViewingAs, "admin"), Some(Setting::ViewingAs(None)));
        assert_eq!(Setting::decode(SettingKey::Columns, "3,x, 5"), Some(Setting::Columns(vec![FieldId::new(3), FieldId::new(5)])));
        assert_eq!(
            Setting::decode(SettingKey::ExportOptions, "??"),
            Some(Setting::ExportOptions(CsvOptions::default()))
        );
        assert_eq!(
            Setting::decode(SettingKey::NotDuplicates, "1-2,x-3,7,5-5, 8 - 6 ,"),
            Some(Setting::NotDuplicates(not_duplicates(&[(1, 2), (6, 8)]))),
            "damaged pairs (and a contact paired with itself) are left out"
        );
    }

    #[test]
    fn a_preference_is_recalled_from_the_store_it_was_saved_in() {
        use crate::persist::block_on::block_on;
        use crate::persist::MemoryStore;
        let store = MemoryStore::new();
        let saved = Setting::PageSize(50);
        block_on(store.put_setting(&saved.key().name(), &saved.encode())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(block_on(Setting::recall(&store, SettingKey::PageSize)), Some(saved));
        assert_eq!(block_on(Setting::recall(&store, SettingKey::Columns)), None, "never saved");
    }
}
