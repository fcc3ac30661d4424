//! Markup an island shows but has no code for: drawn once (by the server, from data the island
//! does not carry) and handed to the island as a prop. The island puts it back as it is, so
//! parts of a page that never change (a guide's places, its 救济途径) can sit between parts that
//! do without their data, or the code that draws them, going into the islands bundle.

use leptos::prelude::*;
use leptos::tachys::html::InertElement;
#[cfg(feature = "ssr")]
use leptos::tachys::view::RenderHtml;
use serde::{Deserialize, Serialize};

/// One element's markup, escaped as the view that drew it escapes text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn(String);

impl Drawn {
    /// Draws `view`, which must be ONE element (a `<section>`, a `<div>` row of a `<dl>`): the
    /// island takes over its markup as one element.
    #[cfg(feature = "ssr")]
    pub fn new(view: impl RenderHtml) -> Self {
        // Without the server's hydration marks (`<!>`): nothing inside is hydrated. Text cannot
        // hold them, it is escaped (`&lt;!&gt;`).
        Self(view.to_html().replace("<!>", ""))
    }

    /// In the app, which draws pages in the browser: a view becomes HTML only in a document (a
    /// component's view cannot be written as text without the `ssr` feature), so it is drawn
    /// into a detached element and read back.
    #[cfg(not(feature = "ssr"))]
    pub fn new(view: impl IntoView + 'static) -> Self {
        use wasm_bindgen::JsCast;
        let Some(holder) = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("div").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return Self(String::new());
        };
        let drawn = leptos::mount::mount_to(holder.clone(), move || view);
        let html = holder.inner_html();
        drop(drawn);
        Self(html)
    }

    /// The element again: hydrated as the server drew it, or made from the markup.
    pub fn view(self) -> impl IntoView {
        InertElement::new(self.0)
    }
}
