//! Which build a page runs: trunk names the wasm after its content hash, and
//! index.html's start-up script names the wasm it loads. Two different names are two
//! different builds. Plain Rust: builds and tests on the host.

/// The wasm file `html` (an index.html, or its start-up script) loads, e.g.
/// "contacts-manager-1eb1d580f4f5ce43_bg.wasm"; `None` when it names none.
pub fn wasm_name(html: &str) -> Option<&str> {
    const END: &str = "_bg.wasm";
    let end = html.find(END)? + END.len();
    let start = html[..end].rfind(['/', '\'', '"', ' ', '=']).map_or(0, |i| i + 1);
    Some(&html[start..end]).filter(|name| name.len() > END.len())
}

#[cfg(test)]
mod tests {
    use super::wasm_name;

    #[test]
    fn the_wasm_a_start_up_script_loads_is_found_however_it_is_quoted() {
        let trunk = "import init from './cm-1eb1d580_bg.js';\nconst wasm = await init({ module_or_path: './cm-1eb1d580_bg.wasm' });";
        assert_eq!(wasm_name(trunk), Some("cm-1eb1d580_bg.wasm"));
        assert_eq!(wasm_name(r#"<link rel="preload" href="/app/cm-abc_bg.wasm">"#), Some("cm-abc_bg.wasm"));
        assert_eq!(wasm_name("init(\"cm-9f_bg.wasm\")"), Some("cm-9f_bg.wasm"));
        assert_ne!(wasm_name("'./cm-aaa_bg.wasm'"), wasm_name("'./cm-bbb_bg.wasm'"));
        assert_eq!(wasm_name("<html>no app here</html>"), None);
        assert_eq!(wasm_name("'_bg.wasm'"), None);
    }
}
