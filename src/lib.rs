//! The citizen portal: Leptos components that the backend renders as HTML for the public pages
//! (feature `ssr`) and that the browser hydrates or renders itself (feature `hydrate`).

pub mod api;
pub mod app;
mod apply;
mod appointment;
mod browser;
mod bundle_apply;
mod bundles;
mod checklist;
mod components;
mod config;
mod feedback;
mod guide;
mod home;
mod i18n;
pub mod islands;
mod performance;
mod photo;
mod publications;
mod routes;
mod search;
mod storage;
mod today;
mod track;

#[cfg(feature = "ssr")]
pub mod ssr;

pub use app::App;
pub use storage::use_app_queue;
