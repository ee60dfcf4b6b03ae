//! Numbers typed without their country code, read with a default country
//! (`PhoneNumber::parse_in`), and the `Country` they are read with.

use crate::domain::{Country, PhoneError, PhoneNumber, PhoneReading};

fn country(code: &str) -> Option<Country> {
    let found = Country::from_code(code);
    assert!(found.is_some(), "{code} should be a supported country");
    found
}

/// The number and alternative `parse_in` reads, in WhatsApp form.
fn read(input: &str, code: &str) -> Result<(String, Option<String>), PhoneError> {
    PhoneNumber::parse_in(input, country(code))
        .map(|PhoneReading { number, alternative }| (number.to_string(), alternative.map(|a| a.to_string())))
}

/// Each input must read as `expected` in `code`, with no other reading.
fn assert_national(code: &str, expected: &str, inputs: &[&str]) {
    for input in inputs {
        assert_eq!(read(input, code), Ok((expected.to_owned(), None)), "{code} {input:?}");
    }
}

#[test]
fn italian_national_numbers_keep_their_leading_zero() {
    assert_national("IT", "393331234567", &["333 1234567", "3331234567", "333-123-4567", "333.123.4567", "(333) 1234567", "333/1234567", "\t333 123 4567 "]);
    assert_national("IT", "39021000000", &["02 1000000", "02-1000000", "(02) 100 0000", "02/1000000"]);
    assert_national("IT", "390521123456", &["0521 123456"]);
}

#[test]
fn german_national_numbers_drop_the_trunk_zero() {
    assert_national("DE", "4915123456789", &["0151 23456789", "0151/23456789", "0151-23456789", "(0151) 234 567 89", "015123456789"]);
    assert_national("DE", "49301234567", &["030 1234567", "(030) 1234567", "030/123 45 67"]);
    assert_national("DE", "49891234567", &["089 1234567"]);
}

#[test]
fn french_national_numbers_drop_the_trunk_zero() {
    assert_national("FR", "33612345678", &["06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678"]);
    assert_national("FR", "33123456789", &["01 23 45 67 89"]);
}

#[test]
fn spanish_national_numbers_have_no_trunk_prefix() {
    assert_national("ES", "34912345678", &["912 345 678", "91 234 56 78", "912345678", "912-345-678"]);
    assert_national("ES", "34612345678", &["612 34 56 78"]);
}

#[test]
fn british_national_numbers_drop_the_trunk_zero() {
    assert_national("GB", "442071838750", &["020 7183 8750", "(020) 7183-8750", "02071838750", "020.7183.8750"]);
    assert_national("GB", "447400123456", &["07400 123456", "07400-123-456"]);
}

#[test]
fn us_national_numbers_in_the_usual_shapes() {
    assert_national("US", "12125550100", &["(212) 555-0100", "212-555-0100", "1 212 555 0100", "212.555.0100", "2125550100", "1-212-555-0100", "+1 212 555 0100"]);
    assert_national("US", "16175550101", &["617-555-0101"]);
    assert_national("US", "16175550102", &["(617) 555 0102"]);
    assert_national("US", "16502530000", &["650 253 0000"]);
}

#[test]
fn international_input_is_read_as_before_whatever_the_country() {
    let inputs = ["+39 333 123 4567", "0039 333 1234567", "00 39 333 1234567", "+44 20 7183 8750", "+1 (650) 253-0000", "+49 151 23456789", "+999 1234567", "+39 3", "+39 333 abc", "0 0 32 81 23 45 67"];
    for code in ["IT", "DE", "US", "GB"] {
        for input in inputs {
            let reading = PhoneNumber::parse_in(input, country(code)).map(|r| (r.number, r.alternative));
            assert_eq!(reading, PhoneNumber::parse(input).map(|n| (n, None)), "{code} {input:?}");
        }
    }
    assert_eq!(read("+39 333 123 4567", "DE"), Ok(("393331234567".into(), None)));
    assert_eq!(read("0044 20 7183 8750", "IT"), Ok(("442071838750".into(), None)));
    // "00" is the international prefix, also where it is not the one dialled (US: 011).
    assert_eq!(read("0032 81 23 45 67", "US"), Ok(("3281234567".into(), None)));
}

#[test]
fn without_a_country_digits_are_international_as_before() {
    for input in ["3281234567", "393331234567", "333 1234567", "02 1000000", "2125550100", "+39 333 123 4567", "", "12a"] {
        let reading = PhoneNumber::parse_in(input, None).map(|r| (r.number, r.alternative));
        assert_eq!(reading, PhoneNumber::parse(input).map(|n| (n, None)), "{input:?}");
    }
    assert_eq!(PhoneNumber::parse_in("3281234567", None).map(|r| r.number.to_string()), Ok("3281234567".into()));
}

