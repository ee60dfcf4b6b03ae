//! The CSV options of every export: separator (comma or semicolon) and encoding
//! (UTF-8 with a BOM, which Excel needs to show accents, or plain UTF-8). The choice
//! is remembered as a setting.

use leptos::prelude::*;

use crate::domain::export::CsvOptions;

/// The setting that remembers the options (`CsvOptions::to_setting`).
pub const EXPORT_OPTIONS_SETTING: &str = "export_csv_options";

#[component]
pub fn ExportOptions(options: RwSignal<CsvOptions>, #[prop(into)] disabled: Signal<bool>) -> impl IntoView {
    let separator = move || (options.get().separator as char).to_string();
    let encoding = move || if options.get().bom { "bom" } else { "plain" };
    view! {
        <div class="export-options">
            <div class="field">
                <label for="export-separator">"Separator"</label>
                <select
                    id="export-separator"
                    disabled=move || disabled.get()
                    on:change=move |ev| {
                        let sep = if event_target_value(&ev) == ";" { b';' } else { b',' };
                        options.update(|o| o.separator = sep);
                    }
                >
                    <option value="," prop:selected=move || separator() == ",">"Comma (,)"</option>
                    <option value=";" prop:selected=move || separator() == ";">"Semicolon (;)"</option>
                </select>
            </div>
            <div class="field">
                <label for="export-encoding">"Encoding"</label>
                <select
                    id="export-encoding"
                    disabled=move || disabled.get()
                    on:change=move |ev| {
                        let bom = event_target_value(&ev) != "plain";
                        options.update(|o| o.bom = bom);
                    }
                >
                    <option value="bom" prop:selected=move || encoding() == "bom">"UTF-8 with BOM (Excel)"</option>
                    <option value="plain" prop:selected=move || encoding() == "plain">"UTF-8 without BOM"</option>
                </select>
            </div>
            <p class="hint">"Excel set to Italian, French or German reads semicolons; the BOM makes it show accents."</p>
        </div>
    }
}
