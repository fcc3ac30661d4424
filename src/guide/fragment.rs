//! Part of a page the server draws, fetched while the citizen types: the search islands show
//! the server's own results (`/services?q=`) instead of shipping the catalog and its search to
//! the browser.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The inner HTML of the element `id` in the page at `href`; `None` when the page cannot be
/// fetched or has no such element (e.g. the plain app shell of a static deployment).
pub async fn fetch(href: &str, id: &str) -> Option<String> {
    let window = crate::browser::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(href))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let html = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    // Parsed inert (no scripts run, no images load) and only the one element is taken.
    let parsed = web_sys::DomParser::new()
        .ok()?
        .parse_from_string(&html, web_sys::SupportedType::TextHtml)
        .ok()?;
    Some(parsed.get_element_by_id(id)?.inner_html())
}

/// Puts `html` into the element `id` of this page: markup the server drew and no island owns.
pub fn replace(id: &str, html: &str) {
    if let Some(el) = crate::browser::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.set_inner_html(html);
    }
}

/// Shows `href` in the address bar without loading it (typing replaces the entry: Back leaves
/// the search rather than undoing each letter).
pub fn show_address(href: &str) {
    if let Some(history) = crate::browser::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Loads `href` as a new page (a new history entry, so Back returns here).
pub fn go(href: &str) {
    if let Some(w) = crate::browser::window() {
        let _ = w.location().set_href(href);
    }
}

/// Tells the app's router that the address changed (it listens for `popstate`), so a page the
/// app draws itself follows an address an island wrote.
pub fn tell_router() {
    if let Some(w) = crate::browser::window() {
        if let Ok(ev) = web_sys::Event::new("popstate") {
            let _ = w.dispatch_event(&ev);
        }
    }
}