#[test]
fn digits_valid_both_ways_keep_the_international_reading_as_alternative() {
    // An Italian mobile that is also a Belgian fixed line once "32" is a country code.
    assert_eq!(read("3281234567", "IT"), Ok(("393281234567".into(), Some("3281234567".into()))));
    assert_eq!(read("328 123 4567", "IT"), Ok(("393281234567".into(), Some("3281234567".into()))));
    let alternative = PhoneNumber::parse_in("3281234567", country("IT")).ok().and_then(|r| r.alternative);
    assert_eq!(alternative.as_ref().and_then(PhoneNumber::country), country("BE"));
    assert_eq!(alternative.map(|a| a.described()).as_deref(), Some("+32 81 23 45 67 · Belgium"));
    // A New Jersey number that is also an Egyptian one once "20" is a country code.
    assert_eq!(read("201 555 0123", "US"), Ok(("12015550123".into(), Some("2015550123".into()))));
    // German numbers have so many lengths that an Italian one without "+" is German too.
    assert_eq!(read("393331234567", "DE"), Ok(("49393331234567".into(), Some("393331234567".into()))));
}

#[test]
fn digits_starting_with_the_countrys_own_code_are_one_number() {
    assert_eq!(read("393331234567", "IT"), Ok(("393331234567".into(), None)));
    assert_eq!(read("39 333 1234567", "IT"), Ok(("393331234567".into(), None)));
    assert_eq!(read("12125550100", "US"), Ok(("12125550100".into(), None)));
    // The US international prefix is 011, and the library knows it.
    assert_eq!(read("011 39 333 123 4567", "US"), Ok(("393331234567".into(), None)));
}

#[test]
fn a_number_only_valid_internationally_is_read_that_way() {
    assert_eq!(read("393331234567", "US"), Ok(("393331234567".into(), None)));
    assert_eq!(read("44 7400 123456", "US"), Ok(("447400123456".into(), None)));
    assert_eq!(read("33 6 12 34 56 78", "ES"), Ok(("33612345678".into(), None)));
}

#[test]
fn national_errors_say_why() {
    assert_eq!(read("   ", "IT"), Err(PhoneError::Empty));
    assert_eq!(read("333 abc", "IT"), Err(PhoneError::BadCharacter('a')));
    // A vanity number: letters stay an error, not the digits of a keypad.
    assert_eq!(read("1-800-FLOWERS", "US"), Err(PhoneError::BadCharacter('F')));
    assert_eq!(read("333 123+4567", "IT"), Err(PhoneError::BadCharacter('+')));
    assert_eq!(read("---", "IT"), Err(PhoneError::TooShort));
    assert_eq!(read("3", "IT"), Err(PhoneError::TooShort));
    assert_eq!(read("1234", "IT"), Err(PhoneError::TooShort));
    assert_eq!(read("02 12", "IT"), Err(PhoneError::TooShort));
    assert_eq!(read("333 12345678901", "IT"), Err(PhoneError::TooLong));
    assert_eq!(read("1234567890123456789012345678901234567890", "IT"), Err(PhoneError::TooLong));
    // The library counts 8 digits as a possible French length, so it can only say "not valid".
    assert_eq!(read("06 12 34 56 7", "FR"), Err(PhoneError::NotValid));
    assert_eq!(read("06 12 34 56 78 9", "FR"), Err(PhoneError::TooLong));
    // Norway has 5- and 8-digit numbers, Switzerland 9 and 12 digits after the 0.
    assert_eq!(read("22 12 34 5", "NO"), Err(PhoneError::InvalidLength));
    assert_eq!(read("044 668 18 00 1", "CH"), Err(PhoneError::InvalidLength));
    assert_eq!(read("0123 4567", "US"), Err(PhoneError::TooShort));
    assert_eq!(read("99 1234567", "IT"), Err(PhoneError::NotValid));
    // Seven digits are a possible local number in the US, but not a whole one.
    assert_eq!(read("555-0100", "US"), Err(PhoneError::NotValid));
    assert_eq!(read("999 999 9999", "US"), Err(PhoneError::NotValid));
}

