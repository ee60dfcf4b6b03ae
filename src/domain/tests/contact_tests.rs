use crate::domain::contact::{DraftPath, PhoneDraft};
use crate::domain::{ContactDraft, ContactErrors, ContactField, ListId, SocialNetwork, Workspace, WorkspaceError};

use super::support_tests::{draft, list, T0};

#[test]
fn a_full_draft_validates_into_normalised_data() {
    let mut d = draft(ListId::new(3), "  Anna ", "Rossi", "0039 333-1234567", " Anna@Example.com ");
    d.set(ContactField::Mobile, "+39 02 1234 5678");
    d.set(ContactField::Url, "https://example.com");
    d.set(ContactField::DateOfBirth, "25/04/1990");
    d.set(ContactField::Social(SocialNetwork::Telegram), "@anna");
    d.additional_phones.push(PhoneDraft { label: "".into(), number: "+44 20 7183 8750".into() });
    d.additional_phones.push(PhoneDraft::default());
    let (list, data) = d.validate().expect("valid");
    assert_eq!(list, ListId::new(3));
    assert_eq!(data.first_name(), "Anna");
    assert_eq!(data.get(ContactField::Phone), Some("393331234567"));
    assert_eq!(data.get(ContactField::Mobile), Some("390212345678"));
    assert_eq!(data.get(ContactField::Email), Some("Anna@Example.com"));
    assert_eq!(data.get(ContactField::DateOfBirth), Some("1990-04-25"));
    assert_eq!(data.get(ContactField::Social(SocialNetwork::Telegram)), Some("@anna"));
    assert_eq!(data.get(ContactField::Company), None);
    assert_eq!(data.additional_phones().len(), 1, "blank rows are dropped");
    assert_eq!(&*data.additional_phones()[0].label, "Other");
}

#[test]
fn every_error_is_reported_next_to_its_field() {
    let mut d = ContactDraft::default();
    d.set(ContactField::FirstName, "   ");
    d.set(ContactField::Phone, "+39 12");
    d.set(ContactField::Email, "not-an-email");
    d.set(ContactField::Url, "javascript:alert(1)");
    d.set(ContactField::DateOfBirth, "31/02/1990");
    d.set(ContactField::City, "x".repeat(1_001));
    d.additional_phones.push(PhoneDraft { label: "Home".into(), number: "abc".into() });
    let errors = d.validate().expect_err("invalid");
    for path in [
        DraftPath::List,
        DraftPath::Field(ContactField::FirstName),
        DraftPath::Field(ContactField::Phone),
        DraftPath::Field(ContactField::Email),
        DraftPath::Field(ContactField::Url),
        DraftPath::Field(ContactField::DateOfBirth),
        DraftPath::Field(ContactField::City),
        DraftPath::AdditionalPhone(0),
    ] {
        assert!(errors.message_for(path).is_some(), "no message for {path:?}: {errors:?}");
    }
    assert_eq!(errors.message_for(DraftPath::Field(ContactField::FirstName)), Some("First name is required"));
    assert_eq!(errors.message_for(DraftPath::Field(ContactField::LastName)), None);
    assert_eq!(
        errors.message_for(DraftPath::Field(ContactField::Url)),
        Some("only web addresses (http:// or https://) can be saved, not “\u{2068}javascript:\u{2069}”")
    );
}

#[test]
fn an_error_shown_goes_once_its_value_is_right_and_no_new_one_appears_before_a_save() {
    let mut ws = Workspace::new();
    let leads = list(&mut ws, "Leads");
    let mut d = draft(leads, "Ada", "", "", "ada@");
    d.set(ContactField::Url, "javascript:alert(1)");
    let WorkspaceError::Contact(shown) = ws.create_contact(&d, T0).expect_err("two errors") else { panic!("not a contact error") };
    assert_eq!(shown.0.len(), 2, "{shown:?}");
    // The email is fixed and the date of birth is still half typed: only the website's error stays.
    d.set(ContactField::Email, "ada@example.com");
    d.set(ContactField::DateOfBirth, "31/02");
    let left = ws.errors_left(&d, &shown);
    assert_eq!(left.0.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![DraftPath::Field(ContactField::Url)]);
    d.set(ContactField::Url, "ada.example.com");
    assert_eq!(ws.errors_left(&d, &left), ContactErrors::default());
    // A list deleted meanwhile keeps its own error, also beside a half-typed date.
    let gone = ContactErrors(vec![(DraftPath::List, "that list no longer exists".into()), (DraftPath::Field(ContactField::Email), "bad".into())]);
    let mut elsewhere = ContactDraft { list_id: Some(ListId::new(99)), ..d.clone() };
    assert_eq!(ws.errors_left(&elsewhere, &gone).0.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![DraftPath::List]);
    elsewhere.set(ContactField::DateOfBirth, "");
    assert_eq!(ws.errors_left(&elsewhere, &gone).0.iter().map(|(p, _)| *p).collect::<Vec<_>>(), vec![DraftPath::List]);
}

