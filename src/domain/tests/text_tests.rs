//! `text::clean` over arbitrary Unicode: what it gives back is clean, cleaning it again
//! changes nothing, and it only ever removes characters or turns breaks into spaces.

use proptest::prelude::*;

use crate::domain::text::{clean, is_direction_control, is_hostile_control, Lines, MAX_COMBINING_RUN};

/// Strings that mix ordinary text with every kind of hostile character.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        any::<char>().prop_map(String::from),
        "[a-zA-Zàéüßשלוםمرحبا ]{1,8}",
        Just("\0".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{2067}".to_owned()),
        (1usize..80).prop_map(|n| "\u{0301}".repeat(n)),
        (1usize..40).prop_map(|n| "\u{0E49}".repeat(n)),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

fn longest_mark_run(text: &str) -> usize {
    let (mut run, mut longest) = (0, 0);
    for c in text.chars() {
        // The marks `clean` counts include these two; a wider count is an upper bound.
        run = if matches!(c, '\u{0300}'..='\u{036F}' | '\u{0E49}') { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    #[test]
    fn cleaned_text_is_clean_and_stays_so(raw in hostile_text(), lines in prop_oneof![Just(Lines::One), Just(Lines::Many), Just(Lines::AsIs)]) {
        let (text, removed) = clean(&raw, lines);
        prop_assert!(!text.chars().any(|c| is_hostile_control(c) || is_direction_control(c)), "{text:?}");
        if lines != Lines::AsIs {
            prop_assert!(!text.contains('\r'));
        }
        if lines == Lines::One {
            prop_assert!(!text.contains(['\n', '\t']));
        }
        prop_assert!(longest_mark_run(&text) <= MAX_COMBINING_RUN);
        let again = clean(&text, lines);
        prop_assert_eq!(&again.0, &text);
        prop_assert!(!again.1.any());
        // Only removals and one-for-one replacements ("\r\n" counts as one break).
        let breaks = if lines == Lines::AsIs { 0 } else { raw.matches("\r\n").count() };
        prop_assert_eq!(text.chars().count() + removed.controls + removed.direction + removed.marks + breaks, raw.chars().count());
        prop_assert_eq!(removed.any(), removed.described().is_some());
    }
}

/// Every text field of the contact form, and a text custom field: whatever is typed or
/// imported, what is stored holds no hostile character and no runaway marks.
#[test]
fn every_text_field_stores_clean_text() {
    use crate::domain::contact::PhoneRules;
    use crate::domain::custom_field::FieldType;
    use crate::domain::field::FieldKind;
    use crate::domain::{ContactDraft, ContactField};

    use super::import_support::{custom, LIST};

    let note = custom(9, "Note", FieldType::Text, false);
    let text_fields: Vec<ContactField> = ContactField::all().filter(|f| matches!(f.kind(), FieldKind::Text | FieldKind::LongText)).collect();
    assert!(text_fields.len() > 10, "{text_fields:?}");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 400, ..ProptestConfig::default() });
    let result = runner.run(&(hostile_text(), prop::sample::select(text_fields)), |(raw, field)| {
        let mut draft = ContactDraft { list_id: Some(LIST), ..ContactDraft::default() };
        draft.set(ContactField::FirstName, "Anna");
        draft.set(field, raw.clone());
        draft.custom.insert(note.id, raw.clone());
        if let Ok(v) = draft.validate_in(&[&note], PhoneRules::asking(None)) {
            let stored: Vec<String> = [v.data.get(field).map(str::to_owned), v.data.custom_value(note.id).map(|c| c.to_text())].into_iter().flatten().collect();
            for text in stored {
                prop_assert!(!text.chars().any(|c| is_hostile_control(c) || is_direction_control(c)), "{field:?}: {text:?}");
                prop_assert!(longest_mark_run(&text) <= MAX_COMBINING_RUN, "{field:?}");
                prop_assert_eq!(text.trim(), text.as_str());
                if field.kind() == FieldKind::Text {
                    prop_assert!(!text.contains(['\n', '\r', '\t']), "{field:?}: {text:?}");
                }
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
