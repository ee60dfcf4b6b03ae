//! How `commit_chunked` cuts a change into transactions.

use crate::domain::Change;

/// The parts of `change`, one transaction each, in order, of at most `pages_per_tx`
/// page writes (at least one part, even for a change without pages).
///
/// Order keeps what is stored loadable after a failure half-way: the first part
/// carries the meta (id counters), the list records and the written fields, tags,
/// agents, dispositions and imports, so a stored page never belongs to an unknown list
/// and ids are never reused; deletions (lists, pages, records) go in the last one,
/// after the pages that stop referring to them (a purged field's values). The journal
/// goes in the last one too: cleared with its contacts' pages, and new entries only
/// after every page, so no entry outlives or precedes its contact. Trash pages are
/// written in the first part and deleted in the last, so a deleted or restored
/// contact may be found twice after a failure (load keeps one) but never lost. A
/// failure leaves the earlier parts written (like an import that stopped early).
/// Records of stale copies (`workspace::stale`) are written with the trash pages (a
/// contact leaves its stored page only once the trash holds it), and deleted with
/// their page's rewrite, else in the last part.
pub fn plan(change: &Change, pages_per_tx: usize) -> Vec<Change> {
    let chunks: Vec<_> = change.pages_put.chunks(pages_per_tx.max(1)).collect();
    let count = chunks.len().max(1);
    let stale_deleted_in = |i: usize| -> Vec<_> {
        let pages: &[_] = chunks.get(i).copied().unwrap_or_default();
        let last = i + 1 == count;
        let ours = |k: &&_| pages.contains(k) || (last && !change.pages_put.contains(k));
        change.stale_deleted.iter().filter(ours).copied().collect()
    };
    (0..count)
        .map(|i| {
            let (first, last) = (i == 0, i + 1 == count);
            Change {
                meta: first && change.meta,
                lists_put: if first { change.lists_put.clone() } else { Vec::new() },
                pages_put: chunks.get(i).map(|c| c.to_vec()).unwrap_or_default(),
                pages_deleted: if last { change.pages_deleted.clone() } else { Vec::new() },
                lists_deleted: if last { change.lists_deleted.clone() } else { Vec::new() },
                records_put: if first { change.records_put.clone() } else { Vec::new() },
                records_deleted: if last { change.records_deleted.clone() } else { Vec::new() },
                journal_put: if last { change.journal_put.clone() } else { Vec::new() },
                journal_deleted: if last { change.journal_deleted.clone() } else { Vec::new() },
                journal_cleared: if last { change.journal_cleared.clone() } else { Vec::new() },
                trash_put: if first { change.trash_put.clone() } else { Vec::new() },
                trash_deleted: if last { change.trash_deleted.clone() } else { Vec::new() },
                stale_put: if first { change.stale_put.clone() } else { Vec::new() },
                stale_deleted: stale_deleted_in(i),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::plan;
    use crate::domain::change::JournalKey;
    use crate::domain::trash::{DeletionId, TrashKey};
    use crate::domain::{Change, ContactId, ListId, PageKey, RecordKey, TagId, Timestamp};

    fn trash(page: u32) -> TrashKey {
        TrashKey { at: Timestamp::from_millis(9), deletion: DeletionId::new(1), page }
    }

    fn page(n: u32) -> PageKey {
        PageKey { list: ListId::new(1), page: n }
    }

    #[test]
    fn the_first_part_carries_what_pages_need_and_the_last_the_deletions() {
        let change = Change {
            meta: true,
            lists_put: vec![ListId::new(1)],
            lists_deleted: vec![ListId::new(2)],
            pages_put: (0..5).map(page).collect(),
            pages_deleted: vec![PageKey { list: ListId::new(2), page: 0 }],
            records_put: vec![RecordKey::Tag(TagId::new(1))],
            records_deleted: vec![RecordKey::Tag(TagId::new(2))],
            journal_put: Vec::new(),
            journal_deleted: vec![JournalKey { contact: ContactId::new(1), at: Timestamp::from_millis(5), id: 1 }],
            journal_cleared: vec![ContactId::new(2)],
            trash_put: vec![trash(0)],
            trash_deleted: vec![trash(1)],
            stale_put: vec![page(7)],
            stale_deleted: vec![page(3), page(9)],
        };
        let parts = plan(&change, 2);
        assert_eq!(parts.iter().map(|p| p.pages_put.len()).collect::<Vec<_>>(), [2, 2, 1]);
        assert!(parts[0].meta && parts[0].lists_put == change.lists_put && parts[0].records_put == change.records_put);
        assert!(parts[0].lists_deleted.is_empty() && parts[0].records_deleted.is_empty());
        assert!(parts[1..].iter().all(|p| !p.meta && p.lists_put.is_empty() && p.records_put.is_empty()));
        assert_eq!((&parts[2].lists_deleted, &parts[2].pages_deleted), (&change.lists_deleted, &change.pages_deleted));
        assert_eq!(parts[2].records_deleted, change.records_deleted);
        assert_eq!((&parts[2].journal_deleted, &parts[2].journal_cleared), (&change.journal_deleted, &change.journal_cleared));
        assert!(parts[..2].iter().all(|p| p.journal_deleted.is_empty() && p.journal_cleared.is_empty()));
        assert_eq!((&parts[0].trash_put, &parts[2].trash_deleted), (&change.trash_put, &change.trash_deleted));
        assert!(parts[1..].iter().all(|p| p.trash_put.is_empty()) && parts[..2].iter().all(|p| p.trash_deleted.is_empty()));
        // Stale records: written with the trash, deleted with their page's rewrite (page
        // 3 is in the second part) or last (page 9 is not rewritten).
        assert_eq!(parts.iter().map(|p| p.stale_put.clone()).collect::<Vec<_>>(), [vec![page(7)], vec![], vec![]]);
        assert_eq!(parts.iter().map(|p| p.stale_deleted.clone()).collect::<Vec<_>>(), [vec![], vec![page(3)], vec![page(9)]]);
        let mut merged = Change::default();
        parts.into_iter().for_each(|p| merged.merge(p));
        assert_eq!(merged, change, "the parts together are the change");
        assert_eq!(plan(&Change { meta: true, ..Change::default() }, 0).len(), 1);
    }
}