#[test]
fn websites_are_repaired_and_http_is_kept() {
    for (typed, saved) in [("www.example.com", "https://www.example.com"), ("example.com/path", "https://example.com/path"), ("http://example.com", "http://example.com")] {
        let mut d = ContactDraft { list_id: Some(crate::domain::ListId::new(1)), ..ContactDraft::default() };
        d.set(ContactField::FirstName, "Ann");
        d.set(ContactField::Url, typed);
        let data = d.validate().map(|(_, data)| data);
        assert_eq!(data.as_ref().ok().and_then(|c| c.get(ContactField::Url)), Some(saved), "{typed}: {data:?}");
    }
}

/// A form asks which number is meant when the digits are valid two ways; typed with
/// its country code, the number is taken as it is.
#[test]
fn a_form_asks_when_a_number_could_mean_two() {
    use crate::domain::contact::PhoneRules;
    let italy = crate::domain::Country::from_code("IT");
    let mut d = ContactDraft { list_id: Some(crate::domain::ListId::new(1)), ..ContactDraft::default() };
    d.set(ContactField::FirstName, "Ann");
    d.set(ContactField::Mobile, "333 1234567");
    let saved = d.validate_in(&[], PhoneRules::asking(italy)).map(|v| v.data.get(ContactField::Mobile).map(str::to_owned));
    assert_eq!(saved, Ok(Some("393331234567".to_owned())));
    d.set(ContactField::Mobile, "3281234567");
    let errors = d.validate_in(&[], PhoneRules::asking(italy)).err().unwrap_or_default();
    assert_eq!(
        errors.message_for(DraftPath::Field(ContactField::Mobile)),
        Some("“\u{2068}3281234567\u{2069}” can be +39 328 123 4567 · Italy or +32 81 23 45 67 · Belgium: write it with + and its country code")
    );
    d.set(ContactField::Mobile, "+39 328 123 4567");
    let saved = d.validate_in(&[], PhoneRules::asking(italy)).map(|v| v.data.get(ContactField::Mobile).map(str::to_owned));
    assert_eq!(saved, Ok(Some("393281234567".to_owned())));
    // Without a country, digits are read as international, as before.
    d.set(ContactField::Mobile, "333 1234567");
    assert!(d.validate_in(&[], PhoneRules::asking(None)).is_err());
}

#[test]
fn a_draft_round_trips_through_a_contact() {
    let mut ws = crate::domain::Workspace::new();
    let list = super::support_tests::list(&mut ws, "Leads");
    let mut d = draft(list, "Ann", "Lee", "+39 333 1234567", "ann@example.com");
    d.set(ContactField::Description, "likes <b>bold</b> & \"quotes\"");
    d.additional_phones.push(PhoneDraft { label: "Office".into(), number: "393331234568".into() });
    let (id, _) = ws.create_contact(&d, super::support_tests::T0).expect("saved");
    let stored = ws.contact(id).expect("present");
    let again = ContactDraft::from_contact(stored);
    assert_eq!(again.value(ContactField::Phone), "+393331234567");
    assert_eq!(again.additional_phones.first().map(|p| p.number.as_str()), Some("+393331234568"));
    assert_eq!(again.value(ContactField::Description), "likes <b>bold</b> & \"quotes\"");
    assert_eq!(again.validate().map(|(_, data)| data), Ok(stored.data.clone()));
    // Shown with "+", a number saves back unchanged whatever the list's country: in
    // Germany the digits 393331234567 alone would be a German number.
    let germany = crate::domain::contact::PhoneRules::asking(crate::domain::Country::from_code("DE"));
    assert_eq!(again.validate_in(&[], germany).map(|v| v.data), Ok(stored.data.clone()));
}
