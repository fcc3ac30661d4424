//! 我的办件 on `/track`: every case remembered on this device, refreshed in the background when
//! the page opens (and all at once with 全部刷新), with 有新进展 on cases that moved since the
//! citizen last looked.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::my_cases::{self, MyCase};
use super::saved::saved_time;
use super::{case_error, fetch_brief};
use crate::api::ApiErr;
use crate::components::on_device_cleared;
use crate::i18n::t;
use crate::islands::Island;
use crate::routes;

/// 我的办件: drawn empty by the server (the cases are on the device), filled in
/// and refreshed once the island is live. Its links open the case pages with a full page load.
pub static MY_CASES: Island<()> = Island {
    name: "my-cases",
    view: |()| my_cases_list().into_any(),
};

/// A plain function rather than a component: the islands bundle then carries no erased view
/// type for it.
fn my_cases_list() -> impl IntoView {
    let cases = crate::browser::from_device(Vec::new(), my_cases::list);
    let refreshing = RwSignal::new(false);
    // (case number, message) for each case whose refresh failed.
    let failures = RwSignal::new(Vec::<(String, String)>::new());
    let note = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<String>);

    let refresh_all = move || {
        if refreshing.get_untracked() {
            return;
        }
        let list = my_cases::list();
        if list.is_empty() {
            return;
        }
        refreshing.set(true);
        note.set(None);
        spawn_local(async move {
            let mut failed = Vec::new();
            let mut offline = 0;
            // One at a time: a phone on a weak link gets each answer sooner.
            for case in list {
                match fetch_brief(&case.case_number, &case.query_code).await {
                    Ok((brief, json)) => my_cases::update_from_text(&brief, &json, false),
                    // No network: the row shows what the device saved, and when.
                    Err(ApiErr::Network) => {
                        offline += 1;
                        let at = case.checked_ms.map(saved_time);
                        failed.push((case.case_number.clone(), t::status_saved_at(at.as_deref())));
                    }
                    Err(e) => failed.push((case.case_number.clone(), case_error(&e))),
                }
                cases.set(my_cases::list());
            }
            let outcome = if failed.is_empty() {
                t::REFRESHED().to_string()
            } else if offline == failed.len() {
                t::MY_CASES_OFFLINE().to_string()
            } else {
                t::refresh_failed(failed.len())
            };
            // The note is a polite live region: progress found is said with the outcome.
            let news = cases.with_untracked(|c| c.iter().filter(|c| c.has_news()).count());
            note.set(Some(if news > 0 {
                format!(
                    "{}{}{}",
                    outcome.trim_end_matches(['。', '.']),
                    t::SEMI(),
                    t::news_count(news)
                )
            } else {
                outcome
            }));
            failures.set(failed);
            refreshing.set(false);
        });
    };
    // Opening /track looks at every case again, so the changed ones are marked: once the page is
    // live, so that it is taken over from the server's markup as it was sent.
    Effect::new(move |_| refresh_all());
    on_device_cleared(move || {
        cases.set(my_cases::list());
        failures.set(Vec::new());
        note.set(None);
    });

    let news = move || cases.with(|c| c.iter().filter(|c| c.has_news()).count());
    view! {
        <section class="section my-cases" aria-labelledby="my-cases-title">
            <h2 id="my-cases-title">
                {t::MY_CASES()}
                {move || (news() > 0).then(|| view! {
                    " "<span class="news-badge">{t::news_count(news())}</span>
                })}
            </h2>
            {move || if cases.with(Vec::is_empty) {
                Either::Left(view! { <p class="note">{t::MY_CASES_EMPTY()}</p> })
            } else {
                Either::Right(view! {
                    <p class="note">{t::MY_CASES_NOTE()}</p>
                    <div class="actions">
                        <button type="button" class="button secondary" disabled=move || refreshing.get()
                            on:click=move |_| refresh_all()>
                            {t::REFRESH_ALL()}
                        </button>
                    </div>
                })
            }}
            <p class="note" role="status">
                {move || if refreshing.get() { Some(t::REFRESHING().to_string()) } else { note.get() }}
            </p>
            <ul class="my-case-list">
                // Redrawn in place (a `For` would cost the island more code than 30 rows do).
                {move || cases.get().into_iter().map(|case| case_row(case, failures, confirming, cases)).collect_view()}
            </ul>
        </section>
    }
}

fn case_row(
    case: MyCase,
    failures: RwSignal<Vec<(String, String)>>,
    confirming: RwSignal<Option<String>>,
    cases: RwSignal<Vec<MyCase>>,
) -> impl IntoView {
    let number = StoredValue::new(case.case_number.clone());
    let is_confirming =
        move || confirming.with(|c| number.with_value(|n| c.as_deref() == Some(n.as_str())));
    let failure = move || {
        failures
            .with(|f| number.with_value(|n| f.iter().find(|(k, _)| k == n).map(|(_, m)| m.clone())))
    };
    let remove = move |_| {
        number.with_value(|n| my_cases::remove(n));
        confirming.set(None);
        cases.set(my_cases::list());
    };
    let label_id = format!("case-{}", case.case_number);
    let news = case.has_news();
    let href = routes::case(&case.case_number);
    view! {
        <li class="my-case" class:has-news=news>
            <a href=href class="my-case-link" id=label_id.clone()>
                <span class="my-case-service">{case.service_name}</span>
                <span class="my-case-meta">{t::CASE_NUMBER()}{t::COLON()}{case.case_number}</span>
                <span class="my-case-meta">
                    {t::STATUS()}{t::COLON()}<strong>{t::case_status(case.status)}</strong>
                    {news.then(|| view! { " "<span class="news-badge">{t::HAS_NEWS()}</span> })}
                </span>
            </a>
            {move || failure().map(|m| view! { <p class="error-message">{m}</p> })}
            {move || if is_confirming() {
                Either::Left(view! {
                    <div class="track-confirm" role="group" aria-label=t::REMOVE_CONFIRM()>
                        <p>{t::REMOVE_CONFIRM()}</p>
                        <div class="actions">
                            <button type="button" class="button danger" on:click=remove>{t::REMOVE_YES()}</button>
                            <button type="button" class="button secondary"
                                on:click=move |_| confirming.set(None)>{t::CANCEL()}</button>
                        </div>
                    </div>
                })
            } else {
                Either::Right(view! {
                    <button type="button" class="link-button remove"
                        aria-describedby=label_id.clone()
                        on:click=move |_| confirming.set(Some(number.get_value()))>
                        {t::REMOVE()}
                    </button>
                })
            }}
        </li>
    }
}
