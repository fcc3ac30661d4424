//! `/bundles/{id}`: one bundle's guide. The answers to its questions are in the URL (`?s=`);
//! the combined one-time list names each shared material once with the services that use it,
//! then what each service needs besides; one overall limit, then each department's own.

use contract::bundle::{combined_list, CombinedList};
use contract::{BundleGuide, Material, MaterialSource};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::situation::{answer, parse_answers, question_fieldsets};
use crate::api;
use crate::components::{set_title, AsyncView};
use crate::guide::parts;
use crate::i18n::t;
use crate::routes::{self, BundleParams};

#[component]
pub fn BundleGuidePage() -> impl IntoView {
    let params = routes::params::<BundleParams>();
    let resource = Resource::new(
        move || params.get().and_then(|p| p.id).unwrap_or_default(),
        |id| api::sendable(async move { api::bundle(&id).await }),
    );
    view! {
        <main id="main" class="page bundle-guide">
            <AsyncView resource=resource page=true ok=|g: BundleGuide| {
                set_title(&g.bundle.name);
                view! { <Guide guide=g/> }
            }/>
        </main>
    }
}

#[component]
fn Guide(guide: BundleGuide) -> impl IntoView {
    let guide = StoredValue::new(guide);
    let query = use_query_map();
    let navigate = use_navigate();
    let answers = Memo::new(move |_| {
        let raw = query.with(|q| q.get("s").unwrap_or_default());
        guide.with_value(|g| parse_answers(&g.bundle.situations, &raw))
    });
    let choose = move |question: String, option: String| {
        let path = guide.with_value(|g| {
            let next = answer(
                &g.bundle.situations,
                &answers.get_untracked(),
                &question,
                &option,
            );
            routes::bundle(&g.bundle.id, &next)
        });
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let (name, description, lead, basis) = guide.with_value(|g| {
        let basis: Vec<String> = g
            .bundle
            .basis
            .iter()
            .map(|b| format!("{}{}", b.law, b.article))
            .collect();
        (
            g.bundle.name.clone(),
            g.bundle.description.clone(),
            g.bundle.lead_department.clone(),
            basis.join(t::SEMI()),
        )
    });
    let questions = guide.with_value(|g| g.bundle.situations.clone());
    view! {
        <h1>{name}</h1>
        <p class="lead">{description}</p>
        <dl class="facts">
            <div><dt>{t::BUNDLE_LEAD_DEPARTMENT()}</dt><dd>{lead}</dd></div>
            <div><dt>{t::BASIS()}</dt><dd>{basis}</dd></div>
        </dl>
        {(!questions.is_empty()).then(|| view! { <p class="note">{t::BUNDLE_SITUATION_HINT()}</p> })}
        {question_fieldsets(&questions, "situation", answers, choose)}
        {move || {
            let chosen = answers.get();
            guide.with_value(|g| body(g, &chosen))
        }}
    }
}

fn body(g: &BundleGuide, chosen: &[String]) -> AnyView {
    let list = combined_list(&g.bundle, &g.services, chosen);
    let apply = routes::bundle_apply(&g.bundle.id, chosen);
    // Online only when every service that applies takes online applications.
    let window_only: Vec<String> = list
        .per_service
        .iter()
        .filter(|e| !e.service.online_application)
        .map(|e| e.service.name.clone())
        .collect();
    view! {
        <section class="summary-card" aria-label=t::OVERVIEW()>
            <dl>
                <div><dt>{t::BUNDLE_OVERALL_LIMIT()}</dt><dd>{t::time_limit(g.bundle.promised_limit)}</dd></div>
                <div><dt>{t::BUNDLE_SERVICES_COUNT()}</dt><dd>{t::bundle_service_count(list.per_service.len())}</dd></div>
            </dl>
            <p class="note">{t::BUNDLE_OVERALL_NOTE()}</p>
            {if window_only.is_empty() {
                view! {
                    <div class="actions">
                        <A href=apply attr:class="button">{t::BUNDLE_APPLY()}</A>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="notice">{t::bundle_at_window(&window_only.join(t::LIST_SEP()), &g.bundle.lead_department)}</p> }
                    .into_any()
            }}
        </section>
        {checklist(&list)}
        {limits(&list)}
    }
    .into_any()
}

fn material_meta(m: &Material) -> impl IntoView {
    let fetched = matches!(
        m.source,
        MaterialSource::Department {
            fetched_by_center: true,
            ..
        }
    );
    view! {
        <p class="material-meta">
            <span>{t::material_form(m.form)}</span>
            <span>{t::copies(m.copies)}</span>
            <span>{t::necessity(m.required)}</span>
        </p>
        {fetched.then(|| view! { <p class="note good">{t::NO_NEED_TO_BRING()}</p> })}
        {(!m.notes.is_empty()).then(|| view! { <p class="note">{m.notes.clone()}</p> })}
    }
}

/// 一次性告知: shared materials once, then each service's own.
fn checklist(list: &CombinedList) -> impl IntoView {
    view! {
        <section id="bundle-materials" class="section" aria-labelledby="bundle-materials-title">
            <h2 id="bundle-materials-title">{t::BUNDLE_CHECKLIST()}</h2>
            {(!list.shared.is_empty()).then(|| view! {
                <h3>{t::BUNDLE_SHARED()}</h3>
                <ul class="materials bundle-shared">
                    {list.shared.iter().map(|e| {
                        let users: Vec<String> = e.services.iter().map(|s| s.name.clone()).collect();
                        view! {
                            <li class="material">
                                <p class="material-name">{e.shared.name.clone()}</p>
                                {material_meta(e.material)}
                                <p class="used-for">{t::BUNDLE_USED_FOR()}{t::COLON()}{users.join(t::LIST_SEP())}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {list.per_service.iter().map(|e| view! {
                <h3>{e.service.name.clone()}</h3>
                {if e.materials.is_empty() {
                    view! { <p class="note">{t::BUNDLE_NO_OTHER()}</p> }.into_any()
                } else {
                    view! {
                        <ul class="materials">
                            {e.materials.iter().map(|m| view! {
                                <li class="material">
                                    <p class="material-name">{m.name.clone()}</p>
                                    {material_meta(m)}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            }).collect_view()}
        </section>
    }
}

/// Each department's own limits, with a link to the service's own guide.
fn limits(list: &CombinedList) -> impl IntoView {
    view! {
        <section id="bundle-limits" class="section" aria-labelledby="bundle-limits-title">
            <h2 id="bundle-limits-title">{t::BUNDLE_DEPARTMENT_LIMITS()}</h2>
            <ul class="bundle-services">
                {list.per_service.iter().map(|e| {
                    // Owned: the link's content is drawn later, when `e` is gone.
                    let name = e.service.name.clone();
                    view! {
                    <li>
                        <h3><A href=routes::guide(&e.service.code)>{name}</A></h3>
                        <dl class="facts">
                            <div><dt>{t::HANDLING_DEPARTMENT()}</dt><dd>{e.service.department.clone()}</dd></div>
                            <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(e.promised_limit)}</dd></div>
                            {parts::statutory_limit(e.service)}
                        </dl>
                    </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
