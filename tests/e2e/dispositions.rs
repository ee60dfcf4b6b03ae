//! End-to-end: a list's dispositions, three levels deep, in the built app (dist/) in
//! headless Chromium: added, refused twice under one parent, renamed, a branch
//! deleted, each step surviving a reload.

use crate::support;

use serde_json::json;
use support::app::{confirm, discard_changes, open_fresh_app, press_escape};
use support::lists::{add_disposition, create_list, open_list_editor, open_list_tab, ListTab, NewList};

#[tokio::test(flavor = "multi_thread")]
async fn dispositions_nest_three_levels_and_survive_reload() {
    let b = open_fresh_app("e2e-dispositions").await;
    let list = create_list(&b, NewList::named("Outbound")).await;
    open_list_editor(&b, &list, ListTab::Dispositions).await;
    b.wait_for("#no-dispositions").await;
    add_disposition(&b, None, "Sale").await;
    add_disposition(&b, None, "No answer").await;
    add_disposition(&b, Some("Sale"), "Upsell").await;
    add_disposition(&b, Some("Upsell"), "Premium").await;
    // A sibling with the same name is refused in the dialog.
    b.click("#new-disposition").await;
    b.fill("#disposition-name", "sale").await;
    b.click("#save-disposition").await;
    b.wait_for_text("#error-disposition-name", "already exists").await;
    press_escape(&b).await;
    discard_changes(&b).await;
    b.wait_gone(".overlay").await;

    let tree = "return [...document.querySelectorAll('#disposition-tree .disp-row')].map(r => [r.dataset.depth, r.querySelector('.disp-name').textContent, !!r.querySelector('.disp-add')])";
    let want = json!([["1", "No answer", true], ["1", "Sale", true], ["2", "Upsell", true], ["3", "Premium", false]]);
    assert_eq!(b.exec(tree).await, want, "the third level has no add button");

    b.reload().await;
    open_list_tab(&b, ListTab::Dispositions).await;
    b.wait_for_text("#disposition-tree", "Premium").await;
    assert_eq!(b.exec(tree).await, want);

    // Rename, then delete a branch (the warning counts what goes with it).
    b.click("button[aria-label='Rename Premium']").await;
    b.fill("#disposition-name", "Premium plus").await;
    b.click("#save-disposition").await;
    b.wait_for_text("#disposition-tree", "Premium plus").await;
    b.click("button[aria-label='Delete Sale']").await;
    b.wait_for_text(".confirm-text", "Its 2 sub-dispositions go too").await;
    confirm(&b).await;
    b.reload().await;
    open_list_tab(&b, ListTab::Dispositions).await;
    b.wait_for_text("#disposition-tree", "No answer").await;
    assert_eq!(b.exec(tree).await, json!([["1", "No answer", true]]));
    b.close().await;
}
