//! `/bundles/{id}`: one bundle's guide. The answers to its questions are in the URL (`?s=`);
//! the combined one-time list names each shared material once with the services that use it,
//! then what each service needs besides; one overall limit, then each department's own. The
//! questions and all they change are one island (`BUNDLE`); the rest is plain HTML.

use contract::bundle::{combined_list, CombinedList, Listed, Member};
use contract::{
    Bundle, BundleGuide, Material, MaterialSource, Situation, SituationOption, TimeLimit,
};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::situation::{answer, answers_form, answers_in_query, show_in_address};
use crate::api;
use crate::components::{set_title, AsyncView};
use crate::guide::parts;
use crate::i18n::t;
use crate::islands::drawn::Drawn;
use crate::islands::Island;
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
    // The answers in the address the page is drawn for; from then on the island keeps them.
    let answers = use_query_map()
        .with_untracked(|q| answers_in_query(&guide.bundle.situations, |k| q.get(k)));
    let b = &guide.bundle;
    let basis: Vec<String> = b
        .basis
        .iter()
        .map(|b| format!("{}{}", b.law, b.article))
        .collect();
    view! {
        <h1>{b.name.clone()}</h1>
        <p class="lead">{b.description.clone()}</p>
        <dl class="facts">
            <div><dt>{t::BUNDLE_LEAD_DEPARTMENT()}</dt><dd>{b.lead_department.clone()}</dd></div>
            <div><dt>{t::BASIS()}</dt><dd>{basis.join(t::SEMI())}</dd></div>
        </dl>
        {(!b.situations.is_empty()).then(|| view! { <p class="note">{t::BUNDLE_SITUATION_HINT()}</p> })}
        {BUNDLE.render(BundleProps::new(&guide, answers))}
    }
}

pub static BUNDLE: Island<BundleProps> = Island {
    name: "bundle",
    view: |props| view! { <Answered props/> }.into_any(),
};

/// What the island draws from: the bundle without what is drawn above it (name, description,
/// basis), the answers the page was drawn for, and of each service what the list shows.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BundleProps {
    bundle: Bundle,
    answers: Vec<String>,
    services: Vec<MemberService>,
}

/// A service of the bundle as its guide shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct MemberService {
    code: String,
    name: String,
    department: String,
    online_application: bool,
    materials: Vec<Listing>,
    /// Only the options with a promised limit of their own, without their texts.
    situations: Vec<Situation>,
    promised_limit: TimeLimit,
    /// The 法定时限 row.
    statutory: Drawn,
}

impl Member for MemberService {
    type Material = Listing;
    fn code(&self) -> &str {
        &self.code
    }
    fn materials(&self) -> &[Listing] {
        &self.materials
    }
    fn promised_limit_for(&self, options: &[String]) -> TimeLimit {
        contract::service::promised_limit_for(&self.situations, self.promised_limit, options)
    }
}

impl BundleProps {
    fn new(g: &BundleGuide, answers: Vec<String>) -> Self {
        let bundle = Bundle {
            name: String::new(),
            description: String::new(),
            basis: Vec::new(),
            ..g.bundle.clone()
        };
        let services = g
            .services
            .iter()
            .map(|s| MemberService {
                code: s.code.clone(),
                name: s.name.clone(),
                department: s.department.clone(),
                online_application: s.online_application,
                materials: s.materials.iter().map(Listing::new).collect(),
                situations: s
                    .situations
                    .iter()
                    .map(|q| Situation {
                        id: q.id.clone(),
                        question: String::new(),
                        options: q
                            .options
                            .iter()
                            .filter(|o| o.promised_limit.is_some())
                            .map(|o| SituationOption {
                                label: String::new(),
                                ..o.clone()
                            })
                            .collect(),
                    })
                    .filter(|q| !q.options.is_empty())
                    .collect(),
                promised_limit: s.promised_limit,
                statutory: Drawn::new(parts::statutory_limit(s)),
            })
            .collect();
        Self {
            bundle,
            answers,
            services,
        }
    }
}

