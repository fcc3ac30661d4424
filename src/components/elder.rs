//! 长辈版 (MIIT 适老化 specs, 2021; the rules are in style/elder.css): larger text and targets,
//! higher contrast, a simpler home page.
//!
//! The choice lives in a cookie, so the server renders a public page with `<html class="elder">`
//! and the first frame is already large. The browser reads the same cookie when the app starts,
//! so both sides draw the same markup and hydration matches. `localStorage` keeps a copy: a device
//! that chose 长辈版 before the cookie existed (or lost its cookies) gets it back.

use leptos::prelude::*;

use crate::i18n::t;

/// The cookie's name; its value is `1` (on) or `0` (chosen off).
pub const COOKIE: &str = "portal_elder";
/// The class on `<html>` that style/elder.css keys on.
pub const CLASS: &str = "elder";
/// The copy in `localStorage` (`portal.elder`, `1` or `0`, as the toggle always kept it).
const STORAGE_KEY: &str = "elder";
/// A year: a preference, kept until changed.
const MAX_AGE_S: u32 = 365 * 24 * 3600;

/// The choice a `Cookie` header (or `document.cookie`) carries: `None` when none was made.
pub fn from_cookies(cookies: &str) -> Option<bool> {
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE).then_some(value == "1")
    })
}

/// Given by the server when it renders a page: the choice of the request's cookie.
#[derive(Clone, Copy, Debug)]
pub struct ElderRequested(pub bool);

/// Whether 长辈版 is on, shared by every page.
#[derive(Clone, Copy)]
pub struct Elder(pub RwSignal<bool>);

/// The choice the page is drawn with first: the request's on the server; in the browser, the
/// one the server drew the page with (so hydration matches, also for a copy the service worker
/// saved before the choice changed), else the cookie's.
fn initial() -> bool {
    if let Some(ElderRequested(on)) = use_context::<ElderRequested>() {
        return on;
    }
    let rendered = document()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute(crate::app::RENDERED_FOR));
    if rendered {
        page_is_elder()
    } else {
        device_choice().unwrap_or(false)
    }
}

/// The choice kept on the device: the cookie's, or (from before the cookie) the storage's.
fn device_choice() -> Option<bool> {
    device_cookie().or_else(|| crate::storage::local::get::<u8>(STORAGE_KEY).map(|v| v == 1))
}

fn document() -> Option<web_sys::Document> {
    crate::browser::window().and_then(|w| w.document())
}

fn device_cookie() -> Option<bool> {
    let doc = document()?;
    let cookies = js_sys::Reflect::get(&doc, &"cookie".into())
        .ok()?
        .as_string()?;
    from_cookies(&cookies)
}

/// The mark on `<body>` of a page the server rendered in 长辈版 (the class on `<html>` may also
/// come from index.html's script, which reads the cookie as the page loads).
pub const RENDERED_ELDER: &str = "data-elder";

/// Whether the server drew the page in the browser for 长辈版.
fn page_is_elder() -> bool {
    document()
        .and_then(|d| d.body())
        .is_some_and(|body| body.has_attribute(RENDERED_ELDER))
}

/// Keeps the choice on the device (cookie and storage) and applies it to the page.
fn remember(on: bool) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = if on {
            html.class_list().add_1(CLASS)
        } else {
            html.class_list().remove_1(CLASS)
        };
    }
    if let Some(doc) = document() {
        let cookie = format!(
            "{COOKIE}={}; Path=/; Max-Age={MAX_AGE_S}; SameSite=Lax",
            if on { "1" } else { "0" }
        );
        let _ = js_sys::Reflect::set(&doc, &"cookie".into(), &cookie.into());
    }
    crate::storage::local::set(STORAGE_KEY, &u8::from(on));
}

/// Made once by `App`.
pub fn provide_elder() {
    let on = RwSignal::new(initial());
    provide_context(Elder(on));
    // Once live, the device's choice wins over the one the page was drawn with (they differ on
    // a saved copy, or when the choice is only in storage); from then on every change is kept.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            if let Some(chosen) = device_choice().filter(|c| *c != on.get_untracked()) {
                on.set(chosen);
            }
        }
        remember(on.get());
    });
}

/// The 长辈版 switch in every page's toolbar: an island, so public pages turn it on without the
/// whole app. It keeps its own choice where no page made one (an islands page has no `App`).
pub static TOGGLE: crate::islands::Island<()> = crate::islands::Island {
    name: "elder",
    view: |()| {
        if use_context::<Elder>().is_none() {
            provide_elder();
        }
        view! { <ElderToggle/> }.into_any()
    },
};

#[component]
fn ElderToggle() -> impl IntoView {
    let Elder(on) = expect_context::<Elder>();
    view! {
        <button
                type="button"
                class="link-button"
                aria-pressed=move || on.get().to_string()
                on:click=move |_| on.update(|v| *v = !*v)
            >
                {t::ELDER_MODE()}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::from_cookies;

    #[test]
    fn reads_the_choice_among_other_cookies() {
        assert_eq!(from_cookies(""), None);
        assert_eq!(from_cookies("portal_elder=1"), Some(true));
        assert_eq!(from_cookies("a=b; portal_elder=0; c=d"), Some(false));
        assert_eq!(from_cookies("x_portal_elder=1"), None);
        assert_eq!(from_cookies("portal_elder=yes"), Some(false));
    }
}
