//! Small things remembered on the device through `localStorage` (checklist ticks, the list of
//! "my cases"): synchronous and simple, but only for a few kilobytes, never for photos or drafts.
//!
//! Keys are prefixed with `portal.` so they cannot collide with anything else on the origin.
//! Every function fails quietly (`None`/`false`): storage may be disabled, full, or hold data
//! from an older app version, and none of that may break a page.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn storage() -> Option<web_sys::Storage> {
    crate::browser::window().and_then(|w| w.local_storage().ok().flatten())
}

const PREFIX: &str = "portal.";

fn full_key(key: &str) -> String {
    format!("{PREFIX}{key}")
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

/// Stores JSON text as it is under `key` (e.g. an answer of the API kept whole); `false` if it
/// could not be saved.
pub fn set_text(key: &str, json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(&full_key(key), json).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&full_key(key));
    }
}

/// Whether a key (without `portal.`) holds a citizen's own data, which "清除本机数据" removes: my
/// cases with their query codes (`my_cases`, in `track::my_cases`), receipts (`receipt.*`,
/// `apply::receipt`), checklist ticks (`ticks.*`, `checklist::page`) and supplement pages
/// (`supp.*`, `track::supplement::store`), the last copy of each case (`case.*`, `track::saved`),
/// my appointments and their booking forms and photos (`my_appointments`, `appt.*`,
/// `appointment::store`) and my questions and complaints (`my_tickets`, `fb.*`). Preferences such
/// as the large-text mode stay.
pub fn personal(key: &str) -> bool {
    key == "my_cases"
        || key == "my_appointments"
        || key == "my_tickets"
        || ["receipt.", "ticks.", "supp.", "case.", "appt.", "fb."]
            .iter()
            .any(|prefix| key.starts_with(prefix))
}

/// Removes every key of ours that holds a citizen's data; `false` if some could not be removed.
pub fn remove_personal() -> bool {
    let Some(s) = storage() else {
        return true;
    };
    let count = s.length().unwrap_or(0);
    // Collected first: removing while walking the indexes would skip keys.
    let doomed: Vec<String> = (0..count)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.strip_prefix(PREFIX).is_some_and(personal))
        .collect();
    doomed.iter().all(|k| s.remove_item(k).is_ok())
}

#[cfg(test)]
mod tests {
    use super::personal;

    #[test]
    fn personal_data_is_told_from_preferences() {
        for key in [
            "my_cases",
            "receipt.2026113000001",
            "ticks.S1",
            "supp.2026113000001",
            "my_tickets",
            "fb.ask.S1",
            "case.2026113000001",
        ] {
            assert!(personal(key), "{key}");
        }
        for key in ["elder", "my_cases_x", "receipts", ""] {
            assert!(!personal(key), "{key}");
        }
    }
}
