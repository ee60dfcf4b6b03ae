//! Which app field each CSV column goes to: a proposal from the column names (the
//! exports of Google Contacts, Outlook, Apple contacts through a spreadsheet, HubSpot,
//! Salesforce, Zoho CRM, Excel sheets in English, Italian or German, and the app's own
//! export), a key for "the same set of columns" and a compact text form so the wizard
//! can remember the user's last mapping for such a file.
//!
//! Labelled variants follow one rule: the work one claims the field, the home or other
//! one only when no column does ("Business Phone" / "Phone (work)" before "Home Phone" /
//! "Phone (home)"; "Email (work)" before "Email (home)"). Columns nobody's field fits
//! (record ids, owners, lifecycle stages, salutations, job titles, middle names, the
//! "… - Label" columns of Google, states and provinces) are left out.

use serde::{Deserialize, Serialize};

use std::collections::HashMap;

use crate::domain::custom_field::{CustomField, FieldId};
use crate::domain::field::{ContactField, SocialNetwork};

/// Where a column's values go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    Skip,
    Field(ContactField),
    Custom(FieldId),
    /// Tag names (see `cells::parse_tags`).
    Tags,
    /// "label: number" pairs (see `cells::parse_phones`).
    AdditionalPhones,
}

impl Target {
    /// The target in words, as the mapping picker shows it.
    pub fn label(&self, custom_fields: &[&CustomField]) -> String {
        match self {
            Target::Skip => "Do not import".to_owned(),
            Target::Field(f) => f.label().to_owned(),
            Target::Custom(id) => custom_fields
                .iter()
                .find(|f| f.id == *id)
                .map_or_else(|| format!("Custom field {}", id.get()), |f| f.alias.to_string()),
            Target::Tags => "Tags".to_owned(),
            Target::AdditionalPhones => "Additional phones".to_owned(),
        }
    }

    /// A stable code for settings: the field key, "custom:7", "tags", "additional_phones".
    pub fn code(&self) -> Option<String> {
        match self {
            Target::Skip => None,
            Target::Field(f) => Some(f.key().to_owned()),
            Target::Custom(id) => Some(format!("custom:{}", id.get())),
            Target::Tags => Some("tags".to_owned()),
            Target::AdditionalPhones => Some("additional_phones".to_owned()),
        }
    }

    pub fn from_code(code: &str, custom_fields: &[&CustomField]) -> Target {
        if let Some(id) = code.strip_prefix("custom:").and_then(|n| n.parse::<u32>().ok()) {
            let id = FieldId::new(id);
            return if custom_fields.iter().any(|f| f.id == id) { Target::Custom(id) } else { Target::Skip };
        }
        match code {
            "tags" => Target::Tags,
            "additional_phones" => Target::AdditionalPhones,
            _ => ContactField::all().find(|f| f.key() == code).map_or(Target::Skip, Target::Field),
        }
    }
}

/// A header reduced to what tells names apart: lower case, Latin accents folded,
/// only letters and digits ("E-mail 1 - Value" → "email1value", "Città" → "citta").
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(plain) => out.push_str(plain),
            None if c.is_alphanumeric() => out.push(c),
            None => {}
        }
    }
    out
}

/// The Latin letters with diacritics that European headers use.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// A strong name claims its target outright; a weak one ("Name", "Home Phone") only
/// when no column has a strong claim on that target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Strength {
    Strong,
    Weak,
}

use ContactField as F;
use Strength::{Strong, Weak};

