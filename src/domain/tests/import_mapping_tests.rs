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

// ---------------------------------------------------------------- the corpus of real export layouts

/// The header row of a file in tests/fixtures/import/corpus, decoded (UTF-8, or
/// Windows-1252 for the Outlook and Excel files) and split on its separator.
fn corpus_headers(name: &str) -> Vec<String> {
    let path = format!("{}/tests/fixtures/import/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (text, cp1252) = match std::str::from_utf8(&bytes) {
        Ok(text) => (text.to_owned(), false),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes).0.into_owned(), true),
    };
    let excel = name.starts_with("excel-");
    assert_eq!(cp1252, excel || name == "outlook.csv", "{name}: encoding");
    let mut reader = csv::ReaderBuilder::new().delimiter(if excel { b';' } else { b',' }).has_headers(false).from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = records.next().and_then(Result::ok).unwrap_or_else(|| panic!("{name}: no header"));
    header.iter().map(str::to_owned).collect()
}

/// The proposed mapping of a corpus file's columns: (column, target) of every mapped
/// column, after checking the file has `columns` columns (so every other one is Skip).
fn corpus_mapping(name: &str, columns: usize) -> Vec<(String, Target)> {
    let headers = corpus_headers(name);
    assert_eq!(headers.len(), columns, "{name}: {headers:?}");
    let targets = propose(&headers, &[]);
    headers.into_iter().zip(targets).filter(|(_, t)| *t != Target::Skip).collect()
}

fn expect(pairs: &[(&str, Target)]) -> Vec<(String, Target)> {
    pairs.iter().map(|(h, t)| ((*h).to_owned(), *t)).collect()
}

#[test]
fn corpus_google_contacts_current_layout() {
    assert_eq!(
        corpus_mapping("google-contacts.csv", 36),
        expect(&[
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("Organization Name", Target::Field(F::Company)),
            ("Birthday", Target::Field(F::DateOfBirth)),
            ("Notes", Target::Field(F::Description)),
            ("Labels", Target::Tags),
            ("E-mail 1 - Value", Target::Field(F::Email)),
            ("Phone 1 - Value", Target::Field(F::Phone)),
            ("Phone 2 - Value", Target::AdditionalPhones),
            ("Address 1 - Street", Target::Field(F::Street)),
            ("Address 1 - City", Target::Field(F::City)),
            ("Address 1 - Postal Code", Target::Field(F::PostalCode)),
            ("Address 1 - Country", Target::Field(F::Country)),
            ("Website 1 - Value", Target::Field(F::Url)),
        ])
    );
}

#[test]
fn corpus_outlook_full_layout() {
    // 92 columns; the home and other variants lose to the business ones, the second
    // and third e-mails to the first.
    assert_eq!(
        corpus_mapping("outlook.csv", 92),
        expect(&[
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("Company", Target::Field(F::Company)),
            ("Business Street", Target::Field(F::Street)),
            ("Business City", Target::Field(F::City)),
            ("Business Postal Code", Target::Field(F::PostalCode)),
            ("Business Country/Region", Target::Field(F::Country)),
            ("Business Fax", Target::Field(F::Fax)),
            ("Business Phone", Target::Field(F::Phone)),
            ("Mobile Phone", Target::Field(F::Mobile)),
            ("Birthday", Target::Field(F::DateOfBirth)),
            ("Categories", Target::Tags),
            ("E-mail Address", Target::Field(F::Email)),
            ("Notes", Target::Field(F::Description)),
            ("Web Page", Target::Field(F::Url)),
        ])
    );
}

#[test]
fn corpus_icloud_spreadsheet_layout() {
    // Work before home; the home address is the only one, so its weak names map.
    assert_eq!(
        corpus_mapping("icloud-numbers.csv", 18),
        expect(&[
            ("First name", Target::Field(F::FirstName)),
            ("Last name", Target::Field(F::LastName)),
            ("Company", Target::Field(F::Company)),
            ("Phone (mobile)", Target::Field(F::Mobile)),
            ("Phone (work)", Target::Field(F::Phone)),
            ("Email (work)", Target::Field(F::Email)),
            ("Street (home)", Target::Field(F::Street)),
            ("City (home)", Target::Field(F::City)),
            ("ZIP (home)", Target::Field(F::PostalCode)),
            ("Country (home)", Target::Field(F::Country)),
            ("Birthday", Target::Field(F::DateOfBirth)),
            ("URL (homepage)", Target::Field(F::Url)),
            ("Note", Target::Field(F::Description)),
        ])
    );
    // Alone, the home and iPhone columns take the field.
    assert_eq!(
        propose(&["First name", "Phone (iPhone)", "Phone (home)", "Email (home)"], &[]),
        [Target::Field(F::FirstName), Target::Field(F::Mobile), Target::Field(F::Phone), Target::Field(F::Email)]
    );
}

#[test]
fn corpus_hubspot_layout() {
    assert_eq!(
        corpus_mapping("hubspot.csv", 19),
        expect(&[
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("Email", Target::Field(F::Email)),
            ("Phone Number", Target::Field(F::Phone)),
            ("Mobile Phone Number", Target::Field(F::Mobile)),
            ("Company Name", Target::Field(F::Company)),
            ("Website URL", Target::Field(F::Url)),
            ("Street Address", Target::Field(F::Street)),
            ("City", Target::Field(F::City)),
            ("Postal Code", Target::Field(F::PostalCode)),
            ("Country/Region", Target::Field(F::Country)),
        ])
    );
}

