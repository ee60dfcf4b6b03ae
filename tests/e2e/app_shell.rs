//! End-to-end: the app around its pages, in the built app (dist/) in headless
//! Chromium: one tab at a time, dialogs used from the keyboard, a save the browser
//! refuses, and screenshots of the main screens at desktop and phone widths.

use crate::support;

use serde_json::json;
use support::app::{database_name, navigate, open_fresh_app, press_escape, scrolls_sideways};
use support::contacts::{add_contact, edit_contact_named, wait_rows, NewContact, ROWS};
use support::lists::{create_list, edit_list_named, open_new_list_dialog, NewList};

/// Screenshots of the main screens at desktop and phone widths, for a person to look
/// at (target/screenshots/). Also checks the phone layout does not overflow sideways.
#[tokio::test(flavor = "multi_thread")]
async fn screenshots_desktop_and_phone() {
    let b = open_fresh_app("e2e-shots").await;
    b.wait_for("#no-lists").await;
    b.screenshot("contacts-empty-desktop").await;
    let customers = create_list(&b, NewList::named("Customers").description("People who bought something this year")).await;
    create_list(&b, NewList::named("Newsletter")).await;
    navigate(&b, "#/contacts").await;
    let people = [
        ("Ada", "Lovelace", "+39 333 123 4567", "ada@example.com"),
        ("Grace", "Hopper", "+1 202 555 0143", "grace@example.org"),
        ("Alan", "Turing", "+44 20 7946 0958", "alan@example.co.uk"),
    ];
    for (first, last, phone, email) in people {
        let fields = [("first_name", first), ("last_name", last), ("phone", phone), ("mobile", phone), ("email", email)];
        add_contact(&b, NewContact::with(&fields).in_list(&customers)).await;
    }
    wait_rows(&b, 3).await;

    for (w, h, tag) in [(1280, 800, "desktop"), (390, 844, "phone")] {
        b.set_window_size(w, h).await;
        navigate(&b, "#/lists").await;
        b.wait_for("#lists-table").await;
        b.screenshot(&format!("lists-{tag}")).await;
        edit_list_named(&b, "Customers").await;
        b.wait_for("#list-settings-form").await;
        b.screenshot(&format!("list-editor-{tag}")).await;
        navigate(&b, "#/contacts").await;
        wait_rows(&b, 3).await;
        b.screenshot(&format!("contacts-{tag}")).await;
        assert!(!scrolls_sideways(&b).await, "the page scrolls sideways at {w}px");
        b.click("#add-contact").await;
        b.wait_for("#field-first_name").await;
        b.click("#save-contact").await;
        b.wait_for("#error-first_name").await;
        b.screenshot(&format!("add-contact-{tag}")).await;
        press_escape(&b).await;
        b.wait_gone(".overlay").await;
        edit_contact_named(&b, "Lovelace").await;
        b.screenshot(&format!("edit-contact-{tag}")).await;
        // The lower part: social info and an additional phone with an error.
        b.click("#add-phone").await;
        b.fill("#field-additional_phone-0-label", "Office").await;
        b.fill("#field-additional_phone-0-number", "123").await;
        b.click("#save-contact").await;
        b.wait_for("#error-additional_phone-0").await;
        b.exec("document.querySelector('#add-phone').scrollIntoView({block: 'end'})").await;
        b.screenshot(&format!("edit-contact-lower-{tag}")).await;
        // Leaving it asks (the phone row was added): Discard.
        navigate(&b, "#/contacts").await;
        b.wait_for("#unsaved-question").await;
        b.screenshot(&format!("unsaved-question-{tag}")).await;
        let cut = b
            .exec(
                "return ['#unsaved-keep', '#unsaved-discard', '#unsaved-save'].filter(id => {
                   const r = document.querySelector(id).getBoundingClientRect();
                   return r.left < 0 || r.right > window.innerWidth || r.top < 0 || r.bottom > window.innerHeight;
                 })",
            )
            .await;
        assert_eq!(cut, json!([]), "answers outside the window at {w}px");
        b.click("#unsaved-discard").await;
        wait_rows(&b, 3).await;
    }
    b.close().await;
}

/// One tab at a time: a second tab on the same workspace says so and offers "Use here";
/// taking over makes the first tab step back with the same offer.
#[tokio::test(flavor = "multi_thread")]
async fn second_tab_takes_over_with_use_here() {
    let b = open_fresh_app("e2e-tabs").await;
    let db = database_name(&b).await;
    create_list(&b, NewList::named("Shared")).await;
    let first = b.client.window().await.expect("first tab");

    let second = b.client.new_window(true).await.expect("open a second tab").handle;
    b.client.switch_to_window(second.clone()).await.expect("switch to the second tab");
    b.client.goto(&b.url(&format!("/?db={db}#/lists"))).await.expect("open the app again");
    b.wait_for_text("#open-elsewhere", "open in another tab").await;
    b.click("#use-here").await;
    b.wait_for("#app-ready").await;
    b.wait_for_text("#lists-table", "Shared").await;

    b.client.switch_to_window(first).await.expect("back to the first tab");
    b.wait_for_text("#open-elsewhere", "now open in another tab").await;
    b.screenshot("open-elsewhere-desktop").await;
    b.close().await;
}

