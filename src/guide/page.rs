//! `/services/{code}`: the whole guide, summary card first, every section linkable.

use contract::{MaterialSource, Service};
use leptos::prelude::*;
use leptos_router::components::A;

use super::{elements, parts};
use crate::components::ServicePage;
use crate::i18n::t;
use crate::performance::PerformanceLine;
use crate::routes;

#[component]
pub fn GuidePage() -> impl IntoView {
    view! { <ServicePage class="guide" title_suffix="" render=|s| guide(s).into_any()/> }
}

fn guide(s: Service) -> impl IntoView {
    let fee_summary = if s.fees.is_empty() {
        t::FREE().to_string()
    } else {
        s.fees
            .iter()
            .map(|f| match situation_labels(&s, &f.applies_when) {
                Some(when) => format!("{}{}", f.standard, t::paren(&when)),
                None => f.standard.clone(),
            })
            .collect::<Vec<_>>()
            .join(t::SEMI())
    };
    let apply_href = routes::apply_start(&s.code);
    let checklist_href = routes::checklist(&s.code, &[]);
    view! {
        <h1>{s.name.clone()}</h1>
        <p class="lead">{s.department_en.clone().unwrap_or_else(|| s.department.clone())}</p>
        <section class="summary-card" aria-label=t::OVERVIEW()>
            <dl>
                <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(s.promised_limit)}</dd></div>
                <div><dt>{t::FEE()}</dt><dd>{fee_summary}</dd></div>
                <div><dt>{t::VISITS()}</dt><dd>{t::visits(s.visits_required)}</dd></div>
                <div><dt>{t::ONLINE()}</dt><dd>{if s.online_application { t::ONLINE_YES() } else { t::ONLINE_NO() }}</dd></div>
                {elements::summary_rows(&s)}
            </dl>
            <div class="actions">
                {s.online_application.then(|| view! { <A href=apply_href attr:class="button">{t::APPLY_ONLINE()}</A> })}
                <A href=checklist_href attr:class="button secondary">{t::VIEW_CHECKLIST()}</A>
            </div>
            <crate::appointment::GuideAppointment service=s.clone()/>
        </section>
        <PerformanceLine code=s.code.clone()/>
        <crate::bundles::GuideBundles code=s.code.clone()/>
        <nav class="toc" aria-label=t::CONTENTS()>
            <a href="#materials">{t::MATERIALS()}</a>
            <a href="#conditions">{t::CONDITIONS()}</a>
            <a href="#limits">{t::PROMISED_LIMIT()}</a>
            <a href="#fees">{t::FEES()}</a>
            <a href="#process">{t::PROCESS()}</a>
            <a href="#places">{t::PLACES()}</a>
            <a href="#contacts">{t::CONTACTS()}</a>
            <a href="#appeal">{t::APPEAL()}</a>
        </nav>
        {materials_section(&s)}
        {sections(s)}
    }
}

/// Which situation answers something belongs to, in words; `None` when it always applies.
fn situation_labels(s: &Service, ids: &[String]) -> Option<String> {
    (!ids.is_empty()).then(|| {
        s.situations
            .iter()
            .flat_map(|q| &q.options)
            .filter(|o| ids.contains(&o.id))
            .map(|o| o.label.clone())
            .collect::<Vec<_>>()
            .join(t::LIST_SEP())
    })
}

