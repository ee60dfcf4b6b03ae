#![cfg(not(target_arch = "wasm32"))]
//! The built app (dist/) loads in headless Chromium, is an installable PWA, and still
//! starts when its server is gone (served by the service worker).

mod support;

use serde_json::json;
use support::app::open_fresh_app;

#[tokio::test]
async fn app_loads_installs_as_pwa_and_starts_offline() {
    let mut browser = open_fresh_app("smoke").await;
    assert_eq!(browser.client.title().await.expect("page title"), "Contacts Manager");

    // The manifest is linked, served, and names the app.
    let manifest = browser
        .exec_async(
            "const link = document.querySelector('link[rel=manifest]');
             if (!link) { done({ error: 'no <link rel=manifest>' }); return; }
             fetch(link.href).then(r => r.json()).then(done, e => done({ error: String(e) }));",
        )
        .await;
    assert_eq!(manifest["name"], "Contacts Manager", "manifest: {manifest}");
    assert_eq!(manifest["display"], "standalone", "manifest: {manifest}");

    // The service worker installs (it precaches the shell) and activates.
    let active = browser
        .exec_async(
            "if (!('serviceWorker' in navigator)) { done('unsupported'); return; }
             const t = setTimeout(() => done('timeout'), 15000);
             navigator.serviceWorker.ready.then(r => { clearTimeout(t); done(r.active ? r.active.state : 'none'); });",
        )
        .await;
    assert_eq!(active, json!("activated"), "service worker state");

    // After a reload the page is controlled by the worker.
    browser.reload().await;
    let controlled = browser.exec("return !!navigator.serviceWorker.controller").await;
    assert_eq!(controlled, json!(true), "page not controlled by the service worker after reload");

    // Chrome's own installability check (manifest, icons, worker) finds nothing wrong.
    let installability = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    let errors = installability["installabilityErrors"].as_array().cloned().unwrap_or_default();
    assert!(errors.is_empty(), "Chromium says the app is not installable: {installability}");
    browser.screenshot("smoke-online").await;

    // Offline: nothing answers on the origin any more; the worker must serve the app.
    browser.stop_server();
    browser.reload().await;
    assert_eq!(browser.client.title().await.expect("page title"), "Contacts Manager");
    browser.screenshot("smoke-offline").await;
    browser.close().await;
}
