//! The app root: routes and the state every page shares.

use std::sync::Arc;

use contract::ServiceSummary;
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::api::{self, ApiErr};
use crate::components::ElderToggle;
use crate::routes::AppRoutes;

/// The service list, loaded once and shared by the home page, search and lists.
#[derive(Clone, Copy)]
pub struct Catalog(pub LocalResource<Result<Arc<Vec<ServiceSummary>>, ApiErr>>);

pub fn mount() {
    console_error_panic_hook_lite();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    // The shell's loading text is replaced by the app.
    root.set_inner_html("");
    if let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) {
        leptos::mount::mount_to(root, App).forget();
    }
    register_service_worker();
    // Photos whose upload was cut off by a reload or a closed tab continue now.
    crate::storage::uploads::resume_all();
}

/// The service worker keeps opened guides and lists readable offline (see public/sw.js).
fn register_service_worker() {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    // Absent on plain-HTTP origins other than localhost: then the portal simply works online only.
    if js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        let _ = nav.service_worker().register("/sw.js");
    }
}

/// Panics never come from network data, but a bug should at least reach the console.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

#[component]
fn App() -> impl IntoView {
    let catalog = LocalResource::new(|| async {
        api::get::<Vec<ServiceSummary>>("/api/services")
            .await
            .map(Arc::new)
    });
    provide_context(Catalog(catalog));
    view! {
        <Router>
            <ElderToggle/>
            <AppRoutes/>
        </Router>
    }
}
