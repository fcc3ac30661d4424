//! The app root: the page frame, routes and the state every page shares, and how the browser
//! takes over: it hydrates a page the server rendered, or renders one itself.

use std::sync::Arc;

use contract::ServiceSummary;
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::api::{self, ApiErr};
use crate::components::{provide_elder, LANG_SWITCH, SAVED_COPY};
use crate::i18n::t;
use crate::routes::{AppRoutes, CaseRoutes};

/// The service list, loaded once and shared by the home page, search and lists. A `Resource`:
/// the server resolves it and ships it inside the page, so hydration does not fetch it again.
pub type CatalogResource = Resource<Result<Arc<Vec<ServiceSummary>>, ApiErr>>;

/// Where the catalog is kept: made by the first page that needs it, under the app's owner so it
/// outlives that page, and not at all on a page that does not (a guide need not carry the
/// whole list). Pages are drawn in the same order on the server and in the browser, so the
/// resource gets the same place in both and hydrates from the data the page carries.
#[derive(Clone, Copy)]
struct CatalogSlot(StoredValue<(Option<CatalogResource>, Option<Owner>)>);

/// Whether the whole app draws this page (with its router), rather than the islands bundle
/// taking over a page the server drew. Called while a view is made.
pub fn in_app() -> bool {
    use_context::<CatalogSlot>().is_some()
}

pub fn catalog() -> CatalogResource {
    let slot = expect_context::<CatalogSlot>().0;
    if let Some(existing) = slot.with_value(|(r, _)| *r) {
        return existing;
    }
    let owner = slot
        .with_value(|(_, o)| o.clone())
        .unwrap_or_else(Owner::new);
    let made = owner.with(|| {
        // English names where the catalog has them, on an English page.
        let path = api::in_page_language(contract::offline::SERVICES);
        Resource::new(
            || (),
            move |_| {
                let path = path.clone();
                api::sendable(
                    async move { api::get::<Vec<ServiceSummary>>(&path).await.map(Arc::new) },
                )
            },
        )
    });
    slot.update_value(|(r, _)| *r = Some(made));
    made
}

/// The attribute of `<body>` that names the address the server rendered the page for. The
/// browser hydrates only a page rendered for its own address: a saved copy of another page (the
/// service worker's fallback) or the plain `index.html` of a static deployment is rendered anew.
pub const RENDERED_FOR: &str = "data-rendered-for";

/// The browser entry point of the app bundle: every page, drawn in the browser.
pub fn start() {
    start_with(App);
}

/// The entry point of the case bundle (`src/case_main.rs`): a case page only, so the page a
/// citizen checks most on a weak network loads the least code (see `CaseApp`).
pub fn start_case() {
    start_with(CaseApp);
}

thread_local! {
    static FIRST_PATH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The path this document was loaded for (before any navigation in the app).
pub fn first_path() -> Option<String> {
    FIRST_PATH.with(|first| first.borrow().clone())
}

fn start_with<V: IntoView + 'static>(app: fn() -> V) {
    console_error_panic_hook_lite();
    let Some(window) = crate::browser::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    // The language index.html's script chose (`<html lang>`: the link's, else the device's).
    let root = window.document().and_then(|d| d.document_element());
    let lang = crate::i18n::lang::Lang::from_tag(
        &root
            .as_ref()
            .and_then(|r| r.get_attribute("lang"))
            .unwrap_or_default(),
    );
    crate::i18n::lang::set_page(lang);
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.html_tag());
    }
    FIRST_PATH.with(|first| {
        *first.borrow_mut() = window.location().pathname().ok();
    });
    // The shell's loading text is replaced by the app.
    body.set_inner_html("");
    leptos::mount::mount_to_body(app);
    mark_ready(&window);
    register_service_worker();
    // Photos whose upload was cut off by a reload or a closed tab continue now.
    crate::storage::uploads::resume_all();
}

/// The name of the performance mark set once the app has taken the page over (hydrated it, or
/// drawn it itself): from then on it answers to the citizen. `cargo xtask bench` reads it.
pub const READY_MARK: &str = "portal-ready";

pub(crate) fn mark_ready(window: &web_sys::Window) {
    if let Some(performance) = window.performance() {
        let _ = performance.mark(READY_MARK);
    }
}

/// The service worker keeps opened guides and lists readable offline (see public/sw.js).
pub(crate) fn register_service_worker() {
    let Some(nav) = crate::browser::window().map(|w| w.navigator()) else {
        return;
    };
    // Absent on plain-HTTP origins other than localhost: then the portal simply works online only.
    if js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        let _ = nav.service_worker().register("/sw.js");
    }
}

/// Panics never come from network data, but a bug should at least reach the console.
pub(crate) fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// Everything inside `<body>`: the same on the server and in the browser.
#[component]
pub fn App() -> impl IntoView {
    view! { <Frame routes=|| view! { <AppRoutes/> }.into_any()/> }
}

/// The case bundle's app: the same frame with the case page's route only; any other address is
/// loaded from the server (`routes::CaseRoutes`).
#[component]
fn CaseApp() -> impl IntoView {
    view! { <Frame routes=|| view! { <CaseRoutes/> }.into_any()/> }
}

/// The header, toolbar and router around a bundle's pages.
#[component]
fn Frame(routes: fn() -> AnyView) -> impl IntoView {
    provide_context(CatalogSlot(StoredValue::new((None, Owner::current()))));
    provide_elder();
    view! {
        <a class="skip-link" href="#main">{t::SKIP_TO_MAIN()}</a>
        <header class="site-header">
            <a class="site-title" href=crate::routes::home()>
                <span class="site-emblem" aria-hidden="true">"政"</span>
                <span>{t::SITE_TITLE()}</span>
            </a>
        </header>
        <div id="app">
            <Router>
                <Toolbar/>
                // A page the service worker kept and served offline says when it was saved.
                {SAVED_COPY.render(())}
                {routes()}
            </Router>
        </div>
    }
}

/// 中文 / English and 长辈版 above every page: islands, the rest of the frame is plain HTML.
#[component]
fn Toolbar() -> impl IntoView {
    // The address the page is drawn for; the language links point at it.
    let location = leptos_router::hooks::use_location();
    let search = location.search.get_untracked();
    let here = if search.is_empty() {
        location.pathname.get_untracked()
    } else {
        format!(
            "{}?{}",
            location.pathname.get_untracked(),
            search.trim_start_matches('?')
        )
    };
    view! {
        <div class="toolbar">
            {LANG_SWITCH.render(crate::components::lang_switch::Links::to(&here))}
            {crate::components::elder::TOGGLE.render(())}
        </div>
    }
}
