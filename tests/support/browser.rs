//! A headless Chromium session on the built app, with the waits and helpers the
//! end-to-end tests share.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use super::driver::{http, Driver, CHROMIUM};
use super::server::StaticServer;
use super::{dist_dir, repo_path, unique_suffix};

/// How long `wait_for` and friends poll before failing the test.
pub const WAIT: Duration = Duration::from_secs(10);

/// How to launch; `Browser::start()` uses the defaults (serve dist/ at `/`).
pub struct Launch {
    /// URL prefix -> directory, served by a fresh local server. Ignored with `base_url`.
    pub mounts: Vec<(String, PathBuf)>,
    /// Use an already running server instead of starting one.
    pub base_url: Option<String>,
    /// Reuse this Chromium profile (IndexedDB survives between sessions) and keep it.
    pub profile_dir: Option<PathBuf>,
    /// WebDriver page load strategy: "normal" waits for the load event, "none" does not.
    pub page_load_strategy: &'static str,
    /// More Chromium flags (the benchmark adds `--enable-precise-memory-info`).
    pub extra_args: Vec<String>,
}

impl Default for Launch {
    fn default() -> Self {
        Launch {
            mounts: vec![("/".to_string(), dist_dir())],
            base_url: None,
            profile_dir: None,
            page_load_strategy: "normal",
            extra_args: Vec::new(),
        }
    }
}

pub struct Browser {
    pub client: Client,
    base: String,
    server: Option<StaticServer>,
    driver: Driver,
    session: Option<String>,
    profile: PathBuf,
    keep_profile: bool,
}

impl Browser {
    /// Serves dist/ and opens a fresh headless Chromium on it.
    pub async fn start() -> Browser {
        Browser::launch(Launch::default()).await
    }

    pub async fn launch(launch: Launch) -> Browser {
        let (server, base) = match launch.base_url {
            Some(base) => (None, base),
            None => {
                for (_, dir) in &launch.mounts {
                    assert!(
                        dir.join("index.html").is_file(),
                        "{}/index.html is missing: run trunk build --release first (bash .ci/test does)",
                        dir.display()
                    );
                }
                let server = StaticServer::start(launch.mounts).await;
                let base = server.base().to_string();
                (Some(server), base)
            }
        };
        let keep_profile = launch.profile_dir.is_some();
        let profile = launch
            .profile_dir
            .unwrap_or_else(|| std::env::temp_dir().join(format!("cm-e2e-profile-{}", unique_suffix())));
        std::fs::create_dir_all(&profile).expect("create the Chromium profile directory");
        let driver = Driver::start(&profile.join("chromedriver.log"));
        let mut args: Vec<String> = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,800",
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(launch.extra_args);
        let caps = json!({
            "browserName": "chrome",
            "pageLoadStrategy": launch.page_load_strategy,
            // Async scripts may wait long (the benchmark's), page loads too (cold wasm).
            "timeouts": { "script": 120_000, "pageLoad": 120_000 },
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        });
        let caps = match caps {
            Value::Object(map) => map,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session through chromedriver: {e}"));
        let session = client.session_id().await.ok().flatten();
        Browser { client, base, server, driver, session, profile, keep_profile }
    }

    /// Chromedriver's process group: it holds Chromium's processes too (memory figures).
    pub fn process_group(&self) -> Option<u32> {
        self.driver.process_group()
    }

    /// The server's base URL, no trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// An absolute URL for `path` ("/", "/bench/?n=10").
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Opens the app on database `db` and waits until it has loaded its data.
    pub async fn open_app(&self, db: &str) {
        self.client.goto(&self.url(&format!("/?db={db}"))).await.expect("navigate to the app");
        self.wait_for("#app-ready").await;
    }

    /// Reloads the page and waits until the app has loaded its data again.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload the page");
        self.wait_for("#app-ready").await;
    }

