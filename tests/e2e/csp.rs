//! The app runs under its own Content Security Policy (index.html): the policy is in
//! force (a script added to the page inline is refused and reported), and a user's
//! walk through every section (a list, a tagged contact, its journey, an import
//! preview, the Data page) reports no violation and asks nothing of another origin.

use crate::support;

use serde_json::{json, Value};
use support::app::navigate;
use support::contacts::{add_contact, edit_contact_named, open_contacts_of, NewContact};
use support::files::fixture;
use support::import_wizard::{choose_file, open_import_page};
use support::journey::wait_journey;
use support::lists::{create_list, NewList};
use support::tags::create_tag;
use support::Browser;

/// Collects every violation report from the document's start (CDP's scripts run before
/// the page's own and are not subject to its policy).
const COLLECT: &str = "window.__csp = [];
    document.addEventListener('securitypolicyviolation', e =>
      window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));";

async fn violations(b: &Browser) -> Value {
    b.exec("return window.__csp || ['the collector did not run']").await
}

#[tokio::test]
async fn the_app_runs_under_its_policy_with_no_violation_and_no_other_origin() {
    let b = Browser::start().await;
    b.cdp("Page.enable", json!({})).await;
    b.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": COLLECT })).await;
    b.open_app(&support::fresh_db_name("csp")).await;
    let policy = b.exec("const m = document.querySelector('meta[http-equiv=Content-Security-Policy]'); return m ? m.content : null").await;
    let policy = policy.as_str().unwrap_or_default().to_owned();
    for directive in ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "connect-src 'self'"] {
        assert!(policy.contains(directive), "{directive} in {policy:?}");
    }
    assert!(!policy.contains("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'"), "{policy}");
    let inline = b.exec("return document.querySelectorAll('script:not([src])').length").await;
    assert_eq!(inline, json!(0), "the built page has no inline script");

    // A user's walk through the app.
    let list = create_list(&b, NewList::named("Policy").country("IT")).await;
    create_tag(&b, "VIP", Some("#aa0000")).await;
    open_contacts_of(&b, &list).await;
    add_contact(&b, NewContact::with(&[("first_name", "Ada"), ("phone", "333 123 4567")]).in_list(&list)).await;
    edit_contact_named(&b, "Ada").await;
    wait_journey(&b).await;
    open_import_page(&b).await;
    choose_file(&b, &fixture("google-contacts.csv")).await;
    for section in ["#/lists", "#/custom-fields", "#/tags", "#/agents", "#/trash", "#/duplicates", "#/data", "#/contacts"] {
        navigate(&b, section).await;
    }
    b.wait_for("#app-ready").await;
    assert_eq!(violations(&b).await, json!([]), "violations of the policy");
    let elsewhere = b.exec("return performance.getEntriesByType('resource').map(e => e.name).filter(n => new URL(n).origin !== location.origin)").await;
    assert_eq!(elsewhere, json!([]), "requests to another origin");

    // The policy is in force: an inline script is refused, and reported.
    b.exec("const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.head.append(s); return null").await;
    let ran = b.exec("return window.__ran === true").await;
    assert_eq!(ran, json!(false), "an inline script ran despite the policy");
    let reported = b.poll("return window.__csp.length > 0 ? window.__csp : null", std::time::Duration::from_secs(5), "the refused script's report").await;
    assert!(reported[0].as_str().is_some_and(|r| r.starts_with("script-src")), "{reported}");
    b.close().await;
}
