//! How much room the browser gives us (`navigator.storage`), and asking it to keep our
//! data when space runs low. Both are best effort: `None`/`false` when unsupported.

use js_sys::{Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Bytes used and allowed for this origin, as the browser estimates them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StorageEstimate {
    pub usage: f64,
    pub quota: f64,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // `storage` is missing on insecure origins in some browsers.
    let storage = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!storage.is_undefined()).then(|| navigator.storage())
}

async fn settle(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

pub async fn storage_estimate() -> Option<StorageEstimate> {
    let estimate = settle(manager()?.estimate()).await?;
    let field = |name: &str| Reflect::get(&estimate, &JsValue::from_str(name)).ok()?.as_f64();
    Some(StorageEstimate { usage: field("usage")?, quota: field("quota")? })
}

/// Whether the browser keeps our data under storage pressure; `None` when it cannot say.
pub async fn is_persisted() -> Option<bool> {
    settle(manager()?.persisted()).await?.as_bool()
}

/// Asks the browser not to evict our data under storage pressure. True when granted.
pub async fn request_persistent() -> bool {
    let Some(manager) = manager() else { return false };
    settle(manager.persist()).await.and_then(|v| v.as_bool()).unwrap_or(false)
}
