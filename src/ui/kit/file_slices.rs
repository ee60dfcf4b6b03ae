//! Files in: read a `File` in `Blob.slice` chunks, never as one string, so a 60 MB
//! file costs one chunk of memory at a time.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of `file` from `start`, at most `len` of them (fewer at the end).
pub async fn read_slice(file: &web_sys::Blob, start: f64, len: f64) -> Result<Vec<u8>, String> {
    let end = (start + len).min(file.size());
    let slice = file
        .slice_with_f64_and_f64(start, end)
        .map_err(|_| "The file could not be read (it may have been moved or deleted).".to_string())?;
    let buffer = JsFuture::from(slice.array_buffer())
        .await
        .map_err(|_| "The file could not be read (it may have been moved, deleted or changed).".to_string())?;
    let buffer = buffer
        .dyn_into::<js_sys::ArrayBuffer>()
        .map_err(|_| "The file could not be read.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
