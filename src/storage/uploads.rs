//! The background upload queue: every photo the citizen keeps is sent to
//! `POST {api_base}/api/uploads?draft=<draft id>` until the backend has it, whatever the network
//! does in between.
//!
//! - The queue's state is saved in IndexedDB (`queue` store) at every change of status, and the
//!   photo itself is already there (`photos` store), so a reload, a crash or a closed tab loses
//!   nothing: [`resume_all`] at app start picks up every photo not yet uploaded. (Byte progress is
//!   not saved: an interrupted upload starts again from zero anyway.)
//! - Uploads use `XMLHttpRequest` because `fetch` cannot report upload progress, and an elderly
//!   citizen on a slow link needs to see that something is happening.
//! - Network errors, timeouts, momentary rate limiting (429) and 5xx are retried forever, waiting
//!   1 s, 2 s, 4 s … up to 60 s (see `policy::backoff_ms`), and at once when the browser reports
//!   it is back `online`. Another 4xx is final: the backend refused the file (or the draft has
//!   reached its upload cap), so waiting cannot help.
//! - At most `MAX_IN_FLIGHT` uploads run at a time: on a weak link, parallel uploads only make
//!   each other time out.
//!
//! Pages read the state through [`items`] / [`status`], which are reactive.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::reactive::graph::Observer;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::spawn_local;
use web_sys::{ProgressEvent, XmlHttpRequest};

use super::idb::{self, Store};
use super::policy::{self, Outcome};
use crate::i18n::t;

const MAX_IN_FLIGHT: usize = 1;

/// Where one photo's upload stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UploadStatus {
    /// Waiting for its turn.
    Pending,
    /// Being sent: `sent` of `total` bytes.
    Uploading { sent: u64, total: u64 },
    /// The backend has it; `upload_id` goes into `MaterialPages::upload_ids`.
    Done { upload_id: String },
    /// `permanent: false`: will be retried automatically (the message says so).
    /// `permanent: true`: refused by the backend; the citizen must retake or remove the photo.
    Failed { message: String, permanent: bool },
}

impl UploadStatus {
    /// Progress for a progress bar, 0–100; `None` unless uploading.
    pub fn percent(&self) -> Option<u8> {
        match self {
            UploadStatus::Uploading { sent, total } if *total > 0 => {
                Some((sent.saturating_mul(100) / total).min(100) as u8)
            }
            UploadStatus::Uploading { .. } => Some(0),
            _ => None,
        }
    }

    /// The status line under a photo, a polite live region: progress only at the start and each
    /// quarter, so a screen reader is not told every percent (the progress bar shows those).
    pub fn label(&self) -> String {
        match self {
            UploadStatus::Pending => t::UPLOAD_PENDING().into(),
            UploadStatus::Uploading { .. } => {
                t::upload_progress(policy::spoken_percent(self.percent().unwrap_or(0)))
            }
            UploadStatus::Done { .. } => t::UPLOAD_DONE().into(),
            UploadStatus::Failed { message, .. } => message.clone(),
        }
    }
}

/// One photo in the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub photo_id: String,
    pub draft_id: String,
    pub material_id: String,
    /// Page number within the material, from 0.
    pub page_index: u32,
    pub status: UploadStatus,
    /// Failed attempts so far.
    pub attempts: u32,
}

/// An upload on the wire, with the event handlers that must live as long as it does.
struct Flight {
    photo_id: String,
    xhr: XmlHttpRequest,
    _on_end: Closure<dyn FnMut()>,
    _on_progress: Closure<dyn FnMut(ProgressEvent)>,
}

