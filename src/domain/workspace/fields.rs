//! Custom field commands: list fields (hard delete) and global fields (soft delete,
//! restore, permanent delete that erases their values everywhere).

use std::collections::HashSet;

use super::{Workspace, WorkspaceError};
use crate::domain::change::{Change, RecordKey};
use crate::domain::custom_field::{CustomField, FieldId, FieldScope};
use crate::domain::field_draft::{FieldDraft, FieldError};
use crate::domain::ids::{ListId, Timestamp};

/// Which global fields the Global custom fields table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GlobalFilter {
    #[default]
    All,
    Available,
    Deleted,
}

impl Workspace {
    pub fn field(&self, id: FieldId) -> Option<&CustomField> {
        self.fields.get(&id)
    }

    /// The fields a contact of `list` has, in form order: available global fields,
    /// then the list's own, each in creation order.
    pub fn fields_for(&self, list: ListId) -> Vec<&CustomField> {
        let globals = self.fields.values().filter(|f| f.scope == FieldScope::Global && f.is_available());
        let own = self.fields.values().filter(move |f| f.scope == FieldScope::List(list));
        globals.chain(own).collect()
    }

    pub fn list_fields(&self, list: ListId) -> Vec<&CustomField> {
        self.fields.values().filter(|f| f.scope == FieldScope::List(list)).collect()
    }

    pub fn global_fields(&self, filter: GlobalFilter) -> Vec<&CustomField> {
        self.fields
            .values()
            .filter(|f| f.scope == FieldScope::Global)
            .filter(|f| match filter {
                GlobalFilter::All => true,
                GlobalFilter::Available => f.is_available(),
                GlobalFilter::Deleted => !f.is_available(),
            })
            .collect()
    }

    /// How many contacts hold a value for the field (for delete warnings).
    pub fn field_value_count(&self, id: FieldId) -> usize {
        self.contacts().filter(|c| c.data.custom_value(id).is_some()).count()
    }

    /// Fields whose alias a field in `scope` must not repeat (a list field shows next
    /// to the global ones).
    fn alias_siblings(&self, scope: FieldScope, editing: Option<FieldId>) -> Vec<&CustomField> {
        self.fields
            .values()
            .filter(|f| Some(f.id) != editing)
            .filter(|f| match scope {
                FieldScope::Global => true,
                FieldScope::List(l) => f.scope == FieldScope::Global || f.scope == FieldScope::List(l),
            })
            .collect()
    }

    pub fn create_field(&mut self, scope: FieldScope, draft: &FieldDraft, now: Timestamp) -> Result<(FieldId, Change), WorkspaceError> {
        if let FieldScope::List(l) = scope {
            if !self.lists.contains_key(&l) {
                return Err(WorkspaceError::UnknownList(l));
            }
        }
        let (alias, field_type) = draft.validate(scope, self.alias_siblings(scope, None))?;
        let id = FieldId::new(self.meta.next_field_id);
        self.meta.next_field_id = self.meta.next_field_id.saturating_add(1);
        let field = CustomField {
            id,
            scope,
            alias,
            field_type,
            required: draft.required,
            click_to_action: draft.click_to_action,
            deleted: None,
            created: now,
            updated: now,
        };
        self.fields.insert(id, field);
        Ok((id, Change { records_put: vec![RecordKey::Field(id)], meta: true, ..Change::default() }))
    }

