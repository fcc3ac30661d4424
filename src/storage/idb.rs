//! A minimal IndexedDB wrapper: the only browser storage big enough for photos and durable across
//! reloads and closed tabs. Database `portal`, version 1, with three stores keyed by strings:
//! `drafts` (JSON text), `photos` (`{blob, meta}`) and `queue` (JSON text).
//!
//! Every request becomes a `js_sys::Promise` whose own `resolve`/`reject` are installed as the
//! request's event handlers, so no Rust closure has to be kept alive or leaked per call. Writes
//! resolve only when their transaction has committed, so "saved" means saved.
//!
//! When IndexedDB cannot be used (some private modes, a full disk, Safari dropping the
//! connection) nothing is lost for the life of the page: the value is kept in memory, reads see
//! it, and the write still returns the error so the page can warn "do not close this page".

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use crate::i18n::t;

const DB_NAME: &str = "portal";
const DB_VERSION: u32 = 1;
const PHOTOS: &str = "photos";

/// The stores holding JSON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// Application drafts, by draft id.
    Drafts,
    /// Upload queue state, by photo id (owned by `storage::uploads`).
    Queue,
}

impl Store {
    fn name(self) -> &'static str {
        match self {
            Store::Drafts => "drafts",
            Store::Queue => "queue",
        }
    }
}

/// Why the device could not store or read something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB here (private mode, blocked storage): data lives only as long as the page.
    Unavailable,
    /// The device's storage quota is used up.
    Full,
    /// Anything else (a transaction aborted, a lost connection).
    Failed,
}

impl StoreError {
    pub fn message(self) -> &'static str {
        match self {
            StoreError::Unavailable => t::STORAGE_UNAVAILABLE(),
            StoreError::Full => t::STORAGE_FULL(),
            StoreError::Failed => t::STORAGE_FAILED(),
        }
    }

    fn from_js(error: &JsValue) -> StoreError {
        let name = Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => StoreError::Full,
            _ => StoreError::Failed,
        }
    }
}

/// A value kept in memory because IndexedDB refused it.
#[derive(Clone)]
enum Kept {
    Json(String),
    Blob(Blob, String),
}

