//! A page about one service (`/services/{code}`, `/checklists/{code}`): loads the guide, shows
//! loading, error with retry, or the "saved copy" notice when it came from the offline cache.

use contract::Service;
use leptos::prelude::*;

use super::{saved_copy_notice, set_title, AsyncView};
use crate::api;
use crate::i18n::t;
use crate::routes::{self, ServiceParams};

#[component]
pub fn ServicePage(
    class: &'static str,
    title_suffix: &'static str,
    render: fn(Service) -> AnyView,
) -> impl IntoView {
    let params = routes::params::<ServiceParams>();
    let service = Resource::new(
        move || params.get().and_then(|p| p.code).unwrap_or_default(),
        |code| api::sendable(async move { api::service(&code).await }),
    );
    view! {
        <main id="main" class=format!("page {class}")>
            <AsyncView resource=service page=true ok={move |loaded: api::Loaded<Service>| {
                set_title(&format!("{}{title_suffix}", loaded.value.name));
                // An English page showing a guide the catalog has only in Chinese says so.
                let chinese_only = crate::i18n::lang::current() == crate::i18n::lang::Lang::En
                    && loaded.value.content_lang == contract::ContentLang::Zh;
                view! {
                    {saved_copy_notice(loaded.saved_at.clone())}
                    {chinese_only.then(|| view! {
                        <p class="notice chinese-only" role="note">{t::CHINESE_ONLY()}</p>
                    })}
                    {render(loaded.value)}
                }
            }}/>
        </main>
    }
}
