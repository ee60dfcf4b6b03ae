//! Phone numbers parse as before.

use super::*;

#[test]
fn every_sample_phone_parses_as_before() {
    let list = ListId::new(1);
    for i in 0..3_000 {
        let d = sample::sample_draft(42, i, list);
        for f in [ContactField::Phone, ContactField::Mobile] {
            same_phone(d.value(f));
        }
        for p in &d.additional_phones {
            same_phone(&p.number);
        }
    }
    let csv = sample::generate_csv(3_000, 7);
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let headers = reader.headers().cloned().unwrap_or_default();
    let phone_columns: Vec<usize> = headers.iter().enumerate().filter(|(_, h)| h.contains("Phone")).map(|(i, _)| i).collect();
    assert_eq!(phone_columns.len(), 2);
    let mut seen = 0;
    for record in reader.records().flatten() {
        for &c in &phone_columns {
            if let Some(cell) = record.get(c) {
                same_phone(cell);
                seen += 1;
            }
        }
    }
    assert!(seen >= 6_000, "{seen}");
}

#[test]
fn hand_picked_phones_parse_as_before() {
    for input in [
        // Italy: leading zeros (landlines 0x, a run of zeros), mobiles, too short/long.
        "+39 06 1234 5678", "+39 02 1234 5678", "0039 0212345678", "390612345678", "+39 00 1234 5678", "+39 000 000 000",
        "+39 0", "+39 00", "+39 000", "+39 333 123 4567", "+39 333 1234 5678 9012 345", "+39 3", "+39 33", "+39 12",
        "+39 06", "+39 06 698", "+39 066 9812345", "3933312345678", "39 333 12345",
        // United Kingdom: with the national 0, without, the 180020 prefix.
        "+44 20 7183 8750", "+44 020 7183 8750", "+44 (0)20 7183 8750", "0044 7911 123456", "+44 07911 123456",
        "+44 1800 20 7183 8750", "+44 180020 7911123456", "+44 0", "+44 00",
        // NANPA: with the national 1 repeated, toll free, too short.
        "+1 650 253 0000", "+1 1 650 253 0000", "1 650 253 0000", "+1 800 555 0199", "+1 000 000 0000", "+1 65",
        "+1 242 357 1234", "+1 268 460 1234", "+1 4601234", "+1 1 4601234",
        // National prefixes elsewhere: Russia 8, Hungary 06, Germany 0, France 0, Argentina 0/15, Brazil 0/90.
        "+7 8 912 345 67 89", "+7 912 345 67 89", "+36 06 1 234 5678", "+36 1 234 5678", "+49 030 123456",
        "+49 30 123456", "+33 0 1 23 45 67 89", "+33 1 23 45 67 89", "+54 9 11 1234 5678", "+54 0 11 15 1234 5678",
        "+55 0 11 91234 5678", "+55 90 11 91234 5678", "+55 11 91234 5678", "+61 0 4 1234 5678", "+61 4 1234 5678",
        "+81 0 90 1234 5678", "+86 0 10 1234 5678", "+82 0 10 1234 5678", "+378 0549 123456", "+672 3 12345",
        // Non-geographic, unknown and odd ones.
        "+800 1234 5678", "+882 1234 5678", "+979 1234 5678", "+999 1234567", "999", "+0 123 456", "0 123 456",
        "00", "000", "0000 39 333 1234567", "00 39 333 1234567", "+00 39 333 1234567", "+", "++39 333", "39+333",
        "", "   ", "3", "39", "393", "3933", "+1", "+12", "+123", "12345678901234567", "123456789012345678",
        "+39 333 abc", "+39\u{a0}333\t1234567", "(+39) 333 1234567", "+39/333/1234567", "+39.333.123.4567",
        "٣٩٣٣٣١٢٣٤٥٦٧", "+39 333 1234567 ext 12", "+39 333 1234567;ext=12", "tel:+39-333-1234567",
    ] {
        same_phone(input);
    }
}

