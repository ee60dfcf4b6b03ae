//! The text forms of the two list-valued things a contact has, shared by CSV export
//! and import so an exported file imports back unchanged:
//! - tags: names separated by ", " ("VIP, Rome");
//! - additional phones: "label: number" pairs separated by "; "
//!   ("Work: 393331234567; Home: 390612345678").

use crate::domain::contact::{LabeledPhone, PhoneDraft};

/// Separates tag names in a cell.
pub const TAG_SEPARATOR: &str = ", ";
/// Separates additional phones in a cell.
pub const PHONE_SEPARATOR: &str = "; ";

/// "VIP, Rome".
pub fn format_tags<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    names.into_iter().collect::<Vec<_>>().join(TAG_SEPARATOR)
}

/// The tag names in a cell, trimmed, empty ones left out. Also reads Google
/// Contacts' labels ("* myContacts ::: * starred ::: VIP"): split on " ::: ", the
/// star marking a system label dropped (it is not part of the name), and
/// "myContacts" left out, as Google gives it to every contact.
pub fn parse_tags(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', ';'])
        .flat_map(|part| part.split(":::"))
        .map(|name| name.trim().trim_start_matches(['*', ' ']).trim())
        .filter(|name| !name.is_empty() && !name.eq_ignore_ascii_case("myContacts"))
}

/// "Work: 393331234567; Home: 390612345678".
pub fn format_phones(phones: &[LabeledPhone]) -> String {
    let pairs: Vec<String> = phones.iter().map(|p| format!("{}: {}", p.label, p.number)).collect();
    pairs.join(PHONE_SEPARATOR)
}

/// The phones in a cell as drafts (validated later, with the rest of the contact).
/// A number without a label gets the draft's empty label ("Other" once validated).
pub fn parse_phones(cell: &str) -> impl Iterator<Item = PhoneDraft> + '_ {
    cell.split(';').map(str::trim).filter(|part| !part.is_empty()).map(|part| match part.rsplit_once(':') {
        Some((label, number)) => PhoneDraft { label: label.trim().to_owned(), number: number.trim().to_owned() },
        None => PhoneDraft { label: String::new(), number: part.to_owned() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::PhoneNumber;

    #[test]
    fn tags_round_trip_and_read_google_groups() {
        let cell = format_tags(["VIP", "Rome"]);
        assert_eq!(cell, "VIP, Rome");
        assert_eq!(parse_tags(&cell).collect::<Vec<_>>(), ["VIP", "Rome"]);
        assert_eq!(parse_tags(" * myContacts ::: Friends ::: Work ").collect::<Vec<_>>(), ["Friends", "Work"]);
        assert_eq!(parse_tags("* myContacts ::: * starred ::: Customers ::: VIP").collect::<Vec<_>>(), ["starred", "Customers", "VIP"]);
        assert_eq!(parse_tags("*MYCONTACTS:::*Starred:::mycontacts; Rome").collect::<Vec<_>>(), ["Starred", "Rome"]);
        assert_eq!(parse_tags(" , ;").count(), 0);
        assert_eq!(parse_tags(" * ::: ** ").count(), 0);
    }

    #[test]
    fn phones_round_trip() {
        let phone = |label: &str, n: &str| LabeledPhone { label: label.into(), number: PhoneNumber::parse(n).unwrap_or_else(|e| panic!("{n}: {e}")) };
        let phones = [phone("Work", "+39 333 123 4567"), phone("Home", "+39 06 1234 5678")];
        let cell = format_phones(&phones);
        assert_eq!(cell, "Work: 393331234567; Home: 390612345678");
        let drafts: Vec<PhoneDraft> = parse_phones(&cell).collect();
        assert_eq!(drafts, [PhoneDraft { label: "Work".into(), number: "393331234567".into() }, PhoneDraft { label: "Home".into(), number: "390612345678".into() }]);
        let bare: Vec<PhoneDraft> = parse_phones("+39 333 1234567;").collect();
        assert_eq!(bare, [PhoneDraft { label: String::new(), number: "+39 333 1234567".into() }]);
    }
}
