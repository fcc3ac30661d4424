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
