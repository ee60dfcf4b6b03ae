//! Finds duplicates over every contact of a benchmark database the way a page runs the
//! finder: slices of `SLICE_ITEMS`, each in a task of its own (a zero timeout between
//! them, as the export runner yields), every slice timed. Returns the figures as JSON.
//!
//! Before it runs, `PLANTED` copies of stored contacts are added to the workspace in
//! memory only (never committed, so the stored data of the other steps is unchanged):
//! half share the email in upper case, half the phone written "0039 …" instead of
//! "+39 …", each with its other fields changed. Every planted copy must land in its
//! original's group.

use std::collections::HashMap;

use contacts_manager::domain::duplicates::{DuplicateFinder, NotDuplicates, Phase, SLICE_ITEMS};
use contacts_manager::domain::{Contact, ContactDraft, ContactField, ContactId, Timestamp, Workspace};
use contacts_manager::store::Store;
use gloo_timers::future::TimeoutFuture;

use super::page::{now_ms, status};

/// Copies of stored contacts planted before the search.
const PLANTED: usize = 1_000;

pub async fn run(db: &str) -> String {
    match find(db).await {
        Ok(json) => json,
        Err(e) => format!("{{\"error\":{e:?}}}"),
    }
}

async fn find(db: &str) -> Result<String, String> {
    status("loading the workspace");
    let store = Store::open(db).await.map_err(|e| e.to_string())?;
    let t = now_ms();
    let mut ws: Workspace = store.load().await.map_err(|e| e.to_string())?;
    let load_ms = now_ms() - t;
    store.close();
    let stored = ws.total_contacts();
    let pairs = plant(&mut ws)?;

    status("finding duplicates");
    let ids: Vec<ContactId> = ws.contacts().map(|c| c.id).collect();
    let contacts = ids.len();
    let mut finder = DuplicateFinder::new(ids, NotDuplicates::default());
    let (mut slices, mut longest, mut longest_phase, mut work_ms) = (0usize, 0.0f64, Phase::Reading, 0.0);
    let mut by_phase: Vec<(Phase, f64)> = Vec::new();
    // The first slice in a task of its own, as a click would start it.
    TimeoutFuture::new(0).await;
    let start = now_ms();
    loop {
        let phase = finder.progress().phase;
        let t = now_ms();
        let progress = finder.step(|id| ws.contact(id), SLICE_ITEMS);
        let took = now_ms() - t;
        slices += 1;
        work_ms += took;
        if took > longest {
            (longest, longest_phase) = (took, phase);
        }
        match by_phase.last_mut() {
            Some((p, ms)) if *p == phase => *ms += took,
            _ => by_phase.push((phase, took)),
        }
        if progress.is_finished() {
            break;
        }
        TimeoutFuture::new(0).await;
    }
    // Grouping is the app's work too (the page shows the groups): inside the window.
    let groups = finder.groups();
    let end = now_ms();
    let group_of: HashMap<ContactId, usize> = groups.iter().enumerate().flat_map(|(g, group)| group.members.iter().map(move |m| (*m, g))).collect();
    let planted_found = pairs.iter().filter(|(a, b)| group_of.get(a).is_some_and(|g| group_of.get(b) == Some(g))).count();
    let grouped: usize = groups.iter().map(|g| g.members.len()).sum();
    let phases: Vec<String> = by_phase.iter().map(|(p, ms)| format!("\"{p:?}\":{ms:.1}")).collect();
    status("done");
    // Freeing 500k contacts is no step of the app (its workspace lives on): in a task
    // of its own, after the window, not inside the last slice's.
    TimeoutFuture::new(0).await;
    drop(ws);
    Ok(format!(
        "{{\"stored\":{stored},\"contacts\":{contacts},\"planted\":{},\"planted_found\":{planted_found},\"slice_items\":{SLICE_ITEMS},\"slices\":{slices},\
         \"total_ms\":{:.1},\"work_ms\":{work_ms:.1},\"longest_slice_ms\":{longest:.1},\"longest_slice_phase\":\"{longest_phase:?}\",\"by_phase_ms\":{{{}}},\
         \"groups\":{},\"grouped_contacts\":{grouped},\"load_ms\":{load_ms:.1},\"window\":[{start:.1},{end:.1}]}}",
        pairs.len(),
        end - start,
        phases.join(","),
        groups.len()
    ))
}

/// Adds `PLANTED` copies of stored contacts, spread over them, to the workspace (not
/// stored); returns each (original, copy).
fn plant(ws: &mut Workspace) -> Result<Vec<(ContactId, ContactId)>, String> {
    let every = (ws.total_contacts() / PLANTED).max(1);
    let originals: Vec<&Contact> = ws.contacts().step_by(every).take(PLANTED).collect();
    let Some(list) = originals.first().map(|c| c.list_id) else { return Ok(Vec::new()) };
    let mut copies = Vec::with_capacity(originals.len());
    for (i, original) in originals.iter().enumerate() {
        let (_, data) = planted_copy(original, i).validate().map_err(|e| format!("planted copy {i}: {e}"))?;
        copies.push(data);
    }
    let ids: Vec<ContactId> = originals.iter().map(|c| c.id).collect();
    let (added, _) = ws.add_contacts(list, copies, Timestamp::from_millis(0)).map_err(|e| e.to_string())?;
    Ok(ids.into_iter().zip(added).collect())
}

/// The `i`-th planted copy of `original`: even ones share only the email (in upper
/// case), odd ones only the phone (in its "0039" form); names and city differ.
fn planted_copy(original: &Contact, i: usize) -> ContactDraft {
    let mut d = ContactDraft::from_contact(original);
    d.additional_phones.clear();
    d.values.remove(&ContactField::Mobile);
    d.set(ContactField::FirstName, format!("Planted{i}"));
    d.set(ContactField::City, "Elsewhere");
    if i.is_multiple_of(2) {
        d.values.remove(&ContactField::Phone);
        let email = d.value(ContactField::Email).to_uppercase();
        d.set(ContactField::Email, email);
    } else {
        // "+39 320 1234567" -> "0039 3201234567".
        let digits: String = d.value(ContactField::Phone).chars().filter(char::is_ascii_digit).collect();
        d.set(ContactField::Phone, format!("00{} {}", &digits[..2.min(digits.len())], digits.get(2..).unwrap_or("")));
        d.set(ContactField::Email, format!("planted{i}@elsewhere.example"));
    }
    d
}
