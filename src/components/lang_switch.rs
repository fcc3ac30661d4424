//! The language switch (中文 / English) at the top of every page. Each choice is a real link to
//! the same page with `?lang=` set, so it works before the wasm arrives and without JavaScript;
//! a click also keeps the choice on the device (the `portal_lang` cookie, read by the server and
//! by index.html's script). The page loads anew: the language is fixed for a page load
//! (`lang::current`), so nothing is drawn in two languages.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::lang::{self, Lang};
use crate::i18n::t;

/// Keeps `lang` as the device's choice.
fn remember(lang: Lang) {
    let Some(doc) = crate::browser::window().and_then(|w| w.document()) else {
        return;
    };
    let cookie = format!(
        "{}={}; Path=/; Max-Age={}; SameSite=Lax",
        lang::COOKIE,
        lang.code(),
        lang::COOKIE_MAX_AGE_S
    );
    let _ = js_sys::Reflect::set(&doc, &"cookie".into(), &cookie.into());
}

#[component]
pub fn LangSwitch() -> impl IntoView {
    let location = use_location();
    let here = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!(
                "{}?{}",
                location.pathname.get(),
                search.trim_start_matches('?')
            )
        }
    };
    let now = lang::current();
    let choice = move |to: Lang, label: &'static str| {
        view! {
            <a
                href=move || lang::with_param(&here(), to)
                class="lang-choice"
                lang=to.html_tag()
                hreflang=to.html_tag()
                // A full load: the page is drawn in one language from its first frame.
                rel="external"
                aria-current=(to == now).then_some("true")
                on:click=move |_| remember(to)
            >
                {label}
            </a>
        }
    };
    view! {
        <nav class="lang-switch" aria-label=t::LANGUAGE()>
            {choice(Lang::Zh, "中文")}
            <span aria-hidden="true">" / "</span>
            {choice(Lang::En, "English")}
        </nav>
    }
}
