//! The Global custom fields export: alias, type, choices, required, click to action,
//! status.

use super::{write_csv, CsvOptions};
use crate::domain::custom_field::{CustomField, FieldType};

/// The chosen fields, one row each.
pub fn fields_csv(options: CsvOptions, fields: &[&CustomField]) -> Vec<u8> {
    let header = ["Alias", "Type", "Choices", "Required", "Click to action", "Status"];
    let rows = fields.iter().map(|f| {
        let choices = match &f.field_type {
            FieldType::Select(c) => c.join(" | "),
            _ => String::new(),
        };
        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
        vec![
            f.alias.to_string(),
            f.field_type.name().to_owned(),
            choices,
            yes_no(f.required),
            yes_no(f.click_to_action),
            if f.is_available() { "available" } else { "deleted" }.to_owned(),
        ]
    });
    write_csv(options, &header, rows)
}
