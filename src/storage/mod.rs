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

/// The app's background upload queue (`uploads`), as far as pages that only list or delete
/// drafts need it. The app bundle gives it when it starts (`app::start`); an islands page has
/// no queue running, and its bundle need not carry the queue's code.
pub struct Queue {
    /// Takes a photo out of the queue, stopping its upload (`uploads::remove`).
    pub remove: fn(&str),
    /// Stops every upload and empties the queue in memory (`uploads::forget_all`).
    pub forget_all: fn(),
}

thread_local! {
    static QUEUE: std::cell::Cell<Option<&'static Queue>> = const { std::cell::Cell::new(None) };
}

/// Called once by the app bundle (`main.rs`) as it starts; the islands bundle never calls it,
/// so the queue's code is not in it.
pub fn use_app_queue() {
    static APP: Queue = Queue {
        remove: uploads::remove,
        forget_all: uploads::forget_all,
    };
    QUEUE.with(|q| q.set(Some(&APP)));
}

/// Takes a photo out of the upload queue: the app's, when it runs, else its entry in the store.
pub async fn unqueue(photo_id: &str) {
    match QUEUE.with(std::cell::Cell::get) {
        Some(queue) => (queue.remove)(photo_id),
        None => {
            let _ = idb::delete(idb::Store::Queue, photo_id).await;
        }
    }
}

/// Stops the app's uploads, if it runs ("清除本机数据"; the stores are emptied apart).
pub fn stop_uploads() {
    if let Some(queue) = QUEUE.with(std::cell::Cell::get) {
        (queue.forget_all)();
    }
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
