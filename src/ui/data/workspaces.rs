//! Workspaces in this browser. The address names one (`?db=NAME`, else the default);
//! a restore that replaced it wrote a new database and points the name at it (no
//! database can be renamed, and the old one is deleted only once the new one is
//! whole); a restore beside it is a workspace of its own, with a label. Pointers and
//! labels are kept in `localStorage`, read before anything opens.

use wasm_bindgen::JsCast;

use crate::store::DEFAULT_DB_NAME;

const POINTER: &str = "cm.workspace-db:";
const LABEL: &str = "cm.workspace-label:";

/// The workspace the address names: `?db=NAME`, or the default one.
pub fn named_workspace() -> String {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("db="))
        .and_then(|v| js_sys::decode_uri_component(v).ok())
        .map(String::from)
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_DB_NAME.to_string())
}

/// The database holding the workspace named `name`.
pub fn database_of(name: &str) -> String {
    local_storage().and_then(|s| s.get_item(&format!("{POINTER}{name}")).ok().flatten()).unwrap_or_else(|| name.to_owned())
}

/// From now on the workspace `name` is the database `db`.
pub fn point(name: &str, db: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser keeps no small settings here (localStorage)")?;
    let key = format!("{POINTER}{name}");
    let done = if name == db { storage.remove_item(&key) } else { storage.set_item(&key, db) };
    done.map_err(|_| "the browser refused to remember which database holds the workspace".to_owned())
}

/// What a workspace restored beside another is called in the list of workspaces.
pub fn label_of(db: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(&format!("{LABEL}{db}")).ok().flatten())
}

pub fn set_label(db: &str, label: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&format!("{LABEL}{db}"), label);
    }
}

/// A new database name for a restore of the workspace `name`: never one that exists
/// (a time stamp), and never starting with `name~` (the journals of `name` in the
/// storage bucket are named so, and go when `name` is deleted).
pub fn fresh_database(name: &str) -> String {
    format!("{name}.restored-{:x}", js_sys::Date::now() as u64)
}

/// The address that opens the workspace `name` in this tab.
pub fn address_of(name: &str) -> String {
    let encoded = String::from(js_sys::encode_uri_component(name));
    format!("?db={encoded}")
}

/// The databases of this site (the browser's list; empty where it has none).
pub async fn databases() -> Vec<String> {
    let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) else { return Vec::new() };
    let Ok(databases) = js_sys::Reflect::get(&factory, &"databases".into()) else { return Vec::new() };
    let Ok(call) = databases.dyn_into::<js_sys::Function>() else { return Vec::new() };
    let Ok(promise) = call.call0(&factory).and_then(|p| p.dyn_into::<js_sys::Promise>()) else { return Vec::new() };
    let Ok(list) = wasm_bindgen_futures::JsFuture::from(promise).await else { return Vec::new() };
    let list = js_sys::Array::from(&list);
    let mut names: Vec<String> = list.iter().filter_map(|info| js_sys::Reflect::get(&info, &"name".into()).ok()?.as_string()).collect();
    names.sort();
    names
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

const DOOMED: &str = "cm.database-to-delete";

/// Deletes the database `db` on the next start (the workspace it held was replaced:
/// this tab still has it open, and deleting it now would cut this tab off).
pub fn delete_on_next_start(db: &str) -> Result<(), String> {
    let storage = local_storage().ok_or("this browser keeps no small settings here (localStorage)")?;
    storage.set_item(DOOMED, db).map_err(|_| "the browser refused to note the replaced data for deletion".to_owned())
}

/// At start-up, before `current` opens: deletes a replaced workspace's old database.
pub async fn delete_replaced(current: &str) {
    let Some(storage) = local_storage() else { return };
    let Some(doomed) = storage.get_item(DOOMED).ok().flatten() else { return };
    if doomed != current {
        if let Err(e) = crate::store::Store::delete_database(&doomed).await {
            leptos::logging::warn!("the replaced data ({doomed}) could not be deleted yet: {e}");
            return;
        }
    }
    let _ = storage.remove_item(DOOMED);
}
