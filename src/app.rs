//! The app root: routes and the state every page shares.

use std::sync::Arc;

use contract::ServiceSummary;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{self, ApiErr};
use crate::apply::{ApplyIndexPage, ApplyPage, ApplyStartPage, DonePage};
use crate::checklist::{ChecklistBrowsePage, ChecklistPage};
use crate::components::{ElderToggle, NotFound};
use crate::guide::{GuidePage, ServiceListPage};
use crate::home::HomePage;

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
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=HomePage/>
                <Route path=path!("/services") view=ServiceListPage/>
                <Route path=path!("/services/:code") view=GuidePage/>
                <Route path=path!("/checklists") view=ChecklistBrowsePage/>
                <Route path=path!("/checklists/:code") view=ChecklistPage/>
                <Route path=path!("/apply") view=ApplyIndexPage/>
                <Route path=path!("/apply/done/:number") view=DonePage/>
                <Route path=path!("/apply/:code") view=ApplyStartPage/>
                <Route path=path!("/apply/:code/:draft/:step") view=ApplyPage/>
                <Route path=path!("/track") view=crate::track::TrackPage/>
                <Route path=path!("/track/:number") view=crate::track::CasePage/>
            </Routes>
        </Router>
    }
}
