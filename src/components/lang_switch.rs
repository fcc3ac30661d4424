//! The language switch (中文 / English) at the top of every page. Each choice is a real link to
//! the same page with `?lang=` set, so it works before the wasm arrives and without JavaScript;
//! a click also keeps the choice on the device (the `portal_lang` cookie, read by the server and
//! by index.html's script). The page loads anew: the language is fixed for a page load
//! (`lang::current`), so nothing is drawn in two languages.
//!
//! An island (`lang`): its only code is the click that keeps the choice. The links are drawn
//! from the address the page was drawn for (`here`); where the app moved on without a page load,
//! the click points the link at the address shown now.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::kept::Kept;
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

/// The address shown now (path and query), in the browser.
fn shown_now() -> Option<String> {
    let location = crate::browser::window()?.location();
    Some(format!(
        "{}{}",
        location.pathname().ok()?,
        location.search().ok()?
    ))
}

/// The island's props: its links, drawn by the page for the address it shows (`links`). The
/// island has code for the click only; the links are markup it keeps as drawn.
#[derive(Serialize, Deserialize)]
pub struct Links {
    links: Kept,
}

impl Links {
    /// The links to this page in each language; `here` is its address (path and query).
    pub fn to(here: &str) -> Links {
        let here = here.to_string();
        Links {
            links: Kept::new(move || {
                let now = lang::current();
                let choice = |to: Lang, label: &'static str| {
                    view! {
                        <a
                            href=lang::with_param(&here, to)
                            class="lang-choice"
                            lang=to.html_tag()
                            hreflang=to.html_tag()
                            // A full load: the page is drawn in one language from its first frame.
                            rel="external"
                            aria-current=(to == now).then_some("true")
                        >
                            {label}
                        </a>
                    }
                };
                view! {
                    {choice(Lang::Zh, "中文")}
                    <span aria-hidden="true">" / "</span>
                    {choice(Lang::En, "English")}
                }
            }),
        }
    }
}

pub static LANG_SWITCH: crate::islands::Island<Links> = crate::islands::Island {
    name: "lang",
    view: |Links { links }| {
        match links.app {
        Some(app) => view! {
            <nav class="lang-switch" aria-label=t::LANGUAGE() on:click=chosen>{app.run()}</nav>
        }
        .into_any(),
        None => view! {
            <nav class="lang-switch" aria-label=t::LANGUAGE() inner_html=links.html on:click=chosen></nav>
        }
        .into_any(),
    }
    },
};

/// A click on one of the links: keeps its language, and points it at the address shown now
/// (the app may have moved on since the links were drawn).
fn chosen(ev: web_sys::MouseEvent) {
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a.lang-choice").ok().flatten())
    else {
        return;
    };
    let to = Lang::from_tag(&link.get_attribute("hreflang").unwrap_or_default());
    remember(to);
    if let Some(shown) = shown_now() {
        let _ = link.set_attribute("href", &lang::with_param(&shown, to));
    }
}
