//! Custom fields: defined per list or globally (for every contact), typed, optionally
//! required, optionally a click-to-dial action. Values are parsed from what a form or
//! a CSV cell holds, and checked against the field's definition.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{ListId, Timestamp};
use super::text::{self, Lines};
use super::url::HttpsUrl;

/// Identifies a custom field (list or global). Allocated by the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldId(u32);

impl FieldId {
    pub const fn new(raw: u32) -> Self {
        Self(raw)
    }
    pub const fn get(self) -> u32 {
        self.0
    }
}

/// Where a field applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FieldScope {
    /// Every contact of every list.
    Global,
    /// Contacts of one list.
    List(ListId),
}

/// The type of a custom field; a select carries its choices, so a select without
/// choices list, or a number with choices, cannot be expressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldType {
    Text,
    Select(Vec<Box<str>>),
    Number,
    Switch,
    DateTime,
    /// https only; offered for global fields.
    Url,
}

impl FieldType {
    pub fn name(&self) -> &'static str {
        match self {
            FieldType::Text => "Text",
            FieldType::Select(_) => "Select",
            FieldType::Number => "Number",
            FieldType::Switch => "Switch",
            FieldType::DateTime => "Datetime",
            FieldType::Url => "URL",
        }
    }
}

/// A finite number (NaN and infinities are refused when parsing), comparable and
/// hashable through its bits.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Number(f64);

impl Eq for Number {}

impl Number {
    pub fn get(self) -> f64 {
        self.0
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A checked value of a custom field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldValue {
    Text(Box<str>),
    /// One of the select's choices (as it was when the value was saved).
    Choice(Box<str>),
    Number(Number),
    Switch(bool),
    DateTime(NaiveDateTime),
    Url(HttpsUrl),
}

impl FieldValue {
    /// The value as a form input or a CSV cell shows it; parsing this text with the
    /// same field type gives the value back.
    pub fn to_text(&self) -> String {
        match self {
            FieldValue::Text(t) | FieldValue::Choice(t) => t.to_string(),
            FieldValue::Number(n) => n.to_string(),
            FieldValue::Switch(b) => b.to_string(),
            FieldValue::DateTime(t) => t.format("%Y-%m-%dT%H:%M").to_string(),
            FieldValue::Url(u) => u.as_str().to_owned(),
        }
    }
}

/// Why a value does not fit its field, in words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("{0} is required")]
    Required(String),
    #[error("{field} must be a number, like 42 or 3.5")]
    NotANumber { field: String },
    #[error("{field} must be one of: {choices}")]
    NotAChoice { field: String, choices: String },
    #[error("{field} must be true or false")]
    NotASwitch { field: String },
    #[error("{field} must be a date and time, like 2026-11-24 14:30")]
    NotADateTime { field: String },
    #[error("{field}: {reason}")]
    BadUrl { field: String, reason: String },
    #[error("{field} can be at most {max} characters")]
    TooLong { field: String, max: usize },
}

/// Longest text a custom field takes.
pub const MAX_VALUE_LEN: usize = 10_000;

/// A custom field's definition.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomField {
    pub id: FieldId,
    pub scope: FieldScope,
    /// The name shown in forms and exports.
    pub alias: Box<str>,
    pub field_type: FieldType,
    pub required: bool,
    /// The value becomes a click-to-dial link.
    pub click_to_action: bool,
    /// Soft-deleted (global fields): hidden from forms, values kept until purged.
    pub deleted: Option<Timestamp>,
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl CustomField {
    pub fn is_available(&self) -> bool {
        self.deleted.is_none()
    }

    /// Parses what a user typed (or a CSV cell holds). `Ok(None)` is an empty value of
    /// a field that is not required.
    pub fn parse_value(&self, raw: &str) -> Result<Option<FieldValue>, ValueError> {
        let raw = text::cleaned(raw, Lines::One);
        let s = raw.trim();
        let field = || self.alias.to_string();
        if s.is_empty() {
            // An unset switch is "false", which satisfies "required".
            return match (&self.field_type, self.required) {
                (FieldType::Switch, _) => Ok(Some(FieldValue::Switch(false))),
                (_, true) => Err(ValueError::Required(field())),
                (_, false) => Ok(None),
            };
        }
        if s.chars().count() > MAX_VALUE_LEN {
            return Err(ValueError::TooLong { field: field(), max: MAX_VALUE_LEN });
        }
        let value = match &self.field_type {
            FieldType::Text => FieldValue::Text(s.into()),
            FieldType::Select(choices) => {
                let found = choices.iter().find(|c| c.eq_ignore_ascii_case(s) || c.to_lowercase() == s.to_lowercase());
                match found {
                    Some(c) => FieldValue::Choice(c.clone()),
                    None => return Err(ValueError::NotAChoice { field: field(), choices: choices.join(", ") }),
                }
            }
            FieldType::Number => FieldValue::Number(parse_number(s).ok_or_else(|| ValueError::NotANumber { field: field() })?),
            FieldType::Switch => FieldValue::Switch(parse_switch(s).ok_or_else(|| ValueError::NotASwitch { field: field() })?),
            FieldType::DateTime => FieldValue::DateTime(parse_datetime(s).ok_or_else(|| ValueError::NotADateTime { field: field() })?),
            FieldType::Url => FieldValue::Url(HttpsUrl::parse(s).map_err(|e| ValueError::BadUrl { field: field(), reason: e.to_string() })?),
        };
        Ok(Some(value))
    }

    /// A stored value converted to this field's current definition (after a type or
    /// choice change), if it can be: "42" stored as text becomes the number 42.
    pub fn convert(&self, value: &FieldValue) -> Option<FieldValue> {
        let relaxed = CustomField { required: false, ..self.clone() };
        relaxed.parse_value(&value.to_text()).ok().flatten()
    }
}

/// Numbers as people type them: "42", "-3.5", "1e3"; a comma as decimal separator
/// ("3,5", "1000,00") when there is no dot; and thousands grouped where the reading is
/// unambiguous ("1.000,50", "1,000.50", "1 000,50", "1'000.50", "1.000.000"): with
/// both a dot and a comma, the last one is the decimal separator; a separator used
/// twice, or a space or apostrophe, groups thousands. Groups must be three digits
/// (after a first one of one to three), so "1,2.3" or "12 34" are refused, not guessed.
/// A single dot or comma stays a decimal separator: "1.000" is one, "1,000" is one.
fn parse_number(s: &str) -> Option<Number> {
    let plain = |t: &str| t.parse::<f64>().ok().filter(|n| n.is_finite()).map(Number);
    let is_group_only = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '’');
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let grouped = s.contains(is_group_only);
    if !grouped && commas == 0 && dots <= 1 {
        return plain(s);
    }
    if !grouped && commas == 1 && dots == 0 {
        return plain(&s.replacen(',', ".", 1));
    }
    parse_grouped(s).and_then(|n| plain(&n))
}

