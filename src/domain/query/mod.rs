//! Browsing contacts: filter by list, search, sort, page.
//!
//! Half a million contacts are browsed from memory, so the query keeps an index that
//! is rebuilt only when contacts change: the lowercased search text of every contact
//! in one arena (a keystroke is one substring scan over it), and a cached order per
//! sort key (a keystroke never sorts).

use std::collections::HashMap;

use memchr::memmem;

mod builder;

pub use builder::IndexBuilder;
pub(crate) use builder::head_key;
use builder::{push_folded, text_prefix, SortEntry, F_EMAIL, F_FIRST, F_LAST, F_PHONE};
use crate::domain::contact::Contact;
use crate::domain::ids::{ContactId, ListId};
use crate::domain::tag::TagId;
use crate::domain::workspace::Workspace;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    FirstName,
    LastName,
    Phone,
    Email,
    List,
    Created,
    Updated,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactQuery {
    /// `None`: every list.
    pub list: Option<ListId>,
    /// When set, only contacts of these lists (the "Viewing as" agent's lists).
    pub visible_lists: Option<Vec<ListId>>,
    /// Only contacts with this tag.
    pub tag: Option<TagId>,
    /// Every word must appear, case-insensitively, in the first name, last name, email,
    /// phone or mobile. A number typed with spaces, dashes or "+" still finds a phone.
    pub search: String,
    pub sort: SortKey,
    pub descending: bool,
    /// Zero-based.
    pub page: usize,
    pub page_size: usize,
}

impl Default for ContactQuery {
    fn default() -> Self {
        Self { list: None, visible_lists: None, tag: None, search: String::new(), sort: SortKey::default(), descending: false, page: 0, page_size: 25 }
    }
}

/// One page of results and how many matched in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryResult {
    pub total: usize,
    pub rows: Vec<Contact>,
}

/// The cached search text and sort orders, valid for one workspace revision.
#[derive(Debug, Default)]
pub(crate) struct QueryIndex {
    built_for: Option<u64>,
    rec: IndexBuilder,
    /// Per sort key: record numbers in ascending order, and where the records with an
    /// empty sort value begin (they stay last in both directions).
    orders: HashMap<SortKey, (Vec<u32>, usize)>,
}

impl QueryIndex {
    pub(crate) fn query(&mut self, ws: &Workspace, q: &ContactQuery) -> QueryResult {
        let page_size = q.page_size.max(1);
        let first = q.page.saturating_mul(page_size);
        let mut total = 0;
        let mut ids = Vec::with_capacity(page_size);
        self.walk(ws, q, |id| {
            if total >= first && ids.len() < page_size {
                ids.push(id);
            }
            total += 1;
        });
        let rows = ids.into_iter().filter_map(|id| ws.contact(id).cloned()).collect();
        QueryResult { total, rows }
    }

    /// Every contact the query matches, in its order (the page is ignored).
    pub(crate) fn matching_ids(&mut self, ws: &Workspace, q: &ContactQuery) -> Vec<ContactId> {
        let mut ids = Vec::new();
        self.walk(ws, q, |id| ids.push(id));
        ids
    }

    /// Calls `each` with the id of every matching contact, in the query's order.
    fn walk(&mut self, ws: &Workspace, q: &ContactQuery, mut each: impl FnMut(ContactId)) {
        if self.built_for != Some(ws.revision()) {
            self.rebuild(ws);
        }
        let matched = self.search(&q.search);
        let tagged = q.tag.map(|tag| self.tagged(ws, tag));
        self.ensure_order(ws, q.sort);
        let (order, empty_from) = match self.orders.get(&q.sort) {
            Some((order, empty_from)) => (order.as_slice(), *empty_from),
            None => (&[][..], 0),
        };
        let (filled, empty) = order.split_at(empty_from.min(order.len()));
        let mut visit = |r: u32| {
            let r = r as usize;
            if q.list.is_some_and(|l| self.rec.lists[r] != l) {
                return;
            }
            if q.visible_lists.as_ref().is_some_and(|v| !v.contains(&self.rec.lists[r])) {
                return;
            }
            if tagged.as_ref().is_some_and(|t| !t.contains(r)) {
                return;
            }
            if matched.as_ref().is_some_and(|m| !m.contains(r)) {
                return;
            }
            each(self.rec.ids[r]);
        };
        if q.descending {
            filled.iter().rev().for_each(|&r| visit(r));
        } else {
            filled.iter().for_each(|&r| visit(r));
        }
        empty.iter().for_each(|&r| visit(r));
    }

