//! The journey steps of the benchmark (issue 12): add interactions to the benchmark
//! database through the bench page, and time the busy contact's journey: opening it
//! (navigation to the first item painted) and a channel filter change (click to the
//! changed list painted). Each result also says what the page showed, and the
//! caller checks it, so a journey that shows nothing cannot pass as fast.

use serde_json::Value;

use crate::support::Browser;

/// Opens the Edit Contact page of `contact` from inside the app (a hash change, as a
/// click on Edit does) and waits for its first journey item, then for that frame to be
/// painted. Reports `ms` and the items and "shown" text on the page.
pub async fn open_journey(browser: &Browser, contact: u64) -> Value {
    let script = format!(
        "const t0 = performance.now();
         const items = () => document.querySelectorAll('#journey .journey-item');
         let timer = null;
         const finish = (extra) => {{
           observer.disconnect(); clearTimeout(timer);
           const shown = document.querySelector('#journey-shown');
           // Where the time went: the app's marks since the hash change, and when the
           // journal (opened at start-up) was ready, all relative to it.
           const marks = {{}};
           performance.getEntriesByType('mark').filter(m => m.name.startsWith('cm:journ'))
             .forEach(m => {{ marks[m.name] = Math.round(m.startTime - t0); }});
           done(Object.assign({{ marks, items: items().length, shown: shown ? shown.textContent : null,
             counts: [...document.querySelectorAll('input.journey-channel')].map(i => i.closest('label') ? i.closest('label').textContent : '') }}, extra));
         }};
         const check = () => {{
           if (!items().length) return;
           const dom_ms = performance.now() - t0;
           observer.disconnect();
           requestAnimationFrame(() => setTimeout(() => finish({{ ms: performance.now() - t0, dom_ms }}), 0));
         }};
         const observer = new MutationObserver(check);
         observer.observe(document.body, {{ childList: true, subtree: true }});
         timer = setTimeout(() => finish({{ timeout: true }}), 30000);
         location.hash = '#/contacts/{contact}';"
    );
    browser.exec_async(&script).await
}

/// Ticks the channel `key` (with no box ticked every channel shows; ticking one shows
/// only it) and waits until "#journey-shown" changes, then for the frame to be
/// painted. Reports `ms`, the text before and after, and how many rendered items are
/// of another channel (0 expected).
pub async fn filter_change(browser: &Browser, key: &str) -> Value {
    let script = format!(
        "const box = document.querySelector('input.journey-channel[data-channel=\"{key}\"]');
         const shown = document.querySelector('#journey-shown');
         if (!box || !shown) {{ done({{ error: 'no channel box or #journey-shown' }}); return; }}
         const before = shown.textContent;
         let timer = null;
         const observer = new MutationObserver(() => {{
           if (shown.textContent === before) return;
           const dom_ms = performance.now() - t0;
           observer.disconnect(); clearTimeout(timer);
           requestAnimationFrame(() => setTimeout(() => done({{ ms: performance.now() - t0, dom_ms, before, after: shown.textContent,
             others: document.querySelectorAll('#journey .journey-item:not([data-channel=\"{key}\"])').length,
             items: document.querySelectorAll('#journey .journey-item').length }}), 0));
         }});
         observer.observe(document.body, {{ childList: true, subtree: true, characterData: true }});
         timer = setTimeout(() => {{ observer.disconnect(); done({{ unchanged: true, before }}); }}, 5000);
         const t0 = performance.now();
         box.click();"
    );
    browser.exec_async(&script).await
}