/// A number with thousands separators as plain text ("-1.000,50" → "-1000.50"), or
/// `None` when the separators do not read one way only.
fn parse_grouped(s: &str) -> Option<String> {
    let (sign, body) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.strip_prefix('+').unwrap_or(s)),
    };
    let (last_dot, last_comma) = (body.rfind('.'), body.rfind(','));
    // The decimal separator: the later of a dot and a comma when both are there; the one
    // present, if it appears once, when the groups are made with spaces or apostrophes.
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(i), None) | (None, Some(i)) => {
            let mark = if last_dot.is_some() { '.' } else { ',' };
            (body.matches(mark).count() == 1 && body.contains(|c: char| !c.is_ascii_digit() && c != mark)).then_some(i)
        }
        (None, None) => None,
    };
    let (integer, fraction) = match decimal {
        Some(i) => (body.get(..i)?, Some(body.get(i + 1..)?)),
        None => (body, None),
    };
    // One kind of group separator in the integer part, every group three digits.
    let mut separators = integer.chars().filter(|c| !c.is_ascii_digit());
    let separator = separators.next()?;
    if separators.any(|c| c != separator) {
        return None;
    }
    let mut groups = integer.split(separator);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = format!("{sign}{first}");
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push('.');
        digits.push_str(fraction);
    }
    Some(digits)
}

/// Switch values as sheets and people write them, in English, Italian, German and
/// French, any case: yes/no, true/false, 1/0, on/off, y/n, sì/si/no, vero/falso,
/// ja/nein, wahr/falsch (German Excel), oui/non, vrai/faux, and "x" for a ticked box
/// (an empty cell is off, see `CustomField::parse_value`).
fn parse_switch(s: &str) -> Option<bool> {
    match s.to_lowercase().as_str() {
        "true" | "yes" | "1" | "on" | "y" | "si" | "sì" | "vero" | "ja" | "j" | "wahr" | "oui" | "vrai" | "x" => Some(true),
        "false" | "no" | "0" | "off" | "n" | "falso" | "nein" | "falsch" | "non" | "faux" => Some(false),
        _ => None,
    }
}