    fn rebuild(&mut self, ws: &Workspace) {
        let mut builder = IndexBuilder::with_capacity(ws.total_contacts());
        ws.contacts().for_each(|c| builder.push(c));
        *self = builder.finish(ws.revision());
    }

    /// Takes an index built while the workspace's pages were read (see `IndexBuilder`);
    /// one that does not cover exactly the workspace's contacts is ignored.
    pub(crate) fn adopt(&mut self, ws: &Workspace, builder: IndexBuilder) {
        let matches = builder.ids.len() == ws.total_contacts() && builder.ids.iter().copied().eq(ws.contacts().map(|c| c.id));
        if matches {
            *self = builder.finish(ws.revision());
        }
    }

    fn field(&self, r: usize, k: usize) -> &[u8] {
        self.rec.field(r, k)
    }

    /// Records matching every word of the search; `None` when there is nothing to
    /// search for.
    fn search(&self, raw: &str) -> Option<BitSet> {
        let terms = search_terms(raw);
        if terms.is_empty() {
            return None;
        }
        let records = self.rec.ids.len();
        let mut result: Option<BitSet> = None;
        for term in terms {
            let mut hits = BitSet::new(records);
            let finder = memmem::Finder::new(term.as_bytes());
            let mut pos = 0usize;
            let mut rec = 0usize;
            while let Some(found) = finder.find(&self.rec.text[pos..]) {
                let at = pos + found;
                while self.rec.starts[rec + 1] as usize <= at {
                    rec += 1;
                }
                hits.insert(rec);
                // One hit per record is enough: jump to the next record.
                pos = self.rec.starts[rec + 1] as usize;
                if pos >= self.rec.text.len() {
                    break;
                }
            }
            result = Some(match result {
                Some(prev) => prev.and(&hits),
                None => hits,
            });
        }
        result
    }

    /// Records carrying `tag` (a scan of the contacts: tags are few per contact).
    fn tagged(&self, ws: &Workspace, tag: TagId) -> BitSet {
        let mut set = BitSet::new(self.rec.ids.len());
        for (r, c) in ws.contacts().enumerate() {
            if c.data.has_tag(tag) {
                set.insert(r);
            }
        }
        set
    }

    fn ensure_order(&mut self, ws: &Workspace, sort: SortKey) {
        if !self.orders.contains_key(&sort) {
            let order = self.sorted(ws, sort);
            self.orders.insert(sort, order);
        }
    }

