//! The detected encoding, separator, quote and header row, each overridable.

use leptos::prelude::*;

use crate::domain::import::{FileFormat, DELIMITERS, ENCODINGS};
use crate::ui::kit::InlineSelect;

use super::session::ImportSession;

/// The select value of a separator ("tab" reads better than a tab character).
fn delimiter_value(b: u8) -> String {
    if b == b'\t' { "tab".into() } else { char::from(b).to_string() }
}

fn parse_delimiter(value: &str) -> Option<u8> {
    match value {
        "tab" => Some(b'\t'),
        other => other.bytes().next().filter(|_| other.len() == 1),
    }
}

#[component]
pub fn ImportFormat(session: ImportSession) -> impl IntoView {
    let format = session.format;
    let update = move |f: &dyn Fn(&mut FileFormat)| format.update(|fmt| f(fmt));
    let encoding_name = move || format.with(|f| f.encoding.name());
    let encodings = ENCODINGS.iter().map(|c| (c.encoding.name().to_string(), c.label.to_string())).collect();
    let delimiters = DELIMITERS.iter().map(|&(b, label)| (delimiter_value(b), label.to_string())).collect();
    let quotes = vec![("\"".to_string(), "Double quote (\")".to_string()), ("'".to_string(), "Single quote (')".to_string())];
    let set_encoding = Callback::new(move |name: String| {
        if let Some(choice) = ENCODINGS.iter().find(|c| c.encoding.name() == name) {
            update(&|f| f.encoding = choice.encoding);
        }
    });
    let set_delimiter = Callback::new(move |value: String| {
        if let Some(b) = parse_delimiter(&value) {
            update(&|f| f.delimiter = b);
        }
    });
    let set_quote = Callback::new(move |value: String| {
        if let Some(b) = value.bytes().next() {
            update(&|f| f.quote = b);
        }
    });
    view! {
        <div class="format-bar">
            <InlineSelect id="import-encoding" label="Encoding" choices=encodings current=Signal::derive(move || encoding_name().to_string()) on_change=set_encoding>
                // A detected encoding outside the offered ones still shows.
                {move || {
                    let current = format.with(|f| f.encoding);
                    (!ENCODINGS.iter().any(|c| c.encoding == current)).then(|| {
                        view! { <option value=current.name() selected=true>{current.name()}</option> }
                    })
                }}
            </InlineSelect>
            <InlineSelect id="import-delimiter" label="Separator" choices=delimiters current=Signal::derive(move || format.with(|f| delimiter_value(f.delimiter))) on_change=set_delimiter />
            <InlineSelect id="import-quote" label="Quote" choices=quotes current=Signal::derive(move || format.with(|f| (f.quote as char).to_string())) on_change=set_quote />
            <label class="check-inline">
                <input
                    type="checkbox"
                    id="import-has-header"
                    prop:checked=move || format.with(|f| f.has_header)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update(&|f| f.has_header = on);
                    }
                />
                <span>"First row holds the column names"</span>
            </label>
        </div>
    }
}
