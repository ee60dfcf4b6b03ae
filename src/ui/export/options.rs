//! The CSV options of every export: separator (comma or semicolon) and encoding
//! (UTF-8 with a BOM, which Excel needs to show accents, or plain UTF-8). The choice
//! is remembered as a setting.

use leptos::prelude::*;

use crate::domain::export::CsvOptions;

use crate::ui::app::{AppState, Setting, SettingKey};
use crate::ui::kit::{choice_options, FormField, Select};

/// The options the last export chose, or the defaults.
pub async fn remembered_options(state: AppState) -> CsvOptions {
    match state.recall(SettingKey::ExportOptions).await {
        Some(Setting::ExportOptions(options)) => options,
        _ => CsvOptions::default(),
    }
}

fn pairs(choices: &[(&str, &str)]) -> Vec<(String, String)> {
    choices.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect()
}

#[component]
pub fn ExportOptions(options: RwSignal<CsvOptions>, #[prop(into)] disabled: Signal<bool>) -> impl IntoView {
    let separator = Signal::derive(move || (options.get().separator as char).to_string());
    let encoding = Signal::derive(move || if options.get().bom { "bom" } else { "plain" }.to_string());
    let set_separator = Callback::new(move |v: String| options.update(|o| o.separator = if v == ";" { b';' } else { b',' }));
    let set_encoding = Callback::new(move |v: String| options.update(|o| o.bom = v != "plain"));
    view! {
        <div class="export-options">
            <FormField id="export-separator" label="Separator">
                <Select on_change=set_separator disabled=disabled>
                    {choice_options(pairs(&[(",", "Comma (,)"), (";", "Semicolon (;)")]), separator)}
                </Select>
            </FormField>
            <FormField id="export-encoding" label="Encoding">
                <Select on_change=set_encoding disabled=disabled>
                    {choice_options(pairs(&[("bom", "UTF-8 with BOM (Excel)"), ("plain", "UTF-8 without BOM")]), encoding)}
                </Select>
            </FormField>
            <p class="hint">"Excel set to Italian, French or German reads semicolons; the BOM makes it show accents."</p>
        </div>
    }
}
