//! End-to-end: the Data page says whether the browser keeps the data and how much
//! space it takes; starting an import asks the browser to keep the data once.

use crate::support;

use std::time::Duration;

use support::app::{navigate, open_fresh_app, scrolls_sideways, stored_setting};
use support::files::fixture;
use support::import_wizard::{start_import_with_new_list, upload};

const ASKED: &str = "storage.durable_asked";

#[tokio::test(flavor = "multi_thread")]
async fn the_data_page_shows_durability_and_space_and_the_button_asks() {
    let b = open_fresh_app("e2e-data").await;
    assert_eq!(stored_setting(&b, ASKED).await, None, "a fresh workspace never asked");
    navigate(&b, "#/data").await;
    let usage = b.wait_for_text("#storage-usage", "used, of about").await;
    assert!(!usage.contains("0 bytes used"), "IndexedDB holds the workspace: {usage}");
    let status = b.text("#durable-status").await;
    assert!(!status.contains("Asking"), "the browser answered: {status}");
    if b.count("#durable-ask").await > 0 {
        b.click("#durable-ask").await;
        b.poll(&format!("return document.querySelector('#durable-status').textContent.includes('was asked on') || document.querySelector('#durable-status').textContent.startsWith('Yes')"), Duration::from_secs(10), "the answer shown").await;
    }
    assert!(stored_setting(&b, ASKED).await.is_some(), "asking is remembered");
    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        b.screenshot(&format!("data-page-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the Data page scrolls sideways at {w}px");
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn starting_an_import_asks_the_browser_to_keep_the_data() {
    let (b, _) = start_import_with_new_list("e2e-data-import", "Imported", &fixture("google-contacts.csv")).await;
    assert_eq!(stored_setting(&b, ASKED).await, None, "not asked before the import");
    upload(&b, Duration::from_secs(30)).await;
    let mut asked = None;
    for _ in 0..50 {
        asked = stored_setting(&b, ASKED).await;
        if asked.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(asked.is_some_and(|at| at.parse::<i64>().is_ok_and(|ms| ms > 1_700_000_000_000)), "the ask is remembered with its time");
    b.close().await;
}
