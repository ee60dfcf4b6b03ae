//! A workspace like the e2e test's: a list "Clienti" with Italy as its default
//! country, five contacts (two sharing a landline), an agent and dispositions.

use crate::domain::contact::PhoneDraft;
use crate::domain::import::call_log::{CallLogPlan, CallLogRun, CallLogSummary, ReadyCall};
use crate::domain::import::sniff;
use crate::domain::import::call_log::propose_call_columns;
use crate::domain::import::preview;
use crate::domain::{AgentDraft, Channel, ContactDraft, ContactField, ContactId, Country, Direction, ListDraft, ListId, Role, Timestamp, Workspace};

pub const T0: Timestamp = Timestamp::from_millis(1_700_000_000_000);

pub struct World {
    pub ws: Workspace,
    pub list: ListId,
    pub ada: ContactId,
    pub bruno: ContactId,
    pub carla: ContactId,
    pub dario: ContactId,
    pub elena: ContactId,
}

pub fn list(ws: &mut Workspace, name: &str, country: &str) -> ListId {
    let draft = ListDraft { name: name.into(), country: Country::from_code(country), ..ListDraft::default() };
    ws.create_list(&draft, T0).map(|(id, _)| id).unwrap_or_else(|e| panic!("list {name}: {e}"))
}

pub fn person(ws: &mut Workspace, list: ListId, first: &str, values: &[(ContactField, &str)], more: &[&str]) -> ContactId {
    let mut draft = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
    draft.set(ContactField::FirstName, first);
    for (field, value) in values {
        draft.set(*field, *value);
    }
    draft.additional_phones = more.iter().map(|n| PhoneDraft { label: "Work".into(), number: (*n).into() }).collect();
    ws.create_contact(&draft, T0).map(|(id, _)| id).unwrap_or_else(|e| panic!("contact {first}: {e}"))
}

pub fn world() -> World {
    use ContactField as F;
    let mut ws = Workspace::new();
    let list = list(&mut ws, "Clienti", "IT");
    let ada = person(&mut ws, list, "Ada", &[(F::Phone, "+39 333 123 4567"), (F::Email, "Ada@Example.com")], &[]);
    let bruno = person(&mut ws, list, "Bruno", &[(F::Mobile, "347 765 4321")], &[]);
    let carla = person(&mut ws, list, "Carla", &[(F::Phone, "+39 06 1234 5678")], &[]);
    let dario = person(&mut ws, list, "Dario", &[(F::Phone, "06 1234 5678")], &[]);
    let elena = person(&mut ws, list, "Elena", &[(F::Email, "elena@example.it")], &["+49 151 23456789"]);
    let agent = AgentDraft { name: "Marta Rossi".into(), username: "marta".into(), role: Role::Agent };
    ws.create_agent(&agent).unwrap_or_else(|e| panic!("agent: {e}"));
    ws.create_disposition(list, "Interessato", None).unwrap_or_else(|e| panic!("disposition: {e}"));
    let (sale, _) = ws.create_disposition(list, "Vendita", None).unwrap_or_else(|e| panic!("disposition: {e}"));
    ws.create_disposition(list, "Upsell", Some(sale)).unwrap_or_else(|e| panic!("disposition: {e}"));
    World { ws, list, ada, bruno, carla, dario, elena }
}

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/call_logs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The plan the wizard proposes for `bytes` (sniffed format, proposed columns).
pub fn proposed_plan(bytes: &[u8], direction: Direction) -> CallLogPlan {
    let format = sniff(bytes).unwrap_or_else(|e| panic!("sniff: {e}"));
    let headers = preview(bytes, &format, 1).headers;
    CallLogPlan { format, columns: propose_call_columns(&headers), direction, channel: Channel::Voice }
}

/// Runs the whole file in chunks of `chunk` bytes, at UTC+1.
pub fn run_file(ws: &Workspace, plan: CallLogPlan, bytes: &[u8], chunk: usize) -> (CallLogRun, Vec<ReadyCall>) {
    let mut run = CallLogRun::new(plan, ws, bytes.len() as u64, Box::new(|_| 60)).unwrap_or_else(|e| panic!("plan: {e}"));
    let mut ready = Vec::new();
    for piece in bytes.chunks(chunk.max(1)) {
        run.feed(piece);
        ready.extend(run.take_ready());
    }
    run.finish().unwrap_or_else(|e| panic!("finish: {e}"));
    ready.extend(run.take_ready());
    (run, ready)
}

/// Every count adds up to the rows read.
pub fn assert_adds_up(s: &CallLogSummary) {
    assert_eq!(s.rows_read, s.logged + s.unmatched + s.ambiguous + s.invalid + s.not_saved, "{s:?}");
}
