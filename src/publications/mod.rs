//! 办件公示: `/publications` (searchable list) and `/publications/{id}` (one decision, a stable
//! address). Server-rendered; the search is a plain GET form, so it works without JavaScript.

use contract::Publication;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::api;
use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes::{self, PublicationParams};

#[component]
pub fn PublicationsPage() -> impl IntoView {
    set_title(t::PUBLICATIONS_TITLE());
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| p.get("q").unwrap_or_default()));
    // `?service=` (from a guide) keeps one service's decisions; the search keeps it.
    let service = Memo::new(move |_| params.with(|p| p.get("service").unwrap_or_default()));
    let resource = Resource::new(
        move || (query.get(), service.get()),
        |(q, service)| api::sendable(async move { api::publications(&q, &service).await }),
    );
    let one_service = move || !service.with(String::is_empty);
    view! {
        <main id="main" class="page publications-page">
            <h1>{t::PUBLICATIONS_TITLE()}</h1>
            <p class="lead">{t::PUBLICATIONS_LEAD()}</p>
            <form class="search-form" role="search" method="get" action=routes::publications()>
                <label for="publication-search">{t::PUBLICATIONS_SEARCH()}</label>
                <input id="publication-search" name="q" type="search" autocomplete="off"
                    value=query.get_untracked()/>
                {move || one_service().then(|| view! { <input type="hidden" name="service" value=service.get()/> })}
                <button type="submit" class="button">{t::SEARCH_BUTTON()}</button>
            </form>
            <AsyncView resource=resource ok={move |list: Vec<Publication>| {
                let filtered = one_service().then(|| filter_line(&list));
                view! { {filtered}{list_view(list)} }.into_any()
            }}/>
        </main>
    }
}

/// Which service the list is kept to, and the way back to all.
fn filter_line(list: &[Publication]) -> impl IntoView {
    let name = list.first().map(|p| p.service_name.clone());
    view! {
        <p class="note publication-filter">
            {name.map(|n| view! { {t::PUBLICATIONS_OF_SERVICE()}<strong>{n}</strong>" · " })}
            <A href=routes::publications()>{t::ALL_PUBLICATIONS()}</A>
        </p>
    }
}

fn list_view(list: Vec<Publication>) -> AnyView {
    if list.is_empty() {
        return view! { <p class="note">{t::PUBLICATIONS_NONE()}</p> }.into_any();
    }
    view! {
        <ul class="publication-list">
            {list.into_iter().map(|p| view! {
                <li>
                    <A href=routes::publication(&p.id)>{p.enterprise_name.clone()}</A>
                    <p class="note">{p.service_name.clone()}" · "{t::published_decision(p.decision)}" · "{t::date(p.decided_on)}</p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn PublicationPage() -> impl IntoView {
    let params = routes::params::<PublicationParams>();
    let resource = Resource::new(
        move || params.get().and_then(|p| p.id).unwrap_or_default(),
        |id| api::sendable(async move { api::publication(&id).await }),
    );
    view! {
        <main id="main" class="page publications-page">
            <AsyncView resource=resource page=true ok=|p: Publication| {
                set_title(&p.enterprise_name);
                view! {
                    <h1>{p.enterprise_name.clone()}</h1>
                    <p class="lead">{t::PUBLICATION_KIND()}</p>
                    <dl class="facts">
                        <div><dt>{t::CREDIT_CODE()}</dt><dd>{p.credit_code.clone()}</dd></div>
                        <div><dt>{t::LICENSED_SERVICE()}</dt><dd><A href=routes::guide(&p.service_code)>{p.service_name.clone()}</A></dd></div>
                        <div><dt>{t::DECISION()}</dt><dd>{t::published_decision(p.decision)}</dd></div>
                        <div><dt>{t::DECIDED_ON()}</dt><dd>{t::date(p.decided_on)}</dd></div>
                        <div><dt>{t::DECIDING_DEPARTMENT()}</dt><dd>{p.department.clone()}</dd></div>
                        <div><dt>{t::PUBLISHED_ON()}</dt><dd>{t::date(p.published_on)}</dd></div>
                    </dl>
                    <p><A href=routes::publications()>{t::ALL_PUBLICATIONS()}</A></p>
                }
            }/>
        </main>
    }
}