    /// Record numbers sorted by `sort`, ascending; empty values last; ties in storage
    /// order. A u64 prefix of the main key settles most comparisons cheaply.
    fn sorted(&mut self, ws: &Workspace, sort: SortKey) -> (Vec<u32>, usize) {
        let presorted = std::mem::take(&mut self.rec.first_name_keys);
        let n = self.rec.ids.len();
        let list_rank: HashMap<ListId, u64> =
            ws.lists().into_iter().enumerate().map(|(i, l)| (l.id, i as u64)).collect();
        let text_field = |r: usize| -> Option<usize> {
            match sort {
                SortKey::FirstName | SortKey::List => Some(F_FIRST),
                SortKey::LastName => Some(F_LAST),
                SortKey::Email => Some(F_EMAIL),
                SortKey::Phone => Some(F_PHONE),
                SortKey::Created | SortKey::Updated => {
                    let _ = r;
                    None
                }
            }
        };
        let prefix = |r: usize| -> u64 {
            match sort {
                // Never u64::MAX: that marks an empty value.
                SortKey::List => list_rank.get(&self.rec.lists[r]).copied().unwrap_or(u64::MAX - 1),
                SortKey::Created => ((self.rec.created[r] as u64) ^ (1 << 63)).min(u64::MAX - 1),
                SortKey::Updated => ((self.rec.updated[r] as u64) ^ (1 << 63)).min(u64::MAX - 1),
                _ => text_field(r).map(|k| text_prefix(self.field(r, k))).unwrap_or(u64::MAX),
            }
        };
        // Secondary keys after the prefix: the full main field, then a tie-breaker field.
        let (main, second) = match sort {
            SortKey::FirstName => (Some(F_FIRST), Some(F_LAST)),
            SortKey::LastName => (Some(F_LAST), Some(F_FIRST)),
            SortKey::Email => (Some(F_EMAIL), None),
            SortKey::Phone => (Some(F_PHONE), None),
            SortKey::List => (None, Some(F_FIRST)),
            SortKey::Created | SortKey::Updated => (None, None),
        };
        let second_prefix = |r: usize| second.map(|k| text_prefix(self.field(r, k))).unwrap_or(0);
        // Integer keys settle almost every comparison; the text is read only when an
        // 8-byte prefix ties.
        let mut keyed: Vec<SortEntry> = if sort == SortKey::FirstName && presorted.len() == n {
            presorted
        } else {
            (0..n).map(|r| (prefix(r), second_prefix(r), r as u32)).collect()
        };
        let full = |k: Option<usize>, x: usize, y: usize| match k {
            Some(k) => {
                let (a, b) = (self.field(x, k), self.field(y, k));
                if a.len() > 8 || b.len() > 8 { a.cmp(b) } else { std::cmp::Ordering::Equal }
            }
            None => std::cmp::Ordering::Equal,
        };
        // Integers alone first (fast), then only runs whose 8-byte prefix ties on a
        // longer value are ordered by their full text. A stable sort merges presorted
        // runs in one pass (and equals an unstable one here: record numbers differ).
        keyed.sort();
        let long = |r: u32, k: Option<usize>| k.is_some_and(|k| self.field(r as usize, k).len() > 8);
        let mut start = 0;
        while start < keyed.len() {
            let end = start + keyed[start..].partition_point(|e| e.0 == keyed[start].0);
            let run = &mut keyed[start..end];
            if run.len() > 1 && run.iter().any(|e| long(e.2, main) || long(e.2, second)) {
                run.sort_unstable_by(|a, b| {
                    let (x, y) = (a.2 as usize, b.2 as usize);
                    full(main, x, y).then(a.1.cmp(&b.1)).then_with(|| full(second, x, y)).then(a.2.cmp(&b.2))
                });
            }
            start = end;
        }
        let empty_from = keyed.partition_point(|(p, _, _)| *p != u64::MAX);
        (keyed.into_iter().map(|(_, _, r)| r).collect(), empty_from)
    }
}

/// The words to look for. A query that looks like a phone number ("+39 333-12") is one
/// term of its digits, since phones are stored as digits only.
fn search_terms(raw: &str) -> Vec<String> {
    let raw = raw.trim();
    let phone_like = raw.chars().any(|c| c.is_ascii_digit())
        && raw.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.' | '/'));
    if phone_like {
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        // "0039…" is typed for "39…".
        let digits = digits.strip_prefix("00").map(str::to_owned).unwrap_or(digits);
        return if digits.is_empty() { Vec::new() } else { vec![digits] };
    }
    raw.split_whitespace().map(|w| {
        let mut folded = Vec::new();
        push_folded(&mut folded, w);
        String::from_utf8(folded).unwrap_or_default()
    }).filter(|w| !w.is_empty()).collect()
}

/// A fixed-size set of record numbers.
#[derive(Debug)]
struct BitSet(Vec<u64>);

impl BitSet {
    fn new(len: usize) -> Self {
        Self(vec![0; len.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn and(mut self, other: &BitSet) -> BitSet {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
        self
    }
}
