//! Accessibility checks: axe-core (installed by `.ci/setup` into target/npm) run in the
//! page under test, and keyboard helpers that act only through key presses on the
//! focused element, as a keyboard user does.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::Value;

use super::{repo_path, Browser};

/// The impacts that fail a check.
const FAILING: [&str; 2] = ["serious", "critical"];

/// Runs axe-core on the whole page; returns its serious and critical violations, each
/// as "rule (impact): help — first elements".
pub async fn axe_violations(b: &Browser) -> Vec<String> {
    let loaded = b.exec("return typeof window.axe === 'object'").await;
    if loaded != Value::Bool(true) {
        let path = repo_path("target/npm/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (bash .ci/setup installs axe-core)", path.display()));
        // WebDriver's scripts run outside the page's content security policy.
        b.exec(&format!("{source}\nreturn typeof window.axe;")).await;
    }
    let script = format!(
        "axe.run(document, {{ resultTypes: ['violations'] }}).then(r => done(r.violations
           .filter(v => {FAILING:?}.includes(v.impact))
           .map(v => `${{v.id}} (${{v.impact}}): ${{v.help}} — ${{v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}}`)),
           e => done(['axe failed: ' + e]));"
    );
    let v = b.exec_async(&script).await;
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("axe's result: {e}: {v}"))
}

/// Presses `keys` (WebDriver key codes: "\u{E004}" Tab, "\u{E007}" Enter, ...) one
/// after the other, as real key presses (WebDriver actions): they go to whatever has the
/// focus, as a keyboard's do.
pub async fn press(b: &Browser, keys: &str) {
    let mut actions = KeyActions::new("keyboard".into());
    for key in keys.chars() {
        actions = actions.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    }
    b.client.perform_actions(actions).await.unwrap_or_else(|e| panic!("press {keys:?}: {e}"));
}

pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const SPACE: &str = "\u{E00D}";
pub const ESCAPE: &str = "\u{E00C}";

/// A description of the focused element: its id, else its tag and text.
pub async fn focused(b: &Browser) -> String {
    let v = b
        .exec("const el = document.activeElement; return el ? (el.id ? '#' + el.id : el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') || el.textContent.trim()).slice(0, 60)) : ''")
        .await;
    v.as_str().unwrap_or_default().to_string()
}

/// Presses Tab until the focused element matches `css` (at most `limit` presses);
/// fails naming what was focused on the way.
pub async fn tab_to(b: &Browser, css: &str, limit: usize) {
    let mut seen = Vec::new();
    for _ in 0..limit {
        let matches = b.exec(&format!("return !!document.activeElement && document.activeElement.matches({css:?})")).await;
        if matches == Value::Bool(true) {
            return;
        }
        press(b, TAB).await;
        seen.push(focused(b).await);
    }
    panic!("{limit} Tabs did not reach `{css}`; focus went through {seen:?}");
}
