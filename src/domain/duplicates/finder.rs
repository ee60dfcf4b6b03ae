//! The finder, in slices a page can run between frames: read the contacts (their
//! features and block keys), sort the block keys, then compare within each block and
//! join matches into groups.
//!
//! Near-linear: block keys are sorted in 256 buckets (one bucket is the unit of
//! sorting), exact blocks larger than `MAX_EXACT_BLOCK` are a shared line or mailbox
//! and join nobody, and fuzzy blocks larger than `MAX_FULL_BLOCK` compare each contact
//! only with its `WINDOW` neighbours in name order.

use std::collections::{HashMap, HashSet};

use super::groups::Joiner;
use super::record::{BlockKind, Records};
use super::rule::evaluate;
use super::{DuplicateGroup, NotDuplicates};
use crate::domain::contact::Contact;
use crate::domain::ids::ContactId;

/// Contacts sharing one exact key beyond this are not one person (a switchboard, an
/// info@ mailbox): the key is ignored.
pub const MAX_EXACT_BLOCK: usize = 20;
/// Fuzzy blocks up to this size compare every pair.
pub const MAX_FULL_BLOCK: usize = 64;
/// Neighbours each contact is compared with in a larger fuzzy block.
pub const WINDOW: usize = 8;
/// Work per `step` a page runs in one task: over 500,000 contacts a slice stays far
/// under 100 ms in the browser (the benchmark prints the longest).
pub const SLICE_ITEMS: usize = 5_000;

const BUCKETS: usize = 256;

/// Where the finder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Reading,
    Sorting,
    Comparing,
    Finished,
}

/// Progress after a step: the phase, and how far it is (in its own units: contacts
/// read, buckets sorted, buckets compared).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    pub fn is_finished(&self) -> bool {
        self.phase == Phase::Finished
    }
    /// Overall, 0 to 100 (reading is about half the work).
    pub fn percent(&self) -> u8 {
        let within = if self.total == 0 { 1.0 } else { self.done as f64 / self.total as f64 };
        let (start, span) = match self.phase {
            Phase::Reading => (0.0, 50.0),
            Phase::Sorting => (50.0, 15.0),
            Phase::Comparing => (65.0, 35.0),
            Phase::Finished => (100.0, 0.0),
        };
        (start + span * within).round().clamp(0.0, 100.0) as u8
    }
}

/// Finds groups of likely duplicates among a fixed set of contacts. Make it with the
/// ids to look at, call `step` until it says `Finished` (Stop: drop it), then take
/// `groups`. Contacts gone by the time they are read are left out.
pub struct DuplicateFinder {
    ids: Vec<ContactId>,
    not_duplicates: NotDuplicates,
    /// Ids that appear in a not-duplicates pair, to find their records while reading.
    marked: HashSet<ContactId>,
    marked_records: HashMap<ContactId, u32>,
    records: Records,
    buckets: Vec<Vec<(u64, u32)>>,
    joiner: Joiner,
    phase: Phase,
    /// Contacts read, buckets sorted or buckets compared, by phase.
    cursor: usize,
}

impl DuplicateFinder {
    pub fn new(ids: Vec<ContactId>, not_duplicates: NotDuplicates) -> Self {
        let marked = not_duplicates.iter().flat_map(|(a, b)| [a, b]).collect();
        let mut records = Records::default();
        records.ids.reserve(ids.len());
        records.features.reserve(ids.len());
        Self {
            ids,
            not_duplicates,
            marked,
            marked_records: HashMap::new(),
            records,
            buckets: vec![Vec::new(); BUCKETS],
            joiner: Joiner::default(),
            phase: Phase::Reading,
            cursor: 0,
        }
    }

    pub fn progress(&self) -> Progress {
        let total = match self.phase {
            Phase::Reading => self.ids.len(),
            Phase::Sorting | Phase::Comparing => BUCKETS,
            Phase::Finished => 0,
        };
        Progress { phase: self.phase, done: self.cursor, total }
    }

