//! Device storage, so that nothing a citizen enters or photographs is lost to a weak network, a
//! reload or a closed tab: IndexedDB for drafts and photos ([`idb`]), `localStorage` for small
//! preferences ([`local`]), and the background upload queue built on them ([`uploads`]).

pub mod idb;
pub mod local;
mod policy;
pub mod uploads;

thread_local! {
    static LASTING: std::cell::RefCell<std::collections::HashSet<&'static str>> =
        std::cell::RefCell::new(std::collections::HashSet::new());
}

/// `key` as a `&'static str`, one allocation per distinct key for the life of the tab: a photo
/// still being prepared when its section goes (the view redrawn) must still be recorded under
/// its key (a case number, an appointment), which a string in the section's reactive arena
/// would not outlive.
pub fn lasting(key: &str) -> &'static str {
    LASTING.with(|set| {
        let mut set = set.borrow_mut();
        if let Some(kept) = set.get(key) {
            return *kept;
        }
        let kept: &'static str = Box::leak(key.to_owned().into_boxed_str());
        set.insert(kept);
        kept
    })
}

/// A new id for a photo or draft, unique on this device: `prefix` + time + 32 random bits.
/// Not a secret, and not `crypto.randomUUID`, which plain-HTTP intranet deployments lack.
pub fn new_id(prefix: &str) -> String {
    let millis = crate::browser::now_ms() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!("{prefix}{millis:x}{random:08x}")
}

/// A new idempotency key: 128 random bits from `crypto.getRandomValues`, which plain-HTTP pages
/// have too, as 32 hex digits. It must not be guessable, since whoever sends a known key and
/// body again is answered with the receipt and its query code. `None` without a usable `crypto`.
pub fn new_key() -> Option<String> {
    let crypto = crate::browser::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(hex(&bytes))
}

/// Lower-case hex digits of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_has_two_digits_per_byte() {
        assert_eq!(super::hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(super::hex(&[7u8; 16]).len(), 32);
    }
}
