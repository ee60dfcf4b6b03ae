//! Contacts to CSV: every default field, social handles, additional phones, tags and
//! custom fields (global and the list's), under the headers the import proposes back
//! to the same fields (labels and aliases), so an export imports back unchanged.
//!
//! Big exports run in slices: `next_chunk` writes rows until the caller's clock says
//! the slice is over and hands back the bytes, so the page can yield in between.

use std::collections::HashMap;

use super::{finish, neutralise_cell, CsvOptions};
use crate::domain::contact::Contact;
use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::ContactField;
use crate::domain::ids::{ContactId, ListId};
use crate::domain::import::cells::{format_phones, format_tags};
use crate::domain::import::mapping::{names_for, Target};
use crate::domain::workspace::Workspace;
use crate::domain::PageKey;

/// Rows written between two looks at the caller's clock.
const ROWS_PER_CLOCK_CHECK: usize = 128;

/// One column of a contacts export.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    /// The list's name (exports spanning several lists only).
    List,
    Field(ContactField),
    AdditionalPhones,
    Tags,
    Custom(FieldId),
}

/// An export of chosen contacts, written slice by slice.
pub struct ContactsExport {
    options: CsvOptions,
    columns: Vec<Column>,
    headers: Vec<String>,
    ids: Vec<ContactId>,
    next: usize,
    /// The BOM and header are written.
    started: bool,
    /// Where the last contact was found: its page and index (contacts of one list
    /// are mostly exported in storage order, so the next is usually the one after).
    hint: Option<(PageKey, usize)>,
}

impl ContactsExport {
    /// An export of `ids` in this order. Contacts of one list get that list's custom
    /// fields; contacts of several lists get a List column, the global fields and the
    /// fields of each list (an alias two lists share is followed by the list's name).
    pub fn new(ws: &Workspace, ids: Vec<ContactId>, options: CsvOptions) -> Self {
        let mut lists: Vec<ListId> = Vec::new();
        for id in &ids {
            if let Some(key) = ws.page_of(*id) {
                if !lists.contains(&key.list) {
                    lists.push(key.list);
                }
            }
        }
        let mut columns = Vec::new();
        let mut headers = Vec::new();
        let several = lists.len() > 1;
        if several {
            columns.push(Column::List);
            headers.push("List".to_owned());
        }
        // The import's own names for the fields, clear of the custom fields' aliases.
        let targets: Vec<Target> = ContactField::all().map(Target::Field).chain([Target::AdditionalPhones, Target::Tags]).collect();
        let all_custom: Vec<&CustomField> = lists.iter().flat_map(|l| ws.fields_for(*l)).collect();
        headers.extend(names_for(&targets, &all_custom));
        columns.extend(ContactField::all().map(Column::Field));
        columns.extend([Column::AdditionalPhones, Column::Tags]);
        // Lists in the lists table's order; global fields once, before any list's.
        let order: Vec<ListId> = ws.lists().into_iter().map(|l| l.id).filter(|id| lists.contains(id)).collect();
        let mut custom: Vec<(FieldId, String, Option<ListId>)> = Vec::new();
        for list in &order {
            for field in ws.fields_for(*list) {
                if !custom.iter().any(|(id, _, _)| *id == field.id) {
                    let owner = if let crate::domain::FieldScope::List(l) = field.scope { Some(l) } else { None };
                    custom.push((field.id, field.alias.to_string(), owner));
                }
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (_, alias, _) in &custom {
            *seen.entry(alias.to_lowercase()).or_default() += 1;
        }
        for (id, alias, owner) in custom {
            let shared = seen.get(&alias.to_lowercase()).is_some_and(|n| *n > 1);
            let name = match owner.and_then(|l| ws.list(l)) {
                Some(list) if shared => format!("{alias} ({})", list.name),
                _ => alias,
            };
            columns.push(Column::Custom(id));
            headers.push(name);
        }
        Self { options, columns, headers, ids, next: 0, started: false, hint: None }
    }

    /// Every contact of `list`, in storage order.
    pub fn of_list(ws: &Workspace, list: ListId, options: CsvOptions) -> Self {
        Self::new(ws, ws.list_contact_ids(list), options)
    }

    /// The column names, as the first row has them (before neutralising).
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Contacts written so far.
    pub fn written(&self) -> usize {
        self.next
    }

    /// Contacts to write in all.
    pub fn total(&self) -> usize {
        self.ids.len()
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.ids.len()
    }

    /// The next piece of the file: on the first call the BOM (if chosen) and the
    /// header, then rows until `out_of_time` says stop (asked every few rows) or all
    /// are written. Contacts deleted since the export began are left out.
    pub fn next_chunk(&mut self, ws: &Workspace, mut out_of_time: impl FnMut() -> bool) -> Vec<u8> {
        let first = !self.started;
        self.started = true;
        let mut writer = self.options.writer(if first { self.options.preamble() } else { Vec::with_capacity(256 * 1024) });
        if first {
            super::write_row(&mut writer, self.headers.iter().map(String::as_str));
        }
        let mut since_check = 0;
        while let Some(&id) = self.ids.get(self.next) {
            self.next += 1;
            if let Some(contact) = self.find(ws, id) {
                self.write_contact(ws, &mut writer, contact);
            }
            since_check += 1;
            if since_check == ROWS_PER_CLOCK_CHECK {
                since_check = 0;
                if out_of_time() {
                    break;
                }
            }
        }
        finish(writer)
    }

    /// The whole file at once (tests, small exports).
    pub fn to_bytes(mut self, ws: &Workspace) -> Vec<u8> {
        let mut out = self.next_chunk(ws, || false);
        while !self.is_done() {
            out.extend(self.next_chunk(ws, || false));
        }
        out
    }

    fn find<'w>(&mut self, ws: &'w Workspace, id: ContactId) -> Option<&'w Contact> {
        let key = ws.page_of(id)?;
        let page = ws.page(key)?;
        let guess = match self.hint {
            Some((k, i)) if k == key => i.wrapping_add(1),
            _ => 0,
        };
        let at = match page.get(guess) {
            Some(c) if c.id == id => guess,
            _ => page.iter().position(|c| c.id == id)?,
        };
        self.hint = Some((key, at));
        page.get(at)
    }

    fn write_contact(&self, ws: &Workspace, writer: &mut csv::Writer<Vec<u8>>, contact: &Contact) {
        let data = &contact.data;
        for column in &self.columns {
            let owned;
            let text: &str = match column {
                Column::List => ws.list(contact.list_id).map_or("", |l| &l.name),
                Column::Field(f) => data.get(*f).unwrap_or(""),
                Column::AdditionalPhones => {
                    owned = format_phones(data.additional_phones());
                    &owned
                }
                Column::Tags => {
                    owned = format_tags(data.tags().iter().filter_map(|t| ws.tag(*t)).map(|t| &*t.name));
                    &owned
                }
                Column::Custom(id) => {
                    owned = data.custom_value(*id).map(|v| v.to_text()).unwrap_or_default();
                    &owned
                }
            };
            // Writing into a Vec cannot fail.
            let _ = writer.write_field(neutralise_cell(text).as_bytes());
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
}
