//! Native figures for the in-memory query over 500k contacts (run with
//! `cargo test --release --lib -- --ignored --nocapture query_figures`). Prints, never
//! asserts on time; the browser benchmark (tests/bench.rs) is the one that counts.

use std::time::Instant;

use crate::domain::{sample, ContactQuery, SortKey, Workspace};

use super::support_tests::{list, T0};

#[test]
#[ignore = "benchmark: prints figures"]
fn query_figures() {
    let n = 500_000;
    let t = Instant::now();
    let data = sample::generate_contacts(n, 42);
    println!("generate + validate {n}: {:?}", t.elapsed());
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Bench");
    let t = Instant::now();
    let _ = ws.add_contacts(l, data, T0);
    println!("add to workspace: {:?}", t.elapsed());
    let t = Instant::now();
    let first = ws.query(&ContactQuery::default());
    println!("first page (index build + sort): {:?}, total {}", t.elapsed(), first.total);
    for s in ["a", "an", "ann", "anna ross", "+39 333", "zzzz"] {
        let t = Instant::now();
        let r = ws.query(&ContactQuery { search: s.into(), ..ContactQuery::default() });
        println!("search {s:?}: {:?} ({} hits)", t.elapsed(), r.total);
    }
    let t = Instant::now();
    let _ = ws.query(&ContactQuery { sort: SortKey::LastName, descending: true, ..ContactQuery::default() });
    println!("sort by last name: {:?}", t.elapsed());
}

#[test]
#[ignore = "benchmark: prints figures"]
fn memory_figures() {
    println!("size_of Contact = {} bytes, ContactData = {}", std::mem::size_of::<crate::domain::Contact>(), std::mem::size_of::<crate::domain::ContactData>());
}

#[test]
#[ignore = "benchmark: prints figures"]
fn cold_load_figures() {
    use crate::domain::{codec, PageKey};
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Bench");
    let _ = ws.add_contacts(l, sample::generate_contacts(500_000, 42), T0);
    let keys: Vec<PageKey> = (0..).map(|page| PageKey { list: l, page }).take_while(|k| ws.page(*k).is_some()).collect();
    let encoded: Vec<(PageKey, Vec<u8>)> = keys.iter().map(|k| (*k, codec::encode_page(ws.page(*k).unwrap_or(&[])))).collect();
    println!("stored bytes: {} MB in {} pages", encoded.iter().map(|(_, b)| b.len()).sum::<usize>() / 1_000_000, encoded.len());
    let t = Instant::now();
    let pages: Vec<_> = encoded.iter().map(|(k, b)| (*k, codec::decode_page(b).unwrap_or_default())).collect();
    println!("decode: {:?}", t.elapsed());
    let lists = ws.lists().into_iter().cloned().collect();
    let t = Instant::now();
    let loaded = Workspace::from_records(ws.meta().clone(), lists, pages);
    println!("from_records: {:?}", t.elapsed());
    let Ok(loaded) = loaded else { return };
    let t = Instant::now();
    let _ = loaded.query(&ContactQuery { sort: SortKey::Created, ..ContactQuery::default() });
    println!("first query by created (index build, no text sort): {:?}", t.elapsed());
    let t = Instant::now();
    let _ = loaded.query(&ContactQuery::default());
    println!("then sort by first name: {:?}", t.elapsed());
}

#[test]
#[ignore = "benchmark: prints figures"]
fn export_figures() {
    let n = 500_000;
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Bench");
    let _ = ws.add_contacts(l, sample::generate_contacts(n, 42), T0);
    let t = Instant::now();
    let mut export = crate::domain::export::ContactsExport::of_list(&ws, l, crate::domain::export::CsvOptions::default());
    let mut bytes = 0;
    while !export.is_done() || bytes == 0 {
        bytes += export.next_chunk(&ws, || false).len();
    }
    println!("export {n} contacts to CSV: {:?}, {bytes} bytes", t.elapsed());
}

/// Where a delete of 100k contacts spread over every page spends its time natively:
/// the command, then encoding every record its change names (what the store's commit
/// does inside its transaction); the same for its undo.
#[test]
#[ignore = "benchmark: prints figures"]
fn delete_figures() {
    use crate::domain::ContactId;
    let n = 500_000;
    let mut ws = Workspace::new();
    let l = list(&mut ws, "Bench");
    let _ = ws.add_contacts(l, sample::generate_contacts(n, 42), T0);
    let ids: Vec<ContactId> = ws.contacts().step_by(5).map(|c| c.id).collect();
    let t = Instant::now();
    let (outcome, change) = ws.delete_contacts(&ids, T0).unwrap_or_else(|e| panic!("{e}"));
    println!("delete {} command: {:?}", outcome.deleted, t.elapsed());
    print_encoding(&ws, &change);
    let deletion = outcome.deletion.unwrap_or_else(|| panic!("no deletion"));
    let t = Instant::now();
    let (_, change) = ws.restore_deletion(deletion).unwrap_or_else(|e| panic!("{e}"));
    println!("restore command: {:?}", t.elapsed());
    print_encoding(&ws, &change);
}

fn print_encoding(ws: &Workspace, change: &crate::domain::Change) {
    let t = Instant::now();
    let (mut records, mut bytes) = (0, 0);
    for write in crate::persist::writes::writes(ws, change, crate::persist::writes::JournalFormat::Layers { seq: 1 }) {
        records += 1;
        bytes += write.bytes.map_or(0, |b| b.len());
    }
    println!("encode {records} records, {bytes} bytes: {:?}", t.elapsed());
}
