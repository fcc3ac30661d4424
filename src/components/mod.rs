//! Pieces every page uses: loading and error states, the page heading, the large-text switch,
//! and the photographed pages of a material.

mod clear_data;
pub mod elder;
pub mod form;
pub mod kept;
pub mod lang_switch;
pub mod material_pages;
mod service_page;
mod share;
mod status;

pub use clear_data::{on_device_cleared, CLEAR_DATA};
pub use elder::provide_elder;
pub use lang_switch::LANG_SWITCH;
pub use service_page::ServicePage;
pub use share::ShareBox;
pub use status::{saved_copy_notice, AsyncView, ErrorRetry, Loading, NotFound, SAVED_COPY};

/// Sets the browser tab's title for the current page. On the server it goes into the page's
/// `<title>` (`crate::ssr::PageTitle`): a page the islands bundle takes over is never redrawn,
/// so the title must arrive with it.
pub fn set_title(page: &str) {
    let title = format!("{page} - {}", crate::i18n::t::SITE_TITLE());
    #[cfg(feature = "ssr")]
    if let Some(slot) = leptos::prelude::use_context::<crate::ssr::PageTitle>() {
        slot.set(title.clone());
    }
    if let Some(doc) = crate::browser::window().and_then(|w| w.document()) {
        doc.set_title(&title);
    }
}