#[test]
fn corpus_salesforce_layout() {
    assert_eq!(
        corpus_mapping("salesforce.csv", 18),
        expect(&[
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("Account Name", Target::Field(F::Company)),
            ("Mailing Street", Target::Field(F::Street)),
            ("Mailing City", Target::Field(F::City)),
            ("Mailing Zip/Postal Code", Target::Field(F::PostalCode)),
            ("Mailing Country", Target::Field(F::Country)),
            ("Phone", Target::Field(F::Phone)),
            ("Mobile", Target::Field(F::Mobile)),
            ("Email", Target::Field(F::Email)),
            ("Birthdate", Target::Field(F::DateOfBirth)),
        ])
    );
    // Data Loader writes the API names.
    assert_eq!(
        propose(&["FirstName", "LastName", "MailingStreet", "MailingPostalCode", "MobilePhone", "Birthdate"], &[]),
        [
            Target::Field(F::FirstName),
            Target::Field(F::LastName),
            Target::Field(F::Street),
            Target::Field(F::PostalCode),
            Target::Field(F::Mobile),
            Target::Field(F::DateOfBirth),
        ]
    );
}

#[test]
fn corpus_zoho_crm_layout() {
    // "Full Name" (a weak first name) and "Secondary Email" lose to the strong columns.
    assert_eq!(
        corpus_mapping("zoho-crm.csv", 40),
        expect(&[
            ("First Name", Target::Field(F::FirstName)),
            ("Last Name", Target::Field(F::LastName)),
            ("Account Name", Target::Field(F::Company)),
            ("Email", Target::Field(F::Email)),
            ("Phone", Target::Field(F::Phone)),
            ("Fax", Target::Field(F::Fax)),
            ("Mobile", Target::Field(F::Mobile)),
            ("Date of Birth", Target::Field(F::DateOfBirth)),
            ("Skype ID", Target::Field(F::Social(crate::domain::SocialNetwork::Skype))),
            ("Mailing Street", Target::Field(F::Street)),
            ("Mailing City", Target::Field(F::City)),
            ("Mailing Zip", Target::Field(F::PostalCode)),
            ("Mailing Country", Target::Field(F::Country)),
            ("Description", Target::Field(F::Description)),
            ("Twitter", Target::Field(F::Social(crate::domain::SocialNetwork::Twitter))),
            ("Tag", Target::Tags),
        ])
    );
}

#[test]
fn corpus_excel_italian_layout() {
    assert_eq!(
        corpus_mapping("excel-it.csv", 12),
        expect(&[
            ("Nome", Target::Field(F::FirstName)),
            ("Cognome", Target::Field(F::LastName)),
            ("Telefono", Target::Field(F::Phone)),
            ("Cellulare", Target::Field(F::Mobile)),
            ("Email", Target::Field(F::Email)),
            ("Azienda", Target::Field(F::Company)),
            ("Indirizzo", Target::Field(F::Street)),
            ("CAP", Target::Field(F::PostalCode)),
            ("Città", Target::Field(F::City)),
            ("Data di nascita", Target::Field(F::DateOfBirth)),
            ("Note", Target::Field(F::Description)),
        ])
    );
}

#[test]
fn corpus_excel_german_layout() {
    assert_eq!(
        corpus_mapping("excel-de.csv", 12),
        expect(&[
            ("Vorname", Target::Field(F::FirstName)),
            ("Nachname", Target::Field(F::LastName)),
            ("Telefon", Target::Field(F::Phone)),
            ("Mobil", Target::Field(F::Mobile)),
            ("E-Mail", Target::Field(F::Email)),
            ("Firma", Target::Field(F::Company)),
            ("Straße", Target::Field(F::Street)),
            ("PLZ", Target::Field(F::PostalCode)),
            ("Ort", Target::Field(F::City)),
            ("Geburtsdatum", Target::Field(F::DateOfBirth)),
            ("Notiz", Target::Field(F::Description)),
        ])
    );
}

#[test]
fn german_and_italian_variants() {
    // "Strasse" without the ß, "Handy", "Land", "Bemerkung", "Webseite"; Italian "Sito web".
    assert_eq!(
        propose(&["Vorname", "Strasse", "Handy", "Land", "Bemerkung", "Webseite", "Telefonnummer", "Unternehmen"], &[]),
        [
            Target::Field(F::FirstName),
            Target::Field(F::Street),
            Target::Field(F::Mobile),
            Target::Field(F::Country),
            Target::Field(F::Description),
            Target::Field(F::Url),
            Target::Field(F::Phone),
            Target::Field(F::Company),
        ]
    );
    assert_eq!(
        propose(&["Nome", "Cellulare", "Azienda", "Indirizzo", "CAP", "Citta", "Data di nascita", "Note", "Sito web", "Telefono fisso"], &[]),
        [
            Target::Field(F::FirstName),
            Target::Field(F::Mobile),
            Target::Field(F::Company),
            Target::Field(F::Street),
            Target::Field(F::PostalCode),
            Target::Field(F::City),
            Target::Field(F::DateOfBirth),
            Target::Field(F::Description),
            Target::Field(F::Url),
            Target::Field(F::Phone),
        ]
    );
}

#[test]
fn columns_no_field_fits_stay_skipped() {
    let headers = [
        "Record ID", "Lifecycle Stage", "Create Date", "Salutation", "Title", "Middle Name", "Phone 1 - Label", "E-mail 1 - Label", "Job Title",
        "Mailing State/Province", "Provincia", "Umsatz", "Contact Owner", "Lead Source", "Address 1 - Region", "Organization Title", "Photo",
    ];
    assert_eq!(propose(&headers, &[]), vec![Target::Skip; headers.len()]);
}
