//! `/apply`: services that take online applications and the drafts on this device;
//! `/apply/{code}`: continue a draft of that service or start a new one.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::draft::{self, Draft};
use super::steps::Step;
use crate::components::{set_title, AsyncView, ClearDeviceData};
use crate::guide::ServiceResults;
use crate::i18n::t;
use crate::routes::{self, ServiceParams};
use crate::search::Filters;
use crate::storage::new_id;

fn drafts_resource() -> LocalResource<Result<Vec<Draft>, &'static str>> {
    LocalResource::new(|| async {
        draft::list(crate::browser::now_ms())
            .await
            .map_err(|e| e.message())
    })
}

fn draft_href(d: &Draft) -> String {
    if d.bundle_id.is_empty() {
        routes::apply_step(&d.service_code, &d.id, Step::Notice)
    } else {
        routes::bundle_apply_step(&d.bundle_id, &d.id, "notice")
    }
}

#[component]
fn DraftList(
    drafts: LocalResource<Result<Vec<Draft>, &'static str>>,
    #[prop(optional)] only: Option<String>,
    /// Says "no drafts" once the list has loaded empty, rather than showing nothing.
    #[prop(optional)]
    say_empty: bool,
) -> impl IntoView {
    let draw = move |list: Vec<Draft>| {
        let list: Vec<Draft> = list
            .into_iter()
            .filter(|d| only.as_ref().is_none_or(|c| &d.service_code == c))
            .collect();
        if list.is_empty() {
            return say_empty
                .then(|| {
                    view! {
                        <section class="section drafts" aria-labelledby="drafts-title">
                            <h2 id="drafts-title">{t::MY_DRAFTS()}</h2>
                            <p class="note">{t::NO_DRAFTS()}</p>
                        </section>
                    }
                })
                .into_any();
        }
        view! {
                <section class="section drafts" aria-labelledby="drafts-title">
                    <h2 id="drafts-title">{t::MY_DRAFTS()}</h2>
                    <ul class="service-list">
                        {list.into_iter().map(|d| {
                            let href = draft_href(&d);
                            let updated = js_sys::Date::new(&d.updated_ms.into()).to_locale_string("zh-CN", &"{}".into());
                            let doomed = d.clone();
                            view! {
                                <li class="draft-item">
                                    <A href=href attr:class="service-item">
                                        <span class="service-name">{t::CONTINUE_DRAFT()}": "{d.service_name.clone()}</span>
                                        <span class="service-meta">{t::SAVED_AT()}" "{String::from(updated)}</span>
                                    </A>
                                    <button type="button" class="link-button danger" on:click=move |_| {
                                        let confirmed = crate::browser::window()
                                            .and_then(|w| w.confirm_with_message(t::CONFIRM_DELETE_DRAFT()).ok())
                                            .unwrap_or(false);
                                        if confirmed {
                                            let d = doomed.clone();
                                            leptos::task::spawn_local(async move {
                                                draft::remove(&d).await;
                                                drafts.refetch();
                                            });
                                        }
                                    }>{t::DELETE_DRAFT()}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
            .into_any()
    };
    if say_empty {
        view! { <AsyncView resource=drafts ok=draw/> }.into_any()
    } else {
        // Beside other content the list is extra: nothing while the device is read, so the
        // server's page holds no "loading" that would vanish.
        (move || drafts.get().and_then(Result::ok).map(&draw)).into_any()
    }
}

#[component]
pub fn ApplyIndexPage() -> impl IntoView {
    set_title(t::ENTRY_APPLY());
    let drafts = drafts_resource();
    let query = RwSignal::new(String::new());
    let filters = Signal::derive(|| Filters {
        online_only: true,
        ..Default::default()
    });
    view! {
        <main id="main" class="page">
            <h1>{t::ENTRY_APPLY()}</h1>
            <DraftList drafts=drafts say_empty=true/>
            <div class="search-form" role="search">
                <label for="apply-search" class="search-label">{t::APPLY_SEARCH()}</label>
                <input id="apply-search" type="search" autocomplete="off" placeholder=t::SEARCH_PLACEHOLDER()
                    on:input=move |ev| query.set(event_target_value(&ev))/>
            </div>
            <ServiceResults query=query filters=filters href=routes::apply_start/>
            <ClearDeviceData on_cleared=Callback::new(move |_| drafts.refetch())/>
        </main>
    }
}

#[component]
pub fn ApplyStartPage() -> impl IntoView {
    let code = routes::params::<ServiceParams>()
        .get_untracked()
        .and_then(|p| p.code)
        .unwrap_or_default();
    let drafts = drafts_resource();
    let navigate = use_navigate();
    set_title(t::ENTRY_APPLY());
    let code2 = code.clone();
    let start_new = move |_| {
        let id = new_id("d");
        navigate(
            &routes::apply_step(&code2, &id, Step::Notice),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    };
    // The drafts live on the device: the server's page (and so the first paint) offers a new
    // application, and only the sentence above the button changes once drafts of this service
    // are found. The button works before they are read.
    let has_drafts = {
        let code = code.clone();
        move || {
            drafts
                .get()
                .and_then(|r| r.ok())
                .is_some_and(|l| l.iter().any(|d| d.service_code == code))
        }
    };
    view! {
        <main id="main" class="page">
            <h1>{t::ENTRY_APPLY()}</h1>
            <p>{move || if has_drafts() { t::START_OR_CONTINUE() } else { t::START_INTRO() }}</p>
            <button type="button" class="button" on:click=start_new>{t::START_NEW()}</button>
            // Below the button, so that drafts found on the device move nothing already shown.
            <DraftList drafts=drafts only=code.clone()/>
        </main>
    }
}

/// On the home page: "you have unfinished applications", so a draft is never forgotten.
#[component]
pub fn DraftBanner() -> impl IntoView {
    let drafts = drafts_resource();
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
