//! `/services`: search as you type, with filters. Query and filters live in the URL, so a link
//! can be shared and Back works.

use contract::Audience;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use super::ServiceResults;
use crate::components::set_title;
use crate::i18n::t;
use crate::routes;
use crate::search::Filters;

/// Reads query and filters from the URL's parameters.
fn from_params(p: &ParamsMap) -> (String, Filters) {
    let filters = Filters {
        department: p.get("dept").filter(|s| !s.is_empty()),
        audience: match p.get("aud").as_deref() {
            Some("person") => Some(Audience::Person),
            Some("legal_person") => Some(Audience::LegalPerson),
            _ => None,
        },
        theme: p.get("theme").filter(|s| !s.is_empty()),
        online_only: p.get("online").as_deref() == Some("1"),
        zero_visits: p.get("zero").as_deref() == Some("1"),
    };
    (p.get("q").unwrap_or_default(), filters)
}

/// Writes query and filters back as `/services?...`, leaving out what is unset.
fn to_href(q: &str, f: &Filters) -> String {
    let enc = routes::encode;
    let mut parts = Vec::new();
    if !q.is_empty() {
        parts.push(format!("q={}", enc(q)));
    }
    if let Some(d) = &f.department {
        parts.push(format!("dept={}", enc(d)));
    }
    if let Some(a) = f.audience {
        parts.push(format!(
            "aud={}",
            if a == Audience::Person {
                "person"
            } else {
                "legal_person"
            }
        ));
    }
    if let Some(th) = &f.theme {
        parts.push(format!("theme={}", enc(th)));
    }
    if f.online_only {
        parts.push("online=1".into());
    }
    if f.zero_visits {
        parts.push("zero=1".into());
    }
    if parts.is_empty() {
        routes::services()
    } else {
        routes::services_filtered(&parts.join("&"))
    }
}

#[component]
pub fn ServiceListPage() -> impl IntoView {
    set_title(t::LIST_TITLE());
    let catalog = crate::app::catalog();
    let params = use_query_map();
    let state = Memo::new(move |_| params.with(from_params));
    let query = Signal::derive(move || state.get().0);
    let filters = Signal::derive(move || state.get().1);
    let navigate = use_navigate();
    // Typing replaces the history entry; changing a filter adds one, so Back undoes it.
    let go = move |q: String, f: Filters, replace: bool| {
        navigate(
            &to_href(&q, &f),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let options = move || {
        catalog
            .get()
            .and_then(|r| r.ok())
            .map(|all| {
                let mut depts: Vec<String> = all.iter().map(|s| s.department.clone()).collect();
                depts.sort();
                depts.dedup();
                let mut themes: Vec<String> = all.iter().flat_map(|s| s.themes.clone()).collect();
                themes.sort();
                themes.dedup();
                (depts, themes)
            })
            .unwrap_or_default()
    };
    let go_text = go.clone();
    // Text typed before the app took over the server's page is searched for once it is live.
    if let Some(typed) = crate::browser::typed_value("service-search") {
        let go = go.clone();
        Effect::new(move |_| {
            if typed != query.get_untracked() {
                go(typed.clone(), filters.get_untracked(), true);
            }
        });
    }
    let go_dept = go.clone();
    let go_aud = go.clone();
    let go_theme = go.clone();
    let go_online = go.clone();
    let go_zero = go.clone();
    view! {
        <main id="main" class="page">
            <h1>{t::LIST_TITLE()}</h1>
            // A real form: without JavaScript it asks the server for /services?q=...
            <form class="search-form" role="search" method="get" action=routes::services()
                on:submit=|ev| ev.prevent_default()>
                <label for="service-search" class="search-label">{t::SEARCH_LABEL()}</label>
                <input id="service-search" name="q" type="search" placeholder=t::SEARCH_PLACEHOLDER() autocomplete="off"
                    value=query.get_untracked()
                    prop:value=move || query.get()
                    on:input=move |ev| go_text(event_target_value(&ev), filters.get_untracked(), true)/>
            </form>
            // The filters' options come from the catalog: drawn once it is loaded, on the
            // server and in the browser alike.
            <Suspense fallback=|| ()>
            {move || catalog.get().map(|_| {
            let (go_dept, go_aud, go_theme, go_online, go_zero) =
                (go_dept.clone(), go_aud.clone(), go_theme.clone(), go_online.clone(), go_zero.clone());
            view! {
            <details class="filters" open=move || filters.with(|f| *f != Filters::default())>
                <summary>{t::FILTERS()}</summary>
                <div class="filter-grid">
                    <label for="f-dept">{t::DEPARTMENT()}</label>
                    <select id="f-dept" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let mut f = filters.get_untracked();
                        f.department = (!v.is_empty()).then_some(v);
                        go_dept(query.get_untracked(), f, false);
                    }>
                        <option value="" selected=move || filters.with(|f| f.department.is_none())>{t::ALL()}</option>
                        {move || options().0.into_iter().map(|d| {
                            let (sel, value) = (d.clone(), d.clone());
                            view! { <option value=value selected=move || filters.with(|f| f.department.as_ref() == Some(&sel))>{d}</option> }
                        }).collect_view()}
                    </select>
                    <label for="f-aud">{t::AUDIENCE()}</label>
                    <select id="f-aud" on:change=move |ev| {
                        let mut f = filters.get_untracked();
                        f.audience = match event_target_value(&ev).as_str() {
                            "person" => Some(Audience::Person),
                            "legal_person" => Some(Audience::LegalPerson),
                            _ => None,
                        };
                        go_aud(query.get_untracked(), f, false);
                    }>
                        <option value="" selected=move || filters.with(|f| f.audience.is_none())>{t::ALL()}</option>
                        <option value="person" selected=move || filters.with(|f| f.audience == Some(Audience::Person))>{t::audience(Audience::Person)}</option>
                        <option value="legal_person" selected=move || filters.with(|f| f.audience == Some(Audience::LegalPerson))>{t::audience(Audience::LegalPerson)}</option>
                    </select>
                    <label for="f-theme">{t::THEME()}</label>
                    <select id="f-theme" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let mut f = filters.get_untracked();
                        f.theme = (!v.is_empty()).then_some(v);
                        go_theme(query.get_untracked(), f, false);
                    }>
                        <option value="" selected=move || filters.with(|f| f.theme.is_none())>{t::ALL()}</option>
                        {move || options().1.into_iter().map(|th| {
                            let (sel, value) = (th.clone(), th.clone());
                            view! { <option value=value selected=move || filters.with(|f| f.theme.as_ref() == Some(&sel))>{th}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="check">
                    <input id="f-online" type="checkbox" prop:checked=move || filters.with(|f| f.online_only)
                        on:change=move |ev| {
                            let mut f = filters.get_untracked();
                            f.online_only = event_target_checked(&ev);
                            go_online(query.get_untracked(), f, false);
                        }/>
                    <label for="f-online">{t::ONLINE_YES()}</label>
                </div>
                <div class="check">
                    <input id="f-zero" type="checkbox" prop:checked=move || filters.with(|f| f.zero_visits)
                        on:change=move |ev| {
                            let mut f = filters.get_untracked();
                            f.zero_visits = event_target_checked(&ev);
                            go_zero(query.get_untracked(), f, false);
                        }/>
                    <label for="f-zero">{t::ZERO_VISITS()}</label>
                </div>
            </details>
            }})}
            </Suspense>
            <ServiceResults query=query filters=filters/>
        </main>
    }
}