/// Names other programs give the fields, beyond the app's own labels and keys.
const SYNONYMS: &[(Target, Strength, &[&str])] = &[
    (Target::Field(F::FirstName), Strong, &["Given Name", "First Name", "First", "Forename", "Nome", "Prénom", "Vorname", "Nombre", "Primeiro nome"]),
    (Target::Field(F::FirstName), Weak, &["Name", "Full Name", "Display Name", "Contact Name", "Nominativo", "Nome e cognome"]),
    (Target::Field(F::LastName), Strong, &["Family Name", "Surname", "Last Name", "Last", "Cognome", "Nom de famille", "Nachname", "Apellido", "Apellidos", "Sobrenome"]),
    (
        Target::Field(F::Email),
        Strong,
        &[
            "E-mail", "E-mail Address", "Email Address", "E-mail 1 - Value", "Email 1", "Mail", "Primary Email", "Work Email", "Posta elettronica",
            "Indirizzo email", "Courriel", "Correo electrónico", "Email (work)", "E-Mail-Adresse",
        ],
    ),
    (
        Target::Field(F::Email),
        Weak,
        &["E-mail 2 Address", "E-mail 2 - Value", "Personal Email", "Home Email", "Other Email", "Email (home)", "Email (other)", "Secondary Email", "E-mail 3 Address"],
    ),
    (
        Target::Field(F::Mobile),
        Strong,
        &[
            "Mobile Phone", "Mobile Number", "Cell", "Cell Phone", "Cellphone", "Cellulare", "Telefono cellulare", "Numero di cellulare", "Handy", "Móvil",
            "Portable", "Téléphone mobile", "Mobile Phone Number", "Phone (mobile)", "Mobil", "Mobiltelefon", "Mobilnummer", "Handynummer",
        ],
    ),
    (Target::Field(F::Mobile), Weak, &["Phone (iPhone)"]),
    (
        Target::Field(F::Phone),
        Strong,
        &[
            "Telephone", "Telefono", "Phone Number", "Business Phone", "Work Phone", "Primary Phone", "Phone 1 - Value", "Main Phone", "Company Main Phone",
            "Numero di telefono", "Tel", "Telefon", "Telefone", "Téléphone", "Phone (work)", "Telefonnummer", "Telefon geschäftlich", "Telefono fisso", "Festnetz",
        ],
    ),
    (
        Target::Field(F::Phone),
        Weak,
        &["Home Phone", "Other Phone", "Business Phone 2", "Telefono casa", "Telefono ufficio", "Phone (home)", "Phone (main)", "Phone (other)", "Telefon privat"],
    ),
    (Target::AdditionalPhones, Strong, &["Additional phones", "Additional phone numbers", "Other phones", "Phone 2 - Value", "Altri telefoni"]),
    (Target::Field(F::Fax), Strong, &["Business Fax", "Fax Number", "Home Fax", "Other Fax", "Numero di fax", "Phone (work fax)", "Telefax", "Faxnummer"]),
    (
        Target::Field(F::Company),
        Strong,
        &[
            "Company Name", "Organization", "Organisation", "Organization 1 - Name", "Organization Name", "Account Name", "Azienda", "Società", "Ditta",
            "Ragione sociale", "Empresa", "Entreprise", "Société", "Firma", "Unternehmen", "Firmenname",
        ],
    ),
    (
        Target::Field(F::Street),
        Strong,
        &[
            "Address", "Street Address", "Business Street", "Address 1 - Street", "Address Line 1", "Mailing Street", "Indirizzo", "Via", "Adresse",
            "Dirección", "Straße", "Street (work)", "Anschrift",
        ],
    ),
    (Target::Field(F::Street), Weak, &["Home Street", "Other Street", "Address 1 - Formatted", "Street (home)", "Street (other)"]),
    (
        Target::Field(F::City),
        Strong,
        &["Town", "Business City", "Address 1 - City", "Mailing City", "Città", "Comune", "Località", "Ville", "Ciudad", "Stadt", "Ort", "City (work)"],
    ),
    (Target::Field(F::City), Weak, &["Home City", "Other City", "City (home)", "City (other)"]),
    (
        Target::Field(F::PostalCode),
        Strong,
        &[
            "ZIP", "ZIP Code", "Postcode", "Post Code", "Business Postal Code", "Address 1 - Postal Code", "Mailing Zip", "CAP", "Codice postale",
            "Code postal", "Código postal", "PLZ", "Postleitzahl", "Mailing Zip/Postal Code", "Mailing Postal Code", "Zip/Postal Code", "ZIP (work)",
            "Postal code (work)",
        ],
    ),
    (Target::Field(F::PostalCode), Weak, &["Home Postal Code", "Other Postal Code", "ZIP (home)", "ZIP (other)", "Postal code (home)"]),
    (
        Target::Field(F::Country),
        Strong,
        &[
            "Country/Region", "Business Country/Region", "Business Country", "Address 1 - Country", "Mailing Country", "Paese", "Nazione", "Stato", "Pays",
            "País", "Land", "Country (work)",
        ],
    ),
    (Target::Field(F::Country), Weak, &["Home Country/Region", "Other Country/Region", "Country (home)", "Country (other)"]),
    (
        Target::Field(F::DateOfBirth),
        Strong,
        &["Birthday", "Birth Date", "Birthdate", "DOB", "Data di nascita", "Compleanno", "Date de naissance", "Fecha de nacimiento", "Geburtsdatum", "Geburtstag"],
    ),
    (
        Target::Field(F::Description),
        Strong,
        &[
            "Notes", "Note", "Comments", "Comment", "Remarks", "Memo", "Descrizione", "Commenti", "Bemerkungen", "Notas", "Notiz", "Notizen", "Bemerkung",
            "Anmerkung", "Anmerkungen",
        ],
    ),
    (
        Target::Field(F::Url),
        Strong,
        &[
            "Web Site", "Web Page", "Webpage", "URL", "Homepage", "Home Page", "Website 1 - Value", "Business Web Page", "Sito", "Sito web", "Sito internet",
            "Site web", "Sitio web", "Website URL", "Webseite", "Internetseite", "URL (homepage)", "URL (work)",
        ],
    ),
    (Target::Field(F::Url), Weak, &["URL (home)", "URL (other)"]),
    (
        Target::Tags,
        Strong,
        &["Tags", "Tag", "Labels", "Label", "Group Membership", "Groups", "Categories", "Category", "Etichette", "Etichetta", "Gruppi", "Categorie", "Kategorien", "Gruppen"],
    ),
    (Target::Field(F::Social(SocialNetwork::Twitter)), Strong, &["X", "Twitter handle", "X (Twitter)"]),
    (Target::Field(F::Social(SocialNetwork::LinkedIn)), Strong, &["LinkedIn URL", "LinkedIn profile"]),
    (Target::Field(F::Social(SocialNetwork::Facebook)), Strong, &["Facebook URL", "Facebook profile"]),
    (Target::Field(F::Social(SocialNetwork::Skype)), Strong, &["Skype name", "Skype ID"]),
];

