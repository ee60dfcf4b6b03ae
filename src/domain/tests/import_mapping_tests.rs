//! Proposing a field for each column from the names Google, Outlook, Apple, HubSpot,
//! Salesforce, Zoho and German and Italian spreadsheets give them; remembering a
//! mapping per set of columns.

use crate::domain::custom_field::{FieldId, FieldType};
use crate::domain::import::{decode_mapping, encode_mapping, header_signature, propose, Target};
use crate::domain::ContactField::{self as F, *};
use crate::domain::SocialNetwork::{LinkedIn, Skype, Twitter};
use Target::{AdditionalPhones as Phones, Field, Tags};

use super::import_support::custom;

#[test]
fn each_target_once_strong_names_before_weak_ones() {
    // "Name" is a weak first name: "First Name" after it wins.
    assert_eq!(propose(&["Name", "First Name", "Email", "E-mail"], &[]), [Target::Skip, Field(FirstName), Field(Email), Target::Skip]);
    // Alone, "Name" is the first name.
    assert_eq!(propose(&["Name", "Phone"], &[]), [Field(FirstName), Field(Phone)]);
    // The app's own export headers (labels) and social networks.
    assert_eq!(
        propose(&["First name", "Additional phones", "Tags", "LinkedIn", "Twitter / X"], &[]),
        [Field(FirstName), Phones, Tags, Field(Social(LinkedIn)), Field(Social(Twitter))]
    );
}

#[test]
fn custom_field_aliases_are_matched() {
    let score = custom(7, "Punteggio cliente", FieldType::Number, false);
    let fields = [&score];
    assert_eq!(propose(&["Nome", "punteggio-cliente"], &fields), [Field(FirstName), Target::Custom(FieldId::new(7))]);
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
    let targets = [Field(FirstName), Target::Skip, Field(Email), Target::Custom(FieldId::new(7)), Phones, Tags, Target::Skip];
    let saved = encode_mapping(&headers, &targets);
    assert_eq!(decode_mapping(&saved, &headers, &fields), targets);
    // Reordered columns map the same way.
    let reordered = ["Score", "First Name", "Email", "Email"];
    assert_eq!(
        decode_mapping(&saved, &reordered, &fields),
        [Target::Custom(FieldId::new(7)), Field(FirstName), Target::Skip, Field(Email)]
    );
    // A deleted custom field, unknown text and a repeated target become Skip.
    assert_eq!(decode_mapping(&saved, &headers, &[]).get(3), Some(&Target::Skip));
    assert_eq!(decode_mapping("firstname=first_name,email=nonsense,x", &["First Name", "Email"], &[]), [Field(FirstName), Target::Skip]);
    assert_eq!(decode_mapping("a=email,b=email", &["a", "b"], &[]), [Field(Email), Target::Skip]);
}

// ---------------------------------------------------------------- layouts, column by column

/// Where a layout's header row comes from.
enum Headers {
    /// A file in tests/fixtures/import/corpus and its number of columns.
    Corpus(&'static str, usize),
    Written(&'static [&'static str]),
}

/// A layout, and the (column, target) of every column it maps; every other column
/// must stay Skip.
struct Layout {
    name: &'static str,
    headers: Headers,
    mapped: &'static [(&'static str, Target)],
}

