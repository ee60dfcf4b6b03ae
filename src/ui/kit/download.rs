//! Files out: a Blob, an object URL and a hidden `<a download>` clicked once. The URL
//! is revoked only after the click has been handled, or the download could be lost.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `name`. Errs with a sentence for the user.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_parts(name, mime, &js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)))
}

/// Offers the file made of `parts` (byte arrays written piece by piece, already on
/// the JavaScript side, so a big export never sits whole in wasm memory).
pub fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = |what: &str| format!("The file could not be offered for download ({what}).");
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("address"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no page"))?;
    let anchor = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(|| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    let _ = anchor.set_attribute("hidden", "");
    let body = document.body().ok_or_else(|| fail("no body"))?;
    let _ = body.append_child(&anchor);
    anchor.click();
    anchor.remove();
    // Revoke on a later turn: the click starts the download asynchronously.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
