//! Small text helpers shared by the views. Plain Rust: builds and tests on the host.

/// 1234567 -> "1,234,567", so counts in the pager and dialogs are easy to read.
pub fn grouped(n: usize) -> String {
    crate::domain::import::grouped(n as u64)
}

/// "1 contact" / "3 contacts".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", grouped(n))
    }
}

/// "+393331234567": how a WhatsApp-form number reads to people.
pub fn phone_display(digits: &str) -> String {
    format!("+{digits}")
}

/// Domain messages read as clauses ("first name is required"); under a field they
/// stand alone, so start them with a capital.
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Ends a message with a full stop unless it already has one.
pub fn with_stop(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// 1_500_000 -> "1.5 MB": a size in decimal units, as file managers show them.
pub fn size_text(bytes: f64) -> String {
    let bytes = bytes.max(0.0);
    match ["bytes", "KB", "MB", "GB", "TB"].iter().enumerate().rev().find(|(i, _)| bytes >= 1000f64.powi(*i as i32)) {
        Some((0, _)) | None => format!("{} bytes", bytes as u64),
        Some((i, unit)) => {
            let n = bytes / 1000f64.powi(i as i32);
            if n < 10.0 { format!("{n:.1} {unit}") } else { format!("{n:.0} {unit}") }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_easily() {
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(plural(1, "contact", "contacts"), "1 contact");
        assert_eq!(plural(0, "contact", "contacts"), "0 contacts");
        assert_eq!(plural(12_500, "row", "rows"), "12,500 rows");
    }

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(sentence("first name is required"), "First name is required");
        assert_eq!(sentence("élan"), "Élan");
        assert_eq!(sentence(""), "");
        assert_eq!(with_stop("Saved"), "Saved.");
        assert_eq!(with_stop("Saved?"), "Saved?");
        assert_eq!(with_stop("Done."), "Done.");
        assert_eq!(phone_display("393331234567"), "+393331234567");
    }

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        assert_eq!(size_text(0.0), "0 bytes");
        assert_eq!(size_text(999.0), "999 bytes");
        assert_eq!(size_text(1_500.0), "1.5 KB");
        assert_eq!(size_text(135_400_000.0), "135 MB");
        assert_eq!(size_text(10_240_000_000.0), "10 GB");
        assert_eq!(size_text(2_500_000_000_000.0), "2.5 TB");
    }
}
