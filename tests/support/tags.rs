//! The Tags page: making a tag through its dialog.

use super::app::navigate;
use super::Browser;

/// Tags page -> New tag -> name (and colour, else the dialog's own) -> Save; waits
/// for the tag's row.
pub async fn create_tag(b: &Browser, name: &str, colour: Option<&str>) {
    navigate(b, "#/tags").await;
    b.click("#new-tag").await;
    b.fill("#tag-name", name).await;
    if let Some(colour) = colour {
        b.fill("#tag-colour-text", colour).await;
    }
    b.click("#save-tag").await;
    b.wait_gone(".overlay").await;
    b.wait_for_text("#tags-table", name).await;
}