/// The questions, and everything their answers change.
#[component]
fn Answered(props: BundleProps) -> impl IntoView {
    let BundleProps {
        bundle,
        answers,
        services,
    } = props;
    let answers = RwSignal::new(answers);
    let page = routes::bundle(&bundle.id, &[]);
    let fieldsets = answers_form(&page, &bundle.situations, "situation", answers.into(), {
        let bundle = bundle.clone();
        move |question: String, option: String| {
            let next = answer(
                &bundle.situations,
                &answers.get_untracked(),
                &question,
                &option,
            );
            show_in_address(&routes::bundle(&bundle.id, &next));
            answers.set(next);
        }
    });
    let data = StoredValue::new((bundle, services));
    view! {
        {fieldsets}
        {move || {
            let chosen = answers.get();
            data.with_value(|(bundle, services)| body(bundle, services, &chosen))
        }}
    }
}

fn body(bundle: &Bundle, services: &[MemberService], chosen: &[String]) -> AnyView {
    let list = combined_list(bundle, services, chosen);
    let apply = routes::bundle_apply(&bundle.id, chosen);
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
                <div><dt>{t::BUNDLE_OVERALL_LIMIT()}</dt><dd>{t::time_limit(bundle.promised_limit)}</dd></div>
                <div><dt>{t::BUNDLE_SERVICES_COUNT()}</dt><dd>{t::bundle_service_count(list.per_service.len())}</dd></div>
            </dl>
            <p class="note">{t::BUNDLE_OVERALL_NOTE()}</p>
            {if window_only.is_empty() {
                view! {
                    <div class="actions">
                        <a href=apply class="button">{t::BUNDLE_APPLY()}</a>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="notice">{t::bundle_at_window(&window_only.join(t::LIST_SEP()), &bundle.lead_department)}</p> }
                    .into_any()
            }}
        </section>
        {checklist(&list)}
        {limits(&list)}
    }
    .into_any()
}

/// A material as the island lists it: its name, and what the list says of it (form, copies,
/// whether the center fetches it, notes) drawn by the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Listing {
    id: String,
    applies_when: Vec<String>,
    name: String,
    about: Vec<Drawn>,
}

impl Listed for Listing {
    fn id(&self) -> &str {
        &self.id
    }
    fn applies_when(&self) -> &[String] {
        &self.applies_when
    }
}

impl Listing {
    fn new(m: &Material) -> Self {
        let fetched = matches!(
            m.source,
            MaterialSource::Department {
                fetched_by_center: true,
                ..
            }
        );
        let mut about = vec![Drawn::new(view! {
            <p class="material-meta">
                <span>{t::material_form(m.form)}</span>
                <span>{t::copies(m.copies)}</span>
                <span>{t::necessity(m.required)}</span>
            </p>
        })];
        if fetched {
            about.push(Drawn::new(
                view! { <p class="note good">{t::NO_NEED_TO_BRING()}</p> },
            ));
        }
        if !m.notes.is_empty() {
            about.push(Drawn::new(view! { <p class="note">{m.notes.clone()}</p> }));
        }
        Self {
            id: m.id.clone(),
            applies_when: m.applies_when.clone(),
            name: m.name.clone(),
            about,
        }
    }

    fn about(&self) -> impl IntoView {
        self.about.iter().cloned().map(Drawn::view).collect_view()
    }
}

/// 一次性告知: shared materials once, then each service's own.
fn checklist(list: &CombinedList<MemberService>) -> impl IntoView {
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
                                {e.material.about()}
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
                                    {m.about()}
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
fn limits(list: &CombinedList<MemberService>) -> impl IntoView {
    view! {
        <section id="bundle-limits" class="section" aria-labelledby="bundle-limits-title">
            <h2 id="bundle-limits-title">{t::BUNDLE_DEPARTMENT_LIMITS()}</h2>
            <ul class="bundle-services">
                {list.per_service.iter().map(|e| {
                    // Owned: the link's content is drawn later, when `e` is gone.
                    let name = e.service.name.clone();
                    view! {
                    <li>
                        <h3><a href=routes::guide(&e.service.code)>{name}</a></h3>
                        <dl class="facts">
                            <div><dt>{t::HANDLING_DEPARTMENT()}</dt><dd>{e.service.department.clone()}</dd></div>
                            <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(e.promised_limit)}</dd></div>
                            {e.service.statutory.clone().view()}
                        </dl>
                    </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
