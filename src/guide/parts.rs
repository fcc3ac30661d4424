//! Pieces of a guide that the one-time list shows as well: the statutory limit, places, phones,
//! refusals, appeal.

use contract::Service;
use leptos::prelude::*;

use crate::i18n::t;

/// 法定时限 with the article that sets it beside it, so that the citizen can check it.
pub fn statutory_limit(s: &Service) -> impl IntoView {
    let citation = s.statutory_limit.citation.as_ref().map(t::set_by);
    view! {
        <div>
            <dt>{t::STATUTORY_LIMIT()}</dt>
            <dd>
                {t::time_limit(s.statutory_limit.limit)}
                {citation.map(|c| view! { <span class="citation">{c}</span> })}
            </dd>
        </div>
    }
}

pub fn places(s: &Service) -> impl IntoView {
    view! {
        <ul>
            {s.places.iter().map(|p| view! {
                <li>
                    <strong>{p.name.clone()}</strong><br/>{p.address.clone()}<br/>{p.hours.clone()}
                    {p.phone.clone().map(|tel| view! {
                        <br/>{t::PLACE_PHONE()}{t::COLON()}<a href=format!("tel:{tel}")>{tel.clone()}</a>
                    })}
                </li>
            }).collect_view()}
        </ul>
    }
}

pub fn phones(s: &Service) -> impl IntoView {
    view! {
        <dl class="facts">
            <div><dt>{t::CONSULT_PHONE()}</dt><dd><a href=format!("tel:{}", s.consult_phone)>{s.consult_phone.clone()}</a></dd></div>
            <div><dt>{t::COMPLAINT_PHONE()}</dt><dd><a href=format!("tel:{}", s.complaint_phone)>{s.complaint_phone.clone()}</a></dd></div>
        </dl>
    }
}

pub fn refusals(s: &Service) -> impl IntoView {
    view! { <ul>{s.refusal_reasons.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul> }
}

pub fn appeal(s: &Service) -> impl IntoView {
    view! {
        <dl class="facts">
            <div><dt>{t::APPEAL_REVIEW()}</dt><dd>{s.appeal.review.clone()}</dd></div>
            <div><dt>{t::APPEAL_LITIGATION()}</dt><dd>{s.appeal.litigation.clone()}</dd></div>
        </dl>
    }
}
