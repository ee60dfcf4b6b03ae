//! The built app (dist/) loads in headless Chromium, is an installable PWA, and still
//! starts with its data when its server is gone (served by the service worker), the
//! same dist/ at the site's root and under a sub-path (a static host's folder).

use crate::support;

use serde_json::json;
use support::lists::{create_list, NewList};
use support::{dist_dir, fresh_db_name, Browser, Launch};

#[tokio::test]
async fn at_the_root_it_installs_as_a_pwa_and_starts_offline() {
    installs_and_starts_offline("/").await;
}

#[tokio::test]
async fn under_a_sub_path_it_installs_as_a_pwa_and_starts_offline() {
    installs_and_starts_offline("/app/").await;
}

/// The whole check with dist/ served at `mount` ("/" or "/app/").
async fn installs_and_starts_offline(mount: &str) {
    let mut browser = Browser::launch(Launch { mounts: vec![(mount.to_string(), dist_dir())], ..Launch::default() }).await;
    let page = format!("{mount}?db={}", fresh_db_name("smoke"));
    browser.client.goto(&browser.url(&page)).await.expect("open the app");
    browser.wait_for("#app-ready").await;
    assert_eq!(browser.client.title().await.expect("page title"), "Contacts Manager");
    create_list(&browser, NewList::named("Kept offline")).await;

    // Nothing was asked of the site's root: every file came from under `mount`.
    let outside = browser
        .exec(&format!(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.origin === location.origin && !u.pathname.startsWith('{mount}')).map(u => u.pathname)"
        ))
        .await;
    assert_eq!(outside, json!([]), "requests outside {mount}");

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
    // Its icons (192 and 512 px, one maskable) are served from beside it.
    let icons = browser
        .exec_async(
            "(async () => {
             const link = document.querySelector('link[rel=manifest]');
             const m = await (await fetch(link.href)).json();
             const out = [];
             for (const i of m.icons) {
               const r = await fetch(new URL(i.src, link.href));
               out.push([i.sizes, i.purpose, r.status, r.headers.get('content-type') || '']);
             }
             done(out);
             })().catch(e => done(String(e)));",
        )
        .await;
    let icons = icons.as_array().cloned().unwrap_or_default();
    for (sizes, purpose) in [("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")] {
        assert!(
            icons.iter().any(|i| i[0] == sizes && i[1] == purpose && i[2] == 200 && i[3].as_str().is_some_and(|t| t.starts_with("image/png"))),
            "a {sizes} {purpose} PNG icon, served: {icons:?}"
        );
    }

    // The service worker installs (it precaches the shell) and activates, its scope the
    // folder the app is served from.
    let worker = browser
        .exec_async(
            "if (!('serviceWorker' in navigator)) { done({ error: 'unsupported' }); return; }
             const t = setTimeout(() => done({ error: 'timeout' }), 15000);
             navigator.serviceWorker.ready.then(r => { clearTimeout(t);
               done({ state: r.active ? r.active.state : 'none', scope: new URL(r.scope).pathname }); });",
        )
        .await;
    assert_eq!(worker, json!({ "state": "activated", "scope": mount }), "service worker");

    // After a reload the page is controlled by the worker.
    browser.reload().await;
    let controlled = browser.exec("return !!navigator.serviceWorker.controller").await;
    assert_eq!(controlled, json!(true), "page not controlled by the service worker after reload");

    // Chrome's own installability check (manifest, icons, worker) finds nothing wrong.
    let installability = browser.cdp("Page.getInstallabilityErrors", json!({})).await;
    let errors = installability["installabilityErrors"].as_array().cloned().unwrap_or_default();
    assert!(errors.is_empty(), "Chromium says the app is not installable: {installability}");
    browser.screenshot("smoke-online").await;

    // Offline: nothing answers on the origin any more; the worker must serve the app,
    // and the data is still there.
    browser.stop_server();
    browser.reload().await;
    assert_eq!(browser.client.title().await.expect("page title"), "Contacts Manager");
    browser.client.goto(&browser.url(&format!("{page}#/lists"))).await.expect("the lists, offline");
    browser.wait_for_text("#lists-table", "Kept offline").await;
    // The import engine (a worker the page starts only when an import needs it) was
    // kept too: its loader, script and wasm all load offline and it says it is ready.
    let engine = browser
        .exec_async(
            "const link = document.querySelector('link[rel=cm-engine]');
             if (!link) { done('no engine link'); return; }
             const w = new Worker(link.href);
             const t = setTimeout(() => done('timeout'), 15000);
             w.onmessage = (e) => { clearTimeout(t); w.terminate(); done(e.data); };
             w.onerror = (e) => { clearTimeout(t); done('error: ' + e.message); };",
        )
        .await;
    assert_eq!(engine, json!("ready"), "the import engine offline");
    browser.screenshot("smoke-offline").await;
    browser.close().await;
}
