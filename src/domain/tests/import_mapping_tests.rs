//! Proposing a field for each column from the names Google, Outlook and Italian
//! spreadsheets give them; remembering a mapping per set of columns.

use crate::domain::custom_field::{CustomField, FieldId, FieldScope, FieldType};
use crate::domain::import::{decode_mapping, encode_mapping, header_signature, propose, Target};
use crate::domain::{ContactField as F, Timestamp};

use super::support_tests::T0;

pub fn custom(id: u32, alias: &str, field_type: FieldType, required: bool) -> CustomField {
    CustomField {
        id: FieldId::new(id),
        scope: FieldScope::Global,
        alias: alias.into(),
        field_type,
        required,
        click_to_action: false,
        deleted: None,
        created: T0,
        updated: Timestamp::from_millis(T0.millis()),
    }
}

fn mapped<'a>(headers: &[&'a str], targets: &[Target]) -> Vec<(&'a str, Target)> {
    headers.iter().copied().zip(targets.iter().copied()).filter(|(_, t)| *t != Target::Skip).collect()
}

#[test]
fn google_contacts_headers() {
    let headers = [
        "Name", "Given Name", "Additional Name", "Family Name", "Birthday", "Notes", "Group Membership", "E-mail 1 - Type",
        "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value", "Organization 1 - Name",
        "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City", "Address 1 - Postal Code", "Address 1 - Country",
        "Website 1 - Value",
    ];
    let targets = propose(&headers, &[]);
    assert_eq!(
        mapped(&headers, &targets),
        [
            ("Given Name", Target::Field(F::FirstName)),
            ("Family Name", Target::Field(F::LastName)),
            ("Birthday", Target::Field(F::DateOfBirth)),
            ("Notes", Target::Field(F::Description)),
            ("Group Membership", Target::Tags),
            ("E-mail 1 - Value", Target::Field(F::Email)),
            ("Phone 1 - Value", Target::Field(F::Phone)),
            ("Phone 2 - Value", Target::AdditionalPhones),
            ("Organization 1 - Name", Target::Field(F::Company)),
            ("Address 1 - Street", Target::Field(F::Street)),
            ("Address 1 - City", Target::Field(F::City)),
            ("Address 1 - Postal Code", Target::Field(F::PostalCode)),
            ("Address 1 - Country", Target::Field(F::Country)),
            ("Website 1 - Value", Target::Field(F::Url)),
        ]
    );
}

#[test]
fn outlook_headers() {
    let headers = [
        "First Name", "Middle Name", "Last Name", "E-mail Address", "E-mail 2 Address", "Mobile Phone", "Business Phone",
        "Home Phone", "Business Fax", "Company", "Job Title", "Business Street", "Business City", "Business Postal Code",
        "Business Country/Region", "Birthday", "Web Page", "Notes", "Categories",
    ];
    let targets = propose(&headers, &[]);
    assert_eq!(
        mapped(&headers, &targets),
        [
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("E-mail Address", Target::Field(F::Email)),
            ("Mobile Phone", Target::Field(F::Mobile)),
            ("Business Phone", Target::Field(F::Phone)),
            ("Business Fax", Target::Field(F::Fax)),
            ("Company", Target::Field(F::Company)),
            ("Business Street", Target::Field(F::Street)),
            ("Business City", Target::Field(F::City)),
            ("Business Postal Code", Target::Field(F::PostalCode)),
            ("Business Country/Region", Target::Field(F::Country)),
            ("Birthday", Target::Field(F::DateOfBirth)),
            ("Web Page", Target::Field(F::Url)),
            ("Notes", Target::Field(F::Description)),
            ("Categories", Target::Tags),
        ]
    );
}

