//! Small text and time helpers shared by the views.

use crate::domain::Timestamp;

/// The current time for domain commands (the domain never reads a clock itself).
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// A time as the user reads it: in the browser's time zone at that moment.
pub fn local_time(t: Timestamp) -> String {
    t.display_at_offset(local_offset(t))
}

/// The browser's time zone at `t`, in minutes east of UTC.
pub fn local_offset(t: Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.millis() as f64));
    // getTimezoneOffset is minutes *behind* UTC.
    -(date.get_timezone_offset() as i32)
}

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
