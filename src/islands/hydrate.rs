//! The islands bundle's start: finds each island the server marked and takes it over.

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::{Position, RenderHtml};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

use super::{Island, Marked};

/// An island the bundle can take over.
pub trait Hydrate: Sync {
    fn name(&self) -> &'static str;
    /// Draws the island over the server's markup in `el`, from the props it carries.
    fn hydrate(&'static self, el: web_sys::HtmlElement);
}

impl<P> Hydrate for Island<P>
where
    P: Serialize + DeserializeOwned + Send + 'static,
{
    fn name(&self) -> &'static str {
        self.name
    }

    fn hydrate(&'static self, el: web_sys::HtmlElement) {
        // Props come from our own server; should they not read, the island stays as drawn
        // (plain HTML, still readable and with working links) rather than fail.
        let Some(props) = el
            .get_attribute("data-props")
            .and_then(|json| serde_json::from_str::<P>(&json).ok())
        else {
            web_sys::console::warn_1(&format!("island {}: unreadable props", self.name).into());
            return;
        };
        let view = Marked::new(
            self.name,
            Owner::new().with(|| Owner::with_hydration(move || OwnedView::new((self.view)(props)))),
        );
        let state = view.hydrate_from_position::<true>(&el, Position::Current);
        // The island lives as long as the page.
        std::mem::forget(state);
    }
}

/// The bundle's entry point: the page's language, then every island on the page.
pub fn start() {
    crate::app::console_error_panic_hook_lite();
    let Some(window) = crate::browser::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    // The page is drawn in the language its `data-lang` names (the server's choice).
    let lang = document
        .body()
        .and_then(|b| b.get_attribute("data-lang"))
        .unwrap_or_default();
    crate::i18n::lang::set_page(crate::i18n::lang::Lang::from_tag(&lang));
    leptos::mount::hydrate_islands();
    if let Ok(marked) = document.query_selector_all("leptos-island") {
        for i in 0..marked.length() {
            let Some(el) = marked
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            let name = el.get_attribute("data-component").unwrap_or_default();
            match super::registry().iter().find(|i| i.name() == name) {
                Some(island) => island.hydrate(el),
                None => web_sys::console::warn_1(&format!("no island {name}").into()),
            }
        }
    }
    crate::app::mark_ready(&window);
    crate::app::register_service_worker();
}
