//! Names reduced to what tells people apart: case, accents and punctuation folded
//! (with the import's header folding, one token at a time), a phonetic code for
//! blocking keys, and a similarity that forgives typos, swapped first and last names and
//! initials.

use super::jaro::{jaro_winkler, percent};
use crate::domain::import::mapping::normalise;

/// `text` folded into `out`: tokens (split at spaces, hyphens, dots, commas) lowercased,
/// accents folded, other punctuation dropped ("O'Brien" → "obrien", "De-Luca" →
/// "de luca"), one space between tokens.
pub fn fold_name_into(text: &str, out: &mut Vec<u8>) {
    let tokens = text.split(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | ',' | '/')).map(normalise).filter(|t| !t.is_empty());
    for (i, token) in tokens.enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        out.extend_from_slice(token.as_bytes());
    }
}

/// American Soundex of the ASCII letters of a folded name ("rossi" and "rosi" are
/// R200), packed as first letter and three digits; 0 when there is no letter.
pub fn soundex(folded: &[u8]) -> u32 {
    let code = |c: u8| match c {
        b'b' | b'f' | b'p' | b'v' => 1,
        b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => 2,
        b'd' | b't' => 3,
        b'l' => 4,
        b'm' | b'n' => 5,
        b'r' => 6,
        _ => 0,
    };
    let mut letters = folded.iter().copied().filter(u8::is_ascii_lowercase);
    let Some(first) = letters.next() else { return 0 };
    let mut packed = u32::from(first) << 24;
    let mut last = code(first);
    let mut digits = 0;
    for c in letters {
        let d = code(c);
        if d != 0 && d != last {
            packed |= d << (8 * (2 - digits));
            digits += 1;
            if digits == 3 {
                break;
            }
        }
        // H and W do not separate two equal codes; vowels do.
        if c != b'h' && c != b'w' {
            last = d;
        }
    }
    packed
}

/// A person's folded first and last name.
#[derive(Clone, Copy)]
pub struct Name<'a> {
    pub first: &'a [u8],
    pub last: &'a [u8],
}

impl Name<'_> {
    /// The blocking keys: the first name's initial with the last name's Soundex code,
    /// and the other way round, so a typo, an initial or swapped names keep one key.
    pub fn keys(&self) -> [u64; 2] {
        let initial = |s: &[u8]| u64::from(s.first().copied().unwrap_or(0));
        [(initial(self.first) << 32) | u64::from(soundex(self.last)), (initial(self.last) << 32) | u64::from(soundex(self.first))]
    }

    /// "first last" (or "last first") in a stack buffer, cut at its size.
    fn joined<'b>(&self, buf: &'b mut [u8; 130], swapped: bool) -> &'b [u8] {
        let (x, y) = if swapped { (self.last, self.first) } else { (self.first, self.last) };
        let mut n = 0;
        let parts: [&[u8]; 3] = [x, if y.is_empty() { b"" } else { b" " }, y];
        for byte in parts.into_iter().flatten() {
            if let Some(slot) = buf.get_mut(n) {
                *slot = *byte;
                n += 1;
            }
        }
        buf.get(..n).unwrap_or_default()
    }
}

/// How alike two names are, 0 to 100: the best of the names as written, one of them
/// with first and last swapped, and (when one first name is an initial that matches
/// the other's) the last names alone, a little discounted.
pub fn name_similarity(a: Name<'_>, b: Name<'_>) -> u8 {
    let (mut x, mut y) = ([0u8; 130], [0u8; 130]);
    let a_full = a.joined(&mut x, false);
    let mut best = jaro_winkler(a_full, b.joined(&mut y, false));
    if !a.last.is_empty() || !b.last.is_empty() {
        best = best.max(jaro_winkler(a_full, b.joined(&mut y, true)));
    }
    let is_initial = |n: &Name<'_>| n.first.len() == 1;
    if (is_initial(&a) || is_initial(&b)) && !a.last.is_empty() && a.first.first() == b.first.first() {
        best = best.max(jaro_winkler(a.last, b.last) * 0.96);
    }
    percent(best)
}