/// Every known name, normalised, with its target: custom field aliases first (the
/// user's own words), then the app's labels and keys, then the synonyms.
fn vocabulary(custom_fields: &[&CustomField]) -> HashMap<String, (Target, Strength)> {
    let mut words = HashMap::new();
    let mut add = |name: &str, target: Target, strength: Strength| {
        let key = normalise(name);
        if !key.is_empty() {
            words.entry(key).or_insert((target, strength));
        }
    };
    for field in custom_fields {
        add(&field.alias, Target::Custom(field.id), Strong);
    }
    for field in ContactField::all() {
        add(field.label(), Target::Field(field), Strong);
        add(field.key(), Target::Field(field), Strong);
    }
    for (target, strength, names) in SYNONYMS {
        for name in *names {
            add(name, *target, *strength);
        }
    }
    words
}

/// Column names that `propose` maps back to each target, given these custom fields:
/// the target's label, unless a custom field's alias takes it ("City" as an alias),
/// then the first of its other names (key, synonyms) that no alias takes. Exports
/// write these, so their files import back without touching the mapping.
pub fn names_for(targets: &[Target], custom_fields: &[&CustomField]) -> Vec<String> {
    let words = vocabulary(custom_fields);
    targets
        .iter()
        .map(|target| {
            let label = target.label(custom_fields);
            let key = match target {
                Target::Field(f) => Some(f.key()),
                _ => None,
            };
            let synonyms = SYNONYMS.iter().filter(|(t, strength, _)| t == target && *strength == Strong).flat_map(|(_, _, names)| names.iter().copied());
            let mut others = key.into_iter().chain(synonyms);
            let claims = |name: &str| words.get(&normalise(name)) == Some(&(*target, Strong));
            if claims(&label) { label } else { others.find(|n| claims(n)).map_or(label, str::to_owned) }
        })
        .collect()
}

