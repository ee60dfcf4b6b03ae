//! The New / Edit Custom Field form: what it edits and how it is checked.

use super::custom_field::{CustomField, FieldScope, FieldType};
use super::field::ContactField;
use super::import::mapping::normalise;
use super::text::{self, Lines};

/// What every contact form and the import's mapping show besides the default fields.
const OTHER_LABELS: [&str; 2] = ["List", "Tags"];

/// The type picked in the form (choices are edited apart).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FieldTypeName {
    #[default]
    Text,
    Select,
    Number,
    Switch,
    DateTime,
    Url,
}

impl FieldTypeName {
    /// Types a list field may have; global fields may also be URLs.
    pub const FOR_LISTS: [FieldTypeName; 5] = [Self::Text, Self::Select, Self::Number, Self::Switch, Self::DateTime];
    pub const FOR_GLOBAL: [FieldTypeName; 6] = [Self::Text, Self::Select, Self::Number, Self::Switch, Self::DateTime, Self::Url];

    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "Text",
            Self::Select => "Select",
            Self::Number => "Number",
            Self::Switch => "Switch",
            Self::DateTime => "Datetime",
            Self::Url => "URL",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Select => "select",
            Self::Number => "number",
            Self::Switch => "switch",
            Self::DateTime => "datetime",
            Self::Url => "url",
        }
    }
    pub fn from_key(key: &str) -> Option<Self> {
        Self::FOR_GLOBAL.into_iter().find(|t| t.key() == key)
    }
    pub fn of(field_type: &FieldType) -> Self {
        match field_type {
            FieldType::Text => Self::Text,
            FieldType::Select(_) => Self::Select,
            FieldType::Number => Self::Number,
            FieldType::Switch => Self::Switch,
            FieldType::DateTime => Self::DateTime,
            FieldType::Url => Self::Url,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldDraft {
    pub alias: String,
    pub type_name: FieldTypeName,
    /// Used when the type is Select.
    pub choices: Vec<String>,
    pub required: bool,
    pub click_to_action: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("a custom field needs an alias")]
    AliasRequired,
    #[error("an alias can be at most {0} characters")]
    AliasTooLong(usize),
    #[error("a {} custom field is already called \"{alias}\"", if *global { "global" } else { "list" })]
    AliasTaken { alias: String, global: bool },
    /// Two inputs with one label on the contact form, two columns with one name in
    /// the import's mapping: who could tell them apart?
    #[error("\"{0}\" is a default field of every contact: choose another name")]
    AliasIsDefault(String),
    #[error("a select needs at least one choice: type it and press Enter")]
    NoChoices,
    #[error("the choice \"{0}\" is listed twice")]
    DuplicateChoice(String),
    #[error("a choice can be at most {0} characters")]
    ChoiceTooLong(usize),
    #[error("list fields cannot be URLs; use a global field")]
    UrlOnlyGlobal,
    #[error("{count} contact(s) hold values that do not fit the new definition (for example \"{example}\"): change or clear them first")]
    ValuesDoNotFit { count: usize, example: String },
    #[error("only deleted global fields can be removed permanently")]
    NotDeleted,
    #[error("that custom field no longer exists")]
    Unknown,
}

pub const MAX_ALIAS_LEN: usize = 100;
pub const MAX_CHOICE_LEN: usize = 200;

impl FieldDraft {
    pub fn from_field(field: &CustomField) -> Self {
        let choices = match &field.field_type {
            FieldType::Select(c) => c.iter().map(|c| c.to_string()).collect(),
            _ => Vec::new(),
        };
        Self {
            alias: field.alias.to_string(),
            type_name: FieldTypeName::of(&field.field_type),
            choices,
            required: field.required,
            click_to_action: field.click_to_action,
        }
    }

    /// Checks the draft for `scope`; `siblings` are the other fields its alias must
    /// differ from.
    pub fn validate<'a>(
        &self,
        scope: FieldScope,
        siblings: impl IntoIterator<Item = &'a CustomField>,
    ) -> Result<(Box<str>, FieldType), FieldError> {
        let alias = text::cleaned(&self.alias, Lines::One);
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(FieldError::AliasRequired);
        }
        if alias.chars().count() > MAX_ALIAS_LEN {
            return Err(FieldError::AliasTooLong(MAX_ALIAS_LEN));
        }
        // Case, accents, spaces and punctuation aside: "Città" is "citta", "E-mail" "email".
        let folded = normalise(alias);
        let shown = ContactField::all().map(ContactField::label).chain(OTHER_LABELS);
        if let Some(default) = shown.into_iter().find(|label| normalise(label) == folded) {
            return Err(FieldError::AliasIsDefault(default.to_owned()));
        }
        if let Some(sibling) = siblings.into_iter().find(|f| normalise(&f.alias) == folded) {
            return Err(FieldError::AliasTaken { alias: sibling.alias.to_string(), global: sibling.scope == FieldScope::Global });
        }
        let field_type = match self.type_name {
            FieldTypeName::Text => FieldType::Text,
            FieldTypeName::Number => FieldType::Number,
            FieldTypeName::Switch => FieldType::Switch,
            FieldTypeName::DateTime => FieldType::DateTime,
            FieldTypeName::Url if matches!(scope, FieldScope::List(_)) => return Err(FieldError::UrlOnlyGlobal),
            FieldTypeName::Url => FieldType::Url,
            FieldTypeName::Select => {
                let mut choices: Vec<Box<str>> = Vec::new();
                let cleaned: Vec<_> = self.choices.iter().map(|c| text::cleaned(c, Lines::One)).collect();
                for c in cleaned.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                    if c.chars().count() > MAX_CHOICE_LEN {
                        return Err(FieldError::ChoiceTooLong(MAX_CHOICE_LEN));
                    }
                    if choices.iter().any(|k| k.to_lowercase() == c.to_lowercase()) {
                        return Err(FieldError::DuplicateChoice(c.to_owned()));
                    }
                    choices.push(c.into());
                }
                if choices.is_empty() {
                    return Err(FieldError::NoChoices);
                }
                FieldType::Select(choices)
            }
        };
        Ok((alias.into(), field_type))
    }
}
