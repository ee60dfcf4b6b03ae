//! The Agents page and the agent picker of a list (two panes: available, assigned).

use std::time::{Duration, Instant};

use super::app::navigate;
use super::Browser;

/// Agents page -> New agent -> name, username -> Save; waits for the agent's row.
pub async fn create_agent(b: &Browser, name: &str, username: &str) {
    navigate(b, "#/agents").await;
    b.click("#new-agent").await;
    b.fill("#agent-name", name).await;
    b.fill("#agent-username", username).await;
    b.click("#save-agent").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#agents-table", name).await;
}

/// Lists page -> "Add agents" of the list named `list`: the picker opens.
pub async fn open_agent_picker(b: &Browser, list: &str) {
    navigate(b, "#/lists").await;
    b.click(&format!("button[aria-label='Add agents to list {list}']")).await;
}

/// Closes the agent picker and waits for it to go.
pub async fn close_agent_picker(b: &Browser) {
    b.click("#close-picker").await;
    b.wait_gone(".overlay").await;
}

/// The names in one pane ("available" or "assigned") of the agent picker.
pub async fn pane(b: &Browser, side: &str) -> Vec<String> {
    b.texts(&format!("#{side}-list .pane-name")).await
}

/// Waits until one pane of the agent picker shows exactly `want` (an empty pane must
/// be there and say so: `.pane-empty`).
pub async fn wait_pane(b: &Browser, side: &str, want: &[&str]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let list = b.count(&format!("#{side}-list")).await;
        let empty = b.count(&format!("#{side}-pane .pane-empty")).await;
        let have = pane(b, side).await;
        if list == 1 && have == want && (!want.is_empty() || empty == 1) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{side} pane: expected {want:?}, have {have:?} (#{side}-list: {list}, empty notes: {empty})"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