/// A tab that holds the workspace and never answers (frozen, or stuck in a long task)
/// cannot keep it: "Use here" takes it after a few seconds, with nothing lost, and the
/// holder is told. The holder is played by a page of the same origin that takes the
/// app's lock (named as `store::lock` names it) and ignores the hand-over request: a
/// real frozen tab cannot be made here without freezing the other tab too (same-site
/// tabs share one thread).
#[tokio::test(flavor = "multi_thread")]
async fn a_tab_that_never_answers_loses_the_workspace_to_use_here() {
    let b = open_fresh_app("e2e-stuck-tab").await;
    let db = database_name(&b).await;
    create_list(&b, NewList::named("Before the freeze")).await;
    // The app leaves this tab, and a page that never answers takes its lock.
    b.client.goto(&b.url("/not-the-app")).await.expect("leave the app");
    let held = b
        .exec_async(&format!(
            "navigator.locks.request('contacts-manager-lock:{db}', () => {{ done('held'); return new Promise(() => {{}}); }})
               .catch(e => {{ window.lostWith = e.name; }});"
        ))
        .await;
    assert_eq!(held, json!("held"));
    let holder = b.client.window().await.expect("the holder's tab");
    let second = b.client.new_window(true).await.expect("open a second tab").handle;
    b.client.switch_to_window(second).await.expect("switch to the second tab");
    b.client.goto(&b.url(&format!("/?db={db}#/lists"))).await.expect("open the app again");
    b.wait_for_text("#open-elsewhere", "open in another tab").await;
    let asked = std::time::Instant::now();
    b.click("#use-here").await;
    b.wait_for("#app-ready").await;
    let took = asked.elapsed().as_secs_f64();
    println!("the silent holder's workspace was taken after {took:.1} s");
    assert!(took > 2.0, "the holder never lets go ({took:.1} s): the take-over was not what happened");
    b.wait_for_text("#lists-table", "Before the freeze").await;

    b.client.switch_to_window(holder).await.expect("back to the holder");
    let lost = b.exec("return window.lostWith || null").await;
    assert_eq!(lost, json!("AbortError"), "the holder's lock was taken from it");
    b.close().await;
}

/// Dialogs are keyboard-usable: focus moves in, Tab stays in, Esc closes and gives
/// focus back to the button that opened it.
#[tokio::test(flavor = "multi_thread")]
async fn dialogs_trap_focus_and_close_on_escape() {
    let b = open_fresh_app("e2e-dialog").await;
    open_new_list_dialog(&b).await;
    let focused = b.exec("return document.activeElement.id").await;
    assert_eq!(focused, json!("list-name"), "focus starts in the first field");

    // Tab (a real key press) from the last button wraps to the first focusable element
    // of the dialog: the header's Close button (it has no id: named by its label).
    let focusable = "const dialog = document.querySelector('.dialog');
         const all = [...dialog.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex=\"-1\"])')]
           .map(el => el.id || el.getAttribute('aria-label') || el.textContent.trim());
         return [all[0], all[all.length - 1]];";
    assert_eq!(b.exec(focusable).await, json!(["Close", "add-list"]), "the dialog's first and last focusable elements");
    let last = b.wait_for("#add-list").await;
    last.send_keys("\u{E004}").await.expect("press Tab on Add List");
    let focused = "const a = document.activeElement;
         return [a.closest('.dialog') !== null, a.id || a.getAttribute('aria-label') || a.tagName];";
    assert_eq!(b.exec(focused).await, json!([true, "Close"]), "Tab from the last button wraps to the dialog's first element");
    // Shift+Tab from there wraps back to the last one, by its id.
    let first = b.wait_for(".dialog .dialog-head button[aria-label='Close']").await;
    first.send_keys("\u{E008}\u{E004}\u{E008}").await.expect("press Shift+Tab on Close");
    assert_eq!(b.exec("return document.activeElement.id").await, json!("add-list"), "Shift+Tab wraps to the last element");

    press_escape(&b).await;
    b.wait_gone(".overlay").await;
    let back = b.exec("return document.activeElement.id").await;
    assert_eq!(back, json!("new-list"), "focus returns to the opener");
    b.close().await;
}

/// A save the browser refuses (storage full) is told in words, and the table shows
/// what IndexedDB holds: nothing half-saved.
#[tokio::test(flavor = "multi_thread")]
async fn a_refused_save_is_reported_and_nothing_shows() {
    let b = open_fresh_app("e2e-quota").await;
    create_list(&b, NewList::named("Full")).await;
    navigate(&b, "#/contacts").await;
    add_contact(&b, NewContact::with(&[("first_name", "Kept")])).await;
    wait_rows(&b, 1).await;

    // Make IndexedDB refuse writes the way a full disk does (CDP's quota override
    // does not reach IndexedDB here): every put throws QuotaExceededError.
    b.exec(
        "window.__realPut = IDBObjectStore.prototype.put;
         IDBObjectStore.prototype.put = function () { throw new DOMException('simulated full disk', 'QuotaExceededError'); };",
    )
    .await;
    b.click("#add-contact").await;
    b.fill("#field-first_name", "Refused").await;
    b.click("#save-contact").await;
    let notice = b.wait_for_text("#notice.notice-error", "Saving failed").await;
    assert!(notice.to_lowercase().contains("full") || notice.contains("nothing was changed"), "notice: {notice}");
    b.screenshot("save-refused-desktop").await;
    wait_rows(&b, 1).await;
    assert!(!b.text(ROWS).await.contains("Refused"));

    b.exec("IDBObjectStore.prototype.put = window.__realPut;").await;
    press_escape(&b).await;
    b.reload().await;
    wait_rows(&b, 1).await;
    assert!(b.text(ROWS).await.contains("Kept"));
    b.close().await;
}
