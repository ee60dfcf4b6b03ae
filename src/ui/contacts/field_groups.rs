//! How the default fields are grouped on forms. The fields themselves (order, labels,
//! kinds, required) come from the domain; only the headings are the UI's.

use crate::domain::ContactField;

/// The heading a default field sits under.
pub fn group_of(field: ContactField) -> &'static str {
    match field {
        ContactField::FirstName | ContactField::LastName => "Name",
        ContactField::Phone | ContactField::Mobile | ContactField::Fax => "Phone numbers",
        ContactField::Email | ContactField::Url => "Online",
        ContactField::Company => "Company",
        ContactField::Street | ContactField::PostalCode | ContactField::City | ContactField::Country => "Address",
        ContactField::DateOfBirth | ContactField::Description => "Other",
        ContactField::Social(_) => "Social",
    }
}

/// `ContactField::DEFAULTS` split into consecutive runs under one heading.
pub fn default_groups() -> Vec<(&'static str, Vec<ContactField>)> {
    let mut groups: Vec<(&'static str, Vec<ContactField>)> = Vec::new();
    for field in ContactField::DEFAULTS {
        let title = group_of(field);
        match groups.last_mut() {
            Some((t, fields)) if *t == title => fields.push(field),
            _ => groups.push((title, vec![field])),
        }
    }
    groups
}
