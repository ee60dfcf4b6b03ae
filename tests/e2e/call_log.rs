//! End-to-end: a call log imported into the journeys. A list with Italy as its
//! default country and contacts (two sharing a landline); an Italian semicolon log
//! dated today (so the journey's default interval shows it) with numbers written
//! "+39 …", "0039 …" and "333 …", one unknown number and the shared one; the
//! summary's counts, the contact's journey, the .xlsx of the rows not logged, and
//! screenshots of the mapping and the summary at 1280 and 390 px.

use crate::support;

use std::time::Duration;

use support::app::open_fresh_app;
use support::call_log::{choose_log, download_report, import_log, open_call_log_tab, proposed_columns, CallSummary};
use support::contacts::{add_contact, edit_contact_named, open_contacts_of, NewContact};
use support::files::{allow_downloads, wait_for_download, xlsx_rows, TempDir};
use support::journey::{today, wait_journey, ITEMS};
use support::lists::{create_list, NewList};
use support::Browser;

/// Where the screenshots go (looked at by hand).
const SHOTS: &str = "/work/tmp/shots";

/// Screenshots of `subject` (scrolled into view, the setup's notices dismissed) at
/// desktop and phone sizes.
async fn shoot(b: &Browser, name: &str, subject: &str) {
    for (width, height, size) in [(1280, 800, "1280"), (390, 844, "390")] {
        b.set_window_size(width, height).await;
        let script = format!(
            "document.querySelectorAll('#notice .icon-btn').forEach(x => x.click());
             document.querySelector({subject:?}).scrollIntoView({{block: 'start'}});"
        );
        b.exec(&script).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = b.screenshot(&format!("calllog-{name}-{size}")).await;
        if std::fs::create_dir_all(SHOTS).is_ok() {
            let _ = std::fs::copy(&path, format!("{SHOTS}/calllog-{name}-{size}.png"));
        }
    }
    b.set_window_size(1280, 800).await;
}

#[tokio::test]
async fn a_call_log_lands_in_the_journeys_and_the_rest_is_reported() {
    let b = open_fresh_app("calllog").await;
    let list = create_list(&b, NewList::named("Clienti").country("IT")).await;
    open_contacts_of(&b, &list).await;
    for (first, phone) in [("Ada", "333 123 4567"), ("Bruno", "+39 347 765 4321"), ("Carla", "+39 06 1234 5678"), ("Dario", "06 1234 5678")] {
        add_contact(&b, NewContact::with(&[("first_name", first), ("phone", phone)]).in_list(&list)).await;
    }

    let day = today(&b).await.format("%d/%m/%Y").to_string();
    let log = format!(
        "Data;Ora;Numero;Durata;Note\r\n\
         {day};09:15;+39 333 123 4567;00:02:05;Richiamare lunedì\r\n\
         {day};10:02;0039 347 765 4321;0:00:30;\r\n\
         {day};14:30;333 1234567;00:10:00;Ordine confermato\r\n\
         {day};15:00;06 1234 5678;00:01:00;Centralino\r\n\
         {day};11:45;+39 320 000 0000;;Numero sconosciuto\r\n"
    );
    let dir = TempDir::new("calllog");
    let file = dir.write("chiamate.csv", log.as_bytes());

    open_call_log_tab(&b).await;
    choose_log(&b, &file).await;
    assert_eq!(proposed_columns(&b).await, ["date", "time", "number", "duration", "notes"]);
    shoot(&b, "mapping", "#call-log-map-title").await;

    let summary = import_log(&b, Duration::from_secs(30)).await;
    assert_eq!(summary, CallSummary { rows: 5, logged: 3, unmatched: 1, ambiguous: 1, invalid: 0 });
    shoot(&b, "summary", "#import-title").await;

    let downloads = TempDir::new("calllog-downloads");
    allow_downloads(&b, downloads.path()).await;
    download_report(&b).await;
    let report = downloads.path().join("chiamate-call-log-report.xlsx");
    wait_for_download(&report, Duration::from_secs(20)).await;
    let failed = xlsx_rows(&report, "Failed rows");
    assert_eq!(failed.len(), 3, "a header and two rows: {failed:?}");
    assert!(failed[1][1].contains("2 contacts have 06 1234 5678"), "{failed:?}");
    assert!(failed[2][1].contains("no contact has +39 320 000 0000"), "{failed:?}");

    // Ada's two calls are in her journey; Carla got none of the shared number's.
    for (name, calls) in [("Ada", 2), ("Bruno", 1), ("Carla", 0)] {
        open_contacts_of(&b, &list).await;
        edit_contact_named(&b, name).await;
        wait_journey(&b).await;
        let css = format!("{ITEMS}[data-kind='interaction']");
        let script = format!("return document.querySelectorAll({css:?}).length === {calls}");
        b.poll(&script, Duration::from_secs(10), &format!("{calls} journey items for {name}")).await;
    }
    b.close().await;
}
