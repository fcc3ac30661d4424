//! Device storage, so that nothing a citizen enters or photographs is lost to a weak network, a
//! reload or a closed tab: IndexedDB for drafts and photos ([`idb`]), `localStorage` for small
//! preferences ([`local`]), and the background upload queue built on them ([`uploads`]).

pub mod idb;
pub mod local;
mod policy;
pub mod uploads;

/// A new id for a photo or draft, unique on this device: `prefix` + time + 32 random bits.
/// Not a secret, and not `crypto.randomUUID`, which plain-HTTP intranet deployments lack.
pub fn new_id(prefix: &str) -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{prefix}{millis:x}{random:08x}")
}