fn materials_section(s: &Service) -> impl IntoView {
    let situation_label = |ids: &[String]| situation_labels(s, ids);
    view! {
        <section id="materials" class="section">
            <h2>{t::MATERIALS()}</h2>
            <ol class="materials">
                {s.materials.iter().map(|m| {
                    let fetched = matches!(m.source, MaterialSource::Department { fetched_by_center: true, .. });
                    let source = match &m.source {
                        MaterialSource::Applicant => t::SOURCE_APPLICANT().to_string(),
                        MaterialSource::Department { issuer, .. } => t::issued_by(issuer),
                    };
                    view! {
                        <li class="material">
                            <p class="material-name">{m.name.clone()}</p>
                            <p class="material-meta">
                                <span>{t::material_form(m.form)}</span>
                                <span>{t::copies(m.copies)}</span>
                                <span>{t::necessity(m.required)}</span>
                                <span>{source}</span>
                            </p>
                            {situation_label(&m.applies_when).map(|l| view! { <p class="note">{t::APPLIES_WHEN()}{t::COLON()}{l}</p> })}
                            {fetched.then(|| view! { <p class="note good">{t::NO_NEED_TO_BRING()}</p> })}
                            {(!m.notes.is_empty()).then(|| view! { <p class="note">{m.notes.clone()}</p> })}
                            <p class="material-details">{elements::material_details(m)}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

fn list(items: Vec<String>) -> impl IntoView {
    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

fn sections(s: Service) -> impl IntoView {
    let basis: Vec<String> = s
        .legal_basis
        .iter()
        .map(|b| format!("{}{}", b.law, b.article))
        .collect();
    view! {
        <section id="conditions" class="section">
            <h2>{t::CONDITIONS()}</h2>
            {list(s.conditions.clone())}
        </section>
        <section id="limits" class="section">
            <h2>{t::PROMISED_LIMIT()}</h2>
            <dl class="facts">
                <div><dt>{t::CASE_TYPE()}</dt><dd>{t::case_type(s.case_type)}</dd></div>
                {parts::statutory_limit(&s)}
                <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(s.promised_limit)}</dd></div>
            </dl>
            {(!s.limit_note.is_empty()).then(|| view! { <p class="note">{s.limit_note.clone()}</p> })}
            {elements::special_procedures(&s)}
        </section>
        <section id="fees" class="section">
            <h2>{t::FEES()}</h2>
            {if s.fees.is_empty() {
                view! { <p class="fee-free">{t::FREE()}</p> }.into_any()
            } else {
                view! {
                    <ul class="fees">
                        {s.fees.iter().map(|f| {
                            let basis: Vec<String> = f.basis.iter().map(|b| format!("{}{}", b.law, b.article)).collect();
                            view! {
                                <li>
                                    <p><strong>{f.item.clone()}</strong>{t::COLON()}{f.standard.clone()}</p>
                                    <p class="note">{t::BASIS()}{t::COLON()}{basis.join(t::SEMI())}</p>
                                    {(!f.reductions.is_empty()).then(|| view! { <p class="note">{t::REDUCTIONS()}{t::COLON()}{f.reductions.clone()}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(s.online_payment && !s.fees.is_empty()).then(|| view! { <p class="note good">{t::ONLINE_PAYMENT_YES()}</p> })}
        </section>
        {elements::intermediaries(&s)}
        <section id="process" class="section">
            <h2>{t::PROCESS()}</h2>
            <ol class="steps">
                {s.steps.iter().map(|st| view! { <li><strong>{st.name.clone()}</strong>{t::COLON()}{st.description.clone()}</li> }).collect_view()}
            </ol>
            {elements::online_and_progress(&s)}
        </section>
        <section id="places" class="section">
            <h2>{t::PLACES()}</h2>
            {parts::places(&s)}
        </section>
        <section id="contacts" class="section">
            <h2>{t::CONTACTS()}</h2>
            {parts::phones(&s)}
            {crate::feedback::guide_links(&s.code)}
        </section>
        <section id="result" class="section">
            <h2>{t::RESULT()}</h2>
            <p>{s.result.name.clone()}{t::paren(&s.result.kind)}</p>
            {elements::result_sample(&s)}
            {contract::publication::decisions_published(&s).then(|| view! {
                <p class="note publication-line">
                    {t::GUIDE_DECISIONS_PUBLISHED()}" "
                    <A href=routes::service_publications(&s.code)>{t::GUIDE_SEE_PUBLICATIONS()}</A>
                </p>
            })}
        </section>
        <section id="basis" class="section">
            <h2>{t::LEGAL_BASIS()}</h2>
            {list(basis)}
            <dl class="facts">
                <div><dt>{t::KIND()}</dt><dd>{t::kind(s.kind)}</dd></div>
                {elements::identity_facts(&s)}
                <div><dt>{t::DEPARTMENT()}</dt><dd>{s.department_en.clone().unwrap_or_else(|| s.department.clone())}</dd></div>
                {s.delegated_department.clone().map(|d| view! { <div><dt>{t::DELEGATED()}</dt><dd>{d}</dd></div> })}
                <div><dt>{t::AUDIENCE()}</dt><dd>{s.audience.iter().map(|a| t::audience(*a)).collect::<Vec<_>>().join(t::LIST_SEP())}</dd></div>
                <div><dt>{t::CHANNELS()}</dt><dd>{s.channels.iter().map(|c| t::channel(*c)).collect::<Vec<_>>().join(t::LIST_SEP())}</dd></div>
            </dl>
        </section>
        {(!s.faq.is_empty()).then(|| view! {
            <section id="faq" class="section">
                <h2>{t::FAQ()}</h2>
                {s.faq.iter().map(|f| view! {
                    <details><summary>{f.question.clone()}</summary><p>{f.answer.clone()}</p></details>
                }).collect_view()}
            </section>
        })}
        <section id="refusal" class="section">
            <h2>{t::REFUSAL()}</h2>
            {parts::refusals(&s)}
        </section>
        <section id="appeal" class="section">
            <h2>{t::APPEAL()}</h2>
            {parts::appeal(&s)}
        </section>
        <p class="version">{t::VERSION()}" "{s.version.clone()}" · "{t::UPDATED()}" "{t::date(s.updated)}</p>
    }
}
