//! End-to-end: a backup downloaded for real, the site's storage cleared, the file
//! restored: the same workspace (the list's CSV export byte for byte, every journal
//! entry byte for byte). A truncated file, a CSV and a backup of a newer format are
//! refused and change nothing. A restore beside a workspace leaves it as it was and
//! opens as another one; a restore in place of it asks first and replaces it.

use crate::support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;
use support::app::{navigate, open_fresh_app, scrolls_sideways};
use support::call_log::{choose_log, import_log, open_call_log_tab};
use support::contacts::{add_contact, contacts_in_list, open_contacts_of, NewContact};
use support::files::{allow_downloads, fixture, generated_csv, wait_for_download, TempDir};
use support::import_wizard::{choose_file, open_import_page, start_over, upload};
use support::journey::today;
use support::lists::{create_list, NewList};
use support::Browser;

const LIMIT: Duration = Duration::from_secs(30);

/// A list filled as a user would: a Google Contacts export imported, four contacts
/// typed in, a call log (Italian, semicolons) matched to them by phone.
async fn fill(b: &Browser) -> String {
    let list = create_list(b, NewList::named("Clienti").country("IT")).await;
    open_import_page(b).await;
    start_over(b).await;
    choose_file(b, &fixture("google-contacts.csv")).await;
    b.select("#import-list", &list).await;
    let imported = upload(b, LIMIT).await;
    assert!(imported.imported > 0, "{imported:?}");
    open_contacts_of(b, &list).await;
    // Numbers the Google file does not hold (it has 333 123 4567 and 347 765 4321).
    for (first, phone) in [("Ada", "351 000 1111"), ("Bruno", "+39 348 222 3333"), ("Carla", "+39 02 4444 5555")] {
        add_contact(b, NewContact::with(&[("first_name", first), ("phone", phone)]).in_list(&list)).await;
    }
    let day = today(b).await.format("%d/%m/%Y").to_string();
    let log = format!("Data;Ora;Numero;Durata;Note\r\n{day};09:15;+39 351 000 1111;00:02:05;Richiamare lunedì\r\n{day};10:02;0039 348 222 3333;0:00:30;\r\n{day};14:30;351 0001111;00:10:00;Ordine confermato\r\n");
    let dir = TempDir::new("backup-log");
    open_call_log_tab(b).await;
    choose_log(b, &dir.write("chiamate.csv", log.as_bytes())).await;
    let logged = import_log(b, LIMIT).await;
    assert_eq!(logged.logged, 3, "{logged:?}");
    list
}

/// The list's CSV export, downloaded into `dir`.
async fn export_csv(b: &Browser, list: &str, dir: &Path) -> Vec<u8> {
    let path = dir.join(format!("{list}.csv"));
    let _ = std::fs::remove_file(&path);
    navigate(b, "#/lists").await;
    b.click(&format!("button[aria-label='Export the contacts of {list} to CSV']")).await;
    b.click("#export-start").await;
    let bytes = wait_for_download(&path, LIMIT).await;
    b.wait_gone(".overlay").await;
    bytes
}

