//! `/services`: search as you type. The query lives in the URL so a link can be shared and Back works.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::ServiceResults;
use crate::components::set_title;
use crate::i18n::t;
use crate::search::Filters;

#[component]
pub fn ServiceListPage() -> impl IntoView {
    set_title(t::LIST_TITLE);
    let query_map = use_query_map();
    let query = Signal::derive(move || query_map.with(|m| m.get("q").unwrap_or_default()));
    let navigate = use_navigate();
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        let href = if value.is_empty() {
            "/services".to_string()
        } else {
            format!("/services?q={}", js_sys::encode_uri_component(&value))
        };
        // Replace, so each keystroke does not become a Back step.
        navigate(
            &href,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <main id="main" class="page">
            <h1>{t::LIST_TITLE}</h1>
            <div class="search-form" role="search">
                <label for="service-search" class="search-label">{t::SEARCH_LABEL}</label>
                <input
                    id="service-search"
                    type="search"
                    placeholder=t::SEARCH_PLACEHOLDER
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=on_input
                />
            </div>
            <ServiceResults query=query filters=Signal::derive(Filters::default)/>
        </main>
    }
}
