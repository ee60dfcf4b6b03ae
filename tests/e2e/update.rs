//! End-to-end: a new version deployed while the app is open is offered ("A new version
//! is ready", Reload), never loaded behind the user's back, and only when there is
//! one. The new build is made from the built one: its wasm, JS and start-up script
//! copied under new names and index.html pointed at them, as a rebuild does.

use crate::support;

use std::time::Duration;

use serde_json::json;
use support::files::TempDir;
use support::{dist_dir, fresh_db_name, Browser, Launch};

/// The wasm file name `index.html` loads.
fn wasm_in(index: &str) -> String {
    let end = index.find("_bg.wasm").expect("index.html names a wasm") + "_bg.wasm".len();
    let start = index[..end].rfind('/').expect("a ./ before the wasm name") + 1;
    index[start..end].to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_deployed_version_is_offered_and_loads_on_reload() {
    let site = TempDir::new("cm-update-site");
    for entry in std::fs::read_dir(dist_dir()).expect("read dist") {
        let path = entry.expect("a dist entry").path();
        if path.is_file() {
            let name = path.file_name().expect("a file name").to_string_lossy().to_string();
            std::fs::copy(&path, site.path().join(name)).expect("copy dist");
        }
    }
    let index_path = site.path().join("index.html");
    let index = std::fs::read_to_string(&index_path).expect("index.html");
    let old_wasm = wasm_in(&index);
    let old_stem = old_wasm.trim_end_matches("_bg.wasm").to_string();

    let b = Browser::launch(Launch { mounts: vec![("/".into(), site.path().to_path_buf())], ..Launch::default() }).await;
    b.open_app(&fresh_db_name("e2e-update")).await;
    // The same build deployed: nothing is offered.
    b.exec("window.dispatchEvent(new Event('focus'))").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(b.count("#update-ready").await, 0, "the running build was offered as new");

    // A rebuild is deployed: new names, index.html pointing at them.
    let new_stem = "contacts-manager-00000000000000aa";
    for suffix in ["_bg.wasm", ".js"] {
        std::fs::copy(site.path().join(format!("{old_stem}{suffix}")), site.path().join(format!("{new_stem}{suffix}"))).expect("copy the build");
    }
    // The start-up script (a file of its own: `src/pwa/externalize.mjs`) names them too.
    let start_at = index.find("src=\"./start-").expect("index.html loads a start-up script") + "src=\"./".len();
    let old_start = &index[start_at..start_at + index[start_at..].find(".js").expect("a .js start-up script") + 3];
    let script = std::fs::read_to_string(site.path().join(old_start)).expect("the start-up script");
    let new_start = "start-00000000000000bb.js";
    std::fs::write(site.path().join(new_start), script.replace(&old_stem, new_stem)).expect("the new start-up script");
    std::fs::write(&index_path, index.replace(&old_stem, new_stem).replace(old_start, new_start)).expect("deploy index.html");
    b.exec("window.dispatchEvent(new Event('focus'))").await;
    b.wait_for_text("#update-ready", "new version").await;
    b.screenshot("update-ready").await;
    assert_eq!(b.count("#app-ready").await, 1, "the page stays as it was until Reload");

    b.click("#update-reload").await;
    b.wait_for("#app-ready").await;
    let loaded = b.exec("return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('_bg.wasm')).map(n => n.split('/').pop())").await;
    assert_eq!(loaded, json!([format!("{new_stem}_bg.wasm")]), "the reload runs the new build");
    assert_eq!(b.count("#update-ready").await, 0, "nothing more to offer");
    b.close().await;
}