/// Every stored journal entry of the workspace open in the page (wherever it lives:
/// the "journal" storage bucket or the workspace's own database), as hex, sorted. Read
/// behind the store: entries stored one record each (the `journal` store of older
/// versions), then the `journal_layers` store's layers stacked in key order (the
/// layout of `persist::journal_layers::codec`: cleared runs, deleted keys, a directory
/// of contacts, then each entry's time, id, length and bytes; little-endian).
async fn journal_entries(b: &Browser) -> Vec<String> {
    let script = "
        const name = new URLSearchParams(location.search).get('db');
        const db = localStorage.getItem('cm.workspace-db:' + name) || name;
        const hex = (bytes) => [...bytes].map(x => x.toString(16).padStart(2, '0')).join('');
        const bytesOf = (v) => new Uint8Array(v.buffer || v, v.byteOffset || 0, v.byteLength);
        const all = (d, store) => new Promise((ok, fail) => {
          if (!d.objectStoreNames.contains(store)) { ok({ keys: [], values: [] }); return; }
          const tx = d.transaction(store), os = tx.objectStore(store);
          const keys = os.getAllKeys(), values = os.getAll();
          tx.oncomplete = () => ok({ keys: keys.result, values: values.result });
          tx.onerror = () => fail(tx.error);
        });
        // Stacks one layer onto `live` (entry key -> hex): clears, puts, deletions.
        const stack = (live, bytes) => {
          const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          if (bytes[0] !== 1) throw new Error('unknown layer format ' + bytes[0]);
          let at = 1;
          const u32 = () => { const n = v.getUint32(at, true); at += 4; return n; };
          const u64 = () => { const n = v.getBigUint64(at, true); at += 8; return n; };
          const cleared = [];
          for (let n = u32(); n > 0; n--) cleared.push([u64(), u64()]);
          const deleted = [];
          for (let n = u32(); n > 0; n--) deleted.push([u64(), u64(), u64()].join(':'));
          const directory = [];
          for (let n = u32(); n > 0; n--) directory.push([u64(), u32(), u32()]);
          for (const key of [...live.keys()]) {
            const contact = BigInt(key.split(':')[0]);
            if (cleared.some(([a, z]) => a <= contact && contact <= z)) live.delete(key);
          }
          const entries = at;
          for (const [contact, count, start] of directory) {
            at = entries + start;
            for (let i = 0; i < count; i++) {
              const time = u64(), id = u64(), len = u32();
              live.set([contact, time, id].join(':'), hex(bytes.subarray(at, at + len)));
              at += len;
            }
          }
          for (const key of deleted) live.delete(key);
        };
        const read = (factory, dbName) => new Promise((ok, fail) => {
          const req = factory.open(dbName);
          req.onerror = () => fail(req.error);
          req.onsuccess = async () => {
            const d = req.result;
            try {
              const live = new Map();
              const legacy = await all(d, 'journal');
              legacy.keys.forEach((k, i) => live.set(k.map(n => BigInt.asUintN(64, BigInt(n))).join(':'), hex(bytesOf(legacy.values[i]))));
              const layers = await all(d, 'journal_layers');
              layers.keys.forEach((k, i) => { if (Array.isArray(k)) stack(live, bytesOf(layers.values[i])); });
              ok([...live.values()]);
            } catch (e) { fail(e); } finally { d.close(); }
          };
        });
        (async () => {
          let out = await read(indexedDB, db);
          if (navigator.storageBuckets) {
            const bucket = await navigator.storageBuckets.open('journal');
            for (const info of await bucket.indexedDB.databases()) {
              if (info.name.startsWith(db + '~')) out = out.concat(await read(bucket.indexedDB, info.name));
            }
          }
          done(out);
        })().catch(e => done({ error: String(e) }));";
    let v = b.exec_async(script).await;
    let mut entries: Vec<String> = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("the journal entries: {e}: {v}"));
    entries.sort();
    entries
}

/// Clicks "Download a backup" and waits for the .cmbackup file in `dir`.
async fn make_backup(b: &Browser, dir: &Path) -> PathBuf {
    navigate(b, "#/data").await;
    b.click("#backup-make").await;
    let deadline = Instant::now() + LIMIT;
    loop {
        let found = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "cmbackup"));
        if let Some(path) = found {
            wait_for_download(&path, LIMIT).await;
            b.wait_for_text("#backup-last", "Last backup made here").await;
            return path;
        }
        assert!(Instant::now() < deadline, "no backup file in {}", dir.display());
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// Chooses `file` in the Data page's restore input.
async fn choose_backup(b: &Browser, file: &Path) {
    navigate(b, "#/data").await;
    let input = b.wait_for("#restore-file").await;
    input.send_keys(&file.display().to_string()).await.unwrap_or_else(|e| panic!("choose {}: {e}", file.display()));
}

/// Waits for the app to be back after a reload (the contacts table or an empty state).
async fn wait_started(b: &Browser) {
    b.wait_for("#app-ready").await;
}

