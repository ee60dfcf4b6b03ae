//! The journal's requests on an object store, wherever the journal lives: in the
//! commit's own transaction, or in the bucket's database after it.

use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransactionMode};

use super::error::StoreError;
use super::keys::{bytes_to_js, journal_key, journal_range};
use super::raw_idb::{completed, js_error};
use super::schema::JOURNAL;
use crate::persist::writes::{Target, Write};

/// Issues `writes` (journal requests; anything else is skipped) on `store`, in order.
pub(crate) fn issue(store: &IdbObjectStore, writes: &[Write]) -> Result<(), StoreError> {
    for write in writes {
        let request = match (write.target, &write.bytes) {
            (Target::JournalOf(first, last), _) => {
                let (lower, upper) = journal_range(first, last, None);
                IdbKeyRange::bound(&lower, &upper).and_then(|range| store.delete(&range))
            }
            (Target::Journal(key), Some(bytes)) => store.put_with_key(&bytes_to_js(bytes), &journal_key(key)),
            (Target::Journal(key), None) => store.delete(&journal_key(key)),
            _ => continue,
        };
        // Sent; success or failure reaches us through the transaction.
        request.map_err(|e| js_error(&e))?;
    }
    Ok(())
}

/// Writes `writes` into `db`'s journal in one transaction.
pub(crate) async fn apply(db: &IdbDatabase, writes: &[Write]) -> Result<(), StoreError> {
    let tx = db.transaction_with_str_and_mode(JOURNAL, IdbTransactionMode::Readwrite).map_err(|e| js_error(&e))?;
    let store = tx.object_store(JOURNAL).map_err(|e| js_error(&e))?;
    if let Err(e) = issue(&store, writes) {
        let _ = tx.abort();
        return Err(e);
    }
    completed(&tx).await
}
