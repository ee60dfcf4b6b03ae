//! One search for duplicates, on the main thread, one finder step of the domain's
//! `SLICE_ITEMS` per task: after each the progress moves, Stop (or a newer search) is
//! checked, and the browser gets its turn (`TimeoutFuture::new(0)`), so half a million
//! contacts are searched while the page stays responsive.

use leptos::prelude::*;

use crate::domain::duplicates::{DuplicateFinder, DuplicateGroup, NotDuplicates, SLICE_ITEMS};
use crate::domain::{ContactId, ListId};
use crate::ui::app::AppState;

/// Why a search ends before it is finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Halt {
    /// The user's Stop: the groups found so far are kept.
    Stop,
    /// A newer search, or the page is gone: nothing is kept.
    Cancel,
}

/// How a search that was not cancelled ended.
pub struct Ended {
    pub groups: Vec<DuplicateGroup>,
    pub stopped: bool,
    pub checked: usize,
}

/// The contacts a search looks at: one list, or every list the current view may see
/// (an agent searches only the lists assigned to them).
pub fn contacts_in_scope(state: AppState, list: Option<ListId>) -> Vec<ContactId> {
    let visible = state.visible.get_untracked();
    let may_see = |list: ListId| visible.as_ref().is_none_or(|v| v.contains(&list));
    state.read_now(|ws| match (list, &visible) {
        (Some(list), _) if may_see(list) => ws.list_contact_ids(list),
        (Some(_), _) => Vec::new(),
        (None, Some(lists)) => lists.iter().flat_map(|l| ws.list_contact_ids(*l)).collect(),
        (None, None) => ws.contacts().map(|c| c.id).collect(),
    })
}

/// Runs the finder over `ids` to the end, setting `checked` (contacts, from the
/// overall progress) after each slice and asking `halt` between slices. `None` when
/// cancelled.
pub async fn run_search(
    state: AppState,
    ids: Vec<ContactId>,
    apart: NotDuplicates,
    checked: RwSignal<usize>,
    halt: impl Fn() -> Option<Halt>,
) -> Option<Ended> {
    let total = ids.len();
    let mut finder = DuplicateFinder::new(ids, apart);
    loop {
        let progress = state.read_now(|ws| finder.step(|id| ws.contact(id), SLICE_ITEMS));
        let done = total * usize::from(progress.percent()) / 100;
        // A disposed signal: the page is gone.
        if checked.try_set(done).is_some() {
            return None;
        }
        if progress.is_finished() {
            return Some(Ended { groups: finder.groups(), stopped: false, checked: total });
        }
        gloo_timers::future::TimeoutFuture::new(0).await;
        match halt() {
            Some(Halt::Cancel) => return None,
            Some(Halt::Stop) => return Some(Ended { groups: finder.groups(), stopped: true, checked: done }),
            None => {}
        }
    }
}
