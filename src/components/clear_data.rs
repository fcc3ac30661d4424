//! 清除本机数据: for a shared or borrowed phone, one action that removes everything the portal
//! kept about the citizen on this device, after a confirmation.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::t;
use crate::islands::Island;
use crate::storage::{idb, local};

/// The action on a server-rendered page (`/track`, `/apply`), where it is an island of its own.
pub static CLEAR_DATA: Island<()> = Island {
    name: "clear-data",
    view: |()| clear_device_data().into_any(),
};

/// The window event that says the device's data was just removed: the lists of what the device
/// held (my cases, drafts) listen for it and show their empty states. An event rather than a
/// callback, because on a server-rendered page they are islands of their own.
const CLEARED: &str = "portal-device-cleared";

/// Runs `redraw` each time 清除本机数据 has removed the device's data, while the caller lives.
pub fn on_device_cleared(redraw: impl Fn() + 'static) {
    let handle = window_event_listener_untyped(CLEARED, move |_| redraw());
    on_cleanup(move || handle.remove());
}

fn announce_cleared() {
    if let (Some(window), Ok(event)) = (crate::browser::window(), web_sys::Event::new(CLEARED)) {
        let _ = window.dispatch_event(&event);
    }
}

/// Removes drafts, photos and the upload queue (IndexedDB and memory), my cases with their query
/// codes, receipts, supplement pages and checklist ticks. `false` if something could not be
/// removed. Preferences such as the large-text mode stay.
pub async fn clear_device() -> bool {
    crate::storage::stop_uploads();
    crate::apply::forget_receipts_in_memory();
    let stores = idb::clear_all().await.is_ok();
    local::remove_personal() && stores
}

/// The action with its confirmation; afterwards it tells the page's lists (`on_device_cleared`),
/// so they show their empty states.
fn clear_device_data() -> impl IntoView {
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let note = RwSignal::new(None::<&'static str>);
    let clear = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let cleared = clear_device().await;
            // The page may have been left meanwhile: its signals are then gone.
            let _ = busy.try_set(false);
            let _ = confirming.try_set(false);
            let _ = note.try_set(Some(if cleared {
                t::DEVICE_DATA_CLEARED()
            } else {
                t::DEVICE_DATA_NOT_CLEARED()
            }));
            announce_cleared();
        });
    };
    view! {
        <section class="section clear-data" aria-labelledby="clear-data-title">
            <h2 id="clear-data-title">{t::DEVICE_DATA()}</h2>
            <p class="note">{t::DEVICE_DATA_NOTE()}</p>
            {move || if confirming.get() {
                Either::Left(view! {
                    <div class="track-confirm" role="group" aria-label=t::CLEAR_DEVICE_DATA()>
                        <p>{t::CLEAR_DEVICE_DATA_CONFIRM()}</p>
                        <div class="actions">
                            <button type="button" class="button danger" on:click=clear
                                disabled=move || busy.get()>{t::CLEAR_YES()}</button>
                            <button type="button" class="button secondary"
                                on:click=move |_| confirming.set(false)>{t::CANCEL()}</button>
                        </div>
                    </div>
                })
            } else {
                Either::Right(view! {
                    <button type="button" class="button secondary"
                        on:click=move |_| { note.set(None); confirming.set(true); }>
                        {t::CLEAR_DEVICE_DATA()}
                    </button>
                })
            }}
            <p class="note" role="status">{move || note.get()}</p>
        </section>
    }
}
