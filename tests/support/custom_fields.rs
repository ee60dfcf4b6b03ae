//! Custom fields, on a list's Custom Fields tab or the Global custom fields page:
//! the New / Edit Custom Field dialog and the fields' rows.

use std::time::Duration;

use super::Browser;

/// WebDriver's Enter key.
pub const ENTER: &str = "\u{E007}";

/// Where a field lives: one list's editor tab, or the Global custom fields page.
#[derive(Clone, Copy)]
pub enum FieldScope {
    List,
    Global,
}

impl FieldScope {
    fn new_button(self) -> &'static str {
        match self {
            FieldScope::List => "#new-list-field",
            FieldScope::Global => "#new-global-field",
        }
    }

    /// The table of the fields of this scope.
    pub fn table(self) -> &'static str {
        match self {
            FieldScope::List => "#list-fields-table",
            FieldScope::Global => "#global-fields-table",
        }
    }
}

/// A field definition for the dialog; `FieldDef::new(alias, kind)` with no choices,
/// not required, no click to action.
pub struct FieldDef<'a> {
    pub alias: &'a str,
    pub kind: &'a str,
    pub choices: &'a [&'a str],
    pub required: bool,
    pub click_to_action: bool,
}

impl<'a> FieldDef<'a> {
    pub fn new(alias: &'a str, kind: &'a str) -> Self {
        FieldDef { alias, kind, choices: &[], required: false, click_to_action: false }
    }
}

/// Clicks New (custom field) of `scope` on the page showing it, fills the dialog with
/// `def` and saves it.
pub async fn add_custom_field(b: &Browser, scope: FieldScope, def: &FieldDef<'_>) {
    b.click(scope.new_button()).await;
    fill_field_dialog(b, def).await;
}

/// Fills and saves the open New / Edit Custom Field dialog.
async fn fill_field_dialog(b: &Browser, def: &FieldDef<'_>) {
    b.fill("#field-def-alias", def.alias).await;
    b.select("#field-def-type", def.kind).await;
    for choice in def.choices {
        // Enter adds the choice and must not submit the form.
        type_choice(b, choice).await;
        b.wait_for_text("#choice-chips", choice).await;
        assert_eq!(b.count(".overlay").await, 1, "Enter in the choices input submitted the form");
    }
    if def.required {
        b.click("label[for='field-def-required']").await;
    }
    if def.click_to_action {
        b.click("label[for='field-def-cta']").await;
    }
    b.click("#save-field").await;
    b.wait_gone(".overlay").await;
}

/// Types `choice` and Enter into the dialog's choices input.
pub async fn type_choice(b: &Browser, choice: &str) {
    let input = b.wait_for("#field-def-choices").await;
    input.send_keys(&format!("{choice}{ENTER}")).await.unwrap_or_else(|e| panic!("type the choice {choice:?}: {e}"));
}

/// The id of the field whose row (in the table of `scope`) has the alias `alias`
/// (waits for the row).
pub async fn field_id(b: &Browser, scope: FieldScope, alias: &str) -> String {
    let table = scope.table();
    let script = format!(
        "const rows = [...document.querySelectorAll('{table} tbody tr')];
         const r = rows.find(r => r.querySelector('.row-title').textContent === {alias:?});
         return r ? r.dataset.field : null;"
    );
    let id = b.poll(&script, Duration::from_secs(10), &format!("the row of the field {alias} in {table}")).await;
    id.as_str().unwrap_or_else(|| panic!("the id of the field {alias} is not text: {id}")).to_string()
}
