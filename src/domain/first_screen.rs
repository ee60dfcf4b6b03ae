//! The first screen kept from the last visit: what the contacts page showed by default
//! (its heading's count and first page, as text), so a returning user sees their
//! contacts while the workspace loads. Never a source of data: it is only shown,
//! inert, until the loaded page replaces it, and the store forgets it on every write,
//! so it can only ever show what is stored.

use serde::{Deserialize, Serialize};

use super::PhoneNumber;

/// Changes whenever the layout below does: a first screen of another version is
/// simply not shown.
const FORMAT: u8 = 3;

/// The default contacts view as it was painted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstScreen {
    /// Contacts the view covers (the heading's count, the pager's total).
    pub count: u64,
    /// Who "Viewing as" named (as the header's switch does); `None`: Admin.
    pub viewing_as: Option<String>,
    /// In a restricted agent's view, how many lists it sees (no management then).
    pub agent_lists: Option<u32>,
    /// Whether there are tags (the toolbar then has a tag filter).
    pub tags: bool,
    pub page_size: u32,
    /// The headings of the custom-field columns shown.
    pub columns: Vec<String>,
    pub rows: Vec<FirstRow>,
}

/// One row, as the table shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstRow {
    pub first_name: String,
    pub last_name: String,
    pub phone: Option<PhoneNumber>,
    pub mobile: Option<PhoneNumber>,
    pub email: String,
    pub list: String,
    pub last_interaction: Option<String>,
    pub whatsapp_open: bool,
    /// One text per column of `FirstScreen::columns`.
    pub custom: Vec<String>,
}

impl FirstScreen {
    /// As text for a string store (localStorage): the encoded bytes one character
    /// each (U+0000-U+00FF), after a format byte.
    pub fn to_text(&self) -> String {
        match postcard::to_extend(self, vec![FORMAT]) {
            Ok(all) => all.into_iter().map(char::from).collect(),
            // Cannot happen for these types; an empty text reads back as nothing.
            Err(_) => String::new(),
        }
    }

    /// What `to_text` wrote; `None` for anything else (another version's layout,
    /// an edited or cut value): then there is simply no first screen to show.
    pub fn from_text(text: &str) -> Option<FirstScreen> {
        let bytes = text.chars().map(|c| u8::try_from(u32::from(c)).ok()).collect::<Option<Vec<u8>>>()?;
        let (&format, rest) = bytes.split_first()?;
        if format != FORMAT {
            return None;
        }
        postcard::from_bytes(rest).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> FirstScreen {
        FirstScreen {
            count: 500_000,
            viewing_as: Some("Maria \u{202E}Rossi (Agent)".into()),
            agent_lists: Some(2),
            tags: true,
            page_size: 25,
            columns: vec!["Codice cliente".into()],
            rows: vec![FirstRow {
                first_name: "Zoë".into(),
                last_name: "Ω\u{202E}gnp.exe 🦀".into(),
                phone: PhoneNumber::parse("+39 347 123 4567").ok(),
                mobile: None,
                email: "zoe@example.it".into(),
                list: "Clienti Milano".into(),
                last_interaction: Some("2026-11-28".into()),
                whatsapp_open: true,
                custom: vec!["A-17".into()],
            }],
        }
    }

    #[test]
    fn reads_back_what_it_wrote_whatever_the_text() {
        let screen = sample();
        assert_eq!(FirstScreen::from_text(&screen.to_text()), Some(screen));
    }

    #[test]
    fn another_format_or_a_damaged_text_is_no_first_screen() {
        let text = sample().to_text();
        let mut other = text.clone();
        other.replace_range(..1, "\u{2}");
        assert_eq!(FirstScreen::from_text(&other), None);
        let cut: String = text.chars().take(text.chars().count() / 2).collect();
        assert_eq!(FirstScreen::from_text(&cut), None);
        assert_eq!(FirstScreen::from_text("ćontacts"), None);
        assert_eq!(FirstScreen::from_text(""), None);
    }
}
