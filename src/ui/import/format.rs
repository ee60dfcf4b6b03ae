//! The detected encoding, separator, quote and header row, each overridable.

use leptos::prelude::*;

use super::session::ImportSession;
use crate::domain::import::{FileFormat, DELIMITERS, ENCODINGS};

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
    view! {
        <div class="format-bar">
            <label class="field-inline">
                <span>"Encoding"</span>
                <select
                    id="import-encoding"
                    on:change=move |ev| {
                        let name = event_target_value(&ev);
                        if let Some(choice) = ENCODINGS.iter().find(|c| c.encoding.name() == name) {
                            update(&|f| f.encoding = choice.encoding);
                        }
                    }
                >
                    // A detected encoding outside the offered ones still shows.
                    {move || {
                        let current = format.with(|f| f.encoding);
                        (!ENCODINGS.iter().any(|c| c.encoding == current)).then(|| {
                            view! { <option value=current.name() selected=true>{current.name()}</option> }
                        })
                    }}
                    {ENCODINGS
                        .iter()
                        .map(|c| {
                            let name = c.encoding.name();
                            view! { <option value=name prop:selected=move || encoding_name() == name>{c.label}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field-inline">
                <span>"Separator"</span>
                <select
                    id="import-delimiter"
                    on:change=move |ev| {
                        if let Some(b) = parse_delimiter(&event_target_value(&ev)) {
                            update(&|f| f.delimiter = b);
                        }
                    }
                >
                    {DELIMITERS
                        .iter()
                        .map(|&(b, label)| {
                            view! {
                                <option value=delimiter_value(b) prop:selected=move || format.with(|f| f.delimiter == b)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field-inline">
                <span>"Quote"</span>
                <select
                    id="import-quote"
                    on:change=move |ev| {
                        if let Some(b) = event_target_value(&ev).bytes().next() {
                            update(&|f| f.quote = b);
                        }
                    }
                >
                    <option value="\"" prop:selected=move || format.with(|f| f.quote == b'"')>"Double quote (\")"</option>
                    <option value="'" prop:selected=move || format.with(|f| f.quote == b'\'')>"Single quote (')"</option>
                </select>
            </label>
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
