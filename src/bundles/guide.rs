//! `/bundles/{id}`: one bundle's guide. The answers to its questions are in the URL (`?s=`);
//! the combined one-time list names each shared material once with the services that use it,
//! then what each service needs besides; one overall limit, then each department's own. The
//! questions and all they change are one island (`BUNDLE`); the rest is plain HTML.

use contract::bundle::{combined_list, CombinedList, Listed, Member};
use contract::bundle::{BundleService, BundleSituation, SharedMaterial};
use contract::{Bundle, BundleGuide, Material, MaterialSource, TimeLimit};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::situation::{answer, answers_form, answers_in_query, show_in_address, LimitTexts};
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

/// What the island draws from: of the bundle what its questions and list need (not the name,
/// description and basis drawn above it), the answers the page was drawn for, and of each
/// service what the list shows. Limits travel as the text shown.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct BundleProps {
    id: String,
    lead_department: String,
    overall_limit: String,
    services_joined: Vec<BundleService>,
    situations: Vec<BundleSituation>,
    shared_materials: Vec<SharedMaterial>,
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
    promised_limit: LimitTexts,
    /// The 法定时限 row.
    statutory: Drawn,
}

impl Member for MemberService {
    type Material = Listing;
    type Limit = String;
    fn code(&self) -> &str {
        &self.code
    }
    fn materials(&self) -> &[Listing] {
        &self.materials
    }
    fn promised_limit_for(&self, options: &[String]) -> String {
        self.promised_limit.for_answers(options)
    }
}

impl BundleProps {
    fn new(g: &BundleGuide, answers: Vec<String>) -> Self {
        let b = &g.bundle;
        let services = g
            .services
            .iter()
            .map(|s| MemberService {
                code: s.code.clone(),
                name: s.name.clone(),
                department: s.department.clone(),
                online_application: s.online_application,
                materials: s.materials.iter().map(Listing::new).collect(),
                promised_limit: LimitTexts::of(s),
                statutory: Drawn::new(parts::statutory_limit(s)),
            })
            .collect();
        Self {
            id: b.id.clone(),
            lead_department: b.lead_department.clone(),
            overall_limit: t::time_limit(b.promised_limit),
            services_joined: b.services.clone(),
            situations: b.situations.clone(),
            shared_materials: b.shared_materials.clone(),
            answers,
            services,
        }
    }

    /// The bundle again, for the list's rules (which services an answer brings in, which
    /// materials they share). Its name, description, basis and limit are drawn outside the
    /// list's code, so they stay empty here.
    fn bundle(&self) -> Bundle {
        Bundle {
            id: self.id.clone(),
            name: String::new(),
            description: String::new(),
            basis: Vec::new(),
            lead_department: self.lead_department.clone(),
            services: self.services_joined.clone(),
            situations: self.situations.clone(),
            shared_materials: self.shared_materials.clone(),
            promised_limit: TimeLimit::NotSet,
        }
    }
}

/// The questions, and everything their answers change.
#[component]
fn Answered(props: BundleProps) -> impl IntoView {
    let bundle = props.bundle();
    let BundleProps {
        overall_limit,
        answers,
        services,
        ..
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
    let data = StoredValue::new((bundle, services, overall_limit));
    view! {
        {fieldsets}
        {move || {
            let chosen = answers.get();
            data.with_value(|(bundle, services, overall)| body(bundle, services, overall, &chosen))
        }}
    }
}

fn body(
    bundle: &Bundle,
    services: &[MemberService],
    overall_limit: &str,
    chosen: &[String],
) -> AnyView {
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
                <div><dt>{t::BUNDLE_OVERALL_LIMIT()}</dt><dd>{overall_limit.to_string()}</dd></div>
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
                            <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{e.promised_limit.clone()}</dd></div>
                            {e.service.statutory.clone().view()}
                        </dl>
                    </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
