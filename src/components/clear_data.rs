//! 清除本机数据: for a shared or borrowed phone, one action that removes everything the portal
//! kept about the citizen on this device, after a confirmation.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::t;
use crate::storage::{idb, local, uploads};

/// Removes drafts, photos and the upload queue (IndexedDB and memory), my cases with their query
/// codes, receipts, supplement pages and checklist ticks. `false` if something could not be
/// removed. Preferences such as the large-text mode stay.
pub async fn clear_device() -> bool {
    uploads::forget_all();
    crate::apply::forget_receipts_in_memory();
    let stores = idb::clear_all().await.is_ok();
    local::remove_personal() && stores
}

/// The action with its confirmation; `on_cleared` runs afterwards, so the page can show its
/// empty states.
#[component]
pub fn ClearDeviceData(on_cleared: Callback<()>) -> impl IntoView {
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
            let _ = on_cleared.try_run(());
        });
    };
    view! {
        <section class="section clear-data" aria-labelledby="clear-data-title">
            <h2 id="clear-data-title">{t::DEVICE_DATA()}</h2>
            <p class="note">{t::DEVICE_DATA_NOTE()}</p>
            {move || if confirming.get() {
                view! {
                    <div class="track-confirm" role="group" aria-label=t::CLEAR_DEVICE_DATA()>
                        <p>{t::CLEAR_DEVICE_DATA_CONFIRM()}</p>
                        <div class="actions">
                            <button type="button" class="button danger" on:click=clear
                                disabled=move || busy.get()>{t::CLEAR_YES()}</button>
                            <button type="button" class="button secondary"
                                on:click=move |_| confirming.set(false)>{t::CANCEL()}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button secondary"
                        on:click=move |_| { note.set(None); confirming.set(true); }>
                        {t::CLEAR_DEVICE_DATA()}
                    </button>
                }.into_any()
            }}
            <p class="note" role="status">{move || note.get()}</p>
        </section>
    }
}