    /// Polls for `css` for up to 10 s; on timeout saves a screenshot and panics.
    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                return el;
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out after {WAIT:?} waiting for `{css}`")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls until nothing matches `css` (up to 10 s).
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        while self.count(css).await > 0 {
            if Instant::now() > deadline {
                self.fail(&format!("timed out after {WAIT:?} waiting for `{css}` to go")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls until the text of `css` contains `needle` (up to 10 s); returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                }
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out after {WAIT:?} waiting for `{css}` to contain {needle:?}")).await;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Polls `script` (a function body that returns a value) until it returns something
    /// other than null or false, for up to `limit`; returns that. On timeout saves a
    /// screenshot and panics with `what`. A failing script counts as "not yet" (the
    /// page may be reloading).
    pub async fn poll(&self, script: &str, limit: Duration, what: &str) -> Value {
        let deadline = Instant::now() + limit;
        loop {
            let v = self.client.execute(script, vec![]).await.unwrap_or(Value::Null);
            if !v.is_null() && v != Value::Bool(false) {
                return v;
            }
            if Instant::now() > deadline {
                self.fail(&format!("timed out after {limit:?} waiting for {what}")).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clears the input or textarea at `css` and types `value` (real key events, so
    /// the app's input handlers run).
    pub async fn fill(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap_or_else(|e| panic!("clear `{css}`: {e}"));
        if !value.is_empty() {
            el.send_keys(value).await.unwrap_or_else(|e| panic!("type into `{css}`: {e}"));
        }
    }

    /// Picks the `<option>` with this value in the `<select>` at `css`.
    pub async fn select(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        el.select_by_value(value).await.unwrap_or_else(|e| panic!("select {value:?} in `{css}`: {e}"));
    }

    /// Clicks the element at `css` like a user: scrolled to the middle of the view
    /// (a sticky header must not cover it), retried while something else is in the
    /// way (a dialog still opening) for up to 10 s.
    pub async fn click(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let el = self.wait_for(css).await;
            let arg = serde_json::to_value(&el).expect("element as a script argument");
            // An action folded into a row's "⋯" menu: open the menu first, as a user
            // would (its items are placed under the button: no scrolling then).
            let script = "const el = arguments[0]; const menu = el.closest('details.row-menu');
                 if (!menu) { el.scrollIntoView({block: 'center', inline: 'center'}); return; }
                 if (!menu.open) { menu.scrollIntoView({block: 'center', inline: 'center'}); menu.querySelector('summary').click(); }";
            let _ = self.client.execute(script, vec![arg]).await;
            let err = match el.click().await {
                Ok(()) => return,
                Err(e) => e.to_string(),
            };
            let transient = ["intercepted", "not interactable", "stale element"].iter().any(|t| err.contains(t));
            if !transient || Instant::now() > deadline {
                self.fail(&format!("click `{css}`: {err}")).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The visible text of the first element matching `css` (waits for it).
    pub async fn text(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.text().await.unwrap_or_else(|e| panic!("read text of `{css}`: {e}"))
    }

    /// The visible texts of every element matching `css` (no wait: an empty answer
    /// proves nothing unless something else showed the page rendered). A failed
    /// lookup panics; an element re-rendered while it is read makes the whole read
    /// start again (up to 10 s), so a text is never silently "".
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        'again: loop {
            let els = self.client.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("find `{css}`: {e}"));
            let mut out = Vec::with_capacity(els.len());
            for el in els {
                match el.text().await {
                    Ok(text) => out.push(text),
                    Err(e) if Instant::now() < deadline && e.to_string().contains("stale") => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue 'again;
                    }
                    Err(e) => panic!("read text of `{css}`: {e}"),
                }
            }
            return out;
        }
    }

    /// How many elements match `css` right now (no wait: check first that the page
    /// rendered what holds them before asserting 0). A failed lookup panics.
    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or_else(|e| panic!("find `{css}`: {e}"))
    }

    /// Runs `script` (a function body; use `return`) in the page.
    pub async fn exec(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs an async script: its body gets `done` (call it with the result).
    pub async fn exec_async(&self, script: &str) -> Value {
        let wrapped = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client.execute_async(&wrapped, vec![]).await.unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    /// A Chrome DevTools Protocol command through chromedriver (e.g.
    /// "Page.getInstallabilityErrors"); returns its `value`.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let session = self.session.as_deref().expect("a WebDriver session id");
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let path = format!("/session/{session}/goog/cdp/execute");
        let port = self.driver.port;
        let raw = tokio::task::spawn_blocking(move || http(port, "POST", &path, Some(&body)))
            .await
            .expect("cdp task")
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"));
        let parsed: Value = serde_json::from_str(&raw).unwrap_or_else(|e| panic!("CDP {cmd}: bad reply {raw:?}: {e}"));
        parsed["value"].clone()
    }

    /// Writes target/screenshots/<name>.png.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = repo_path("target/screenshots");
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let path = dir.join(format!("{name}.png"));
        let png = self.client.screenshot().await.expect("take a screenshot");
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    pub async fn set_window_size(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.expect("resize the window");
    }

    /// Takes the local server away (the page's origin stops answering), to prove the
    /// service worker serves the app offline.
    pub fn stop_server(&mut self) {
        if let Some(server) = self.server.as_mut() {
            server.stop();
        }
    }

    /// Ends the session (Chromium exits cleanly, flushing its profile) and chromedriver.
    pub async fn close(mut self) {
        let client = self.client.clone();
        if client.close().await.is_ok() {
            self.session = None;
        }
        self.shutdown();
    }

    async fn fail(&self, message: &str) -> ! {
        let name = format!("failure-{}", unique_suffix());
        let shot = match self.client.screenshot().await {
            Ok(png) => {
                let path = repo_path("target/screenshots").join(format!("{name}.png"));
                let _ = std::fs::create_dir_all(repo_path("target/screenshots"));
                let _ = std::fs::write(&path, png);
                path.display().to_string()
            }
            Err(_) => "none".to_string(),
        };
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        let body: String = self
            .client
            .execute("return document.body ? document.body.innerText : ''", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
            .chars()
            .take(600)
            .collect();
        panic!("{message}\n  at {url}\n  screenshot: {shot}\n  page text: {body:?}");
    }

    fn shutdown(&mut self) {
        // A session still open (panic, or close failed): ask chromedriver to quit
        // Chromium cleanly before the process group is killed.
        if let Some(session) = self.session.take() {
            let _ = http(self.driver.port, "DELETE", &format!("/session/{session}"), None);
        }
        self.driver.kill();
        if let Some(server) = self.server.as_mut() {
            server.stop();
        }
        if !self.keep_profile {
            // Chromium may still be exiting: retry briefly.
            for _ in 0..20 {
                if std::fs::remove_dir_all(&self.profile).is_ok() || !self.profile.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.shutdown();
    }
}
