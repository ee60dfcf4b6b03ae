//! Countries, for reading phone numbers written without their country code: an ISO
//! 3166-1 alpha-2 region the phone library knows, its calling code and English name.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod tables;

use tables::{LANGUAGE_COUNTRIES, NAMES};

/// A country the phone library has numbering data for. Only `from_code` (and storage,
/// which goes through it) makes one, so a `Country` always names a known region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// "IT", "it" or " IT "; `None` for a code the phone library has no data for
    /// (including the non-geographic "001").
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim();
        let bytes: [u8; 2] = code.as_bytes().try_into().ok()?;
        let upper = bytes.map(|b| b.to_ascii_uppercase());
        NAMES.binary_search_by(|(c, _)| c.as_bytes().cmp(&upper[..])).ok().map(|_| Self(upper))
    }

    /// The country of a BCP-47 tag as `navigator.language` gives it: its region when
    /// it has one ("en-GB", "zh-Hant-TW"), else the main country of a language where
    /// that is obvious ("it", "de"). `None` when neither says a supported country.
    pub fn from_locale(tag: &str) -> Option<Self> {
        let mut subtags = tag.trim().split(['-', '_']);
        let language = subtags.next()?.to_ascii_lowercase();
        let mut script = None;
        for subtag in subtags {
            match subtag.len() {
                // A singleton starts extensions or private use: no region after it.
                1 => break,
                2 if subtag.bytes().all(|b| b.is_ascii_alphabetic()) => return Self::from_code(subtag),
                // A numeric region ("es-419", Latin America) is no single country.
                3 if subtag.bytes().all(|b| b.is_ascii_digit()) => return None,
                4 if script.is_none() => script = Some(subtag.to_ascii_lowercase()),
                _ => {}
            }
        }
        // Traditional Chinese without a region is most likely Taiwan.
        if language == "zh" && script.as_deref() == Some("hant") {
            return Self::from_code("TW");
        }
        let i = LANGUAGE_COUNTRIES.binary_search_by(|(l, _)| (*l).cmp(language.as_str())).ok()?;
        LANGUAGE_COUNTRIES.get(i).and_then(|(_, c)| Self::from_code(c))
    }

    /// The main country of a calling code (1 → US, 44 → GB, 39 → IT); `None` for an
    /// unknown or non-geographic code (800, 882...).
    pub fn for_calling_code(code: u16) -> Option<Self> {
        let region = rlibphonenumber::PHONE_NUMBER_UTIL.get_region_for_country_code(i32::from(code))?;
        Self::from_region(region)
    }

    /// Every supported country, sorted by English name (for a picker).
    pub fn all() -> Vec<Self> {
        let mut all: Vec<(String, Self)> = NAMES.iter().filter_map(|(code, name)| Some((sort_key(name), Self::from_code(code)?))).collect();
        all.sort();
        all.into_iter().map(|(_, c)| c).collect()
    }

    /// "IT".
    pub fn code(self) -> &'static str {
        self.entry().map_or("", |(code, _)| code)
    }

    /// The English short name: "Italy", "United Kingdom".
    pub fn name(self) -> &'static str {
        self.entry().map_or("", |(_, name)| name)
    }

    /// The international calling code: 39 for Italy, 1 for the United States.
    pub fn calling_code(self) -> u16 {
        self.region()
            .and_then(|r| rlibphonenumber::PHONE_NUMBER_UTIL.get_country_code_for_region(r))
            .and_then(|c| u16::try_from(c).ok())
            .unwrap_or(0)
    }

    /// "Italy (+39)".
    pub fn label(self) -> String {
        format!("{} (+{})", self.name(), self.calling_code())
    }

    /// The phone library's region for this country.
    pub(crate) fn region(self) -> Option<rlibphonenumber::Region> {
        let code = std::str::from_utf8(&self.0).ok()?;
        rlibphonenumber::Region::from_code(code).ok()
    }

    /// The country of a library region; `None` for the non-geographic "001".
    pub(crate) fn from_region(region: rlibphonenumber::Region) -> Option<Self> {
        Self::from_code(region.as_region_str().as_str())
    }

    fn entry(self) -> Option<&'static (&'static str, &'static str)> {
        let i = NAMES.binary_search_by(|(c, _)| c.as_bytes().cmp(&self.0[..])).ok()?;
        NAMES.get(i)
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

// Stored as the 2-letter code, so storage stays readable and an unknown code is an error.
impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = Country;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a 2-letter country code the phone library knows")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Country, E> {
                Country::from_code(code).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(code), &self))
            }
        }
        deserializer.deserialize_str(CodeVisitor)
    }
}

/// Folds the accented letters of `NAMES` so "Åland Islands" sorts among the A's.
fn sort_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'Å' => 'A',
            'ç' => 'c',
            'é' => 'e',
            'ô' => 'o',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}
