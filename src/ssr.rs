//! Rendering public pages on the server (feature `ssr`): the document around `App`, with the
//! `<head>` Trunk wrote into `dist/index.html` (styles, icons, settings), loading the islands
//! bundle that takes over the page's interactive parts (src/islands).

use std::sync::Arc;

use leptos::prelude::*;

pub use leptos::nonce::use_nonce;
pub use leptos::prelude::provide_context;
pub use leptos_axum::render_app_async_with_context;

pub use crate::api::server::{Fetch, ServerFetch};
use crate::app::App;
pub use crate::components::elder::{from_cookies as elder_from_cookies, ElderRequested};
pub use crate::i18n::lang::{requested as lang_requested, Lang};
pub use crate::routes::{case_page, server_rendered};

/// The title the rendered page set (`components::set_title`), for its `<title>`. Given to the app
/// with `provide_context`; read once the page is rendered.
#[derive(Clone, Default)]
pub struct PageTitle(Arc<std::sync::Mutex<Option<String>>>);

impl PageTitle {
    pub fn set(&self, title: String) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(title);
        }
    }

    pub fn get(&self) -> Option<String> {
        self.0.lock().ok().and_then(|slot| slot.clone())
    }
}

/// `html` with its first `<title>` saying `title` (escaped); unchanged without one.
pub fn with_title(html: &str, title: &str) -> Option<String> {
    let start = html.find("<title>")? + "<title>".len();
    let end = html[start..].find("</title>")? + start;
    let escaped = title
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    Some(format!("{}{escaped}{}", &html[..start], &html[end..]))
}

/// Lets the reactive system spawn its tasks on the server's tokio runtime; call once at start.
pub fn init() {
    let _ = any_spawner::Executor::init_tokio();
}

/// The whole document for the page at `rendered_for` (path and query), in 长辈版 when `elder`
/// (the request's cookie; also given to the app with `ElderRequested`).
/// The page loads the islands bundle (src/islands), as `data-bundle` says: the service worker
/// keeps it as itself, never as the app's shell.
pub fn shell(head: Arc<str>, rendered_for: String, elder: bool) -> impl IntoView {
    // Nothing on the page is hydrated from the data it was drawn from (an island brings its own
    // props), so that data is not written into the page.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::lang::current().html_tag() class=elder.then_some(crate::components::elder::CLASS)>
            <head inner_html=head.to_string()></head>
            <body data-rendered-for=rendered_for data-elder=elder.then_some("") data-lang=crate::i18n::lang::current().code() data-bundle="islands">
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
    let mut head = index_html[start..end].to_string();
    for preload in link_tags(&index_html[start..end]).filter(|tag| is_preload(tag)) {
        head = head.replacen(preload, "", 1);
    }
    Some(head)
}

/// The `<head>` of a page that loads the islands bundle: the app's (styles, icons, settings, the
/// 长辈版 script) with Trunk's module script for the app replaced by a loader of the islands
/// bundle (its files named by `islands.html`'s preloads) that starts once the page has shown.
/// It also names the files of the other bundles (`others`: the app's and the case page's pages),
/// which it does not load: the service worker keeps the current ones for offline use and drops
/// older deploys' (public/sw.js).
pub fn islands_head(index_html: &str, islands_html: &str, others: &[&str]) -> Option<String> {
    let files: Vec<&str> = preloaded(islands_html).collect();
    let js = files.iter().find(|f| f.ends_with(".js"))?;
    let wasm = files.iter().find(|f| f.ends_with(".wasm"))?;
    // After the page's load event and an idle moment: fetched at once, the bundle competes
    // with the page's own HTML and CSS on a slow link (Lighthouse then put LCP at 2.3 s instead
    // of 0.9 s on one run in two). The islands are live a moment later; what is typed or ticked
    // meanwhile is kept.
    let loader = format!(
        "<script type=\"module\">addEventListener('load',()=>(self.requestIdleCallback||setTimeout)(()=>\
         import('{js}').then(async(b)=>{{await b.default({{module_or_path:'{wasm}'}});\
         window.wasmBindings=b;dispatchEvent(new CustomEvent('TrunkApplicationStarted'))}}),\
         {{timeout:2000}}))</script>"
    );
    let mut head = head_of(&index_html.replacen(module_script(index_html)?, &loader, 1))?;
    for html in [index_html].iter().chain(others) {
        for href in preloaded(html) {
            head.push_str(&format!("<meta name=\"portal-bundle\" content=\"{href}\">"));
        }
    }
    Some(head)
}

