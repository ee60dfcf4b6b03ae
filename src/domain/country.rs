//! Countries, for reading phone numbers written without their country code: an ISO
//! 3166-1 alpha-2 region the phone library knows, its calling code and English name.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// The main country of a language, where it is obvious; sorted by language.
const LANGUAGE_COUNTRIES: &[(&str, &str)] = &[
    ("af", "ZA"), ("am", "ET"), ("az", "AZ"), ("be", "BY"), ("bg", "BG"), ("bn", "BD"),
    ("bs", "BA"), ("ca", "ES"), ("cs", "CZ"), ("cy", "GB"), ("da", "DK"), ("de", "DE"),
    ("el", "GR"), ("en", "US"), ("es", "ES"), ("et", "EE"), ("eu", "ES"), ("fa", "IR"),
    ("fi", "FI"), ("fil", "PH"), ("fr", "FR"), ("ga", "IE"), ("gl", "ES"), ("he", "IL"),
    ("hi", "IN"), ("hr", "HR"), ("hu", "HU"), ("hy", "AM"), ("id", "ID"), ("is", "IS"),
    ("it", "IT"), ("iw", "IL"), ("ja", "JP"), ("ka", "GE"), ("kk", "KZ"), ("km", "KH"),
    ("ko", "KR"), ("lb", "LU"), ("lo", "LA"), ("lt", "LT"), ("lv", "LV"), ("mk", "MK"),
    ("mn", "MN"), ("ms", "MY"), ("mt", "MT"), ("my", "MM"), ("nb", "NO"), ("ne", "NP"),
    ("nl", "NL"), ("nn", "NO"), ("no", "NO"), ("pl", "PL"), ("pt", "PT"), ("ro", "RO"),
    ("ru", "RU"), ("si", "LK"), ("sk", "SK"), ("sl", "SI"), ("sq", "AL"), ("sr", "RS"),
    ("sv", "SE"), ("th", "TH"), ("tl", "PH"), ("tr", "TR"), ("uk", "UA"), ("ur", "PK"),
    ("uz", "UZ"), ("vi", "VN"), ("zh", "CN"),
];

/// Every region rlibphonenumber 2.2.15 has metadata for, with its English short name;
/// sorted by code. A test checks it against the library both ways.
const NAMES: &[(&str, &str)] = &[
    ("AC", "Ascension Island"),
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua and Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia and Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "Saint Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("BQ", "Caribbean Netherlands"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Congo - Kinshasa"),
    ("CF", "Central African Republic"),
    ("CG", "Congo - Brazzaville"),
    ("CH", "Switzerland"),
    ("CI", "Côte d'Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cape Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "Saint Kitts and Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Laos"),
    ("LB", "Lebanon"),
    ("LC", "Saint Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MF", "Saint Martin"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Myanmar"),
    ("MN", "Mongolia"),
    ("MO", "Macao"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "Saint Pierre and Miquelon"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestine"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "Saint Helena"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard and Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "Sao Tome and Principe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten"),
    ("SY", "Syria"),
    ("SZ", "Eswatini"),
    ("TA", "Tristan da Cunha"),
    ("TC", "Turks and Caicos Islands"),
    ("TD", "Chad"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Turkey"),
    ("TT", "Trinidad and Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Vatican City"),
    ("VC", "Saint Vincent and the Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "U.S. Virgin Islands"),
    ("VN", "Vietnam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis and Futuna"),
    ("WS", "Samoa"),
    ("XK", "Kosovo"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];
