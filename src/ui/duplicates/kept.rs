//! The page's last search, kept for this tab while the user is elsewhere: a name
//! opens the contact, Merge… opens another page, and Back shows the same groups again
//! (less those merged or deleted meanwhile) instead of an empty page.

use std::cell::RefCell;

use crate::domain::duplicates::DuplicateGroup;
use crate::domain::ListId;
use crate::ui::kit::{grouped, plural};

/// A search that ended: finished, or stopped with the groups found so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// "Leads", or "all lists".
    pub scope: String,
    pub groups: Vec<DuplicateGroup>,
    pub stopped: bool,
    pub checked: usize,
    pub total: usize,
}

/// The list chosen and the last search's groups.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    pub list: Option<ListId>,
    pub found: Option<Found>,
}

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

pub fn recall() -> Kept {
    KEPT.with(|k| k.borrow().clone())
}

pub fn keep(kept: Kept) {
    KEPT.with(|k| *k.borrow_mut() = kept);
}

impl Found {
    /// What the search found, in a sentence; `shown`: the groups still shown (others
    /// were dismissed, merged or deleted since).
    pub fn summary(&self, shown: usize) -> String {
        let scope = &self.scope;
        let groups = plural(shown, "group", "groups");
        match (self.stopped, shown) {
            (true, 0) => format!("Stopped after checking {} of {} contacts in {scope}: no likely duplicates so far.", grouped(self.checked), grouped(self.total)),
            (true, _) => format!("Stopped after checking {} of {} contacts in {scope}: {groups} of likely duplicates so far, strongest first.", grouped(self.checked), grouped(self.total)),
            (false, 0) if self.groups.is_empty() => format!("No likely duplicates in {scope}."),
            (false, 0) => format!("No likely duplicates left in {scope}."),
            (false, _) => format!("{groups} of likely duplicates in {scope}, strongest first."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ContactId;

    #[test]
    fn the_summary_says_what_was_found_where_and_whether_it_stopped() {
        let group = DuplicateGroup { members: vec![ContactId::new(1), ContactId::new(2)], links: Vec::new(), score: 100 };
        let found = Found { scope: "Leads".into(), groups: vec![group.clone(), group], stopped: false, checked: 1200, total: 1200 };
        assert_eq!(found.summary(2), "2 groups of likely duplicates in Leads, strongest first.");
        assert_eq!(found.summary(1), "1 group of likely duplicates in Leads, strongest first.");
        assert_eq!(found.summary(0), "No likely duplicates left in Leads.");
        let none = Found { groups: Vec::new(), ..found.clone() };
        assert_eq!(none.summary(0), "No likely duplicates in Leads.");
        let stopped = Found { stopped: true, checked: 600, total: 12_000, ..found };
        assert_eq!(stopped.summary(0), "Stopped after checking 600 of 12,000 contacts in Leads: no likely duplicates so far.");
        assert_eq!(stopped.summary(2), "Stopped after checking 600 of 12,000 contacts in Leads: 2 groups of likely duplicates so far, strongest first.");
    }
}
