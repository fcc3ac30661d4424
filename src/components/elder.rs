//! 长辈版: larger text and higher contrast, remembered on the device.

use leptos::prelude::*;

use crate::i18n::t;

const KEY: &str = "portal.elder";

fn storage() -> Option<web_sys::Storage> {
    crate::browser::window().and_then(|w| w.local_storage().ok().flatten())
}

fn apply(on: bool) {
    if let Some(html) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = if on {
            html.class_list().add_1("elder")
        } else {
            html.class_list().remove_1("elder")
        };
    }
}

#[component]
pub fn ElderToggle() -> impl IntoView {
    let on = crate::browser::from_device(false, || {
        storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .is_some_and(|v| v == "1")
    });
    Effect::new(move |_| {
        let value = on.get();
        apply(value);
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, if value { "1" } else { "0" });
        }
    });
    view! {
        <div class="toolbar">
            <button
                type="button"
                class="link-button"
                aria-pressed=move || on.get().to_string()
                on:click=move |_| on.update(|v| *v = !*v)
            >
                {t::ELDER_MODE}
            </button>
        </div>
    }
}