thread_local! {
    /// An `ArcRwSignal` rather than a `RwSignal`: it belongs to no reactive owner, so it cannot be
    /// disposed when whichever page touched the queue first is unmounted.
    static ITEMS: ArcRwSignal<Vec<QueueItem>> = ArcRwSignal::new(Vec::new());
    static FLIGHTS: RefCell<Vec<Flight>> = const { RefCell::new(Vec::new()) };
    /// Which attempt of each photo is the current one. `enqueue` and `remove` drop the entry, so an
    /// attempt still reading its blob or on the wire can tell that it is no longer wanted.
    static ATTEMPTS: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
    static NEXT_ATTEMPT: Cell<u64> = const { Cell::new(1) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static RESUMED: Cell<bool> = const { Cell::new(false) };
}

/// The whole queue, reactive: pages draw progress bars from it.
pub fn items() -> ReadSignal<Vec<QueueItem>> {
    ITEMS.with(|s| s.read_only()).into()
}

/// One photo's status; `None` if it is not queued. Inside a view or effect it subscribes to
/// changes; in an event handler it is a plain read.
pub fn status(photo_id: &str) -> Option<UploadStatus> {
    let find = |items: &Vec<QueueItem>| {
        items
            .iter()
            .find(|i| i.photo_id == photo_id)
            .map(|i| i.status.clone())
    };
    ITEMS.with(|s| {
        if Observer::get().is_some() {
            s.with(find)
        } else {
            s.with_untracked(find)
        }
    })
}

/// Queues a photo whose blob is already stored with `idb::put_blob(photo_id, …)`. A photo id
/// should name one blob for good: after a rotation or a retake, store the new blob under a new id,
/// enqueue that, and `remove` the old one. (Queuing the same id again restarts its upload.)
pub fn enqueue(photo_id: &str, draft_id: &str, material_id: &str, page_index: u32) {
    start();
    let item = QueueItem {
        photo_id: photo_id.into(),
        draft_id: draft_id.into(),
        material_id: material_id.into(),
        page_index,
        status: UploadStatus::Pending,
        attempts: 0,
    };
    ITEMS.with(|s| {
        s.update(|items| {
            items.retain(|i| i.photo_id != photo_id);
            items.push(item);
        })
    });
    cancel_flight(photo_id);
    save(photo_id);
    pump();
}

/// Reloads the queue saved on this device and carries on with every photo not yet uploaded.
/// Call once at app start; later calls do nothing.
pub fn resume_all() {
    if RESUMED.with(|r| r.replace(true)) {
        return;
    }
    start();
    spawn_local(async {
        let Ok(rows) = idb::all_json(Store::Queue).await else {
            return;
        };
        let mut saved: Vec<QueueItem> = rows
            .iter()
            .filter_map(|(_, json)| serde_json::from_str(json).ok())
            .collect();
        saved.sort_by(|a, b| {
            (&a.draft_id, &a.material_id, a.page_index).cmp(&(
                &b.draft_id,
                &b.material_id,
                b.page_index,
            ))
        });
        ITEMS.with(|s| {
            s.update(|items| {
                for mut item in saved {
                    if items.iter().any(|i| i.photo_id == item.photo_id) {
                        continue;
                    }
                    // Interrupted or waiting for a retry: go again now.
                    if matches!(
                        item.status,
                        UploadStatus::Uploading { .. }
                            | UploadStatus::Failed {
                                permanent: false,
                                ..
                            }
                    ) {
                        item.status = UploadStatus::Pending;
                    }
                    items.push(item);
                }
            })
        });
        pump();
    });
}

/// Takes a photo out of the queue (the citizen deleted the page), stopping its upload. The blob
/// stays in the `photos` store; delete it with `idb::delete_blob` if it is no longer needed.
pub fn remove(photo_id: &str) {
    ITEMS.with(|s| s.update(|items| items.retain(|i| i.photo_id != photo_id)));
    cancel_flight(photo_id);
    save(photo_id);
    pump();
}

/// Stops every upload and empties the queue in memory ("清除本机数据"; the stores are emptied by
/// `idb::clear_all`). A state write still under way finds its item gone and deletes the entry.
pub fn forget_all() {
    let ids: Vec<String> = ITEMS
        .with(|s| s.with_untracked(|items| items.iter().map(|i| i.photo_id.clone()).collect()));
    for id in &ids {
        cancel_flight(id);
    }
    ITEMS.with(|s| s.update(Vec::clear));
}

/// Tries a failed photo again now (a "重试" button). Does nothing unless it has failed.
pub fn retry(photo_id: &str) {
    let changed = modify(photo_id, |item| {
        if matches!(item.status, UploadStatus::Failed { .. }) {
            item.status = UploadStatus::Pending;
            true
        } else {
            false
        }
    });
    if changed {
        save(photo_id);
        pump();
    }
}

/// Sends again the photos whose uploads the server no longer holds: it removes uploads that no
/// case uses after a day, while a draft lives 30 days on the phone with its photos. Returns the
/// photo ids queued again (those the queue knows under one of `upload_ids`).
pub fn send_again(upload_ids: &[String]) -> Vec<String> {
    let photos: Vec<String> = ITEMS.with(|s| {
        s.with_untracked(|items| {
            items
                .iter()
                .filter(|i| {
                    matches!(&i.status, UploadStatus::Done { upload_id } if upload_ids.contains(upload_id))
                })
                .map(|i| i.photo_id.clone())
                .collect()
        })
    });
    for photo_id in &photos {
        modify(photo_id, |i| {
            i.status = UploadStatus::Pending;
            i.attempts = 0;
            true
        });
        save(photo_id);
    }
    pump();
    photos
}

/// Waits until every photo in `photo_ids` is uploaded (`true`), or one of them is refused for
/// good or left the queue (`false`). Gives up after `max_ms` (`false`): meanwhile the uploads go on.
pub async fn uploaded(photo_ids: &[String], max_ms: u32) -> bool {
    const STEP_MS: u32 = 250;
    let mut waited = 0;
    loop {
        let states: Vec<Option<UploadStatus>> = photo_ids.iter().map(|id| status(id)).collect();
        if states
            .iter()
            .all(|s| matches!(s, Some(UploadStatus::Done { .. })))
        {
            return true;
        }
        let stuck = states.iter().any(|s| {
            matches!(
                s,
                None | Some(UploadStatus::Failed {
                    permanent: true,
                    ..
                })
            )
        });
        if stuck || waited >= max_ms {
            return false;
        }
        sleep(STEP_MS).await;
        waited += STEP_MS;
    }
}

async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = crate::browser::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Installs the `online` listener once: the browser knows before any timer when the phone is
/// back on the network.
fn start() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(window) = crate::browser::window() else {
        return;
    };
    let on_online = Closure::<dyn FnMut()>::new(|| {
        let waiting: Vec<String> = ITEMS.with(|s| {
            s.with_untracked(|items| {
                items
                    .iter()
                    .filter(|i| {
                        matches!(
                            i.status,
                            UploadStatus::Failed {
                                permanent: false,
                                ..
                            }
                        )
                    })
                    .map(|i| i.photo_id.clone())
                    .collect()
            })
        });
        for photo_id in waiting {
            retry(&photo_id);
        }
    });
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    // Lives as long as the page.
    on_online.forget();
}

