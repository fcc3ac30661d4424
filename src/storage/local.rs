//! Small things remembered on the device through `localStorage` (checklist ticks, the list of
//! "my cases"): synchronous and simple, but only for a few kilobytes, never for photos or drafts.
//!
//! Keys are prefixed with `portal.` so they cannot collide with anything else on the origin.
//! Every function fails quietly (`None`/`false`): storage may be disabled, full, or hold data
//! from an older app version, and none of that may break a page.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn full_key(key: &str) -> String {
    format!("portal.{key}")
}

/// The value stored under `key`, or `None` if absent, unreadable or of another shape.
pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(&full_key(key)).ok()??;
    serde_json::from_str(&text).ok()
}

/// Stores `value` under `key`; `false` if it could not be saved (disabled or full storage).
pub fn set<T: Serialize>(key: &str, value: &T) -> bool {
    let Ok(text) = serde_json::to_string(value) else {
        return false;
    };
    storage().is_some_and(|s| s.set_item(&full_key(key), &text).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&full_key(key));
    }
}