/// Every country code the fast path knows, followed by each digit (a national prefix
/// the table missed would be stripped by the parser, not by the fast path), the
/// national prefixes the table lists, or nothing, and then its regions' example numbers.
#[test]
fn the_national_prefix_table_agrees_with_the_parser_for_every_country() {
    let types = [
        PhoneNumberType::FixedLine, PhoneNumberType::Mobile, PhoneNumberType::TollFree, PhoneNumberType::PremiumRate,
        PhoneNumberType::SharedCost, PhoneNumberType::VoIP, PhoneNumberType::PersonalNumber, PhoneNumberType::Pager,
        PhoneNumberType::UAN, PhoneNumberType::VoiceMail,
    ];
    assert!(NATIONAL_PREFIXES_FOR_PARSING.windows(2).all(|w| w[0].0 < w[1].0));
    let mut checked = 0;
    for (code, prefixes) in NATIONAL_PREFIXES_FOR_PARSING {
        let regions: Vec<Region> = PHONE_NUMBER_UTIL.get_regions_for_country_calling_code(*code).map(|r| r.collect()).unwrap_or_default();
        assert!(!regions.is_empty(), "unknown country code {code} in the table");
        let mut examples: Vec<String> = Vec::new();
        for region in regions {
            if region == Region::World {
                examples.extend(PHONE_NUMBER_UTIL.get_example_number_for_non_geo_entity(*code).ok().map(|n| n.get_national_significant_number()));
            }
            for t in types {
                examples.extend(PHONE_NUMBER_UTIL.get_example_number_for_type_and_region(region, t).ok().map(|n| n.get_national_significant_number()));
            }
        }
        assert!(!examples.is_empty(), "no example numbers for {code}");
        let heads: Vec<String> = (0..10).map(|d| d.to_string()).chain(prefixes.iter().map(|p| p.to_string())).chain([String::new(), "00".into()]).collect();
        for example in &examples {
            for head in &heads {
                for cut in [0, 1] {
                    let body = example.get(cut..).unwrap_or("");
                    same_phone(&format!("+{code}{head}{body}"));
                    same_phone(&format!("+{code} {head} {body}1"));
                    checked += 2;
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Every known country code with each first digit and every length, random digits.
#[test]
fn random_digits_after_every_country_code_parse_as_before() {
    let mut rng = Lcg(0x2545_F491_4F6C_DD1D);
    let codes: Vec<String> = (1..1000).filter(|c| PHONE_NUMBER_UTIL.get_region_for_country_code(*c).is_some()).map(|c| c.to_string()).collect();
    assert!(codes.len() > 200);
    for code in codes.iter().map(String::as_str).chain(["0", "999", "28"]) {
        for first in 0..10 {
            for len in 0..=15 {
                let rest = rng.digits(len);
                same_phone(&format!("+{code}{first}{rest}"));
            }
        }
    }
}

fn phone_input() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec!["", "", "+", "00", "+00", " +", "0"]);
    let code = prop::sample::select(COUNTRY_CODES.to_vec());
    let leading = prop::sample::select(vec!["", "", "", "0", "00", "1", "8", "06", "15", "90", "180020"]);
    let body = prop::collection::vec((0u8..10, prop::sample::select(vec!["", "", "", "", " ", "-", ".", "(", ")", "/", "\u{a0}", "\t"])), 0..=20);
    (prefix, code, leading, body).prop_map(|(prefix, code, leading, body)| {
        let mut s = format!("{prefix}{code}{leading}");
        for (d, sep) in body {
            s.push(char::from(b'0' + d));
            s.push_str(sep);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, ..ProptestConfig::default() })]

    #[test]
    fn random_phone_numbers_parse_as_before(input in phone_input()) {
        prop_assert_eq!(new_phone_parse(&input), old_phone_parse(&input), "{:?}", input);
    }

    #[test]
    fn random_digit_strings_parse_as_before(input in "[+]?[0-9]{0,20}") {
        prop_assert_eq!(new_phone_parse(&input), old_phone_parse(&input), "{:?}", input);
    }
}
