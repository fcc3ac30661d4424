//! `/apply`: services that take online applications and the drafts on this device;
//! `/apply/{code}`: continue a draft of that service or start a new one.
//!
//! Both pages are server-rendered. The drafts are on the device, so they are islands (src/islands)
//! that read them once live; the search is a plain GET form (the server answers `/apply?q=`),
//! and 开始申报 a plain form that opens `/apply/{code}/new/notice`, where the app makes the new
//! draft: it works before any code has loaded.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use super::draft::{self, Summary as Draft};
use super::steps::Step;
use crate::components::{on_device_cleared, set_title, Loading, CLEAR_DATA};
use crate::guide::ServiceResults;
use crate::i18n::{lang, t};
use crate::islands::Island;
use crate::routes::{self, ServiceParams};
use crate::search::Filters;

/// The drafts on the device, newest first: `None` until they are read (so in the server's page
/// and the first draw in the browser), or why they could not be.
type Drafts = RwSignal<Option<Result<Vec<Draft>, &'static str>>>;

/// Reads the drafts into `drafts`.
fn read_drafts(drafts: Drafts) {
    spawn_local(async move {
        let read = draft::summaries(crate::browser::now_ms()).await;
        // The page may have been left meanwhile.
        drafts.try_set(Some(read.map_err(|e| e.message())));
    });
}

/// The drafts, read once the page is live and again after 清除本机数据.
fn drafts_on_device() -> Drafts {
    let drafts = RwSignal::new(None);
    Effect::new(move |_| read_drafts(drafts));
    on_device_cleared(move || read_drafts(drafts));
    drafts
}

fn draft_href(d: &Draft) -> String {
    if d.bundle_id.is_empty() {
        routes::apply_step(&d.service_code, &d.id, Step::Notice)
    } else {
        routes::bundle_apply_step(&d.bundle_id, &d.id, "notice")
    }
}

/// The list of drafts (only those of the service `only`, when given). `say_empty` says "no
/// drafts" once the list has been read empty, and "loading" before; otherwise nothing shows
/// until drafts are found.
fn draft_list(drafts: Drafts, only: Option<String>, say_empty: bool) -> impl IntoView {
    move || match drafts.get() {
        None => EitherOf3::A(say_empty.then(Loading)),
        Some(Err(message)) => EitherOf3::B(
            say_empty.then(|| view! { <p class="error-message" role="alert">{message}</p> }),
        ),
        Some(Ok(list)) => {
            let list: Vec<Draft> = list
                .into_iter()
                .filter(|d| only.as_ref().is_none_or(|c| &d.service_code == c))
                .collect();
            let empty = list.is_empty();
            EitherOf3::C((say_empty || !empty).then(|| {
                view! {
                    <section class="section drafts" aria-labelledby="drafts-title">
                        <h2 id="drafts-title">{t::MY_DRAFTS()}</h2>
                        {empty.then(|| view! { <p class="note">{t::NO_DRAFTS()}</p> })}
                        {(!empty).then(|| view! {
                            <ul class="service-list">
                                {list.into_iter().map(|d| draft_row(d, drafts)).collect_view()}
                            </ul>
                        })}
                    </section>
                }
            }))
        }
    }
}

fn draft_row(d: Draft, drafts: Drafts) -> impl IntoView {
    let href = draft_href(&d);
    let updated = js_sys::Date::new(&d.updated_ms.into()).to_locale_string("zh-CN", &"{}".into());
    let name = d.service_name.clone();
    let delete = move |_| {
        let confirmed = crate::browser::window()
            .and_then(|w| w.confirm_with_message(t::CONFIRM_DELETE_DRAFT()).ok())
            .unwrap_or(false);
        if confirmed {
            let d = d.clone();
            spawn_local(async move {
                draft::remove_summary(&d).await;
                read_drafts(drafts);
            });
        }
    };
    view! {
        <li class="draft-item">
            <a href=href class="service-item">
                <span class="service-name">{t::CONTINUE_DRAFT()}": "{name}</span>
                <span class="service-meta">{t::SAVED_AT()}" "{String::from(updated)}</span>
            </a>
            <button type="button" class="link-button danger" on:click=delete>{t::DELETE_DRAFT()}</button>
        </li>
    }
}

