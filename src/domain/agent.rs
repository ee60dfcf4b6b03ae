//! Agents: the people who work lists. An agent sees only the lists assigned to them.
//! (Single-user local storage: this is a working view, not a security boundary.)

use serde::{Deserialize, Serialize};

use super::text::{self, Lines};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AgentId(u32);

impl AgentId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Admin,
    Agent,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Admin",
            Role::Agent => "Agent",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agent {
    pub id: AgentId,
    pub name: Box<str>,
    /// Unique, case-insensitive; letters, digits, ".", "_" and "-".
    pub username: Box<str>,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentDraft {
    pub name: String,
    pub username: String,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgentError {
    #[error("an agent needs a name")]
    NameRequired,
    #[error("an agent needs a username")]
    UsernameRequired,
    #[error("a username may only contain letters, digits, \".\", \"_\" and \"-\"")]
    UsernameCharacters,
    #[error("the username \"{0}\" is already taken")]
    UsernameTaken(String),
    #[error("{0} can be at most 100 characters")]
    TooLong(&'static str),
    #[error("that agent no longer exists")]
    Unknown,
}

impl AgentDraft {
    /// Checks the draft against the other agents' usernames.
    pub fn validate<'a>(&self, others: impl IntoIterator<Item = &'a Agent>) -> Result<(Box<str>, Box<str>), AgentError> {
        let (name, username) = (text::cleaned(&self.name, Lines::One), text::cleaned(&self.username, Lines::One));
        let (name, username) = (name.trim(), username.trim());
        if name.is_empty() {
            return Err(AgentError::NameRequired);
        }
        if name.chars().count() > 100 {
            return Err(AgentError::TooLong("the name"));
        }
        if username.is_empty() {
            return Err(AgentError::UsernameRequired);
        }
        if username.chars().count() > 100 {
            return Err(AgentError::TooLong("the username"));
        }
        if !username.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')) {
            return Err(AgentError::UsernameCharacters);
        }
        let folded = username.to_lowercase();
        if others.into_iter().any(|a| a.username.to_lowercase() == folded) {
            return Err(AgentError::UsernameTaken(username.to_owned()));
        }
        Ok((name.into(), username.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_unique_and_plain() {
        let ann = Agent { id: AgentId::new(1), name: "Ann".into(), username: "ann.lee".into(), role: Role::Agent };
        let d = |n: &str, u: &str| AgentDraft { name: n.into(), username: u.into(), role: Role::Agent };
        assert_eq!(d("Ann B", "ANN.LEE").validate([&ann]), Err(AgentError::UsernameTaken("ANN.LEE".into())));
        assert_eq!(d("Ann B", "ann lee").validate([&ann]), Err(AgentError::UsernameCharacters));
        assert_eq!(d("", "x").validate([&ann]), Err(AgentError::NameRequired));
        assert_eq!(d("Bo", " ").validate([&ann]), Err(AgentError::UsernameRequired));
        assert_eq!(d(" Bo ", " bo_1 ").validate([&ann]), Ok(("Bo".into(), "bo_1".into())));
    }
}