/// Changes one item in place; `change` returns whether it changed anything.
fn modify(photo_id: &str, change: impl FnOnce(&mut QueueItem) -> bool) -> bool {
    ITEMS.with(|s| {
        let mut changed = false;
        s.maybe_update(|items| {
            if let Some(item) = items.iter_mut().find(|i| i.photo_id == photo_id) {
                changed = change(item);
            }
            changed
        });
        changed
    })
}

fn find(photo_id: &str) -> Option<QueueItem> {
    ITEMS.with(|s| s.with_untracked(|items| items.iter().find(|i| i.photo_id == photo_id).cloned()))
}

/// Writes the item's current state to IndexedDB (or deletes it once it left the queue). Writes
/// are queued by IndexedDB in call order, and each writes the state current when it runs, so the
/// last one always leaves the latest state. A failed write is already kept in memory by `idb`.
fn save(photo_id: &str) {
    let photo_id = photo_id.to_string();
    spawn_local(async move {
        match find(&photo_id).and_then(|item| serde_json::to_string(&item).ok()) {
            Some(json) => {
                let _ = idb::put_json(Store::Queue, &photo_id, &json).await;
            }
            None => {
                let _ = idb::delete(Store::Queue, &photo_id).await;
            }
        }
    });
}

/// Starts uploads while there is room.
fn pump() {
    loop {
        let next = ITEMS.with(|s| {
            s.with_untracked(|items| {
                let busy = items
                    .iter()
                    .filter(|i| matches!(i.status, UploadStatus::Uploading { .. }))
                    .count();
                if busy >= MAX_IN_FLIGHT {
                    return None;
                }
                items
                    .iter()
                    .find(|i| i.status == UploadStatus::Pending)
                    .cloned()
            })
        });
        let Some(item) = next else {
            return;
        };
        modify(&item.photo_id, |i| {
            i.status = UploadStatus::Uploading { sent: 0, total: 0 };
            true
        });
        save(&item.photo_id);
        let attempt = NEXT_ATTEMPT.with(|n| n.replace(n.get() + 1));
        ATTEMPTS.with(|a| a.borrow_mut().insert(item.photo_id.clone(), attempt));
        spawn_local(upload(item, attempt));
    }
}

