//! The home page: one search box that answers as you type, and the four things citizens come for.
//!
//! Drawn by the server; two islands answer in the browser: the search (`home-search`), which
//! shows the server's first results for what is typed, and what this device holds
//! (`device-news`: unfinished applications, cases with news).

use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::apply::DraftBanner;
use crate::components::kept::Kept;
use crate::components::set_title;
use crate::guide::{fragment, lang_field, RESULTS_ID};
use crate::i18n::t;
use crate::routes;
use crate::track::CaseNews;

/// Results shown under the home page's search box.
const QUICK_ROWS: usize = 8;

#[component]
pub fn HomePage() -> impl IntoView {
    set_title(t::HOME());
    let entries = [
        (
            routes::services(),
            t::ENTRY_GUIDE(),
            t::ENTRY_GUIDE_NOTE(),
            "entry-guide",
        ),
        (
            routes::checklists(),
            t::ENTRY_CHECKLIST(),
            t::ENTRY_CHECKLIST_NOTE(),
            "entry-checklist",
        ),
        (
            routes::apply_index(),
            t::ENTRY_APPLY(),
            t::ENTRY_APPLY_NOTE(),
            "entry-apply",
        ),
        (
            routes::track(),
            t::ENTRY_TRACK(),
            t::ENTRY_TRACK_NOTE(),
            "entry-track",
        ),
        // Shown in 长辈版 only (style/elder.css), whose home page is these entries and the search.
        (
            routes::my_cases(),
            t::MY_CASES(),
            t::ENTRY_MY_CASES_NOTE(),
            "entry-mine",
        ),
    ];
    view! {
        <main id="main" class="page home">
            <h1 class="visually-hidden">{t::SITE_TITLE()}</h1>
            {DEVICE_NEWS.render(())}
            {HOME_SEARCH.render(HomeSearchForm::drawn())}
            <nav class="entries" aria-label=t::MAIN_ENTRIES()>
                {entries
                    .into_iter()
                    .map(|(href, title, note, class)| {
                        view! {
                            <A href=href attr:class=format!("entry {class}")>
                                <span class="entry-title">{title}</span>
                                <span class="entry-note">{note}</span>
                            </A>
                        }
                    })
                    .collect_view()}
            </nav>
            <crate::bundles::HomeBundles/>
            <nav class="home-links" aria-label=t::HOME_PUBLIC_LINKS()>
                <A href=routes::publications()>{t::HOME_PUBLICATIONS()}</A>
            </nav>
            <p class="hotline">{t::HOTLINE_NOTE()}</p>
        </main>
    }
}

/// Banners from what this device holds: read once the page is live (the server knows nothing of
/// it).
pub static DEVICE_NEWS: crate::islands::Island<()> = crate::islands::Island {
    name: "device-news",
    view: |()| view! { <DraftBanner/><CaseNews/> }.into_any(),
};

/// The search form's content, drawn by the page: the island has code for typing only.
#[derive(Serialize, Deserialize)]
pub struct HomeSearchForm {
    content: Kept,
}

impl HomeSearchForm {
    fn drawn() -> HomeSearchForm {
        HomeSearchForm {
            content: Kept::new(|| {
                view! {
                    {lang_field()}
                    <label for=SEARCH_INPUT class="search-label">{t::SEARCH_LABEL()}</label>
                    <div class="search-row">
                        <input
                            id=SEARCH_INPUT
                            type="search"
                            name="q"
                            placeholder=t::SEARCH_PLACEHOLDER()
                            autocomplete="off"
                            enterkeyhint="search"
                        />
                        <button type="submit" class="button">{t::SEARCH_BUTTON()}</button>
                    </div>
                }
            }),
        }
    }
}

/// The home page's search box's id.
const SEARCH_INPUT: &str = "home-search";

pub static HOME_SEARCH: crate::islands::Island<HomeSearchForm> = crate::islands::Island {
    name: "home-search",
    view: |form| view! { <HomeSearch form/> }.into_any(),
};

/// The search box; as the citizen types, the server's first results for the text show below
/// it (fetched from `/services?q=`, so the browser carries neither the catalog nor its search).
#[component]
fn HomeSearch(form: HomeSearchForm) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(String::new());
    // Only the newest keystroke's answer is shown.
    let asked = StoredValue::new(0u32);
    let search = move |text: String| {
        asked.update_value(|n| *n += 1);
        let mine = asked.get_value();
        query.set(text.clone());
        if text.trim().is_empty() {
            found.set(String::new());
            return;
        }
        let href = format!("{}&n={QUICK_ROWS}", routes::services_search(&text));
        leptos::task::spawn_local(async move {
            let html = fragment::fetch(&href, RESULTS_ID).await;
            if asked.get_value() == mine {
                found.set(html.unwrap_or_default());
            }
        });
    };
    // Text typed before the page took over is searched for at once.
    Effect::new(move |_| {
        if let Some(typed) = crate::browser::typed_value(SEARCH_INPUT) {
            search(typed);
        }
    });
    let typed = move |ev: web_sys::Event| search(event_target_value(&ev));
    let Kept { html, app } = form.content;
    let form = match app {
        Some(app) => view! {
            <form action="/services" method="get" class="search-form" role="search" on:input=typed>
                {app.run()}
            </form>
        }
        .into_any(),
        None => view! {
            <form action="/services" method="get" class="search-form" role="search"
                inner_html=html on:input=typed>
            </form>
        }
        .into_any(),
    };
    view! {
        {form}
        <section class="quick-results" aria-label=t::SEARCH_RESULTS()
            hidden=move || query.with(|q| q.trim().is_empty()) || found.with(String::is_empty)>
            <div inner_html=move || found.get()></div>
            <a href=move || routes::services_search(&query.get()) class="more-link">{t::SEE_ALL_RESULTS()}</a>
        </section>
    }
}
