//! The write benchmark page (bench.html, built by `.ci/bench`): stores N generated
//! contacts in one list through the real store, the way an import does, and writes
//! the timings as JSON into `#bench-result` (tests/bench.rs reads them).
//!
//! URL: `/bench/?db=NAME&n=500000` (the database is deleted first). With
//! `&interactions=M&busy=K` it instead adds M interactions spread over the contacts of
//! an existing database and K more to its first contact (`interactions.rs`). With
//! `&duplicates=1` it finds the duplicates among its contacts (`duplicates.rs`); with
//! `&delete=K` it deletes K of them and undoes it (`delete.rs`).
//!
//! The result says how many contacts were generated (drafts made), valid (drafts
//! that passed validation), stored (added and committed) and reloaded (read back):
//! the benchmark fails unless all four are N, so a draft the validation refuses can
//! no longer vanish silently.

#[cfg(target_arch = "wasm32")]
mod delete;
#[cfg(target_arch = "wasm32")]
mod duplicates;
#[cfg(target_arch = "wasm32")]
mod interactions;

#[cfg(target_arch = "wasm32")]
mod page {
    use contacts_manager::domain::sample::sample_draft;
    use contacts_manager::domain::{ListDraft, Timestamp, Workspace};
    use contacts_manager::store::Store;

    /// Contacts per `add_contacts` + commit: 50 pages of 512, one transaction each
    /// (the batch size TOOLCHAIN.md measured as fast).
    const CHUNK: usize = 50 * 512;

    /// The generator's seed (tests/bench.rs builds the same contacts from it).
    const SEED: u64 = 42;

    struct Figures {
        n: usize,
        /// Drafts made by the generator.
        generated: usize,
        /// Of those, the drafts that passed validation.
        valid: usize,
        /// The first draft refused, and why (none when every draft is valid).
        first_invalid: Option<String>,
        /// Contacts added to the workspace and committed.
        stored: usize,
        generate_ms: f64,
        add_ms: f64,
        commit_ms: f64,
        write_ms: f64,
        transactions: usize,
        reload_ms: f64,
        reloaded: usize,
    }

    pub fn start() {
        console_error_panic_hook::set_once();
        wasm_bindgen_futures::spawn_local(async {
            let db = param("db").unwrap_or_else(|| "contacts-bench".to_string());
            if let Some(m) = param("interactions").and_then(|v| v.parse().ok()) {
                let busy = param("busy").and_then(|v| v.parse().ok()).unwrap_or(0);
                let json = super::interactions::run(&db, m, busy).await;
                return finish(&json);
            }
            if param("duplicates").is_some() {
                return finish(&super::duplicates::run(&db).await);
            }
            if let Some(n) = param("delete").and_then(|v| v.parse().ok()) {
                return finish(&super::delete::run(&db, n).await);
            }
            let json = match run().await {
                Ok(f) => format!(
                    "{{\"n\":{},\"seed\":{},\"generated\":{},\"valid\":{},\"first_invalid\":{},\"stored\":{},\"generate_ms\":{:.1},\"add_ms\":{:.1},\"commit_ms\":{:.1},\"write_ms\":{:.1},\"transactions\":{},\"reload_ms\":{:.1},\"reloaded\":{}}}",
                    f.n,
                    SEED,
                    f.generated,
                    f.valid,
                    f.first_invalid.map_or_else(|| "null".to_owned(), |e| format!("{e:?}")),
                    f.stored,
                    f.generate_ms,
                    f.add_ms,
                    f.commit_ms,
                    f.write_ms,
                    f.transactions,
                    f.reload_ms,
                    f.reloaded
                ),
                Err(e) => format!("{{\"error\":{:?}}}", e),
            };
            finish(&json);
        });
    }

    /// Shows the result and marks it done (tests/bench.rs polls for that).
    fn finish(json: &str) {
        show("bench-result", json);
        if let Some(el) = element("bench-result") {
            let _ = el.set_attribute("data-done", "1");
        }
    }

    async fn run() -> Result<Figures, String> {
        let db = param("db").unwrap_or_else(|| "contacts-bench".to_string());
        let n = param("n").and_then(|v| v.parse().ok()).unwrap_or(500_000usize);
        let now = Timestamp::from_millis(js_sys::Date::now() as i64);

        status(&format!("deleting database {db}"));
        Store::delete_database(&db).await.map_err(|e| e.to_string())?;
        let store = Store::open(&db).await.map_err(|e| e.to_string())?;
        let mut ws = Workspace::new();
        let draft = ListDraft { name: "Benchmark".into(), description: format!("{n} generated contacts"), ..ListDraft::default() };
        let (list, change) = ws.create_list(&draft, now).map_err(|e| e.to_string())?;
        store.commit(&ws, &change).await.map_err(|e| e.to_string())?;

        status(&format!("generating {n} contacts"));
        // As `sample::generate_contacts`, but counting the drafts refused instead of
        // dropping them unseen.
        let t = now_ms();
        let (mut data, mut generated, mut first_invalid) = (Vec::with_capacity(n), 0usize, None);
        for i in 0..n {
            generated += 1;
            match sample_draft(SEED, i, list).validate() {
                Ok((_, contact)) => data.push(contact),
                Err(e) => {
                    if first_invalid.is_none() {
                        first_invalid = Some(format!("draft {i}: {e}"));
                    }
                }
            }
        }
        let generate_ms = now_ms() - t;
        let valid = data.len();

        // Timed: domain append + IndexedDB commit, chunk by chunk, as an import does.
        let (mut add_ms, mut commit_ms, mut transactions, mut stored) = (0.0, 0.0, 0, 0);
        let start = now_ms();
        let mut rows = data.into_iter();
        loop {
            let chunk: Vec<_> = rows.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let t0 = now_ms();
            let (ids, change) = ws.add_contacts(list, chunk, now).map_err(|e| e.to_string())?;
            let t1 = now_ms();
            store.commit(&ws, &change).await.map_err(|e| e.to_string())?;
            stored += ids.len();
            add_ms += t1 - t0;
            commit_ms += now_ms() - t1;
            transactions += 1;
        }
        let write_ms = now_ms() - start;

        // A warm re-read in this page, as a check that everything landed.
        status("reloading");
        drop(ws);
        let t = now_ms();
        let reloaded = store.load().await.map_err(|e| e.to_string())?;
        let reload_ms = now_ms() - t;
        let reloaded = reloaded.total_contacts();
        store.close();
        status("done");
        Ok(Figures { n, generated, valid, first_invalid, stored, generate_ms, add_ms, commit_ms, write_ms, transactions, reload_ms, reloaded })
    }

    pub(crate) fn now_ms() -> f64 {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
    }

    /// A query parameter of the page URL (values here are plain: no decoding needed).
    pub(crate) fn param(name: &str) -> Option<String> {
        let search = web_sys::window()?.location().search().ok()?;
        search
            .trim_start_matches('?')
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    fn element(id: &str) -> Option<web_sys::Element> {
        web_sys::window()?.document()?.get_element_by_id(id)
    }

    fn show(id: &str, text: &str) {
        if let Some(el) = element(id) {
            el.set_text_content(Some(text));
        }
    }

    pub(crate) fn status(text: &str) {
        show("bench-status", text);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    page::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The benchmark runs in the browser: bash .ci/bench (see README.md).");
}
