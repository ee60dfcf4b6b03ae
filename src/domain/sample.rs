//! Realistic generated contacts for benchmarks and tests: deterministic for a seed,
//! every contact valid (built through the same validation a form uses).

use super::contact::{ContactData, ContactDraft, PhoneDraft};
use super::field::{ContactField, SocialNetwork};
use super::ids::ListId;

const FIRST: &[&str] = &[
    "Anna", "Marco", "Giulia", "Luca", "Sofia", "Matteo", "Emma", "Lorenzo", "Chiara", "Andrea", "Sara", "Francesco",
    "Laura", "Alessandro", "Martina", "Davide", "Elena", "Paolo", "Valentina", "Simone", "John", "Mary", "James",
    "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "José", "María", "Zoë", "François",
    "Björn", "Ana", "Noah", "Olivia", "Liam", "Ava",
];
const LAST: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
    "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Smith", "Johnson", "Williams", "Brown", "Jones", "García",
    "Miller", "Davis", "Martínez", "Müller", "O'Brien", "Nguyen", "Kowalski", "Dubois",
];
const CITIES: &[&str] = &["Roma", "Milano", "Napoli", "Torino", "Bologna", "London", "Madrid", "Berlin", "Paris", "Lisboa"];
const COMPANIES: &[&str] = &["Acme S.p.A.", "Globex", "Initech", "Umbrella Srl", "Stark Industries", "Wayne Enterprises", ""];
const DOMAINS: &[&str] = &["example.com", "mail.example.it", "example.org", "posta.example.net"];

/// A small, fast, deterministic generator (xorshift64*): no dependency, same output on
/// every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A draft for the `i`-th generated contact of a seed.
pub fn sample_draft(rng_seed: u64, i: usize, list: ListId) -> ContactDraft {
    let mut rng = Rng(rng_seed.wrapping_add(i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let mut d = ContactDraft { list_id: Some(list), ..ContactDraft::default() };
    d.set(ContactField::FirstName, first);
    d.set(ContactField::LastName, last);
    // Italian mobiles (3xx) and Milan landlines (02) are valid for libphonenumber.
    d.set(ContactField::Phone, format!("+39 3{:02} {:07}", 20 + rng.below(70), rng.below(10_000_000)));
    if rng.below(3) == 0 {
        d.set(ContactField::Mobile, format!("0039 02 {:08}", rng.below(100_000_000)));
    }
    let ascii = |s: &str| s.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
    d.set(ContactField::Email, format!("{}.{}{}@{}", ascii(first), ascii(last), i, rng.pick(DOMAINS)));
    d.set(ContactField::Company, rng.pick(COMPANIES));
    d.set(ContactField::City, rng.pick(CITIES));
    if rng.below(4) == 0 {
        d.set(ContactField::Social(SocialNetwork::LinkedIn), format!("{}-{}-{i}", ascii(first), ascii(last)));
    }
    if rng.below(10) == 0 {
        d.additional_phones.push(PhoneDraft { label: "Office".into(), number: format!("+39 06 {:08}", rng.below(100_000_000)) });
    }
    d
}

/// `n` valid contacts for a list, deterministic for `seed`.
pub fn generate_contacts(n: usize, seed: u64) -> Vec<ContactData> {
    let list = ListId::new(0);
    (0..n).filter_map(|i| sample_draft(seed, i, list).validate().ok().map(|(_, data)| data)).collect()
}

/// The columns of `generate_csv`: an Outlook-style contacts export.
pub const CSV_HEADERS: [&str; 15] = [
    "First Name", "Last Name", "E-mail Address", "Mobile Phone", "Business Phone", "Company", "Job Title",
    "Business Street", "Business City", "Business Postal Code", "Business Country/Region", "Birthday", "Notes",
    "Web Page", "Categories",
];
/// Tags `generate_csv` puts in its Categories column (an import needs them to exist).
pub const CSV_TAGS: [&str; 3] = ["VIP", "Lead", "Customer"];

/// A realistic CSV export of `rows` contacts for import tests and figures, ~125 bytes
/// a row, deterministic for `seed`. Every row has a business phone (the Phone
/// field), half a mobile. In every hundred rows: five repeat an earlier row's person
/// (email in capitals, phone written another way), one is invalid (a bad email, a
/// bad phone or no first name, in turn); about one in ten rows has a tag from
/// `CSV_TAGS`, one in five a note (some with commas, quotes, line breaks).
pub fn generate_csv(rows: usize, seed: u64) -> Vec<u8> {
    const TITLES: &[&str] = &["Sales Manager", "CEO", "Buyer", "Office Manager", "Engineer", "Consultant", ""];
    const STREETS: &[&str] = &["Via Roma", "Corso Italia", "Via Garibaldi", "High Street", "Calle Mayor", "Rue de la Paix"];
    const NOTES: &[&str] = &["Prefers email", "Call after 5pm, not before", "Met at the fair; wants a \"demo\"", "Old customer\nsecond line"];
    let ascii = |s: &str| s.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_lowercase();
    // The i-th row's person, the same whenever it is asked for.
    let person = |i: usize| {
        let mut rng = Rng(seed.wrapping_add(i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
        let email = format!("{}.{}{}@{}", ascii(first), ascii(last), i, rng.pick(DOMAINS));
        let office = rng.below(100_000_000);
        (first, last, email, office, rng)
    };
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::with_capacity(rows * 130 + 256));
    let _ = writer.write_record(CSV_HEADERS);
    for i in 0..rows {
        let (mut first, mut last, mut email, office, mut rng) = person(i);
        let mut business = format!("+39 02 {office:08}");
        let kind = i % 100;
        if kind % 20 == 7 {
            // A person entered twice: an earlier ordinary row (kind 1) again.
            let j = rng.below(i / 100 + 1) * 100 + 1;
            let (f, l, e, o, _) = person(j);
            (first, last, email) = (f, l, e.to_uppercase());
            business = format!("0039 02-{o:08}");
        } else if kind == 13 {
            match (i / 100) % 3 {
                0 => email = email.replace('@', ".at."),
                1 => business = "+39 12".to_owned(),
                _ => first = "",
            }
        }
        let mobile = if rng.below(2) == 0 { format!("+39 3{:02} {:07}", 20 + rng.below(70), rng.below(10_000_000)) } else { String::new() };
        let birthday = if rng.below(3) == 0 { format!("{:02}/{:02}/{}", 1 + rng.below(28), 1 + rng.below(12), 1950 + rng.below(55)) } else { String::new() };
        let note = if rng.below(5) == 0 { rng.pick(NOTES) } else { "" };
        let web = if rng.below(10) == 0 { format!("https://www.example.com/{}", ascii(last)) } else { String::new() };
        let tag = if rng.below(10) == 0 { rng.pick(&CSV_TAGS) } else { "" };
        let street = format!("{} {}", rng.pick(STREETS), 1 + rng.below(200));
        let postal = format!("{:05}", rng.below(100_000));
        let record = [
            first, last, &email, &mobile, &business, rng.pick(COMPANIES), rng.pick(TITLES), &street,
            rng.pick(CITIES), &postal, "Italy", &birthday, note, &web, tag,
        ];
        let _ = writer.write_record(record);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_contact_is_valid_and_deterministic() {
        let list = ListId::new(0);
        for i in 0..2_000 {
            let draft = sample_draft(7, i, list);
            assert!(draft.validate().is_ok(), "{i}: {:?} -> {:?}", draft, draft.validate().err());
        }
        assert_eq!(generate_contacts(50, 7), generate_contacts(50, 7));
        assert_ne!(generate_contacts(5, 7), generate_contacts(5, 8));
    }
}
