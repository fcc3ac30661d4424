//! `/services`: search as you type, with filters. Query and filters live in the URL, so a link
//! can be shared and Back works.
//!
//! The server draws the results for the URL. The form is one island (`search`): typing shows the
//! server's results for the new query in place (src/guide/fragment.rs); a filter loads the page
//! for it (a new history entry, so Back undoes it). Without JavaScript it is a plain GET form.

use contract::Audience;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use serde::{Deserialize, Serialize};

use super::results::{Paging, PAGE};
use super::{fragment, ServiceResults};
use crate::components::kept::Kept;
use crate::components::set_title;
use crate::i18n::t;
use crate::routes;
use crate::search::Filters;

/// The most rows a page lists (`?n=`).
const MAX_ROWS: usize = 5000;

/// Rows shown (`?n=`, from "show more").
fn rows_of(p: &ParamsMap) -> usize {
    p.get("n")
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(PAGE, |n| n.clamp(1, MAX_ROWS))
}

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

/// Writes query and filters back as `/services?...`, leaving out what is unset, with the rows to
/// show (`?n=`) when more than a page.
fn with_rows(q: &str, f: &Filters, rows: Option<usize>) -> String {
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
    if let Some(n) = rows {
        parts.push(format!("n={n}"));
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
    let rows = Memo::new(move |_| params.with(rows_of));
    let query = Signal::derive(move || state.get().0);
    let filters = Signal::derive(move || state.get().1);
    let paging = Paging {
        rows: rows.into(),
        more_href: Signal::derive(move || {
            let (q, f) = state.get();
            with_rows(&q, &f, Some(rows.get() + PAGE))
        }),
    };
    view! {
        <main id="main" class="page">
            <h1>{t::LIST_TITLE()}</h1>
            // The filters' options come from the catalog: drawn once it is loaded, on the
            // server and in the browser alike. The form is drawn once for the page: typing
            // changes the address, not the form.
            <Suspense fallback=|| ()>
                {move || catalog.get().map(|loaded| {
                    let (depts, themes) = loaded.map(|all| options(&all)).unwrap_or_default();
                    let (q, filters) = state.get_untracked();
                    SEARCH.render(SearchForm { content: form_content(q, filters, depts, themes) })
                })}
            </Suspense>
            <div id=RESULTS_ID>
                <ServiceResults query=query filters=filters paging=paging/>
            </div>
        </main>
    }
}

/// The element whose content is the results (fetched by the search islands).
pub(crate) const RESULTS_ID: &str = "service-results";

/// The departments and themes to filter by, in order.
fn options(all: &[contract::ServiceSummary]) -> (Vec<String>, Vec<String>) {
    let mut depts: Vec<String> = all.iter().map(|s| s.department.clone()).collect();
    depts.sort();
    depts.dedup();
    let mut themes: Vec<String> = all.iter().flat_map(|s| s.themes.clone()).collect();
    themes.sort();
    themes.dedup();
    (depts, themes)
}

/// The search form's props: its content, drawn by the page (the server, or the app). The island
/// has code for the form's events only; its fields and options are markup it keeps as drawn, so
/// the content does not travel in the props (the browser finds it in the page).
#[derive(Serialize, Deserialize)]
pub struct SearchForm {
    content: Kept,
}

pub static SEARCH: crate::islands::Island<SearchForm> = crate::islands::Island {
    name: "search",
    view: |props| view! { <SearchFormView props/> }.into_any(),
};

/// `<input type="hidden" name="lang">` on an English page: a GET form drops its action's query.
pub(crate) fn lang_field() -> impl IntoView {
    let lang = crate::i18n::lang::current();
    (lang != crate::i18n::lang::Lang::Zh).then(|| {
        view! { <input type="hidden" name=crate::i18n::lang::PARAM value=lang.code()/> }
    })
}

/// The form's content as markup: the query, and the filters open when one is set.
fn form_content(q: String, filters: Filters, depts: Vec<String>, themes: Vec<String>) -> Kept {
    Kept::new(move || form_fields(q.clone(), filters.clone(), depts.clone(), themes.clone()))
}

fn form_fields(
    q: String,
    filters: Filters,
    depts: Vec<String>,
    themes: Vec<String>,
) -> impl IntoView {
    let open = filters != Filters::default();
    let option = |value: String, label: String, chosen: bool| {
        view! { <option value=value selected=chosen>{label}</option> }
    };
    let aud = filters.audience;
    view! {
        {lang_field()}
        <label for=SEARCH_INPUT class="search-label">{t::SEARCH_LABEL()}</label>
        <div class="search-row">
            <input id=SEARCH_INPUT name="q" type="search" placeholder=t::SEARCH_PLACEHOLDER()
                autocomplete="off" enterkeyhint="search" value=q/>
            <button type="submit" class="button">{t::SEARCH_BUTTON()}</button>
        </div>
        <details class="filters" open=open>
            <summary>{t::FILTERS()}</summary>
            <div class="filter-grid">
                <label for="f-dept">{t::DEPARTMENT()}</label>
                <select id="f-dept" name="dept">
                    {option(String::new(), t::ALL().into(), filters.department.is_none())}
                    {depts.into_iter().map(|d| {
                        let chosen = filters.department.as_ref() == Some(&d);
                        option(d.clone(), d, chosen)
                    }).collect_view()}
                </select>
                <label for="f-aud">{t::AUDIENCE()}</label>
                <select id="f-aud" name="aud">
                    {option(String::new(), t::ALL().into(), aud.is_none())}
                    {option("person".into(), t::audience(Audience::Person).into(), aud == Some(Audience::Person))}
                    {option("legal_person".into(), t::audience(Audience::LegalPerson).into(), aud == Some(Audience::LegalPerson))}
                </select>
                <label for="f-theme">{t::THEME()}</label>
                <select id="f-theme" name="theme">
                    {option(String::new(), t::ALL().into(), filters.theme.is_none())}
                    {themes.into_iter().map(|th| {
                        let chosen = filters.theme.as_ref() == Some(&th);
                        option(th.clone(), th, chosen)
                    }).collect_view()}
                </select>
            </div>
            <div class="check">
                <input id="f-online" type="checkbox" name="online" value="1" checked=filters.online_only/>
                <label for="f-online">{t::ONLINE_YES()}</label>
            </div>
            <div class="check">
                <input id="f-zero" type="checkbox" name="zero" value="1" checked=filters.zero_visits/>
                <label for="f-zero">{t::ZERO_VISITS()}</label>
            </div>
        </details>
    }
}

/// The search box's id.
const SEARCH_INPUT: &str = "service-search";

/// `/services?...` for what the form holds now, leaving out what is unset.
fn form_href(form: &web_sys::HtmlFormElement) -> Option<String> {
    let data = web_sys::FormData::new_with_form(form).ok()?;
    let query = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)
        .ok()?
        .to_string()
        .as_string()?;
    let set: Vec<&str> = query.split('&').filter(|p| !p.ends_with('=')).collect();
    Some(if set.is_empty() {
        "/services".into()
    } else {
        format!("/services?{}", set.join("&"))
    })
}

