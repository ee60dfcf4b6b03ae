//! What "Merge…" on a group does: the Merge dialog, with both contacts already chosen.
//! The page provides the pair being merged; each member row opens it.

use leptos::portal::Portal;
use leptos::prelude::*;

use crate::domain::ContactId;
use crate::ui::merge::MergeDialog;

/// The pair being merged (kept, other), `None` while no merge dialog is open.
#[derive(Clone, Copy)]
pub struct MergeFromGroup(RwSignal<Option<(ContactId, ContactId)>>);

impl MergeFromGroup {
    /// Made by the page, so its rows can open the dialog.
    pub fn provide() -> Self {
        let action = MergeFromGroup(RwSignal::new(None));
        provide_context(action);
        action
    }
}

/// Opens the Merge dialog for `other` into `kept` (the group's first contact).
pub fn open_merge(kept: ContactId, other: ContactId) {
    match use_context::<MergeFromGroup>() {
        Some(MergeFromGroup(pair)) => pair.set(Some((kept, other))),
        None => leptos::logging::warn!("Merge… outside the Find duplicates page"),
    }
}

/// The dialog, while a pair is being merged. A merged member leaves its group by
/// itself (the groups follow the contacts).
#[component]
pub fn MergeFromGroupDialog(action: MergeFromGroup) -> impl IntoView {
    let MergeFromGroup(pair) = action;
    let close = Callback::new(move |()| pair.set(None));
    view! {
        <Portal>
            <Show when=move || pair.with(Option::is_some)>
                {move || pair.get_untracked().map(|(kept, other)| view! { <MergeDialog kept=kept other=Some(other) on_close=close /> })}
            </Show>
        </Portal>
    }
}
