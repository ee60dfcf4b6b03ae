//! Jaro-Winkler similarity on bytes, without allocating: names and email local parts
//! are folded to ASCII first (`names.rs`), and only their first 64 bytes count, so the
//! matched flags fit in one `u64` each.

/// Longest prefix compared; longer text is cut here.
const MAX_LEN: usize = 64;

/// 0.0 (nothing in common) to 1.0 (equal); two empty strings are equal, one empty
/// string is like nothing.
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let a = a.get(..a.len().min(MAX_LEN)).unwrap_or_default();
    let b = b.get(..b.len().min(MAX_LEN)).unwrap_or_default();
    if a.is_empty() || b.is_empty() {
        return if a.len() == b.len() { 1.0 } else { 0.0 };
    }
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_matched, mut b_matched) = (0u64, 0u64);
    let mut matches = 0u32;
    for (i, &ca) in a.iter().enumerate() {
        let low = i.saturating_sub(range);
        let high = (i + range + 1).min(b.len());
        for j in low..high {
            if b_matched & (1 << j) == 0 && b.get(j) == Some(&ca) {
                a_matched |= 1 << i;
                b_matched |= 1 << j;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched characters of each side in order; half the places they differ are
    // the transpositions.
    let half_transpositions = in_order(a, a_matched).zip(in_order(b, b_matched)).filter(|(x, y)| x != y).count() as u32;
    let m = f64::from(matches);
    let t = f64::from(half_transpositions / 2);
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - t) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f64;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

/// The bytes of `s` whose bit is set in `flags`, in order.
fn in_order(s: &[u8], flags: u64) -> impl Iterator<Item = u8> + '_ {
    s.iter().enumerate().filter(move |(i, _)| flags & (1 << i) != 0).map(|(_, c)| *c)
}

/// The similarity as a percentage, 0 to 100.
pub fn percent(similarity: f64) -> u8 {
    (similarity * 100.0).round().clamp(0.0, 100.0) as u8
}
