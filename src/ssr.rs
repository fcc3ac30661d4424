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
pub use crate::components::elder::{from_cookies as elder_from_cookies, ElderRequested};
pub use crate::i18n::lang::{requested as lang_requested, Lang};
pub use crate::routes::{islands_page, server_rendered};

/// Lets the reactive system spawn its tasks on the server's tokio runtime; call once at start.
pub fn init() {
    let _ = any_spawner::Executor::init_tokio();
}

/// The whole document for the page at `rendered_for` (path and query), in 长辈版 when `elder`
/// (the request's cookie; also given to the app with `ElderRequested`).
/// `islands` marks a page that loads the islands bundle (src/islands) rather than the app's:
/// the service worker keeps such a page as itself, never as the app's shell.
pub fn shell(head: Arc<str>, rendered_for: String, elder: bool, islands: bool) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::lang::current().html_tag() class=elder.then_some(crate::components::elder::CLASS)>
            <head inner_html=head.to_string()></head>
            <body data-rendered-for=rendered_for data-elder=elder.then_some("") data-lang=crate::i18n::lang::current().code() data-islands=islands.then_some("")>
                <App/>
            </body>
        </html>
    }
}

/// What `dist/index.html` holds between `<head>` and `</head>`, less the preloads of the app's
/// script and wasm. A server-rendered page shows its content without them; fetched at once they
/// would take the bandwidth of a slow link away from the page's own HTML and CSS. The module
/// script still loads them as soon as the page is parsed.
pub fn head_of(index_html: &str) -> Option<String> {
    let start = index_html.find("<head>")? + "<head>".len();
    let end = index_html[start..].find("</head>")? + start;
    let mut head = String::new();
    let mut rest = &index_html[start..end];
    while let Some(at) = rest.find("<link") {
        let close = rest[at..]
            .find('>')
            .map(|c| at + c + 1)
            .unwrap_or(rest.len());
        let tag = &rest[at..close];
        head.push_str(&rest[..at]);
        if !(tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"")) {
            head.push_str(tag);
        }
        rest = &rest[close..];
    }
    head.push_str(rest);
    Some(head)
}

/// The `<head>` of a page that loads the islands bundle: the app's (styles, icons, settings, the
/// 长辈版 script) with Trunk's module script for the app replaced by the one `islands.html` has.
pub fn islands_head(index_html: &str, islands_html: &str) -> Option<String> {
    let head = head_of(index_html)?;
    let islands = head_of(islands_html)?;
    Some(head.replacen(module_script(&head)?, module_script(&islands)?, 1))
}

/// Trunk's `<script type="module">…</script>`, which loads a bundle.
fn module_script(html: &str) -> Option<&str> {
    let start = html.find("<script type=\"module\">")?;
    let end = html[start..].find("</script>")? + start + "</script>".len();
    Some(&html[start..end])
}

#[cfg(test)]
mod tests {
    use super::{head_of, islands_head};

    #[test]
    fn an_islands_page_loads_the_islands_bundle_with_the_apps_styles() {
        let app = "<html><head><title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\"/>\
            <script type=\"module\">import init from '/portal-1.js';</script>\
            <link rel=\"modulepreload\" href=\"/portal-1.js\"></head></html>";
        let islands =
            "<html><head><script type=\"module\">import init from '/islands-2.js';</script>\
            <link rel=\"preload\" href=\"/islands-2_bg.wasm\"></head></html>";
        assert_eq!(
            islands_head(app, islands).as_deref(),
            Some("<title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\"/><script type=\"module\">import init from '/islands-2.js';</script>")
        );
        assert_eq!(islands_head(app, "<html><head></head></html>"), None);
    }

    #[test]
    fn takes_the_head_of_the_built_index() {
        let html = "<!DOCTYPE html><html><head><title>t</title><script>x()</script></head><body></body></html>";
        assert_eq!(
            head_of(html).as_deref(),
            Some("<title>t</title><script>x()</script>")
        );
        assert_eq!(head_of("<html></html>"), None);
    }

    #[test]
    fn leaves_out_the_preloads_of_the_app() {
        let html = concat!(
            "<html><head><link rel=\"stylesheet\" href=\"/main-1.css\"/>",
            "<link rel=\"modulepreload\" href=\"/portal-1.js\" crossorigin=\"anonymous\">",
            "<link rel=\"preload\" href=\"/portal-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\">",
            "<link rel=\"icon\" href=\"/favicon.svg\"></head></html>"
        );
        assert_eq!(
            head_of(html).as_deref(),
            Some("<link rel=\"stylesheet\" href=\"/main-1.css\"/><link rel=\"icon\" href=\"/favicon.svg\">")
        );
    }
}
