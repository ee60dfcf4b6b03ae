//! The default fields of a contact, described once so forms, tables, validation and
//! (later) CSV mapping all work from the same table.

use serde::{Deserialize, Serialize};

/// Social networks a contact may have a handle on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SocialNetwork {
    Facebook,
    Twitter,
    Instagram,
    LinkedIn,
    Skype,
    Teams,
    Viber,
    Line,
    WeChat,
    Telegram,
}

impl SocialNetwork {
    pub const ALL: [SocialNetwork; 10] = [
        Self::Facebook,
        Self::Twitter,
        Self::Instagram,
        Self::LinkedIn,
        Self::Skype,
        Self::Teams,
        Self::Viber,
        Self::Line,
        Self::WeChat,
        Self::Telegram,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            Self::Facebook => "Facebook",
            Self::Twitter => "Twitter / X",
            Self::Instagram => "Instagram",
            Self::LinkedIn => "LinkedIn",
            Self::Skype => "Skype",
            Self::Teams => "Teams",
            Self::Viber => "Viber",
            Self::Line => "Line",
            Self::WeChat => "WeChat",
            Self::Telegram => "Telegram",
        }
    }
}

/// How a field's text is checked and which input suits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    LongText,
    /// Normalised to the WhatsApp form (country code, digits only, no "+").
    Phone,
    Email,
    /// https only.
    Url,
    /// ISO date, yyyy-mm-dd.
    Date,
}

/// Every single-valued default field of a contact. Additional phone numbers are a list
/// of their own (`LabeledPhone`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ContactField {
    FirstName,
    LastName,
    Phone,
    Mobile,
    Fax,
    Email,
    Url,
    Company,
    Street,
    PostalCode,
    City,
    Country,
    DateOfBirth,
    Description,
    Social(SocialNetwork),
}

impl ContactField {
    /// The default fields in form order (social handles last).
    pub const DEFAULTS: [ContactField; 14] = [
        Self::FirstName,
        Self::LastName,
        Self::Phone,
        Self::Mobile,
        Self::Fax,
        Self::Email,
        Self::Url,
        Self::Company,
        Self::Street,
        Self::PostalCode,
        Self::City,
        Self::Country,
        Self::DateOfBirth,
        Self::Description,
    ];

    /// Every field: defaults, then one per social network.
    pub fn all() -> impl Iterator<Item = ContactField> {
        Self::DEFAULTS
            .into_iter()
            .chain(SocialNetwork::ALL.into_iter().map(ContactField::Social))
    }

    pub const fn label(self) -> &'static str {
        match self {
            Self::FirstName => "First name",
            Self::LastName => "Last name",
            Self::Phone => "Phone",
            Self::Mobile => "Mobile",
            Self::Fax => "Fax",
            Self::Email => "Email",
            Self::Url => "Website",
            Self::Company => "Company",
            Self::Street => "Street",
            Self::PostalCode => "Postal code",
            Self::City => "City",
            Self::Country => "Country",
            Self::DateOfBirth => "Date of birth",
            Self::Description => "Description",
            Self::Social(network) => network.label(),
        }
    }

    /// A stable machine name, for element ids, CSV headers and settings.
    pub const fn key(self) -> &'static str {
        match self {
            Self::FirstName => "first_name",
            Self::LastName => "last_name",
            Self::Phone => "phone",
            Self::Mobile => "mobile",
            Self::Fax => "fax",
            Self::Email => "email",
            Self::Url => "url",
            Self::Company => "company",
            Self::Street => "street",
            Self::PostalCode => "postal_code",
            Self::City => "city",
            Self::Country => "country",
            Self::DateOfBirth => "date_of_birth",
            Self::Description => "description",
            Self::Social(SocialNetwork::Facebook) => "facebook",
            Self::Social(SocialNetwork::Twitter) => "twitter",
            Self::Social(SocialNetwork::Instagram) => "instagram",
            Self::Social(SocialNetwork::LinkedIn) => "linkedin",
            Self::Social(SocialNetwork::Skype) => "skype",
            Self::Social(SocialNetwork::Teams) => "teams",
            Self::Social(SocialNetwork::Viber) => "viber",
            Self::Social(SocialNetwork::Line) => "line",
            Self::Social(SocialNetwork::WeChat) => "wechat",
            Self::Social(SocialNetwork::Telegram) => "telegram",
        }
    }

    pub const fn kind(self) -> FieldKind {
        match self {
            Self::Phone | Self::Mobile | Self::Fax => FieldKind::Phone,
            Self::Email => FieldKind::Email,
            Self::Url => FieldKind::Url,
            Self::DateOfBirth => FieldKind::Date,
            Self::Description => FieldKind::LongText,
            _ => FieldKind::Text,
        }
    }

    pub const fn required(self) -> bool {
        matches!(self, Self::FirstName)
    }
}
