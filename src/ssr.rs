//! Rendering public pages on the server (feature `ssr`): the document around `App`, with the
//! `<head>` Trunk wrote into `dist/index.html`, so the browser loads the same bundle it would
//! for a page it renders itself.

use std::sync::Arc;

use leptos::prelude::*;

pub use leptos::nonce::use_nonce;
pub use leptos::prelude::provide_context;
pub use leptos_axum::render_app_async_with_context;

pub use crate::api::server::{Fetch, ServerFetch};
use crate::app::App;
pub use crate::routes::server_rendered;

/// Lets the reactive system spawn its tasks on the server's tokio runtime; call once at start.
pub fn init() {
    let _ = any_spawner::Executor::init_tokio();
}

/// The whole document for the page at `rendered_for` (path and query).
pub fn shell(head: Arc<str>, rendered_for: String) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="zh-CN">
            <head inner_html=head.to_string()></head>
            <body data-rendered-for=rendered_for>
                <App/>
            </body>
        </html>
    }
}

/// What `dist/index.html` holds between `<head>` and `</head>`.
pub fn head_of(index_html: &str) -> Option<&str> {
    let start = index_html.find("<head>")? + "<head>".len();
    let end = index_html[start..].find("</head>")? + start;
    Some(&index_html[start..end])
}

#[cfg(test)]
mod tests {
    use super::head_of;

    #[test]
    fn takes_the_head_of_the_built_index() {
        let html = "<!DOCTYPE html><html><head><title>t</title><script>x()</script></head><body></body></html>";
        assert_eq!(head_of(html), Some("<title>t</title><script>x()</script>"));
        assert_eq!(head_of("<html></html>"), None);
    }
}
