//! The citizen portal: a Leptos single-page app rendered in the browser.

mod api;
mod app;
mod apply;
mod checklist;
mod components;
mod config;
mod guide;
mod home;
mod i18n;
mod photo;
mod routes;
mod search;
mod storage;
mod today;
mod track;

fn main() {
    app::mount();
}