    /// Names a field as versions before the alias rule allowed (a default field's
    /// name): such fields are still in stored workspaces, and must keep working.
    /// For the host tests (`domain::tests`), which do not build for wasm.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn name_field_as_before_the_rule(&mut self, id: FieldId, alias: &str) {
        if let Some(field) = self.fields.get_mut(&id) {
            field.alias = alias.into();
        }
    }

    /// Edits a field. A new type or fewer choices convert the stored values; if any
    /// value cannot be converted nothing changes and the error says how many contacts
    /// hold such values.
    pub fn update_field(&mut self, id: FieldId, draft: &FieldDraft, now: Timestamp) -> Result<Change, WorkspaceError> {
        let old = self.fields.get(&id).ok_or(FieldError::Unknown)?;
        let scope = old.scope;
        let (alias, field_type) = draft.validate(scope, self.alias_siblings(scope, Some(id)))?;
        let updated = CustomField { alias, field_type, required: draft.required, click_to_action: draft.click_to_action, updated: now, ..old.clone() };
        let retyped = updated.field_type != old.field_type;
        let mut change = Change { records_put: vec![RecordKey::Field(id)], ..Change::default() };
        if retyped {
            self.check_values_convert(&updated)?;
            let list = match scope {
                FieldScope::List(l) => Some(l),
                FieldScope::Global => None,
            };
            change.merge(self.edit_contacts(list, |data| match data.custom_value(id).and_then(|v| updated.convert(v).filter(|n| n != v)) {
                Some(converted) => {
                    data.replace_custom(id, converted);
                    true
                }
                None => false,
            }));
        }
        self.fields.insert(id, updated);
        Ok(change)
    }

    fn check_values_convert(&self, field: &CustomField) -> Result<(), FieldError> {
        let misfits: Vec<String> = self
            .contacts()
            .filter_map(|c| c.data.custom_value(field.id))
            .filter(|v| field.convert(v).is_none())
            .map(|v| v.to_text())
            .collect();
        match misfits.first() {
            None => Ok(()),
            Some(example) => Err(FieldError::ValuesDoNotFit { count: misfits.len(), example: example.chars().take(40).collect() }),
        }
    }

    /// Deletes fields: a global field is only marked deleted (values kept, can be
    /// restored); a list field goes at once with its values.
    pub fn delete_fields(&mut self, ids: &[FieldId], now: Timestamp) -> Result<Change, WorkspaceError> {
        if ids.iter().any(|id| !self.fields.contains_key(id)) {
            return Err(FieldError::Unknown.into());
        }
        let mut change = Change::default();
        let mut erase = HashSet::new();
        for id in ids {
            let Some(field) = self.fields.get_mut(id) else { continue };
            if field.scope == FieldScope::Global {
                if field.deleted.is_none() {
                    field.deleted = Some(now);
                    field.updated = now;
                    change.put_record(RecordKey::Field(*id));
                }
            } else {
                erase.insert(*id);
            }
        }
        change.merge(self.erase_fields(&erase));
        Ok(change)
    }

    /// Brings soft-deleted global fields back, with the values they had.
    pub fn restore_fields(&mut self, ids: &[FieldId], now: Timestamp) -> Result<Change, WorkspaceError> {
        if ids.iter().any(|id| !self.fields.contains_key(id)) {
            return Err(FieldError::Unknown.into());
        }
        let mut change = Change::default();
        for id in ids {
            if let Some(field) = self.fields.get_mut(id).filter(|f| f.deleted.is_some()) {
                field.deleted = None;
                field.updated = now;
                change.put_record(RecordKey::Field(*id));
            }
        }
        Ok(change)
    }

    /// Permanently deletes soft-deleted global fields and erases their values from
    /// every contact.
    pub fn purge_fields(&mut self, ids: &[FieldId]) -> Result<Change, WorkspaceError> {
        for id in ids {
            let field = self.fields.get(id).ok_or(FieldError::Unknown)?;
            if field.scope != FieldScope::Global || field.is_available() {
                return Err(FieldError::NotDeleted.into());
            }
        }
        Ok(self.erase_fields(&ids.iter().copied().collect()))
    }

    /// Removes field definitions and every value they hold.
    fn erase_fields(&mut self, ids: &HashSet<FieldId>) -> Change {
        let mut change = self.edit_contacts(None, |data| data.retain_custom(|f| !ids.contains(&f)));
        for id in ids {
            self.fields.remove(id);
            change.delete_record(RecordKey::Field(*id));
        }
        change
    }
}