/// Clicks `css`, which loads a new page (a restore done, a workspace opened), and
/// waits for the new page's app: a mark left on the old page tells them apart.
async fn click_and_wait_reload(b: &Browser, css: &str) {
    b.exec("window.__beforeReload = true; return null").await;
    b.click(css).await;
    b.poll("return !window.__beforeReload && !!document.querySelector('#app-ready')", LIMIT, "the page reloaded with the restored workspace").await;
}

async fn databases(b: &Browser) -> Vec<String> {
    let v = b.exec_async("indexedDB.databases().then(l => done(l.map(d => d.name).sort()))").await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn backup_then_cleared_storage_then_restore_gives_the_same_workspace_and_bad_files_change_nothing() {
    let b = open_fresh_app("e2e-backup").await;
    let list = fill(&b).await;
    let downloads = TempDir::new("backup-downloads");
    allow_downloads(&b, downloads.path()).await;
    let csv_before = export_csv(&b, "Clienti", downloads.path()).await;
    let journal_before = journal_entries(&b).await;
    assert!(journal_before.len() >= 3, "three calls and the history: {}", journal_before.len());
    let contacts = contacts_in_list(&b, &list).await;
    assert!(contacts > 3, "{contacts}");

    let backup = make_backup(&b, downloads.path()).await;
    let bytes = std::fs::read(&backup).unwrap_or_default();
    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        b.screenshot(&format!("backup-data-page-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the Data page scrolls sideways at {w}px");
    }
    b.set_window_size(1280, 800).await;

    // Files that are not a whole backup: refused, nothing written.
    let bad = TempDir::new("backup-bad");
    let dbs_before = databases(&b).await;
    let newer = {
        let mut v = bytes.clone();
        v[12] = 9;
        v
    };
    for (name, content, says) in [
        ("cut.cmbackup", bytes[..bytes.len() / 2].to_vec(), "cut short"),
        ("contacts.cmbackup", std::fs::read(fixture("google-contacts.csv")).unwrap_or_default(), "not a Contacts Manager backup"),
        ("newer.cmbackup", newer, "newer version"),
    ] {
        choose_backup(&b, &bad.write(name, &content)).await;
        let problem = b.wait_for_text("#restore-problem", says).await;
        assert!(problem.contains("cannot be restored"), "{problem}");
        assert_eq!(b.count("#restore-summary").await, 0, "{name}: nothing offered to restore");
    }
    assert_eq!(databases(&b).await, dbs_before, "no database was made for a refused file");
    assert_eq!(contacts_in_list(&b, &list).await, contacts);

    // The site's data cleared (as "Clear site data" does), then the backup restored.
    let origin = b.exec("return location.origin").await;
    b.cdp("Storage.clearDataForOrigin", json!({ "origin": origin, "storageTypes": "all" })).await;
    b.reload().await;
    wait_started(&b).await;
    assert!(journal_entries(&b).await.is_empty(), "the journal was cleared too");
    choose_backup(&b, &backup).await;
    let summary = b.wait_for_text("#restore-summary", "It holds").await;
    assert!(summary.contains(&format!("{contacts} contacts")), "{summary}");
    assert_eq!(b.count("#restore-beside").await, 0, "an empty workspace is restored into: nothing to keep beside");
    assert!(b.text("fieldset.choice-group").await.contains("holds nothing yet"));
    click_and_wait_reload(&b, "#restore-start").await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts);
    allow_downloads(&b, downloads.path()).await;
    assert_eq!(export_csv(&b, "Clienti", downloads.path()).await, csv_before, "the list exports byte for byte as before");
    assert_eq!(journal_entries(&b).await, journal_before, "every journal entry came back byte for byte");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restore_beside_leaves_this_workspace_and_one_in_its_place_asks_first() {
    let b = open_fresh_app("e2e-backup-beside").await;
    let list = fill(&b).await;
    let contacts = contacts_in_list(&b, &list).await;
    let downloads = TempDir::new("backup-beside");
    allow_downloads(&b, downloads.path()).await;
    let backup = make_backup(&b, downloads.path()).await;

    // Another contact after the backup: the restored copy has one fewer.
    open_contacts_of(&b, &list).await;
    add_contact(&b, NewContact::with(&[("first_name", "Dopo"), ("phone", "333 999 0000")]).in_list(&list)).await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts + 1);

    choose_backup(&b, &backup).await;
    b.wait_for_text("#restore-summary", "It holds").await;
    let beside = b.exec("return document.querySelector('#restore-beside').checked").await;
    assert_eq!(beside, json!(true), "beside is the default when this workspace holds data");
    for (w, h, tag) in [(390, 844, "phone"), (1280, 800, "desktop")] {
        b.set_window_size(w, h).await;
        b.screenshot(&format!("backup-restore-choice-{tag}")).await;
    }
    b.click("#restore-start").await;
    let done = b.wait_for_text("#restore-done", "Restored as a new workspace").await;
    assert!(done.contains("as it was"), "{done}");
    b.screenshot("backup-restored-beside").await;
    click_and_wait_reload(&b, "#restore-open").await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts, "the restored workspace is the backup's");
    navigate(&b, "#/data").await;
    let others = b.wait_for_text("#workspace-list", "Open").await;
    assert!(!others.is_empty());
    click_and_wait_reload(&b, "#workspace-list a").await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts + 1, "the first workspace was left as it was");

    // In its place: a confirmation that names what goes, then the backup's data.
    choose_backup(&b, &backup).await;
    b.wait_for_text("#restore-summary", "It holds").await;
    b.click("#restore-replace").await;
    b.click("#restore-start").await;
    let asked = b.wait_for_text(".confirm-text", "will be deleted").await;
    assert!(asked.contains(&format!("{} contacts", contacts + 1)), "{asked}");
    click_and_wait_reload(&b, "#confirm-ok").await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts, "replaced by the backup's");
    b.reload().await;
    wait_started(&b).await;
    assert_eq!(contacts_in_list(&b, &list).await, contacts, "still after another start");
    b.close().await;
}