const LAYOUTS: &[Layout] = &[
    Layout {
        name: "Google Contacts, older layout",
        headers: Headers::Written(&[
            "Name", "Given Name", "Additional Name", "Family Name", "Birthday", "Notes", "Group Membership", "E-mail 1 - Type",
            "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value", "Organization 1 - Name",
            "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City", "Address 1 - Postal Code", "Address 1 - Country",
            "Website 1 - Value",
        ]),
        mapped: &[
            ("Given Name", Field(FirstName)), ("Family Name", Field(LastName)), ("Birthday", Field(DateOfBirth)), ("Notes", Field(Description)),
            ("Group Membership", Tags), ("E-mail 1 - Value", Field(Email)), ("Phone 1 - Value", Field(Phone)), ("Phone 2 - Value", Phones),
            ("Organization 1 - Name", Field(Company)), ("Address 1 - Street", Field(Street)), ("Address 1 - City", Field(City)),
            ("Address 1 - Postal Code", Field(PostalCode)), ("Address 1 - Country", Field(F::Country)), ("Website 1 - Value", Field(Url)),
        ],
    },
    Layout {
        name: "Outlook, short layout",
        headers: Headers::Written(&[
            "First Name", "Middle Name", "Last Name", "E-mail Address", "E-mail 2 Address", "Mobile Phone", "Business Phone",
            "Home Phone", "Business Fax", "Company", "Job Title", "Business Street", "Business City", "Business Postal Code",
            "Business Country/Region", "Birthday", "Web Page", "Notes", "Categories",
        ]),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("E-mail Address", Field(Email)), ("Mobile Phone", Field(Mobile)),
            ("Business Phone", Field(Phone)), ("Business Fax", Field(Fax)), ("Company", Field(Company)), ("Business Street", Field(Street)),
            ("Business City", Field(City)), ("Business Postal Code", Field(PostalCode)), ("Business Country/Region", Field(F::Country)),
            ("Birthday", Field(DateOfBirth)), ("Web Page", Field(Url)), ("Notes", Field(Description)), ("Categories", Tags),
        ],
    },
    Layout {
        name: "Italian, accents and case",
        headers: Headers::Written(&[
            "NOME", "Cognome", "Posta elettronica", "Cellulare", "Telefono", "Azienda", "Indirizzo", "Città", "CAP", "Paese",
            "Data di nascita", "Note", "Sito web", "Etichette",
        ]),
        mapped: &[
            ("NOME", Field(FirstName)), ("Cognome", Field(LastName)), ("Posta elettronica", Field(Email)), ("Cellulare", Field(Mobile)),
            ("Telefono", Field(Phone)), ("Azienda", Field(Company)), ("Indirizzo", Field(Street)), ("Città", Field(City)),
            ("CAP", Field(PostalCode)), ("Paese", Field(F::Country)), ("Data di nascita", Field(DateOfBirth)), ("Note", Field(Description)),
            ("Sito web", Field(Url)), ("Etichette", Tags),
        ],
    },
    Layout {
        name: "Italian without the accent, e-mail and Nazione",
        headers: Headers::Written(&["citta", "E-MAIL", "Nazione"]),
        mapped: &[("citta", Field(City)), ("E-MAIL", Field(Email)), ("Nazione", Field(F::Country))],
    },
    Layout {
        name: "Google Contacts (corpus)",
        headers: Headers::Corpus("google-contacts.csv", 36),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("Organization Name", Field(Company)), ("Birthday", Field(DateOfBirth)),
            ("Notes", Field(Description)), ("Labels", Tags), ("E-mail 1 - Value", Field(Email)), ("Phone 1 - Value", Field(Phone)),
            ("Phone 2 - Value", Phones), ("Address 1 - Street", Field(Street)), ("Address 1 - City", Field(City)),
            ("Address 1 - Postal Code", Field(PostalCode)), ("Address 1 - Country", Field(F::Country)), ("Website 1 - Value", Field(Url)),
        ],
    },
    // 92 columns; the home and other variants lose to the business ones, the second
    // and third e-mails to the first.
    Layout {
        name: "Outlook, full layout (corpus)",
        headers: Headers::Corpus("outlook.csv", 92),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("Company", Field(Company)), ("Business Street", Field(Street)),
            ("Business City", Field(City)), ("Business Postal Code", Field(PostalCode)), ("Business Country/Region", Field(F::Country)),
            ("Business Fax", Field(Fax)), ("Business Phone", Field(Phone)), ("Mobile Phone", Field(Mobile)), ("Birthday", Field(DateOfBirth)),
            ("Categories", Tags), ("E-mail Address", Field(Email)), ("Notes", Field(Description)), ("Web Page", Field(Url)),
        ],
    },
    // Work before home; the home address is the only one, so its weak names map.
    Layout {
        name: "iCloud via Numbers (corpus)",
        headers: Headers::Corpus("icloud-numbers.csv", 18),
        mapped: &[
            ("First name", Field(FirstName)), ("Last name", Field(LastName)), ("Company", Field(Company)), ("Phone (mobile)", Field(Mobile)),
            ("Phone (work)", Field(Phone)), ("Email (work)", Field(Email)), ("Street (home)", Field(Street)), ("City (home)", Field(City)),
            ("ZIP (home)", Field(PostalCode)), ("Country (home)", Field(F::Country)), ("Birthday", Field(DateOfBirth)),
            ("URL (homepage)", Field(Url)), ("Note", Field(Description)),
        ],
    },
    // Alone, the home and iPhone columns take the field.
    Layout {
        name: "iCloud home and iPhone columns",
        headers: Headers::Written(&["First name", "Phone (iPhone)", "Phone (home)", "Email (home)"]),
        mapped: &[("First name", Field(FirstName)), ("Phone (iPhone)", Field(Mobile)), ("Phone (home)", Field(Phone)), ("Email (home)", Field(Email))],
    },
    Layout {
        name: "HubSpot (corpus)",
        headers: Headers::Corpus("hubspot.csv", 19),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("Email", Field(Email)), ("Phone Number", Field(Phone)),
            ("Mobile Phone Number", Field(Mobile)), ("Company Name", Field(Company)), ("Website URL", Field(Url)), ("Street Address", Field(Street)),
            ("City", Field(City)), ("Postal Code", Field(PostalCode)), ("Country/Region", Field(F::Country)),
        ],
    },
    Layout {
        name: "Salesforce (corpus)",
        headers: Headers::Corpus("salesforce.csv", 18),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("Account Name", Field(Company)), ("Mailing Street", Field(Street)),
            ("Mailing City", Field(City)), ("Mailing Zip/Postal Code", Field(PostalCode)), ("Mailing Country", Field(F::Country)),
            ("Phone", Field(Phone)), ("Mobile", Field(Mobile)), ("Email", Field(Email)), ("Birthdate", Field(DateOfBirth)),
        ],
    },
    // Data Loader writes the API names.
    Layout {
        name: "Salesforce API names",
        headers: Headers::Written(&["FirstName", "LastName", "MailingStreet", "MailingPostalCode", "MobilePhone", "Birthdate"]),
        mapped: &[
            ("FirstName", Field(FirstName)), ("LastName", Field(LastName)), ("MailingStreet", Field(Street)),
            ("MailingPostalCode", Field(PostalCode)), ("MobilePhone", Field(Mobile)), ("Birthdate", Field(DateOfBirth)),
        ],
    },
    // "Full Name" (a weak first name) and "Secondary Email" lose to the strong columns.
    Layout {
        name: "Zoho CRM (corpus)",
        headers: Headers::Corpus("zoho-crm.csv", 40),
        mapped: &[
            ("First Name", Field(FirstName)), ("Last Name", Field(LastName)), ("Account Name", Field(Company)), ("Email", Field(Email)),
            ("Phone", Field(Phone)), ("Fax", Field(Fax)), ("Mobile", Field(Mobile)), ("Date of Birth", Field(DateOfBirth)),
            ("Skype ID", Field(Social(Skype))), ("Mailing Street", Field(Street)), ("Mailing City", Field(City)), ("Mailing Zip", Field(PostalCode)),
            ("Mailing Country", Field(F::Country)), ("Description", Field(Description)), ("Twitter", Field(Social(Twitter))), ("Tag", Tags),
        ],
    },
    Layout {
        name: "Excel, Italian (corpus)",
        headers: Headers::Corpus("excel-it.csv", 12),
        mapped: &[
            ("Nome", Field(FirstName)), ("Cognome", Field(LastName)), ("Telefono", Field(Phone)), ("Cellulare", Field(Mobile)),
            ("Email", Field(Email)), ("Azienda", Field(Company)), ("Indirizzo", Field(Street)), ("CAP", Field(PostalCode)),
            ("Città", Field(City)), ("Data di nascita", Field(DateOfBirth)), ("Note", Field(Description)),
        ],
    },
    Layout {
        name: "Excel, German (corpus)",
        headers: Headers::Corpus("excel-de.csv", 12),
        mapped: &[
            ("Vorname", Field(FirstName)), ("Nachname", Field(LastName)), ("Telefon", Field(Phone)), ("Mobil", Field(Mobile)),
            ("E-Mail", Field(Email)), ("Firma", Field(Company)), ("Straße", Field(Street)), ("PLZ", Field(PostalCode)),
            ("Ort", Field(City)), ("Geburtsdatum", Field(DateOfBirth)), ("Notiz", Field(Description)),
        ],
    },
    // "Strasse" without the ß, "Handy", "Land", "Bemerkung", "Webseite".
    Layout {
        name: "German variants",
        headers: Headers::Written(&["Vorname", "Strasse", "Handy", "Land", "Bemerkung", "Webseite", "Telefonnummer", "Unternehmen"]),
        mapped: &[
            ("Vorname", Field(FirstName)), ("Strasse", Field(Street)), ("Handy", Field(Mobile)), ("Land", Field(F::Country)),
            ("Bemerkung", Field(Description)), ("Webseite", Field(Url)), ("Telefonnummer", Field(Phone)), ("Unternehmen", Field(Company)),
        ],
    },
    Layout {
        name: "Italian variants",
        headers: Headers::Written(&["Nome", "Cellulare", "Azienda", "Indirizzo", "CAP", "Citta", "Data di nascita", "Note", "Sito web", "Telefono fisso"]),
        mapped: &[
            ("Nome", Field(FirstName)), ("Cellulare", Field(Mobile)), ("Azienda", Field(Company)), ("Indirizzo", Field(Street)),
            ("CAP", Field(PostalCode)), ("Citta", Field(City)), ("Data di nascita", Field(DateOfBirth)), ("Note", Field(Description)),
            ("Sito web", Field(Url)), ("Telefono fisso", Field(Phone)),
        ],
    },
    Layout {
        name: "columns no field fits",
        headers: Headers::Written(&[
            "Record ID", "Lifecycle Stage", "Create Date", "Salutation", "Title", "Middle Name", "Phone 1 - Label", "E-mail 1 - Label", "Job Title",
            "Mailing State/Province", "Provincia", "Umsatz", "Contact Owner", "Lead Source", "Address 1 - Region", "Organization Title", "Photo",
        ]),
        mapped: &[],
    },
];

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

/// The header row of a layout, after checking a corpus file has the columns it should.
fn headers_of(layout: &Layout) -> Vec<String> {
    match layout.headers {
        Headers::Written(headers) => headers.iter().map(|h| (*h).to_owned()).collect(),
        Headers::Corpus(file, columns) => {
            let headers = corpus_headers(file);
            assert_eq!(headers.len(), columns, "{}: {headers:?}", layout.name);
            headers
        }
    }
}

#[test]
fn every_layout_maps_the_columns_it_should() {
    for layout in LAYOUTS {
        let headers = headers_of(layout);
        let targets = propose(&headers, &[]);
        let mapped: Vec<(&str, Target)> = headers.iter().map(String::as_str).zip(targets).filter(|(_, t)| *t != Target::Skip).collect();
        assert_eq!(mapped, layout.mapped, "{}", layout.name);
    }
}
