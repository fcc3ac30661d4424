//! On the home page: opening the portal looks at every case remembered on this device and says
//! which have moved since the citizen last looked.
//!
//! Router-free and reading only what my cases keep (`fetch_brief`), so it can be an island of a
//! server-rendered page.

use leptos::prelude::*;

use super::fetch_brief;
use super::my_cases;
use crate::i18n::t;

#[component]
pub fn CaseNews() -> impl IntoView {
    let count = || my_cases::list().iter().filter(|c| c.has_news()).count();
    let news = crate::browser::from_device(0, count);
    // Once live in the browser: ask after every remembered case.
    Effect::new(move |_| {
        let remembered = my_cases::list();
        if !remembered.is_empty() {
            leptos::task::spawn_local(async move {
                for case in remembered {
                    let found = fetch_brief(&case.case_number, &case.query_code).await;
                    if let Ok((brief, json)) = found {
                        my_cases::update_from_text(&brief, &json, false);
                    }
                }
                news.set(count());
            });
        }
    });
    move || {
        (news.get() > 0).then(|| {
            view! {
                <p class="notice case-news" role="status">
                    // A plain link: the banner is part of an island on the home page.
                    <a href=crate::routes::track()>{t::MY_CASES()}{t::COLON()}{t::news_count(news.get())}</a>
                </p>
            }
        })
    }
}
