//! Adds interactions to a benchmark database: `m` spread over its contacts (a few
//! each, in storage order, so a commit rewrites few pages) and `busy` more on its
//! first contact, whose journey the benchmark then opens. Logged through the
//! workspace's own bulk command and committed through the real store, as an
//! imported call log is. Returns the figures as JSON.

use chrono::{Days, NaiveDate};
use contacts_manager::domain::journey::local_date;
use contacts_manager::domain::{Channel, ContactId, InteractionDraft, Timestamp, Workspace};
use contacts_manager::store::Store;

use super::page::{now_ms, status};

/// Interactions per `log_interactions` + commit.
const CHUNK: usize = 50_000;

pub async fn run(db: &str, m: usize, busy: usize) -> String {
    match write(db, m, busy).await {
        Ok(json) => json,
        Err(e) => format!("{{\"error\":{e:?}}}"),
    }
}

async fn write(db: &str, m: usize, busy: usize) -> Result<String, String> {
    let store = Store::open(db).await.map_err(|e| e.to_string())?;
    let mut ws: Workspace = store.load().await.map_err(|e| e.to_string())?;
    let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    let first = *ids.first().ok_or("the database has no contacts")?;
    let per_contact = m.div_ceil(ids.len()).max(1);
    // The busy contact's first, then every contact's few, in storage order.
    let targets = std::iter::repeat_n(first, busy).chain(ids.iter().flat_map(|id| std::iter::repeat_n(*id, per_contact)).take(m));
    let (mut logged, mut refused, mut transactions, mut pages) = (0usize, 0usize, 0usize, 0usize);
    let start = now_ms();
    let now = Timestamp::from_millis(js_sys::Date::now() as i64);
    let today = local_date(now, 0);
    let mut rows = targets.enumerate().map(|(i, contact)| (contact, draft(i, today)));
    loop {
        let chunk: Vec<_> = rows.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        status(&format!("logging interactions: {logged} so far"));
        let (done, bad, change) = ws.log_interactions(&chunk, 0);
        store.commit(&ws, &change).await.map_err(|e| e.to_string())?;
        logged += done.len();
        refused += bad.len();
        pages += change.pages_put.len();
        transactions += 1;
    }
    let write_ms = now_ms() - start;
    store.close();
    status("done");
    Ok(format!(
        "{{\"logged\":{logged},\"refused\":{refused},\"busy_contact\":{},\"busy\":{busy},\"transactions\":{transactions},\"pages_rewritten\":{pages},\"write_ms\":{write_ms:.1}}}",
        first.get()
    ))
}

/// The i-th generated interaction: every channel and both directions in turn, spread
/// over the year up to `today` (so about a third fall in the journey's default
/// interval), two in three closed.
fn draft(i: usize, today: NaiveDate) -> InteractionDraft {
    let channel = Channel::ALL[i % Channel::ALL.len()];
    let days_back = ((i / 7) % 12) as u64 * 30 + ((i / 3) % 28) as u64;
    let day = today.checked_sub_days(Days::new(days_back)).unwrap_or(today);
    let minute = i % (24 * 60);
    let started = format!("{day} {:02}:{:02}", minute / 60, minute % 60);
    let ended = if i % 3 == 0 { String::new() } else { format!("{day} 23:59") };
    InteractionDraft {
        channel: channel.key().into(),
        direction: if i % 2 == 0 { "inbound" } else { "outbound" }.into(),
        started,
        ended,
        notes: format!("Generated interaction {i}"),
        metadata: vec![("queue".into(), format!("q{}", i % 5))],
        ..InteractionDraft::default()
    }
}