#[test]
fn numbers_describe_themselves_with_their_country() {
    let described = |input: &str, code: &str| PhoneNumber::parse_in(input, country(code)).map(|r| (r.number.international(), r.number.described()));
    assert_eq!(described("328 123 4567", "IT"), Ok(("+39 328 123 4567".into(), "+39 328 123 4567 · Italy".into())));
    assert_eq!(described("0151 23456789", "DE"), Ok(("+49 1512 3456789".into(), "+49 1512 3456789 · Germany".into())));
    assert_eq!(described("020 7183 8750", "GB"), Ok(("+44 20 7183 8750".into(), "+44 20 7183 8750 · United Kingdom".into())));
    assert_eq!(described("617-555-0101", "US"), Ok(("+1 617-555-0101".into(), "+1 617-555-0101 · United States".into())));
    // Rome numbers in the Vatican's range belong to the Vatican.
    assert_eq!(PhoneNumber::parse_in("06 6982 0000", country("IT")).ok().and_then(|r| r.number.country()), country("VA"));
    // A non-geographic (freephone) number has no country.
    let freephone = PhoneNumber::parse("+800 1234 5678").ok();
    assert_eq!(freephone.as_ref().map(PhoneNumber::country), Some(None));
    assert_eq!(freephone.map(|n| n.described()).as_deref(), Some("+800 1234 5678"));
}

#[test]
fn country_from_code_accepts_any_case_and_only_known_regions() {
    assert_eq!(Country::from_code("it").map(Country::code), Some("IT"));
    assert_eq!(Country::from_code(" IT ").map(Country::code), Some("IT"));
    assert_eq!(Country::from_code("gB").map(Country::code), Some("GB"));
    for unknown in ["", "I", "ITA", "001", "ZZ", "AQ", "UK", "1T", "I T", "ÌT"] {
        assert_eq!(Country::from_code(unknown), None, "{unknown:?}");
    }
}

#[test]
fn country_from_locale_reads_the_region_or_the_language() {
    for (tag, code) in [
        ("it-IT", "IT"), ("de-DE", "DE"), ("en-GB", "GB"), ("en-US", "US"), ("pt-BR", "BR"), ("zh-Hant-TW", "TW"),
        ("de-CH", "CH"), ("fr-CA", "CA"), ("es-MX", "MX"), ("en_IE", "IE"), ("EN-au", "AU"), ("sr-Latn-RS", "RS"),
        ("it", "IT"), ("de", "DE"), ("fr", "FR"), ("es", "ES"), ("en", "US"), ("ja", "JP"), ("pt", "PT"),
        ("nl", "NL"), ("pl", "PL"), ("sv", "SE"), ("el", "GR"), ("da", "DK"), ("cs", "CZ"), ("zh", "CN"),
        ("zh-Hant", "TW"), ("nb", "NO"), ("uk", "UA"), ("ko", "KR"), ("fil", "PH"), ("IT", "IT"),
    ] {
        assert_eq!(Country::from_locale(tag).map(Country::code), Some(code), "{tag}");
    }
    for tag in ["", "ar", "sw", "es-419", "en-001", "en-AQ", "x-private", "C", "und"] {
        assert_eq!(Country::from_locale(tag), None, "{tag:?}");
    }
}

#[test]
fn country_names_codes_and_calling_codes() {
    for (code, name, calling) in [
        ("IT", "Italy", 39), ("DE", "Germany", 49), ("GB", "United Kingdom", 44), ("US", "United States", 1),
        ("FR", "France", 33), ("ES", "Spain", 34), ("CA", "Canada", 1), ("VA", "Vatican City", 39),
        ("CI", "Côte d'Ivoire", 225), ("XK", "Kosovo", 383), ("AC", "Ascension Island", 247), ("RU", "Russia", 7),
    ] {
        let c = Country::from_code(code);
        assert_eq!(c.map(Country::name), Some(name), "{code}");
        assert_eq!(c.map(Country::calling_code), Some(calling), "{code}");
        assert_eq!(c.map(|c| c.to_string()).as_deref(), Some(name), "{code}");
    }
    assert_eq!(Country::from_code("IT").map(Country::label).as_deref(), Some("Italy (+39)"));
    assert_eq!(Country::from_code("US").map(Country::label).as_deref(), Some("United States (+1)"));
}

#[test]
fn country_for_calling_code_is_the_main_region() {
    for (calling, code) in [(1, "US"), (44, "GB"), (39, "IT"), (7, "RU"), (49, "DE"), (61, "AU"), (262, "RE"), (47, "NO")] {
        assert_eq!(Country::for_calling_code(calling).map(Country::code), Some(code), "{calling}");
    }
    for calling in [0, 800, 882, 999, 65535] {
        assert_eq!(Country::for_calling_code(calling), None, "{calling}");
    }
}

