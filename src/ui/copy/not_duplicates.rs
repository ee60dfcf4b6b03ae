//! A deliberate copy is not a duplicate: the pair joins the "not duplicates"
//! remembered for the duplicate finder.

use crate::domain::duplicates::NotDuplicates;
use crate::domain::ContactId;
use crate::ui::app::{AppState, Setting, SettingKey};

/// Adds (source, copy) to the remembered `NotDuplicates`; a failed write is told by
/// `remember`.
pub fn remember_deliberate_copy(state: AppState, source: ContactId, copy: ContactId) {
    leptos::task::spawn_local(async move {
        let mut pairs = match state.recall(SettingKey::NotDuplicates).await {
            Some(Setting::NotDuplicates(pairs)) => pairs,
            _ => NotDuplicates::default(),
        };
        if pairs.insert(source, copy) {
            state.remember(Setting::NotDuplicates(pairs));
        }
    });
}