/// The form's element an event came from.
fn field_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The form an event reached.
fn form_of(ev: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    use wasm_bindgen::JsCast;
    ev.current_target()?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()
}

#[component]
fn SearchFormView(props: SearchForm) -> impl IntoView {
    let in_app = crate::app::in_app();
    let form = NodeRef::<leptos::html::Form>::new();
    // Only the newest keystroke's answer is shown.
    let asked = StoredValue::new(0u32);
    let search = move |href: String| {
        fragment::show_address(&href);
        if in_app {
            // The app draws the results from the address.
            fragment::tell_router();
            return;
        }
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        leptos::task::spawn_local(async move {
            let found = fragment::fetch(&href, RESULTS_ID).await;
            if asked.get_value() == mine {
                if let Some(html) = found {
                    fragment::replace(RESULTS_ID, &html);
                }
            }
        });
    };
    // Text typed before the page took over is searched for once it is live.
    Effect::new(move |_| {
        let typed = crate::browser::typed_value(SEARCH_INPUT).unwrap_or_default();
        let drawn = crate::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(SEARCH_INPUT))
            .and_then(|el| el.get_attribute("value"))
            .unwrap_or_default();
        if typed != drawn {
            if let Some(href) = form.get_untracked().and_then(|f| form_href(&f)) {
                search(href);
            }
        }
    });
    let is_search_box =
        |ev: &web_sys::Event| field_of(ev).is_some_and(|el| el.id() == SEARCH_INPUT);
    // Typing shows the server's results in place.
    let typing = move |ev: web_sys::Event| {
        if is_search_box(&ev) {
            if let Some(href) = form_of(&ev).and_then(|f| form_href(&f)) {
                search(href);
            }
        }
    };
    // A filter loads the page for it: Back undoes it.
    let filtering = move |ev: web_sys::Event| {
        if !is_search_box(&ev) {
            if let Some(href) = form_of(&ev).and_then(|f| form_href(&f)) {
                fragment::go(&href);
            }
        }
    };
    let Kept { html, app } = props.content;
    // A real form: without JavaScript it asks the server for /services?q=...
    match app {
        Some(app) => view! {
            <form node_ref=form class="search-form" role="search" method="get" action="/services"
                on:input=typing on:change=filtering>
                {app.run()}
            </form>
        }
        .into_any(),
        None => view! {
            <form node_ref=form class="search-form" role="search" method="get" action="/services"
                inner_html=html on:input=typing on:change=filtering>
            </form>
        }
        .into_any(),
    }
}