#[test]
fn italian_headers_accents_and_case() {
    let headers = ["NOME", "Cognome", "Posta elettronica", "Cellulare", "Telefono", "Azienda", "Indirizzo", "Città", "CAP", "Paese", "Data di nascita", "Note", "Sito web", "Etichette"];
    let targets = propose(&headers, &[]);
    assert_eq!(
        targets,
        [
            Target::Field(F::FirstName),
            Target::Field(F::LastName),
            Target::Field(F::Email),
            Target::Field(F::Mobile),
            Target::Field(F::Phone),
            Target::Field(F::Company),
            Target::Field(F::Street),
            Target::Field(F::City),
            Target::Field(F::PostalCode),
            Target::Field(F::Country),
            Target::Field(F::DateOfBirth),
            Target::Field(F::Description),
            Target::Field(F::Url),
            Target::Tags,
        ]
    );
    // "Citta" without the accent, "e-mail" and "Nazione" too.
    assert_eq!(propose(&["citta", "E-MAIL", "Nazione"], &[]), [Target::Field(F::City), Target::Field(F::Email), Target::Field(F::Country)]);
}

#[test]
fn each_target_once_strong_names_before_weak_ones() {
    // "Name" is a weak first name: "First Name" after it wins.
    assert_eq!(propose(&["Name", "First Name", "Email", "E-mail"], &[]), [Target::Skip, Target::Field(F::FirstName), Target::Field(F::Email), Target::Skip]);
    // Alone, "Name" is the first name.
    assert_eq!(propose(&["Name", "Phone"], &[]), [Target::Field(F::FirstName), Target::Field(F::Phone)]);
    // The app's own export headers (labels) and social networks.
    assert_eq!(
        propose(&["First name", "Additional phones", "Tags", "LinkedIn", "Twitter / X"], &[]),
        [Target::Field(F::FirstName), Target::AdditionalPhones, Target::Tags, Target::Field(F::Social(crate::domain::SocialNetwork::LinkedIn)), Target::Field(F::Social(crate::domain::SocialNetwork::Twitter))]
    );
}

#[test]
fn custom_field_aliases_are_matched() {
    let score = custom(7, "Punteggio cliente", FieldType::Number, false);
    let fields = [&score];
    assert_eq!(propose(&["Nome", "punteggio-cliente"], &fields), [Target::Field(F::FirstName), Target::Custom(FieldId::new(7))]);
    assert_eq!(Target::Custom(FieldId::new(7)).label(&fields), "Punteggio cliente");
    assert_eq!(Target::Skip.label(&fields), "Do not import");
}

#[test]
fn signature_ignores_order_case_and_punctuation() {
    let a = header_signature(&["First Name", "E-mail", "Phone"]);
    assert_eq!(a, header_signature(&["phone", "first name", "Email"]));
    assert_ne!(a, header_signature(&["First Name", "E-mail"]));
    assert_ne!(a, header_signature(&["First Name", "E-mail", "Mobile"]));
    assert_eq!(a.len(), 32);
}

#[test]
fn mappings_round_trip_by_column_name() {
    let score = custom(7, "Score", FieldType::Number, false);
    let fields = [&score];
    let headers = ["First Name", "Email", "Email", "Score", "Notes", "Labels", "Other"];
    let targets = [
        Target::Field(F::FirstName),
        Target::Skip,
        Target::Field(F::Email),
        Target::Custom(FieldId::new(7)),
        Target::AdditionalPhones,
        Target::Tags,
        Target::Skip,
    ];
    let saved = encode_mapping(&headers, &targets);
    assert_eq!(decode_mapping(&saved, &headers, &fields), targets);
    // Reordered columns map the same way.
    let reordered = ["Score", "First Name", "Email", "Email"];
    assert_eq!(
        decode_mapping(&saved, &reordered, &fields),
        [Target::Custom(FieldId::new(7)), Target::Field(F::FirstName), Target::Skip, Target::Field(F::Email)]
    );
    // A deleted custom field, unknown text and a repeated target become Skip.
    assert_eq!(decode_mapping(&saved, &headers, &[]).get(3), Some(&Target::Skip));
    assert_eq!(decode_mapping("firstname=first_name,email=nonsense,x", &["First Name", "Email"], &[]), [Target::Field(F::FirstName), Target::Skip]);
    assert_eq!(decode_mapping("a=email,b=email", &["a", "b"], &[]), [Target::Field(F::Email), Target::Skip]);
}