/// Date-times from a datetime-local input ("2026-11-24T14:30"), with seconds, with a
/// space, or a plain date (midnight).
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 6] = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M:%S%.f"];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| super::contact::parse_date(s).and_then(|d: NaiveDate| d.and_hms_opt(0, 0, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(field_type: FieldType, required: bool) -> CustomField {
        CustomField {
            id: FieldId::new(1),
            scope: FieldScope::Global,
            alias: "Score".into(),
            field_type,
            required,
            click_to_action: false,
            deleted: None,
            created: Timestamp::from_millis(0),
            updated: Timestamp::from_millis(0),
        }
    }

    #[test]
    fn each_type_parses_what_people_type() {
        let text = field(FieldType::Text, false);
        assert_eq!(text.parse_value("  hi "), Ok(Some(FieldValue::Text("hi".into()))));
        assert_eq!(text.parse_value("  "), Ok(None));
        let num = field(FieldType::Number, true);
        assert_eq!(num.parse_value("3,5").map(|v| v.map(|v| v.to_text())), Ok(Some("3.5".into())));
        assert_eq!(num.parse_value("-42").map(|v| v.map(|v| v.to_text())), Ok(Some("-42".into())));
        assert!(matches!(num.parse_value("NaN"), Err(ValueError::NotANumber { .. })));
        assert!(matches!(num.parse_value("12abc"), Err(ValueError::NotANumber { .. })));
        assert_eq!(num.parse_value(""), Err(ValueError::Required("Score".into())));
        let sw = field(FieldType::Switch, true);
        assert_eq!(sw.parse_value("Yes"), Ok(Some(FieldValue::Switch(true))));
        assert_eq!(sw.parse_value(""), Ok(Some(FieldValue::Switch(false))));
        assert!(matches!(sw.parse_value("maybe"), Err(ValueError::NotASwitch { .. })));
        let sel = field(FieldType::Select(vec!["Gold".into(), "Silver".into()]), false);
        assert_eq!(sel.parse_value("gold"), Ok(Some(FieldValue::Choice("Gold".into()))));
        assert_eq!(sel.parse_value("Bronze").map_err(|e| e.to_string()), Err("Score must be one of: Gold, Silver".into()));
        let dt = field(FieldType::DateTime, false);
        assert_eq!(dt.parse_value("2026-11-24T14:30").map(|v| v.map(|v| v.to_text())), Ok(Some("2026-11-24T14:30".into())));
        assert_eq!(dt.parse_value("2026-11-24").map(|v| v.map(|v| v.to_text())), Ok(Some("2026-11-24T00:00".into())));
        assert!(matches!(dt.parse_value("2026-02-30 10:00"), Err(ValueError::NotADateTime { .. })));
        let url = field(FieldType::Url, false);
        assert!(matches!(url.parse_value("javascript:alert(1)"), Err(ValueError::BadUrl { .. })));
        assert_eq!(url.parse_value("https://x.io").map(|v| v.map(|v| v.to_text())), Ok(Some("https://x.io".into())));
        assert!(matches!(text.parse_value(&"x".repeat(MAX_VALUE_LEN + 1)), Err(ValueError::TooLong { .. })));
    }

    #[test]
    fn values_round_trip_through_their_text() {
        let cases = [
            (FieldType::Number, "1234.5"),
            (FieldType::Switch, "true"),
            (FieldType::DateTime, "1999-12-31T23:59"),
            (FieldType::Select(vec!["A b".into()]), "A b"),
        ];
        for (t, s) in cases {
            let f = field(t, false);
            let v = f.parse_value(s).ok().flatten().expect("parses");
            assert_eq!(f.parse_value(&v.to_text()), Ok(Some(v)));
        }
    }

    #[test]
    fn type_changes_convert_only_what_fits() {
        let as_number = field(FieldType::Number, false);
        assert_eq!(as_number.convert(&FieldValue::Text("42".into())), Some(FieldValue::Number(Number(42.0))));
        assert_eq!(as_number.convert(&FieldValue::Text("forty".into())), None);
        let as_text = field(FieldType::Text, true);
        assert_eq!(as_text.convert(&FieldValue::Switch(true)), Some(FieldValue::Text("true".into())));
        let narrower = field(FieldType::Select(vec!["Gold".into()]), false);
        assert_eq!(narrower.convert(&FieldValue::Choice("Gold".into())), Some(FieldValue::Choice("Gold".into())));
        assert_eq!(narrower.convert(&FieldValue::Choice("Silver".into())), None);
    }
}
