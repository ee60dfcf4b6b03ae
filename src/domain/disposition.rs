//! Dispositions: the outcomes an agent picks when closing an interaction, per list, in
//! up to three levels (a disposition, its sub-dispositions, and theirs).

use serde::{Deserialize, Serialize};

use super::text::{self, Lines};

use super::ids::ListId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DispositionId(u32);

impl DispositionId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// How deep dispositions nest: first level plus two below it.
pub const MAX_DISPOSITION_DEPTH: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disposition {
    pub id: DispositionId,
    pub list: ListId,
    pub name: Box<str>,
    pub parent: Option<DispositionId>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DispositionError {
    #[error("a disposition needs a name")]
    NameRequired,
    #[error("a disposition name can be at most 100 characters")]
    NameTooLong,
    #[error("\"{0}\" already exists at this level")]
    NameTaken(String),
    #[error("dispositions nest at most three levels deep")]
    TooDeep,
    #[error("the parent disposition no longer exists")]
    UnknownParent,
    #[error("that disposition no longer exists")]
    Unknown,
}

/// The depth (1 = top level) a child of `parent` would have, within `all` (the list's
/// dispositions).
pub fn depth_under(all: &[&Disposition], parent: Option<DispositionId>) -> Result<usize, DispositionError> {
    let mut depth = 1;
    let mut cursor = parent;
    while let Some(id) = cursor {
        let p = all.iter().find(|d| d.id == id).ok_or(DispositionError::UnknownParent)?;
        depth += 1;
        if depth > MAX_DISPOSITION_DEPTH {
            return Err(DispositionError::TooDeep);
        }
        cursor = p.parent;
    }
    Ok(depth)
}

/// Checks a name for a disposition under `parent` (siblings must differ,
/// case-insensitive); `editing` is the disposition being renamed, if any.
pub fn check_disposition(
    all: &[&Disposition],
    name: &str,
    parent: Option<DispositionId>,
    editing: Option<DispositionId>,
) -> Result<Box<str>, DispositionError> {
    let name = text::cleaned(name, Lines::One);
    let name = name.trim();
    if name.is_empty() {
        return Err(DispositionError::NameRequired);
    }
    if name.chars().count() > 100 {
        return Err(DispositionError::NameTooLong);
    }
    depth_under(all, parent)?;
    let folded = name.to_lowercase();
    if all.iter().any(|d| d.parent == parent && Some(d.id) != editing && d.name.to_lowercase() == folded) {
        return Err(DispositionError::NameTaken(name.to_owned()));
    }
    Ok(name.into())
}

/// `root` and every disposition below it.
pub fn subtree(all: &[&Disposition], root: DispositionId) -> Vec<DispositionId> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let id = out[i];
        out.extend(all.iter().filter(|d| d.parent == Some(id)).map(|d| d.id));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(id: u32, parent: Option<u32>, name: &str) -> Disposition {
        Disposition { id: DispositionId::new(id), list: ListId::new(1), name: name.into(), parent: parent.map(DispositionId::new) }
    }

    #[test]
    fn three_levels_and_unique_siblings() {
        let items = [d(1, None, "Sale"), d(2, Some(1), "Upsell"), d(3, Some(2), "Premium"), d(4, None, "No answer")];
        let all: Vec<&Disposition> = items.iter().collect();
        assert_eq!(depth_under(&all, None), Ok(1));
        assert_eq!(depth_under(&all, Some(DispositionId::new(2))), Ok(3));
        assert_eq!(check_disposition(&all, "Gold", Some(DispositionId::new(3)), None), Err(DispositionError::TooDeep));
        assert_eq!(check_disposition(&all, "sale", None, None), Err(DispositionError::NameTaken("sale".into())));
        assert_eq!(check_disposition(&all, "sale", None, Some(DispositionId::new(1))), Ok("sale".into()));
        assert_eq!(check_disposition(&all, "Sale", Some(DispositionId::new(4)), None), Ok("Sale".into()));
        assert_eq!(check_disposition(&all, "x", Some(DispositionId::new(99)), None), Err(DispositionError::UnknownParent));
        assert_eq!(subtree(&all, DispositionId::new(1)), [1, 2, 3].map(DispositionId::new));
    }
}
