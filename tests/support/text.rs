//! Numbers in the app's texts: counts as it writes them ("12,345") and read back.

/// The digits of a text as a number ("12,345 rows" -> 12345); None without digits.
pub fn digits(text: &str) -> Option<u64> {
    let d: String = text.chars().filter(char::is_ascii_digit).collect();
    d.parse().ok()
}

/// The whole numbers in a text, thousands separators dropped ("1,234 of 5" -> [1234, 5]).
pub fn numbers_in(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut current = String::new();
    for (i, c) in chars.iter().enumerate() {
        let separator = matches!(c, ',' | '.' | '\u{202f}' | '\u{a0}')
            && !current.is_empty()
            && chars.get(i + 1..i + 4).is_some_and(|next| next.iter().all(char::is_ascii_digit));
        if c.is_ascii_digit() {
            current.push(*c);
        } else if !separator && !current.is_empty() {
            out.extend(current.parse::<u64>().ok());
            current.clear();
        }
    }
    out.extend(current.parse::<u64>().ok());
    out
}

/// A count as the app writes it: "12,345".
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
