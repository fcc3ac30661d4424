//! The browser, when there is one. The same components also render on the server (feature
//! `ssr`), where calling into JavaScript would abort: there the window is `None` and the clock
//! is the system's, so every call site degrades to "nothing on the device".

/// The browser window; `None` on the server.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The clock in Unix milliseconds.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or(0.0)
    }
}

/// A value kept on the device. The server, and so the first (hydrating) render in the browser,
/// show `initial`; the device's value arrives once the page is live, so the markup the server
/// sent is taken over as it is.
pub fn from_device<T>(initial: T, read: impl Fn() -> T + 'static) -> leptos::prelude::RwSignal<T>
where
    T: Send + Sync + 'static,
{
    use leptos::prelude::*;
    let value = RwSignal::new(initial);
    Effect::new(move |_| value.set(read()));
    value
}

/// What the element `id` holds now: text typed, or boxes ticked, before the app took over a
/// server-rendered page. Read when a component is created, before hydration sets its inputs.
pub fn typed_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
        .map(|input| input.value())
        .filter(|v| !v.is_empty())
}

/// Whether the checkbox `id` is ticked in the page as it is now (see `typed_value`).
pub fn is_ticked(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// Opens `href` with a full page load: an island has no router, and the page it leads to may
/// be a personal one, which the app bundle draws. `replace` leaves the current page out of the
/// history (the back button then skips it).
pub fn load_page(href: &str, replace: bool) {
    if let Some(location) = window().map(|w| w.location()) {
        let _ = if replace {
            location.replace(href)
        } else {
            location.set_href(href)
        };
    }
}
