//! Islands: the parts of a server-rendered public page that answer to the citizen (a tick on a
//! checklist, a situation's answer, 长辈版, a form that looks a case up). The server renders the
//! whole page; in the browser a small bundle (`src/islands_main.rs`, Trunk target
//! `islands.html`) takes over only these parts, so a public page ships the code of its islands
//! and not the whole app. Personal pages load the app bundle (`src/main.rs`), which draws the same
//! islands as ordinary components.
//!
//! Leptos's own `#[island]` exports every island from the library, so each bundle would carry
//! all of them; an `Island` here is a plain value that only the bundle listing it (in
//! [`registry`]) compiles in.

use leptos::prelude::*;
use leptos::tachys::html::islands::Island as Marked;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub mod drawn;
#[cfg(feature = "hydrate")]
mod hydrate;
#[cfg(feature = "hydrate")]
pub use hydrate::start;

/// One kind of island: the name the page marks it with, and the view it draws from its props.
/// Its props travel in the page as JSON, so they are what the browser draws it from again.
pub struct Island<P: 'static> {
    pub name: &'static str,
    pub view: fn(P) -> AnyView,
}

impl<P> Island<P>
where
    P: Serialize + DeserializeOwned + Send + 'static,
{
    /// The island in a page: `<leptos-island data-component=name data-props=json>` around its
    /// view on the server (the browser bundle finds it by that mark); the bare view where the app
    /// draws the page itself.
    pub fn render(&'static self, props: P) -> impl IntoView {
        #[cfg(feature = "ssr")]
        let json = serde_json::to_string(&props).unwrap_or_default();
        let marked = Marked::new(self.name, (self.view)(props));
        #[cfg(feature = "ssr")]
        let marked = marked.with_props(json);
        marked
    }
}

/// Every island the islands bundle takes over. An island not listed here is drawn by the server
/// and stays plain HTML in the browser.
#[cfg(feature = "hydrate")]
pub fn registry() -> &'static [&'static dyn hydrate::Hydrate] {
    static ALL: &[&dyn hydrate::Hydrate] = &[
        &crate::components::elder::TOGGLE,
        &crate::components::LANG_SWITCH,
        &crate::components::SAVED_COPY,
        &crate::guide::list::SEARCH,
        &crate::home::HOME_SEARCH,
        &crate::home::DEVICE_NEWS,
        &crate::checklist::island::CHECKLIST,
        &crate::bundles::guide::BUNDLE,
        // /track
        &crate::track::LOOKUP,
        &crate::track::MY_CASES,
        &crate::appointment::MY_APPOINTMENTS,
        &crate::feedback::MY_TICKETS,
        // /track and /apply
        &crate::components::CLEAR_DATA,
        // /apply, /apply/{code}
        &crate::apply::DRAFTS,
        &crate::apply::START,
    ];
    ALL
}
