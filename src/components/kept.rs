//! Markup an island shows but has no code for (a form's fields, the language links): drawn by the
//! page, and kept as it is when the islands bundle takes the island over, so neither its data
//! nor the code that draws it goes into the bundle. The server draws it as HTML (the island puts
//! it in with `inner_html`, which hydration leaves as it is); the app, which cannot draw HTML
//! text (feature `csr`), draws it as a view.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Travels in no props (`{}`): the browser finds the markup in the page.
#[derive(Default, Serialize, Deserialize)]
pub struct Kept {
    #[serde(skip)]
    pub html: String,
    #[serde(skip)]
    pub app: Option<ViewFn>,
}

impl Kept {
    pub fn new<V: IntoView + 'static>(draw: impl Fn() -> V + Send + Sync + 'static) -> Kept {
        #[cfg(feature = "ssr")]
        {
            // Not hydrated: without the hydration marks.
            Kept {
                html: draw().to_html().replace("<!>", ""),
                app: None,
            }
        }
        #[cfg(not(feature = "ssr"))]
        {
            Kept {
                html: String::new(),
                app: Some(ViewFn::from(draw)),
            }
        }
    }
}
