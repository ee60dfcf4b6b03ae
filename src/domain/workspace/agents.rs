//! Agent commands and list assignment ("Add Agents to List": every change is saved at
//! once).

use super::{Workspace, WorkspaceError};
use crate::domain::agent::{Agent, AgentDraft, AgentError, AgentId, Role};
use crate::domain::change::{Change, RecordKey};
use crate::domain::ids::ListId;

impl Workspace {
    /// Agents sorted by name.
    pub fn agents(&self) -> Vec<&Agent> {
        let mut agents: Vec<&Agent> = self.agents.values().collect();
        agents.sort_by_cached_key(|a| (a.name.to_lowercase(), a.id));
        agents
    }

    pub fn agent(&self, id: AgentId) -> Option<&Agent> {
        self.agents.get(&id)
    }

    pub fn create_agent(&mut self, draft: &AgentDraft) -> Result<(AgentId, Change), WorkspaceError> {
        let (name, username) = draft.validate(self.agents.values())?;
        let id = AgentId::new(self.meta.next_agent_id);
        self.meta.next_agent_id = self.meta.next_agent_id.saturating_add(1);
        self.agents.insert(id, Agent { id, name, username, role: draft.role });
        Ok((id, Change { records_put: vec![RecordKey::Agent(id)], meta: true, ..Change::default() }))
    }

    pub fn update_agent(&mut self, id: AgentId, draft: &AgentDraft) -> Result<Change, WorkspaceError> {
        if !self.agents.contains_key(&id) {
            return Err(AgentError::Unknown.into());
        }
        let (name, username) = draft.validate(self.agents.values().filter(|a| a.id != id))?;
        self.agents.insert(id, Agent { id, name, username, role: draft.role });
        Ok(Change { records_put: vec![RecordKey::Agent(id)], ..Change::default() })
    }

    /// Deletes an agent and takes them off every list.
    pub fn delete_agent(&mut self, id: AgentId) -> Result<Change, WorkspaceError> {
        if self.agents.remove(&id).is_none() {
            return Err(AgentError::Unknown.into());
        }
        let mut change = Change::default();
        for list in self.lists.values_mut() {
            if list.agents.contains(&id) {
                list.agents.retain(|a| *a != id);
                change.put_list(list.id);
            }
        }
        change.delete_record(RecordKey::Agent(id));
        Ok(change)
    }

    /// Assigns agents to a list (those already assigned are left as they are).
    pub fn assign_agents(&mut self, list: ListId, agents: &[AgentId]) -> Result<Change, WorkspaceError> {
        self.set_assignment(list, agents, true)
    }

    pub fn unassign_agents(&mut self, list: ListId, agents: &[AgentId]) -> Result<Change, WorkspaceError> {
        self.set_assignment(list, agents, false)
    }

    fn set_assignment(&mut self, list: ListId, agents: &[AgentId], assigned: bool) -> Result<Change, WorkspaceError> {
        if agents.iter().any(|a| !self.agents.contains_key(a)) {
            return Err(AgentError::Unknown.into());
        }
        let l = self.lists.get_mut(&list).ok_or(WorkspaceError::UnknownList(list))?;
        if assigned {
            l.agents.extend_from_slice(agents);
            l.agents.sort();
            l.agents.dedup();
        } else {
            l.agents.retain(|a| !agents.contains(a));
        }
        Ok(Change { lists_put: vec![list], ..Change::default() })
    }

    /// The lists an agent may work.
    pub fn lists_of_agent(&self, agent: AgentId) -> Vec<ListId> {
        self.lists.values().filter(|l| l.agents.contains(&agent)).map(|l| l.id).collect()
    }

    /// The lists the app shows while "Viewing as" `agent`: `None` (every list) for
    /// nobody (the Admin), a deleted agent or an Admin-role agent.
    pub fn visible_lists(&self, viewing_as: Option<AgentId>) -> Option<Vec<ListId>> {
        let agent = viewing_as?;
        let restricted = self.agent(agent).is_some_and(|a| a.role == Role::Agent);
        restricted.then(|| self.lists_of_agent(agent))
    }
}
