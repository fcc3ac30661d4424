//! The home page: one search box that answers as you type, and the four things citizens come for.

use leptos::prelude::*;
use leptos_router::components::{Form, A};

use crate::apply::DraftBanner;
use crate::components::set_title;
use crate::guide::ServiceResults;
use crate::i18n::t;
use crate::routes;
use crate::search::Filters;
use crate::track::CaseNews;

#[component]
pub fn HomePage() -> impl IntoView {
    set_title(t::HOME());
    // Text typed before the app took over the server's page is searched for at once.
    let query = RwSignal::new(crate::browser::typed_value("home-search").unwrap_or_default());
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
            <DraftBanner/>
            <CaseNews/>
            <Form action=routes::services() attr:class="search-form" attr:role="search">
                <label for="home-search" class="search-label">{t::SEARCH_LABEL()}</label>
                <div class="search-row">
                    <input
                        id="home-search"
                        type="search"
                        name="q"
                        placeholder=t::SEARCH_PLACEHOLDER()
                        autocomplete="off"
                        enterkeyhint="search"
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button">{t::SEARCH_BUTTON()}</button>
                </div>
            </Form>
            {move || {
                let q = query.get();
                (!q.trim().is_empty()).then(|| {
                    let all = routes::services_search(&q);
                    view! {
                        <section class="quick-results" aria-label=t::SEARCH_RESULTS()>
                            <ServiceResults query=query filters=Signal::derive(Filters::default) limit=8/>
                            <A href=all attr:class="more-link">{t::SEE_ALL_RESULTS()}</A>
                        </section>
                    }
                })
            }}
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
