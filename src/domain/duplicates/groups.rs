//! Joining matched pairs into groups (union-find), never into a group that would hold
//! both contacts of a "not duplicates" pair, and the links that say why.

use std::collections::HashMap;

use super::{DuplicateGroup, MatchLink, MatchReason};
use crate::domain::ids::ContactId;

#[derive(Default)]
pub struct Joiner {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Per group root: records that must never join it (partners of its members).
    forbidden: HashMap<u32, Vec<u32>>,
    links: Vec<(u32, u32, Vec<MatchReason>, u8)>,
}

impl Joiner {
    /// `records` singletons; `apart`: pairs of records never to group together.
    pub fn new(records: usize, apart: impl Iterator<Item = (u32, u32)>) -> Self {
        let mut forbidden: HashMap<u32, Vec<u32>> = HashMap::new();
        for (a, b) in apart {
            forbidden.entry(a).or_default().push(b);
            forbidden.entry(b).or_default().push(a);
        }
        Self { parent: (0..records as u32).collect(), size: vec![1; records], forbidden, links: Vec::new() }
    }

    fn root(&mut self, mut x: u32) -> u32 {
        while let Some(&p) = self.parent.get(x as usize) {
            if p == x {
                break;
            }
            // Path halving keeps later look-ups short.
            let grand = self.parent.get(p as usize).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x as usize) {
                *slot = grand;
            }
            x = grand;
        }
        x
    }

    pub fn same_group(&mut self, a: u32, b: u32) -> bool {
        self.root(a) == self.root(b)
    }

    /// Whether a member of `group` may not be grouped with one of `other`.
    fn kept_apart(&mut self, group: u32, other: u32) -> bool {
        let partners = self.forbidden.get(&group).cloned().unwrap_or_default();
        partners.into_iter().any(|p| self.root(p) == other)
    }

    /// Puts `a` and `b` (matched for `reasons`) in one group; false if they already
    /// are, or if that would group a "not duplicates" pair.
    pub fn join(&mut self, a: u32, b: u32, reasons: Vec<MatchReason>, score: u8) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb || self.kept_apart(ra, rb) || self.kept_apart(rb, ra) {
            return false;
        }
        let size = |s: &Self, r: u32| s.size.get(r as usize).copied().unwrap_or(1);
        let (big, small) = if size(self, ra) >= size(self, rb) { (ra, rb) } else { (rb, ra) };
        if let Some(slot) = self.parent.get_mut(small as usize) {
            *slot = big;
        }
        let joined = size(self, big) + size(self, small);
        if let Some(slot) = self.size.get_mut(big as usize) {
            *slot = joined;
        }
        if let Some(moved) = self.forbidden.remove(&small) {
            self.forbidden.entry(big).or_default().extend(moved);
        }
        self.links.push((a, b, reasons, score));
        true
    }

    /// The groups of two or more, each with the links that made it; the weakest link
    /// is the group's score. Strongest groups first, then by their first contact.
    pub fn groups(&self, ids: &[ContactId]) -> Vec<DuplicateGroup> {
        let mut copy = Self { parent: self.parent.clone(), ..Self::default() };
        let id = |r: u32| ids.get(r as usize).copied().unwrap_or(ContactId::new(0));
        let mut by_root: HashMap<u32, DuplicateGroup> = HashMap::new();
        for (a, b, reasons, score) in &self.links {
            let group = by_root.entry(copy.root(*a)).or_insert_with(|| DuplicateGroup { members: Vec::new(), links: Vec::new(), score: 100 });
            group.members.extend([id(*a), id(*b)]);
            group.score = group.score.min(*score);
            group.links.push(MatchLink { a: id(*a), b: id(*b), reasons: reasons.clone(), score: *score });
        }
        let mut groups: Vec<DuplicateGroup> = by_root.into_values().collect();
        for group in &mut groups {
            group.members.sort();
            group.members.dedup();
        }
        groups.sort_by(|x, y| y.score.cmp(&x.score).then_with(|| x.members.first().cmp(&y.members.first())));
        groups
    }
}