/// Whether a header is a name some program gives a contact field (for telling a
/// header row from a data row).
pub fn is_known_header(header: &str) -> bool {
    thread_local! {
        static KNOWN: HashMap<String, (Target, Strength)> = vocabulary(&[]);
    }
    let key = normalise(header);
    KNOWN.with(|known| known.contains_key(&key))
}

/// A target for each column, from its name. Each target is proposed at most once:
/// the first column with a strong claim wins, then the first with a weak one; the
/// rest are skipped.
pub fn propose<S: AsRef<str>>(headers: &[S], custom_fields: &[&CustomField]) -> Vec<Target> {
    let words = vocabulary(custom_fields);
    let found: Vec<Option<(Target, Strength)>> = headers.iter().map(|h| words.get(&normalise(h.as_ref())).copied()).collect();
    claim_columns(&found, [Strong, Weak], Target::Skip)
}

/// Gives each column the target its header claims: claims of the first pass before
/// those of the second, each target to the first column claiming it; the others get
/// `unclaimed`. Shared by the contacts and the call-log mappings.
pub(crate) fn claim_columns<T: Copy + PartialEq, P: Copy + PartialEq>(found: &[Option<(T, P)>], passes: [P; 2], unclaimed: T) -> Vec<T> {
    let mut targets = vec![unclaimed; found.len()];
    for pass in passes {
        for (i, hit) in found.iter().enumerate() {
            let Some((target, strength)) = *hit else { continue };
            if strength == pass && !targets.contains(&target) {
                if let Some(slot) = targets.get_mut(i) {
                    *slot = target;
                }
            }
        }
    }
    targets
}

/// A key for "a file with these columns", whatever their order or spelling of case
/// and punctuation: the normalised names, sorted, hashed.
pub fn header_signature<S: AsRef<str>>(headers: &[S]) -> String {
    let mut names: Vec<String> = headers.iter().map(|h| normalise(h.as_ref())).collect();
    names.sort_unstable();
    let joined = names.join("\u{1f}");
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(joined.as_bytes()))
}

/// Each column's key in a saved mapping: its normalised name, with "#2", "#3" on
/// names seen before (so two "Email" columns stay apart).
fn column_keys<S: AsRef<str>>(headers: &[S]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    headers
        .iter()
        .map(|h| {
            let name = normalise(h.as_ref());
            let n = seen.entry(name.clone()).or_insert(0);
            *n += 1;
            if *n == 1 { name } else { format!("{name}#{n}") }
        })
        .collect()
}

/// The mapping as text: "givenname=first_name,email1value=email" (skipped columns
/// left out), keyed by column name so a reordered file maps the same way.
pub fn encode_mapping<S: AsRef<str>>(headers: &[S], targets: &[Target]) -> String {
    let pairs: Vec<String> = column_keys(headers)
        .into_iter()
        .zip(targets)
        .filter_map(|(key, target)| target.code().map(|code| format!("{key}={code}")))
        .collect();
    pairs.join(",")
}

/// Reads a saved mapping back for these headers. Targets that no longer exist (a
/// deleted custom field) and unknown text become Skip; a target claimed twice is
/// kept for its first column only.
pub fn decode_mapping<S: AsRef<str>>(saved: &str, headers: &[S], custom_fields: &[&CustomField]) -> Vec<Target> {
    let codes: HashMap<&str, &str> = saved.split(',').filter_map(|pair| pair.split_once('=')).collect();
    let mut targets: Vec<Target> = Vec::with_capacity(headers.len());
    for key in column_keys(headers) {
        let target = codes.get(key.as_str()).map_or(Target::Skip, |code| Target::from_code(code, custom_fields));
        targets.push(if target != Target::Skip && targets.contains(&target) { Target::Skip } else { target });
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every synonym reaches its own target: none is shadowed by an earlier name that
    /// normalises the same (a label, a key or another synonym).
    #[test]
    fn every_synonym_proposes_its_target() {
        let words = vocabulary(&[]);
        for (target, strength, names) in SYNONYMS {
            for name in *names {
                assert_eq!(words.get(&normalise(name)), Some(&(*target, *strength)), "{name}");
                assert_eq!(propose(&[*name], &[]), [*target], "{name}");
            }
        }
    }
}