/// The drafts on `/apply`, all services'.
pub static DRAFTS: Island<()> = Island {
    name: "drafts",
    view: |()| draft_list(drafts_on_device(), None, true).into_any(),
};

/// What changes on `/apply/{code}` once drafts of the service are found: the sentence above
/// 开始申报 and the list below it. Its props are the service's code.
pub static START: Island<String> = Island {
    name: "apply-start",
    view: |code| start_new(code).into_any(),
};

#[component]
pub fn ApplyIndexPage() -> impl IntoView {
    set_title(t::ENTRY_APPLY());
    // A plain form: the server answers `/apply?q=` with the services found.
    let query = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    let searched = query.clone();
    let filters = Signal::derive(|| Filters {
        online_only: true,
        ..Default::default()
    });
    view! {
        <main id="main" class="page">
            <h1>{t::ENTRY_APPLY()}</h1>
            {DRAFTS.render(())}
            <form class="search-form" role="search" method="get" action="/apply">
                <label for="apply-search" class="search-label">{t::APPLY_SEARCH()}</label>
                {lang_field()}
                <input id="apply-search" name="q" type="search" autocomplete="off" placeholder=t::SEARCH_PLACEHOLDER()
                    value=query/>
                <button type="submit" class="button secondary">{t::SEARCH_BUTTON()}</button>
            </form>
            <ServiceResults query=Signal::derive(move || searched.clone()) filters=filters href=routes::apply_start/>
            {CLEAR_DATA.render(())}
        </main>
    }
}

/// A GET form's fields replace its action's query, so an English page sends `lang` as a field.
fn lang_field() -> impl IntoView {
    (lang::current() == lang::Lang::En)
        .then(|| view! { <input type="hidden" name=lang::PARAM value=lang::Lang::En.code()/> })
}

#[component]
pub fn ApplyStartPage() -> impl IntoView {
    let code = routes::params::<ServiceParams>()
        .get_untracked()
        .and_then(|p| p.code)
        .unwrap_or_default();
    set_title(t::ENTRY_APPLY());
    view! {
        <main id="main" class="page">
            <h1>{t::ENTRY_APPLY()}</h1>
            {START.render(code)}
        </main>
    }
}

/// The server's page (and so the first paint) offers a new application; only the sentence above
/// the button changes once drafts of this service are found. 开始申报 is a plain form, so it works
/// before the island is live.
/// A plain function rather than a component: the islands bundle then carries no erased view
/// type for it.
fn start_new(code: String) -> impl IntoView {
    let drafts = drafts_on_device();
    // A memo: the sentence is drawn again only if drafts are found, not when the device has been
    // read (a redraw of the same text is a new paint, which Lighthouse took as the LCP).
    let has_drafts = {
        let code = code.clone();
        Memo::new(move |_| {
            drafts.with(|d| {
                d.as_ref()
                    .and_then(|r| r.as_ref().ok())
                    .is_some_and(|l| l.iter().any(|d| d.service_code == code))
            })
        })
    };
    view! {
        <p>{move || if has_drafts.get() { t::START_OR_CONTINUE() } else { t::START_INTRO() }}</p>
        <form method="get" action=routes::apply_new(&code)>
            {lang_field()}
            <button type="submit" class="button">{t::START_NEW()}</button>
        </form>
        // Below the button, so that drafts found on the device move nothing already shown.
        {draft_list(drafts, Some(code), false)}
    }
}

/// On the home page: "you have unfinished applications", so a draft is never forgotten.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let drafts = drafts_on_device();
    move || {
        drafts
            .get()
            .and_then(|r| r.ok())
            .filter(|l| !l.is_empty())
            .map(|l| {
                view! {
                    <p class="notice draft-banner" role="status">
                        {t::drafts_waiting(l.len())}" "
                        <a href=routes::apply_index()>{t::CONTINUE_DRAFT()}</a>
                    </p>
                }
            })
    }
}