#[test]
fn every_supported_region_is_a_country_with_a_name() {
    let util = &*rlibphonenumber::PHONE_NUMBER_UTIL;
    let mut supported: Vec<String> = util.get_supported_regions().map(|r| r.to_string()).collect();
    supported.sort();
    let mut ours: Vec<String> = Country::all().into_iter().map(|c| c.code().to_owned()).collect();
    ours.sort();
    assert_eq!(ours, supported);
    for code in &supported {
        let c = Country::from_code(code);
        assert_eq!(c.map(Country::code), Some(code.as_str()));
        let name = c.map(Country::name).unwrap_or_default();
        assert!(name.len() > 2 && !name.contains("Reserved") && !name.contains(','), "{code}: {name:?}");
        let calling = rlibphonenumber::Region::from_code(code).ok().and_then(|r| util.get_country_code_for_region(r));
        assert_eq!(c.map(|c| i32::from(c.calling_code())), calling, "{code}");
    }
}

#[test]
fn all_countries_are_sorted_by_name_for_a_picker() {
    let names: Vec<&str> = Country::all().into_iter().map(Country::name).collect();
    assert_eq!(names.len(), 245);
    assert_eq!(names.get(..4), Some(&["Afghanistan", "Åland Islands", "Albania", "Algeria"][..]));
    assert_eq!(names.last(), Some(&"Zimbabwe"));
    let position = |name: &str| names.iter().position(|n| *n == name);
    assert!(position("Côte d'Ivoire") < position("Croatia") && position("Costa Rica") < position("Côte d'Ivoire"));
    assert!(position("Curaçao") < position("Cyprus") && position("Italy") < position("Jamaica"));
}

#[test]
fn a_country_is_stored_as_its_code() {
    let italy = Country::from_code("IT");
    assert_eq!(italy.map(|c| serde_json::to_string(&c).ok()), Some(Some("\"IT\"".into())));
    assert_eq!(serde_json::from_str::<Country>("\"IT\"").ok(), italy);
    let bytes = italy.and_then(|c| postcard::to_allocvec(&c).ok());
    assert_eq!(bytes.as_deref(), Some(&[2, b'I', b'T'][..]));
    assert_eq!(bytes.and_then(|b| postcard::from_bytes::<Country>(&b).ok()), italy);
    for stored in ["\"ZZ\"", "\"001\"", "\"\"", "\"Italy\"", "39", "null"] {
        assert!(serde_json::from_str::<Country>(stored).is_err(), "{stored}");
    }
    assert!(postcard::from_bytes::<Country>(&[2, b'Z', b'Z']).is_err());
}

/// `cargo test --release --lib -- --ignored --nocapture phone_parse_in_figures`
#[test]
#[ignore]
fn phone_parse_in_figures() {
    use std::hint::black_box;
    use std::time::Instant;
    const N: u32 = 200_000;
    let italy = country("IT");
    let national: Vec<String> = (0..N).map(|i| format!("3{:02} {:07}", 20 + i % 80, i * 37 % 10_000_000)).collect();
    let international: Vec<String> = national.iter().map(|n| format!("+39 {n}")).collect();
    // Best of 3 rounds: the machine may be busy with other builds.
    let time = |label: &str, inputs: &[String], parse: &dyn Fn(&str) -> bool| {
        let mut best = f64::MAX;
        let mut ok = 0;
        for _ in 0..3 {
            let start = Instant::now();
            ok = inputs.iter().filter(|i| parse(black_box(i))).count();
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!("{label:<40} {:>10.0} calls/s ({ok} of {} valid)", inputs.len() as f64 / best, inputs.len());
        ok
    };
    // Load the library's metadata outside the timings.
    assert_eq!(read("333 1234567", "IT"), Ok(("393331234567".into(), None)));
    let parsed = time("parse, \"+39 ...\"", &international, &|i| PhoneNumber::parse(i).is_ok());
    let a = time("parse_in IT, \"+39 ...\"", &international, &|i| PhoneNumber::parse_in(i, black_box(italy)).is_ok());
    let b = time("parse_in None, \"+39 ...\"", &international, &|i| PhoneNumber::parse_in(i, black_box(None)).is_ok());
    let c = time("parse_in IT, national \"3xx xxxxxxx\"", &national, &|i| PhoneNumber::parse_in(i, black_box(italy)).is_ok());
    let d = time("parse, national \"3xx xxxxxxx\" (as before)", &national, &|i| PhoneNumber::parse(i).is_ok());
    assert_eq!((a, b, c), (parsed, parsed, national.len()));
    assert!(d < c, "{d}");
}