    /// Does about `max_items` units of work (a contact read, a block key sorted, a
    /// pair compared; a bucket is sorted or compared whole), reading contacts through
    /// `lookup`.
    pub fn step<'c>(&mut self, lookup: impl Fn(ContactId) -> Option<&'c Contact>, max_items: usize) -> Progress {
        let mut budget = max_items.max(1);
        while budget > 0 && self.phase != Phase::Finished {
            match self.phase {
                Phase::Reading => budget = self.read(&lookup, budget),
                Phase::Sorting => budget = self.sort(budget),
                Phase::Comparing => budget = self.compare(budget),
                Phase::Finished => {}
            }
        }
        self.progress()
    }

    fn next_phase(&mut self, phase: Phase) {
        self.phase = phase;
        self.cursor = 0;
    }

    fn read<'c>(&mut self, lookup: &impl Fn(ContactId) -> Option<&'c Contact>, budget: usize) -> usize {
        let end = self.cursor.saturating_add(budget).min(self.ids.len());
        for &id in self.ids.get(self.cursor..end).unwrap_or_default() {
            let Some(contact) = lookup(id) else { continue };
            let index = self.records.len() as u32;
            if self.marked.contains(&id) {
                self.marked_records.insert(id, index);
            }
            let buckets = &mut self.buckets;
            self.records.push(contact, |key| {
                if let Some(bucket) = buckets.get_mut((key as usize) % BUCKETS) {
                    bucket.push((key, index));
                }
            });
        }
        let used = end - self.cursor;
        self.cursor = end;
        if self.cursor >= self.ids.len() {
            self.joiner = Joiner::new(self.records.len(), self.not_duplicates.iter().filter_map(|(a, b)| {
                Some((*self.marked_records.get(&a)?, *self.marked_records.get(&b)?))
            }));
            self.next_phase(Phase::Sorting);
        }
        budget.saturating_sub(used.max(1))
    }

    fn sort(&mut self, mut budget: usize) -> usize {
        while budget > 0 && self.cursor < BUCKETS {
            if let Some(bucket) = self.buckets.get_mut(self.cursor) {
                bucket.sort_unstable();
                budget = budget.saturating_sub(bucket.len().max(1));
            }
            self.cursor += 1;
        }
        if self.cursor >= BUCKETS {
            self.next_phase(Phase::Comparing);
        }
        budget
    }

    fn compare(&mut self, mut budget: usize) -> usize {
        let mut members = Vec::new();
        while budget > 0 && self.cursor < BUCKETS {
            // Taken out, and so freed once compared.
            let bucket = self.buckets.get_mut(self.cursor).map(std::mem::take).unwrap_or_default();
            for block in bucket.chunk_by(|x, y| x.0 == y.0) {
                members.clear();
                members.extend(block.iter().map(|(_, r)| *r));
                members.dedup();
                budget = budget.saturating_sub(self.compare_block(block.first().map_or(0, |b| b.0), &mut members));
            }
            self.cursor += 1;
        }
        if self.cursor >= BUCKETS {
            self.next_phase(Phase::Finished);
        }
        budget
    }

    /// Compares one block's members; returns the pairs compared.
    fn compare_block(&mut self, key: u64, members: &mut [u32]) -> usize {
        let Some(kind) = BlockKind::of(key) else { return 0 };
        if members.len() < 2 || (kind.is_exact() && members.len() > MAX_EXACT_BLOCK) {
            return 0;
        }
        let mut compared = 0;
        if members.len() > MAX_FULL_BLOCK {
            let records = &self.records;
            members.sort_by_key(|r| records.features.get(*r as usize).map(|f| records.name_prefix(f)));
        }
        let window = if members.len() > MAX_FULL_BLOCK { WINDOW } else { members.len() };
        for (i, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(i + 1).take(window) {
                compared += 1;
                self.try_join(a, b);
            }
        }
        compared
    }

    fn try_join(&mut self, a: u32, b: u32) {
        if self.joiner.same_group(a, b) {
            return;
        }
        let (Some(fa), Some(fb)) = (self.records.features.get(a as usize), self.records.features.get(b as usize)) else { return };
        if let Some((reasons, score)) = evaluate(&self.records, fa, fb) {
            self.joiner.join(a, b, reasons, score);
        }
    }

    /// The groups found (complete once `Finished`), strongest first.
    pub fn groups(&self) -> Vec<DuplicateGroup> {
        self.joiner.groups(&self.records.ids)
    }
}

/// Every group among `contacts` at once (tests, small lists).
pub fn find_all(contacts: &[Contact], not_duplicates: &NotDuplicates) -> Vec<DuplicateGroup> {
    let by_id: HashMap<ContactId, &Contact> = contacts.iter().map(|c| (c.id, c)).collect();
    let mut finder = DuplicateFinder::new(contacts.iter().map(|c| c.id).collect(), not_duplicates.clone());
    while !finder.step(|id| by_id.get(&id).copied(), usize::MAX).is_finished() {}
    finder.groups()
}
