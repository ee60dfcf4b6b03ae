//! Agents and dispositions by name, case-insensitive, read once per run. An agent is
//! named by its name or username; a disposition by its name or its path among the
//! contact's list's dispositions ("Sale / Upsell", or "Sale > Upsell" as the journey
//! export writes it). A name that fits two is not guessed: the row is logged without
//! it and says why.

use std::collections::HashMap;

use crate::domain::agent::AgentId;
use crate::domain::disposition::DispositionId;
use crate::domain::ids::ListId;
use crate::domain::workspace::Workspace;
use crate::domain::text::quoted;

/// A name's meaning: one thing, or more than one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Named<T> {
    One(T),
    Several,
}

fn insert<T: PartialEq + Copy>(map: &mut HashMap<String, Named<T>>, key: String, value: T) {
    map.entry(key)
        .and_modify(|named| {
            if *named != Named::One(value) {
                *named = Named::Several;
            }
        })
        .or_insert(Named::One(value));
}

fn look_up<T: Copy>(map: Option<&HashMap<String, Named<T>>>, key: &str, what: &str, raw: &str) -> Result<T, String> {
    match map.and_then(|m| m.get(key)) {
        Some(Named::One(value)) => Ok(*value),
        Some(Named::Several) => Err(format!("more than one {what} is called {}: logged without one", quoted(raw))),
        None => Err(format!("no {what} is called {}: logged without one", quoted(raw))),
    }
}

/// The names a run resolves, and what an interaction may refer to.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct NameBook {
    agents: HashMap<String, Named<AgentId>>,
    agent_ids: Vec<AgentId>,
    /// Per list: paths and names → dispositions.
    dispositions: HashMap<ListId, HashMap<String, Named<DispositionId>>>,
    disposition_ids: HashMap<ListId, Vec<DispositionId>>,
}

impl NameBook {
    pub fn build(ws: &Workspace) -> Self {
        let mut book = Self::default();
        for agent in ws.agents() {
            book.agent_ids.push(agent.id);
            insert(&mut book.agents, agent.name.trim().to_lowercase(), agent.id);
            insert(&mut book.agents, agent.username.trim().to_lowercase(), agent.id);
        }
        for list in ws.lists() {
            let mut names = HashMap::new();
            let mut path: Vec<String> = Vec::new();
            let tree = ws.dispositions(list.id);
            for (depth, disposition) in &tree {
                path.truncate(depth.saturating_sub(1));
                let name = disposition.name.trim().to_lowercase();
                path.push(name.clone());
                insert(&mut names, name, disposition.id);
                if path.len() > 1 {
                    insert(&mut names, path.join("/"), disposition.id);
                }
            }
            book.disposition_ids.insert(list.id, tree.iter().map(|(_, d)| d.id).collect());
            book.dispositions.insert(list.id, names);
        }
        book
    }

    /// The agent a cell names.
    pub fn agent(&self, cell: &str) -> Result<AgentId, String> {
        look_up(Some(&self.agents), &cell.trim().to_lowercase(), "agent", cell.trim())
    }

    /// The disposition of `list` a cell names.
    pub fn disposition(&self, list: ListId, cell: &str) -> Result<DispositionId, String> {
        let key: Vec<String> = cell.split(['/', '>']).map(|part| part.trim().to_lowercase()).collect();
        look_up(self.dispositions.get(&list), &key.join("/"), "disposition of the contact's list", cell.trim())
    }

    pub fn agent_ids(&self) -> &[AgentId] {
        &self.agent_ids
    }

    pub fn disposition_ids(&self, list: ListId) -> &[DispositionId] {
        self.disposition_ids.get(&list).map_or(&[], Vec::as_slice)
    }
}
