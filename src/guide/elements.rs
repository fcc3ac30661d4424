//! The national guide elements beyond the ten public items: codes and levels, intermediary
//! services, special procedures, online depth, scope, appointments, payment and progress,
//! and each material's specification, acceptance standard, blank form and sample. Each is
//! shown only when the catalog states it.

use contract::{Material, MaterialSource, QuantityLimit, Service};
use leptos::prelude::*;

use crate::i18n::t;

/// A link to a document the backend serves, not a page of the app: `rel="external"` keeps
/// the router from taking it over.
fn doc_link(href: String, label: &'static str) -> impl IntoView {
    view! { <a class="doc-link" href=href rel="external">{label}</a> }
}

/// 规格, 受理标准 and the blank form and sample of one material. What the center fetches
/// itself is not prepared by the citizen: no specification to meet.
pub fn material_details(m: &Material) -> impl IntoView {
    let fetched = matches!(
        m.source,
        MaterialSource::Department {
            fetched_by_center: true,
            ..
        }
    );
    let spec = (!fetched && !m.spec.is_empty()).then(|| m.spec.clone());
    let acceptance = (!fetched && !m.acceptance.is_empty()).then(|| m.acceptance.clone());
    view! {
        {spec.map(|v| view! { <span class="note">{t::SPEC()}{t::COLON()}{v}</span> })}
        {acceptance.map(|v| view! { <span class="note">{t::ACCEPTANCE()}{t::COLON()}{v}</span> })}
        {(m.blank_form.is_some() || m.sample.is_some()).then(|| view! {
            <span class="doc-links">
                {m.blank_form.clone().map(|h| doc_link(h, t::BLANK_FORM()))}
                {m.sample.clone().map(|h| doc_link(h, t::SAMPLE()))}
            </span>
        })}
    }
}

/// Rows of the summary card: where it can be done and whether a visit can be booked.
pub fn summary_rows(s: &Service) -> impl IntoView {
    view! {
        {s.scope.map(|sc| view! { <div><dt>{t::SCOPE()}</dt><dd>{t::scope(sc)}</dd></div> })}
        {s.takes_appointments.then(|| view! { <div><dt>{t::APPOINTMENT()}</dt><dd>{t::APPOINTMENT_YES()}</dd></div> })}
    }
}

/// 实施编码 / 基本编码, 行使层级 and 数量限制, beside the other facts of the item.
pub fn identity_facts(s: &Service) -> impl IntoView {
    let levels = s
        .levels
        .iter()
        .map(|l| t::level(*l))
        .collect::<Vec<_>>()
        .join(t::LIST_SEP());
    let quantity = s.quantity_limit.as_ref().map(|q| match q {
        QuantityLimit::None => t::NO_QUANTITY_LIMIT().to_string(),
        QuantityLimit::Limited { description } => description.clone(),
    });
    view! {
        <div><dt>{t::IMPL_CODE()}</dt><dd>{s.code.clone()}</dd></div>
        {s.base_code.clone().map(|c| view! { <div><dt>{t::BASE_CODE()}</dt><dd>{c}</dd></div> })}
        {(!levels.is_empty()).then(|| view! { <div><dt>{t::LEVELS()}</dt><dd>{levels}</dd></div> })}
        {quantity.map(|q| view! { <div><dt>{t::QUANTITY_LIMIT()}</dt><dd>{q}</dd></div> })}
    }
}

/// 特别程序 with their own limits, under the limits they are not counted in.
pub fn special_procedures(s: &Service) -> impl IntoView {
    (!s.special_procedures.is_empty()).then(|| {
        view! {
            <h3>{t::SPECIAL_PROCEDURES()}</h3>
            <ul class="special-procedures">
                {s.special_procedures.iter().map(|p| {
                    let basis = p.basis.as_ref().map(t::set_by);
                    view! {
                        <li>
                            <strong>{p.name.clone()}</strong>{t::COLON()}{t::time_limit(p.limit)}{basis}
                            {(!p.note.is_empty()).then(|| view! { <p class="note">{p.note.clone()}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// 中介服务, each with who provides it, its time and its fee, beside the fees.
pub fn intermediaries(s: &Service) -> impl IntoView {
    (!s.intermediaries.is_empty()).then(|| {
        view! {
            <section id="intermediaries" class="section">
                <h2>{t::INTERMEDIARIES()}</h2>
                <ul>
                    {s.intermediaries.iter().map(|i| {
                        let basis = i.basis.as_ref().map(t::set_by);
                        view! {
                            <li>
                                <p><strong>{i.name.clone()}</strong>{basis}</p>
                                <p class="note">{t::INTERMEDIARY_PROVIDER()}{t::COLON()}{i.provider.clone()}</p>
                                {i.time_limit.map(|l| view! { <p class="note">{t::INTERMEDIARY_TIME()}{t::COLON()}{t::time_limit(l)}</p> })}
                                {i.fee.clone().map(|f| view! { <p class="note">{t::INTERMEDIARY_FEE()}{t::COLON()}{f}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// 网办深度 and how the progress can be followed, under the process.
pub fn online_and_progress(s: &Service) -> impl IntoView {
    let progress = s
        .progress
        .iter()
        .map(|p| t::progress_channel(*p))
        .collect::<Vec<_>>()
        .join(t::SEMI());
    view! {
        <dl class="facts">
            {s.online_depth.map(|d| view! { <div><dt>{t::ONLINE_DEPTH()}</dt><dd>{t::online_depth(d)}</dd></div> })}
            {(!progress.is_empty()).then(|| view! { <div><dt>{t::PROGRESS()}</dt><dd>{progress}</dd></div> })}
        </dl>
    }
}

/// The result's sample, beside its name.
pub fn result_sample(s: &Service) -> impl IntoView {
    s.result
        .sample
        .clone()
        .map(|h| view! { <p>{doc_link(h, t::RESULT_SAMPLE())}</p> })
}
