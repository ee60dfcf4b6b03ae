//! The browser's clock and time zone, for domain commands and for showing times.

use crate::domain::Timestamp;

/// The current time for domain commands (the domain never reads a clock itself).
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// A time as the user reads it: in the browser's time zone at that moment.
pub fn local_time(t: Timestamp) -> String {
    t.display_at_offset(local_offset(t))
}

/// The day of `t` as the user reads it (yyyy-mm-dd, in the browser's time zone).
pub fn local_day(t: Timestamp) -> String {
    crate::domain::journey::local_date(t, local_offset(t)).to_string()
}

/// The browser's time zone at `t`, in minutes east of UTC.
pub fn local_offset(t: Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.millis() as f64));
    // getTimezoneOffset is minutes *behind* UTC.
    -(date.get_timezone_offset() as i32)
}

