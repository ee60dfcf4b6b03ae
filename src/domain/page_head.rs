//! The head of a stored page: the sort keys of its first contacts in the default
//! order (first name, then last name; `query::head_key`), stored beside the page and
//! written with it. From
//! the heads alone a start finds which few pages hold the default view's first page,
//! so it can show that page after reading a few pages instead of all of them
//! (issue 16: a first row under 0.8 s with half a million contacts and no kept first
//! screen). Derived data: a store without heads (or with some missing) simply loads
//! everything first, as before.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::change::PageKey;
use super::contact::Contact;
use super::ids::{ContactId, ListId};
use super::query::head_key;

/// Entries a head keeps (more when the last ones tie): the largest page size the
/// contacts page offers, so even a list imported in name order (its first page holds
/// the whole first screen) is settled from its head; about 2 MB of heads for
/// 500,000 contacts.
pub const HEAD_LEN: usize = 100;

/// Pages a first page may need decoded before the rest: beyond that, loading
/// everything is as quick.
pub const MAX_FIRST_PAGES: usize = 128;

/// A page's contact count and its smallest sort keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageHead {
    /// Contacts in the stored page (stale copies included: `workspace::stale`).
    pub count: u32,
    /// Ascending by key: the first `HEAD_LEN`, then every further one that ties with
    /// the last of them, so every contact left out sorts strictly after the last.
    pub entries: Vec<HeadEntry>,
}

/// One contact of a head: its key (`query::head_key`), whether the key holds its
/// names whole, and its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadEntry {
    pub key: [u64; 4],
    pub whole: bool,
    pub id: ContactId,
}

impl PageHead {
    /// The head of a page holding `contacts`.
    pub fn of(contacts: &[Contact]) -> PageHead {
        let entry = |c: &Contact| {
            let (key, whole) = head_key(c.data.first_name(), c.data.last_name().unwrap_or(""));
            HeadEntry { key, whole, id: c.id }
        };
        let mut all: Vec<HeadEntry> = contacts.iter().map(entry).collect();
        all.sort_unstable_by_key(|e| e.key);
        if let Some(last) = all.get(HEAD_LEN - 1).map(|e| e.key) {
            let keep = HEAD_LEN + all[HEAD_LEN..].partition_point(|e| e.key == last);
            all.truncate(keep);
        }
        PageHead { count: u32::try_from(contacts.len()).unwrap_or(u32::MAX), entries: all }
    }

    fn is_whole(&self) -> bool {
        self.entries.len() >= self.count as usize
    }
}

/// Which stored pages hold the default view's first page, and how many contacts the
/// view covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirstPagePlan {
    /// In key order.
    pub pages: Vec<PageKey>,
    pub total: usize,
}

/// The pages that hold the first `page_size` contacts of the default order among the
/// lists `visible` allows (all when `None`), from every stored page's head; `gone`:
/// per page, the contacts its stored copy holds that left it. `None` when the heads
/// cannot settle it (a page whose listed contacts all left but others stayed, too few
/// listed, too many pages) or the view is empty: then everything is loaded first.
///
/// Why it is exact: the default order never contradicts the keys (`head_key`), and the
/// listed contacts are a part of all, so the `page_size`-th smallest listed key, `last`,
/// is at least that of the first page's last row. A row with a smaller key is listed,
/// or sorts after every listed contact of its page (a head keeps every tie), which
/// still lists one: either way its page is named. Among the rows with key `last`, names
/// held whole come first, in storage order (page key first): the pages of the first
/// listed ones are enough, since the others sit in pages named already. When a name not
/// held whole is among them, every page listing the key is named.
pub fn plan(
    heads: &[(PageKey, PageHead)],
    gone: &HashMap<PageKey, HashSet<ContactId>>,
    visible: Option<&[ListId]>,
    page_size: usize,
) -> Option<FirstPagePlan> {
    let mut total = 0usize;
    let mut listed: Vec<(HeadEntry, PageKey)> = Vec::new();
    for (key, head) in heads.iter().filter(|(key, _)| visible.is_none_or(|v| v.contains(&key.list))) {
        let left = gone.get(key);
        let staying = (head.count as usize).saturating_sub(left.map_or(0, HashSet::len));
        if staying == 0 {
            continue;
        }
        total += staying;
        let before = listed.len();
        let here = head.entries.iter().filter(|e| left.is_none_or(|l| !l.contains(&e.id)));
        listed.extend(here.map(|e| (*e, *key)));
        if listed.len() == before && !head.is_whole() {
            return None;
        }
    }
    let need = page_size.min(total);
    if need == 0 {
        return None;
    }
    listed.sort_unstable_by_key(|(e, _)| e.key);
    let last = listed.get(need - 1)?.0.key;
    let below = listed.partition_point(|(e, _)| e.key < last);
    let (smaller, rest) = listed.split_at_mut(below);
    let ties = rest.partition_point(|(e, _)| e.key == last);
    let tied = &mut rest[..ties];
    tied.sort_unstable_by_key(|(e, page)| (!e.whole, *page));
    let wanted = need - below;
    let enough = match tied[..wanted].iter().all(|(e, _)| e.whole) {
        true => wanted,
        false => tied.len(),
    };
    let mut pages: Vec<PageKey> = smaller.iter().chain(&tied[..enough]).map(|(_, page)| *page).collect();
    pages.sort_unstable();
    pages.dedup();
    (pages.len() <= MAX_FIRST_PAGES).then_some(FirstPagePlan { pages, total })
}