thread_local! {
    /// The open request, shared by every caller: all of them await the same promise, so
    /// transactions are created in call order and the database is opened once.
    static OPEN: RefCell<Option<(IdbOpenDbRequest, Promise)>> = const { RefCell::new(None) };
    static KEPT: RefCell<HashMap<(&'static str, String), Kept>> = RefCell::new(HashMap::new());
    static PERSIST_ASKED: Cell<bool> = const { Cell::new(false) };
}

fn open() -> Result<(IdbOpenDbRequest, Promise), StoreError> {
    let factory = crate::browser::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(|_| StoreError::Unavailable)?;
    let during_upgrade = request.clone();
    // Runs at most once, when the database is first created; the few bytes of an unused closure
    // are left to the page (one per opening).
    let upgrade = Closure::once_into_js(move || {
        let Ok(db) = during_upgrade
            .result()
            .and_then(|v| v.dyn_into::<IdbDatabase>())
        else {
            return;
        };
        let existing = db.object_store_names();
        for name in ["drafts", PHOTOS, "queue"] {
            if !existing.contains(name) {
                let _ = db.create_object_store(name);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    Ok((request, promise))
}

fn forget_connection() {
    OPEN.with(|o| o.borrow_mut().take());
}

async fn database() -> Result<IdbDatabase, StoreError> {
    let existing = OPEN.with(|o| o.borrow().clone());
    let (request, promise) = match existing {
        Some(open) => open,
        None => {
            let opened = open()?;
            OPEN.with(|o| *o.borrow_mut() = Some(opened.clone()));
            opened
        }
    };
    if JsFuture::from(promise).await.is_err() {
        forget_connection();
        return Err(StoreError::Unavailable);
    }
    let db: IdbDatabase = request
        .result()
        .and_then(|v| v.dyn_into())
        .map_err(|_| StoreError::Failed)?;
    if db.onversionchange().is_none() {
        // A newer version of the app in another tab wants to upgrade: step aside, and reopen on
        // the next call instead of blocking it.
        let closing = db.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || {
            closing.close();
            forget_connection();
        });
        db.set_onversionchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    Ok(db)
}

/// Starts a transaction, reopening once if the connection was closed under us (Safari drops it
/// when the app has been in the background).
async fn transaction(store: &str, mode: IdbTransactionMode) -> Result<IdbTransaction, StoreError> {
    for _ in 0..2 {
        let db = database().await?;
        match db.transaction_with_str_and_mode(store, mode) {
            Ok(tx) => return Ok(tx),
            Err(_) => forget_connection(),
        }
    }
    Err(StoreError::Failed)
}

/// Runs `body` in one transaction and waits for it to commit, then returns what `body` returned
/// (typically requests whose results are now ready).
async fn run<R>(
    store: &str,
    mode: IdbTransactionMode,
    body: impl FnOnce(&IdbObjectStore) -> Result<R, JsValue>,
) -> Result<R, StoreError> {
    let tx = transaction(store, mode).await?;
    let committed = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    // A request that throws (say, a blob the browser cannot clone) leaves nothing pending, so the
    // transaction still completes and `committed` settles; the error is returned from here.
    let out = tx.object_store(store).and_then(|s| body(&s));
    let outcome = JsFuture::from(committed).await;
    let out = out.map_err(|e| StoreError::from_js(&e))?;
    match outcome {
        Ok(_) => Ok(out),
        Err(_) => {
            let error = tx
                .error()
                .map_or(StoreError::Failed, |e| StoreError::from_js(&e));
            if error == StoreError::Failed {
                // Possibly a connection the browser dropped; the next call opens a fresh one.
                forget_connection();
            }
            Err(error)
        }
    }
}

fn result(request: &IdbRequest) -> JsValue {
    request.result().unwrap_or(JsValue::UNDEFINED)
}

fn keep(store: &'static str, key: &str, value: Kept) {
    KEPT.with(|k| k.borrow_mut().insert((store, key.to_string()), value));
}

fn kept(store: &'static str, key: &str) -> Option<Kept> {
    KEPT.with(|k| k.borrow().get(&(store, key.to_string())).cloned())
}

fn unkeep(store: &'static str, key: &str) {
    KEPT.with(|k| k.borrow_mut().remove(&(store, key.to_string())));
}

/// Saves JSON text under `key`. On error the value is still kept for this page's lifetime.
pub async fn put_json(store: Store, key: &str, json: &str) -> Result<(), StoreError> {
    let name = store.name();
    let value = JsValue::from_str(json);
    let key_js = JsValue::from_str(key);
    match run(name, IdbTransactionMode::Readwrite, |s| {
        s.put_with_key(&value, &key_js)
    })
    .await
    {
        Ok(_) => {
            unkeep(name, key);
            Ok(())
        }
        Err(e) => {
            keep(name, key, Kept::Json(json.to_string()));
            Err(e)
        }
    }
}

/// The JSON text under `key`, if any.
pub async fn get_json(store: Store, key: &str) -> Result<Option<String>, StoreError> {
    let name = store.name();
    if let Some(Kept::Json(json)) = kept(name, key) {
        return Ok(Some(json));
    }
    let key_js = JsValue::from_str(key);
    match run(name, IdbTransactionMode::Readonly, |s| s.get(&key_js)).await {
        Ok(request) => Ok(result(&request).as_string()),
        Err(StoreError::Unavailable) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Every `(key, JSON text)` in the store, in key order.
pub async fn all_json(store: Store) -> Result<Vec<(String, String)>, StoreError> {
    let name = store.name();
    let mut all = match run(name, IdbTransactionMode::Readonly, |s| {
        Ok((s.get_all_keys()?, s.get_all()?))
    })
    .await
    {
        Ok((keys, values)) => {
            let keys = Array::from(&result(&keys));
            let values = Array::from(&result(&values));
            keys.iter()
                .zip(values.iter())
                .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
                .collect()
        }
        Err(StoreError::Unavailable) => Vec::new(),
        Err(e) => return Err(e),
    };
    KEPT.with(|k| {
        for ((s, key), value) in k.borrow().iter() {
            if let (true, Kept::Json(json)) = (*s == name, value) {
                all.retain(|(k, _)| k != key);
                all.push((key.clone(), json.clone()));
            }
        }
    });
    Ok(all)
}

/// Deletes `key` from a JSON store.
pub async fn delete(store: Store, key: &str) -> Result<(), StoreError> {
    delete_from(store.name(), key).await
}

async fn delete_from(name: &'static str, key: &str) -> Result<(), StoreError> {
    unkeep(name, key);
    let key_js = JsValue::from_str(key);
    match run(name, IdbTransactionMode::Readwrite, |s| s.delete(&key_js)).await {
        Ok(_) | Err(StoreError::Unavailable) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Saves a photo (or PDF) with the page's metadata JSON. On error the blob is still kept for this
/// page's lifetime (and can still be uploaded); show the error so the citizen keeps the page open.
pub async fn put_blob(key: &str, blob: &Blob, meta_json: &str) -> Result<(), StoreError> {
    ask_to_persist();
    let record = Object::new();
    let stored = Reflect::set(&record, &"blob".into(), blob)
        .and_then(|_| Reflect::set(&record, &"meta".into(), &JsValue::from_str(meta_json)));
    let key_js = JsValue::from_str(key);
    let saved = match stored {
        Ok(_) => run(PHOTOS, IdbTransactionMode::Readwrite, |s| {
            s.put_with_key(&record, &key_js)
        })
        .await
        .map(|_| ()),
        Err(_) => Err(StoreError::Failed),
    };
    match saved {
        Ok(()) => unkeep(PHOTOS, key),
        Err(_) => keep(PHOTOS, key, Kept::Blob(blob.clone(), meta_json.to_string())),
    }
    saved
}

/// A stored photo and its metadata JSON.
pub async fn get_blob(key: &str) -> Result<Option<(Blob, String)>, StoreError> {
    if let Some(Kept::Blob(blob, meta)) = kept(PHOTOS, key) {
        return Ok(Some((blob, meta)));
    }
    let key_js = JsValue::from_str(key);
    let record = match run(PHOTOS, IdbTransactionMode::Readonly, |s| s.get(&key_js)).await {
        Ok(request) => result(&request),
        Err(StoreError::Unavailable) => return Ok(None),
        Err(e) => return Err(e),
    };
    if record.is_undefined() || record.is_null() {
        return Ok(None);
    }
    let blob = Reflect::get(&record, &"blob".into())
        .ok()
        .and_then(|b| b.dyn_into::<Blob>().ok());
    let meta = Reflect::get(&record, &"meta".into())
        .ok()
        .and_then(|m| m.as_string());
    Ok(blob.map(|b| (b, meta.unwrap_or_default())))
}

/// Deletes a stored photo.
pub async fn delete_blob(key: &str) -> Result<(), StoreError> {
    delete_from(PHOTOS, key).await
}

/// Empties every store (drafts, photos, queue) and forgets what was kept in memory: "清除本机数据".
pub async fn clear_all() -> Result<(), StoreError> {
    KEPT.with(|k| k.borrow_mut().clear());
    let mut outcome = Ok(());
    for name in [Store::Drafts.name(), PHOTOS, Store::Queue.name()] {
        match run(name, IdbTransactionMode::Readwrite, |s| s.clear()).await {
            Ok(_) | Err(StoreError::Unavailable) => {}
            Err(e) => outcome = Err(e),
        }
    }
    outcome
}

/// Asks the browser (once per page) not to evict our storage under pressure: without it, Chrome
/// may silently clear a site's IndexedDB when the phone runs low on space. Asked when the first
/// photo is saved, because Firefox shows a prompt and it should make sense when it appears.
fn ask_to_persist() {
    if PERSIST_ASKED.with(|a| a.replace(true)) {
        return;
    }
    if let Some(window) = crate::browser::window() {
        // `navigator.storage` is missing on old browsers; the call then fails and is ignored.
        let _ = window.navigator().storage().persist();
    }
}