/// Whether `attempt` is still wanted (the photo was not removed or re-queued meanwhile).
fn current(photo_id: &str, attempt: u64) -> bool {
    ATTEMPTS.with(|a| a.borrow().get(photo_id) == Some(&attempt))
        && find(photo_id).is_some_and(|i| matches!(i.status, UploadStatus::Uploading { .. }))
}

async fn upload(item: QueueItem, attempt: u64) {
    let photo_id = item.photo_id;
    let blob = idb::get_blob(&photo_id).await;
    if !current(&photo_id, attempt) {
        return;
    }
    let blob = match blob {
        Ok(Some((blob, _meta))) => blob,
        Ok(None) => return refuse(&photo_id, t::UPLOAD_PHOTO_MISSING().into()),
        Err(_) => return fail(&photo_id, t::UPLOAD_RETRY_STORAGE()),
    };
    let total = blob.size() as u64;
    modify(&photo_id, |i| {
        i.status = UploadStatus::Uploading { sent: 0, total };
        true
    });
    let Ok(xhr) = XmlHttpRequest::new() else {
        return fail(&photo_id, t::UPLOAD_RETRY_NETWORK());
    };
    let url = format!(
        "{}/api/uploads?draft={}",
        crate::config::api_base(),
        String::from(js_sys::encode_uri_component(&item.draft_id))
    );
    if xhr.open("POST", &url).is_err() {
        return fail(&photo_id, t::UPLOAD_RETRY_NETWORK());
    }
    xhr.set_timeout(policy::timeout_ms(total));

    let id = photo_id.clone();
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() {
            let (sent, total) = (e.loaded() as u64, e.total() as u64);
            modify(&id, |i| {
                let uploading = matches!(i.status, UploadStatus::Uploading { .. });
                if uploading {
                    i.status = UploadStatus::Uploading { sent, total };
                }
                uploading
            });
        }
    });
    let id = photo_id.clone();
    let finished = xhr.clone();
    // `loadend` follows every ending: load, error, timeout and abort.
    let on_end = Closure::<dyn FnMut()>::new(move || {
        let status = finished.status().unwrap_or(0);
        let body = finished.response_text().ok().flatten().unwrap_or_default();
        end_flight(&id);
        if !current(&id, attempt) {
            return; // removed or restarted while on the wire
        }
        match policy::outcome(status, &body) {
            Outcome::Stored(receipt) => done(&id, receipt.upload_id),
            Outcome::Retry(message) => fail(&id, message),
            Outcome::Refused(message) => refuse(&id, message),
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    xhr.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    FLIGHTS.with(|f| {
        f.borrow_mut().push(Flight {
            photo_id: photo_id.clone(),
            xhr: xhr.clone(),
            _on_end: on_end,
            _on_progress: on_progress,
        })
    });
    if xhr.send_with_opt_blob(Some(&blob)).is_err() {
        end_flight(&photo_id);
        fail(&photo_id, t::UPLOAD_RETRY_NETWORK());
    }
}

/// Forgets a finished upload's handlers. They are dropped after the current event handler has
/// returned, since this runs inside one of them.
fn end_flight(photo_id: &str) {
    let ended = FLIGHTS.with(|f| {
        let mut flights = f.borrow_mut();
        let index = flights.iter().position(|fl| fl.photo_id == photo_id)?;
        Some(flights.remove(index))
    });
    if let Some(flight) = ended {
        spawn_local(async move { drop(flight) });
    }
}

/// Abandons a photo's current attempt and aborts its request if one is on the wire. The `loadend`
/// that `abort` fires at once then finds its attempt outdated and does nothing.
fn cancel_flight(photo_id: &str) {
    ATTEMPTS.with(|a| a.borrow_mut().remove(photo_id));
    let flight = FLIGHTS.with(|f| {
        let mut flights = f.borrow_mut();
        let index = flights.iter().position(|fl| fl.photo_id == photo_id)?;
        Some(flights.remove(index))
    });
    if let Some(flight) = flight {
        let _ = flight.xhr.abort();
    }
}

fn done(photo_id: &str, upload_id: String) {
    modify(photo_id, |i| {
        i.status = UploadStatus::Done { upload_id };
        true
    });
    save(photo_id);
    pump();
}

fn refuse(photo_id: &str, message: String) {
    modify(photo_id, |i| {
        i.status = UploadStatus::Failed {
            message,
            permanent: true,
        };
        i.attempts += 1;
        true
    });
    save(photo_id);
    pump();
}

/// A failure that time may cure: record it and try again after the backoff. A stale timer (the
/// photo was retried through `online`, removed, or failed again since) finds the attempt count
/// changed and does nothing, so timers never need cancelling.
fn fail(photo_id: &str, message: &'static str) {
    let mut attempt = 0;
    modify(photo_id, |i| {
        i.attempts += 1;
        attempt = i.attempts;
        i.status = UploadStatus::Failed {
            message: message.into(),
            permanent: false,
        };
        true
    });
    save(photo_id);
    if attempt > 0 {
        let delay = policy::backoff_ms(attempt, js_sys::Math::random());
        let id = photo_id.to_string();
        let wake = Closure::once_into_js(move || {
            let due = find(&id).is_some_and(|i| {
                i.attempts == attempt
                    && matches!(
                        i.status,
                        UploadStatus::Failed {
                            permanent: false,
                            ..
                        }
                    )
            });
            if due {
                retry(&id);
            }
        });
        if let Some(window) = crate::browser::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                wake.unchecked_ref(),
                i32::try_from(delay).unwrap_or(i32::MAX),
            );
        }
    }
    pump();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_round_trips_through_json_and_reports_progress() {
        let item = QueueItem {
            photo_id: "p1".into(),
            draft_id: "d1".into(),
            material_id: "m1".into(),
            page_index: 2,
            status: UploadStatus::Failed {
                message: "网络".into(),
                permanent: false,
            },
            attempts: 3,
        };
        let json = serde_json::to_string(&item).unwrap();
        assert!(json.contains(r#""state":"failed""#));
        assert_eq!(serde_json::from_str::<QueueItem>(&json).unwrap(), item);
        assert_eq!(
            UploadStatus::Uploading {
                sent: 50,
                total: 200
            }
            .percent(),
            Some(25)
        );
        assert_eq!(
            UploadStatus::Uploading { sent: 9, total: 0 }.percent(),
            Some(0)
        );
        assert_eq!(
            UploadStatus::Uploading {
                sent: 300,
                total: 200
            }
            .percent(),
            Some(100)
        );
        assert_eq!(UploadStatus::Pending.percent(), None);
    }
}