/// The files a page Trunk wrote preloads: its bundle's script and wasm.
fn preloaded(html: &str) -> impl Iterator<Item = &str> {
    link_tags(html)
        .filter(|tag| is_preload(tag))
        .filter_map(|tag| tag.split("href=\"").nth(1)?.split('"').next())
}

/// The app's page (`index.html`) loading another bundle that Trunk built from its own page
/// (`bundle_html`): the module script and preloads swapped for that bundle's, and `<body>` marked
/// `data-bundle=name` for the service worker.
pub fn with_bundle(index_html: &str, bundle_html: &str, name: &str) -> Option<String> {
    let preloads: String = link_tags(bundle_html)
        .filter(|tag| is_preload(tag))
        .collect();
    let loads = format!("{}{preloads}", module_script(bundle_html)?);
    let mut page = index_html.replacen(module_script(index_html)?, &loads, 1);
    for preload in link_tags(index_html).filter(|tag| is_preload(tag)) {
        page = page.replacen(preload, "", 1);
    }
    Some(page.replacen("<body>", &format!("<body data-bundle=\"{name}\">"), 1))
}

/// Trunk's `<script type="module">…</script>`, which loads a bundle.
fn module_script(html: &str) -> Option<&str> {
    let start = html.find("<script type=\"module\">")?;
    let end = html[start..].find("</script>")? + start + "</script>".len();
    Some(&html[start..end])
}

fn is_preload(tag: &str) -> bool {
    tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"")
}

/// Every `<link …>` tag of `html`.
fn link_tags(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        let at = rest.find("<link")?;
        let close = rest[at..]
            .find('>')
            .map(|c| at + c + 1)
            .unwrap_or(rest.len());
        let tag = &rest[at..close];
        rest = &rest[close..];
        Some(tag)
    })
}

#[cfg(test)]
mod tests {
    use super::{head_of, islands_head, with_bundle};

    #[test]
    fn a_bundles_page_is_the_apps_page_loading_that_bundle() {
        let app =
            "<html><head><title>t</title><script type=\"module\">import '/portal-1.js';</script>\
            <link rel=\"modulepreload\" href=\"/portal-1.js\"></head><body><p>…</p></body></html>";
        let case = "<html><head><script type=\"module\">import '/case-2.js';</script>\
            <link rel=\"modulepreload\" href=\"/case-2.js\"></head><body></body></html>";
        assert_eq!(
            with_bundle(app, case, "case").as_deref(),
            Some("<html><head><title>t</title><script type=\"module\">import '/case-2.js';</script>\
                <link rel=\"modulepreload\" href=\"/case-2.js\"></head><body data-bundle=\"case\"><p>…</p></body></html>")
        );
    }

    #[test]
    fn an_islands_page_loads_the_islands_bundle_with_the_apps_styles() {
        let app = "<html><head><title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\"/>\
            <script type=\"module\">import init from '/portal-1.js';</script>\
            <link rel=\"modulepreload\" href=\"/portal-1.js\"></head></html>";
        let islands =
            "<html><head><script type=\"module\">import init from '/islands-2.js';</script>\
            <link rel=\"modulepreload\" href=\"/islands-2.js\">\
            <link rel=\"preload\" href=\"/islands-2_bg.wasm\"></head></html>";
        let case = "<html><head><link rel=\"preload\" href=\"/case-3_bg.wasm\"></head></html>";
        let head = islands_head(app, islands, &[case]).unwrap_or_default();
        // The app's script and preload are gone; the islands bundle is loaded once the page has
        // shown; the other bundles' files are named for the service worker.
        assert!(
            !head.contains("'/portal-1.js'") && !head.contains("modulepreload"),
            "{head}"
        );
        assert!(head.starts_with("<title>t</title><link rel=\"stylesheet\" href=\"/main-1.css\"/>"));
        assert!(head.contains("addEventListener('load'"), "{head}");
        assert!(
            head.contains("import('/islands-2.js')")
                && head.contains("module_or_path:'/islands-2_bg.wasm'")
        );
        assert!(head.ends_with(
            "<meta name=\"portal-bundle\" content=\"/portal-1.js\">\
            <meta name=\"portal-bundle\" content=\"/case-3_bg.wasm\">"
        ));
        assert_eq!(islands_head(app, "<html><head></head></html>", &[]), None);
    }

    #[test]
    fn puts_the_pages_title_in_place_of_the_built_one() {
        assert_eq!(
            super::with_title(
                "<head><title>门户</title></head><body><title>x</title>",
                "A<B - 门户"
            )
            .as_deref(),
            Some("<head><title>A&lt;B - 门户</title></head><body><title>x</title>")
        );
        assert_eq!(super::with_title("<head></head>", "t"), None);
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
