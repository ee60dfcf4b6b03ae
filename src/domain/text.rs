//! Hostile text made harmless where it enters the workspace (forms, imports, names):
//! control characters (NUL and the rest of C0/C1) are removed, line breaks and tabs in
//! a one-line value become spaces, characters that reorder text around them
//! (U+202A–U+202E, U+2066–U+2069) are removed so "Mallory" + U+202E + "gnp.exe" cannot pose
//! as "Malloryexe.png", and a run of combining marks is cut at 30, the longest the
//! Unicode Stream-Safe format allows (UAX #15), so a name cannot paint over its
//! neighbours. `quoted` isolates user text inside the app's own sentences.

use std::borrow::Cow;

/// The longest run of combining marks kept (UAX #15's stream-safe limit).
pub const MAX_COMBINING_RUN: usize = 30;

/// Whether a value is one line (names, phones) or may hold line breaks (notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
    /// Tabs and line breaks as they are (a CSV cell written out).
    AsIs,
}

/// What cleaning removed, counted for the user's warning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub controls: usize,
    pub direction: usize,
    pub marks: usize,
}

impl Removed {
    pub fn any(self) -> bool {
        self.controls + self.direction + self.marks > 0
    }

    /// The warning, in words ("removed 1 control character and 2 direction marks"), or
    /// `None` when nothing was removed.
    pub fn described(self) -> Option<String> {
        let parts: Vec<String> = [
            (self.controls, "invisible control character", "invisible control characters"),
            (self.direction, "character that reverses text", "characters that reverse text"),
            (self.marks, "stacked accent mark", "stacked accent marks"),
        ]
        .into_iter()
        .filter(|(n, ..)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        (!parts.is_empty()).then(|| format!("removed {}", parts.join(" and ")))
    }
}

/// Characters that change the direction of the text after them until a closing one:
/// embeddings, overrides and isolates. Marks (LRM, RLM, ALM) are kept: they affect only
/// their neighbours and real right-to-left text uses them.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Combining marks that stack on the character before them: the combining diacritical
/// blocks (what "Zalgo" text is made of) and the marks of Hebrew, Arabic and Thai that
/// are stacked the same way. A run longer than `MAX_COMBINING_RUN` is hostile in any
/// script.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Control characters other than tab, line feed and carriage return (C0, DEL, C1).
pub fn is_hostile_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `raw` with hostile characters removed, and what was removed. Borrowed when nothing
/// changes (the common case costs one scan). Line breaks: `Lines::One` turns tabs and
/// line breaks into spaces; `Lines::Many` keeps them, "\r\n" and a lone "\r" becoming
/// "\n".
pub fn clean(raw: &str, lines: Lines) -> (Cow<'_, str>, Removed) {
    // Exports and imports call this per cell: printable ASCII is settled byte by byte,
    // only other text is decoded.
    let ascii_fine = |b: u8| match b {
        0x20..=0x7e => true,
        b'\t' | b'\n' => lines != Lines::One,
        b'\r' => lines == Lines::AsIs,
        _ => false,
    };
    if raw.bytes().all(ascii_fine) || (!raw.is_ascii() && raw.chars().all(|c| !needs_care(c, lines))) {
        return (Cow::Borrowed(raw), Removed::default());
    }
    let mut out = String::with_capacity(raw.len());
    let mut removed = Removed::default();
    let mut run = 0usize;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if is_combining(c) {
            run += 1;
            if run > MAX_COMBINING_RUN {
                removed.marks += 1;
            } else {
                out.push(c);
            }
            continue;
        }
        // A removed character does not end a run: its marks would join the next ones.
        let before = out.len();
        match c {
            '\t' | '\n' | '\r' if lines == Lines::AsIs => out.push(c),
            '\r' if lines == Lines::Many => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' if lines == Lines::Many => out.push('\n'),
            '\t' if lines == Lines::Many => out.push('\t'),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push(' ');
            }
            '\t' | '\n' => out.push(' '),
            c if is_hostile_control(c) => removed.controls += 1,
            c if is_direction_control(c) => removed.direction += 1,
            c => out.push(c),
        }
        if out.len() != before {
            run = 0;
        }
    }
    (Cow::Owned(out), removed)
}

/// Whether `c` makes `clean` do anything (a combining mark may start a long run).
fn needs_care(c: char, lines: Lines) -> bool {
    match c {
        '\t' | '\n' => lines == Lines::One,
        '\r' => lines != Lines::AsIs,
        c => c.is_control() || is_direction_control(c) || is_combining(c),
    }
}

/// `clean`, keeping only the text (names of lists, tags, agents: nothing to report).
pub fn cleaned(raw: &str, lines: Lines) -> Cow<'_, str> {
    clean(raw, lines).0
}

/// User text inside an app sentence: in curly quotes and isolated (FSI … PDI), so
/// right-to-left text or any direction character left in old data cannot reorder the
/// sentence around it.
pub fn quoted(text: &str) -> String {
    format!("“\u{2068}{text}\u{2069}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_are_counted() {
        let (text, removed) = clean("Ma\0rio\u{7}\u{85}", Lines::One);
        assert_eq!(text, "Mario");
        assert_eq!(removed, Removed { controls: 3, ..Removed::default() });
        assert_eq!(removed.described().as_deref(), Some("removed 3 invisible control characters"));
    }

    #[test]
    fn line_breaks_follow_the_field() {
        assert_eq!(clean("Via Roma 1\r\nMilano\tIT", Lines::One).0, "Via Roma 1 Milano IT");
        assert_eq!(clean("a\r\nb\rc\nd\te", Lines::Many).0, "a\nb\nc\nd\te");
        assert!(!clean("a\r\nb", Lines::Many).1.any(), "line breaks are not hostile");
    }

    #[test]
    fn direction_overrides_go_but_marks_stay() {
        let (text, removed) = clean("Mallory\u{202E}gnp.exe", Lines::One);
        assert_eq!(text, "Mallorygnp.exe");
        assert_eq!(removed.direction, 1);
        assert_eq!(clean("שלום\u{200F} Dana", Lines::One).0, "שלום\u{200F} Dana");
    }

    #[test]
    fn runaway_combining_marks_are_cut_at_the_stream_safe_limit() {
        let zalgo: String = std::iter::once('Z').chain(std::iter::repeat_n('\u{0301}', 900)).collect();
        let (text, removed) = clean(&zalgo, Lines::One);
        assert_eq!(text.chars().count(), 1 + MAX_COMBINING_RUN);
        assert_eq!(removed.marks, 900 - MAX_COMBINING_RUN);
        // Real accents and Thai vowels are short runs and stay whole.
        for word in ["Nguye\u{302}\u{303}n", "Đặng", "ที่นี่", "cafe\u{301}"] {
            assert_eq!(clean(word, Lines::One), (Cow::Borrowed(word), Removed::default()), "{word}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Anna Rossi", Lines::One).0, Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_isolates() {
        assert_eq!(quoted("abc"), "“\u{2068}abc\u{2069}”");
    }
}
