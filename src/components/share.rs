//! Print and share a page: the link (copy), a QR code of it (drawn by the backend as SVG, so
//! the wasm ships no QR encoder), and the browser's print dialog.

use leptos::prelude::*;

use crate::i18n::t;

fn origin() -> String {
    crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
pub fn ShareBox(#[prop(into)] path: Signal<String>) -> impl IntoView {
    // The server does not know the address citizens reach it by: the browser fills it in.
    let origin = crate::browser::from_device(String::new(), origin);
    let link = Signal::derive(move || format!("{}{}", origin.get(), path.get()));
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Some(w) = crate::browser::window() {
            let _ = w.navigator().clipboard().write_text(&link.get_untracked());
            copied.set(true);
        }
    };
    let print = |_| {
        if let Some(w) = crate::browser::window() {
            let _ = w.print();
        }
    };
    let qr = move || {
        format!(
            "{}/api/qr.svg?text={}",
            crate::config::api_base(),
            crate::routes::encode(&link.get())
        )
    };
    view! {
        <section class="section share no-print" aria-labelledby="share-title">
            <h2 id="share-title">{t::SHARE()}</h2>
            <div class="actions">
                <button type="button" class="button" on:click=print>{t::PRINT()}</button>
                <button type="button" class="button secondary" on:click=copy>{t::COPY_LINK()}</button>
            </div>
            <p class="note" role="status">{move || copied.get().then_some(t::LINK_COPIED())}</p>
            <label class="search-label" for="share-link">{t::SHARE_LINK()}</label>
            <input id="share-link" type="text" readonly prop:value=link/>
            <img class="qr" src=qr alt=t::QR_ALT() width="160" height="160"/>
        </section>
    }
}