/// Imports `file` into `list` with the wizard's own mapping; how many were imported.
async fn import_file(b: &Browser, file: &Path, list: &str) -> u64 {
    navigate(b, "#/import").await;
    start_over(b).await;
    choose_file(b, file).await;
    b.select("#import-list", list).await;
    upload(b, LIMIT).await.imported
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_import_offers_a_backup_unless_one_was_made_this_week() {
    let b = open_fresh_app("e2e-backup-reminder").await;
    let list = create_list(&b, NewList::named("Campagna")).await;
    let dir = TempDir::new("backup-reminder");
    // A small import is no reason to nag.
    assert!(import_file(&b, &fixture("google-contacts.csv"), &list).await > 0);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!b.text("body").await.contains("Make a backup"), "offered after a small import");

    // Generated rows repeat some phones and emails: the duplicate check skips those.
    let big = dir.write("big.csv", &generated_csv(1_500, 11));
    let imported = import_file(&b, &big, &list).await;
    assert!(imported >= 1_000, "{imported}");
    let offer = b.wait_for_text("#notice", "contacts imported, and").await;
    assert!(offer.contains(&format!("{},{:03} contacts imported", imported / 1000, imported % 1000)), "{offer}");
    assert!(offer.contains("no backup has been made here yet"), "{offer}");
    b.click("#notice a[href='#/data']").await;
    b.wait_for("#backup-make").await;
    let downloads = TempDir::new("backup-reminder-downloads");
    allow_downloads(&b, downloads.path()).await;
    make_backup(&b, downloads.path()).await;

    // With a backup made today, the next big import says nothing about it.
    let again = dir.write("again.csv", &generated_csv(1_500, 12));
    assert!(import_file(&b, &again, &list).await >= 1_000);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(!b.text("body").await.contains("contacts imported, and"), "offered a backup right after one was made");
    b.close().await;
}
