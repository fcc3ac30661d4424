//! 办理结果: the decision with its reason, the right to appeal a refusal, and how the result
//! reaches the applicant (window: where and when, from the service guide; post: tracking number).

use contract::{CaseStatus, CaseView, Delivery};
use leptos::prelude::*;
use leptos_router::components::A;

use super::facts;
use crate::api;
use crate::components::Loading;
use crate::i18n::t;
use crate::routes;

/// The decision of a concluded case: its status, or for 已送达 the decision that was delivered.
pub fn decision(view: &CaseView) -> Option<CaseStatus> {
    match view.status {
        CaseStatus::NotAccepted | CaseStatus::Approved | CaseStatus::Refused => Some(view.status),
        CaseStatus::Delivered => view
            .timeline
            .iter()
            .rev()
            .map(|s| s.status)
            .find(|s| matches!(s, CaseStatus::Approved | CaseStatus::Refused)),
        _ => None,
    }
}

#[component]
pub fn ResultSection(view: CaseView) -> impl IntoView {
    let decided = decision(&view);
    let refusal = matches!(decided, Some(CaseStatus::NotAccepted | CaseStatus::Refused));
    let (label, note) = match decided {
        Some(CaseStatus::Approved) => (t::case_status(CaseStatus::Approved), t::APPROVED_NOTE()),
        Some(CaseStatus::Refused) => (t::case_status(CaseStatus::Refused), t::REFUSED_NOTE()),
        Some(CaseStatus::NotAccepted) => (
            t::case_status(CaseStatus::NotAccepted),
            t::NOT_ACCEPTED_NOTE(),
        ),
        _ => (t::case_status(view.status), ""),
    };
    // Only a decision (准予 / 不予许可) is handed over; 不予受理 is told at intake.
    let delivery = matches!(decided, Some(CaseStatus::Approved | CaseStatus::Refused))
        .then(|| delivery(&view));
    view! {
        <section class="section result" aria-labelledby="result-title">
            <h2 id="result-title">{t::RESULT_TITLE()}</h2>
            <p class="decision" class:refused=refusal>{label}</p>
            {(!note.is_empty()).then_some(view! { <p>{note}</p> })}
            {view.decision_reason.clone().filter(|r| !r.is_empty()).map(|r| view! {
                <p><strong>{t::DECISION_REASON()}{t::COLON()}</strong>{r}</p>
            })}
            {refusal.then(|| view! {
                <div class="appeal">
                    <h3>{t::APPEAL()}</h3>
                    <p>{t::APPEAL_REVIEW_TEXT()}</p>
                    <p>{t::APPEAL_LITIGATION_TEXT()}</p>
                </div>
            })}
            {delivery}
        </section>
    }
}

fn delivery(view: &CaseView) -> impl IntoView {
    let delivered = view.status == CaseStatus::Delivered;
    let state = if delivered {
        t::DELIVERED()
    } else {
        t::NOT_YET_DELIVERED()
    };
    let mut rows = Vec::new();
    match &view.delivery {
        Delivery::Window => rows.push((t::DELIVERY_WAY(), t::DELIVERY_WINDOW().to_string())),
        Delivery::Post {
            recipient, address, ..
        } => {
            rows.push((t::DELIVERY_WAY(), t::DELIVERY_POST().to_string()));
            rows.push((t::RECIPIENT(), recipient.clone()));
            rows.push((t::POST_ADDRESS(), address.clone()));
            rows.push((
                t::TRACKING_NUMBER(),
                view.tracking_number
                    .clone()
                    .unwrap_or_else(|| t::TRACKING_PENDING().to_string()),
            ));
        }
    }
    rows.push((t::DELIVERY_STATUS(), state.to_string()));
    // Where to collect it, until it is collected.
    let places = (matches!(view.delivery, Delivery::Window) && !delivered)
        .then(|| view! { <WindowPlaces code=view.service_code.clone()/> });
    view! {
        <h3>{t::DELIVERY_TITLE()}</h3>
        {facts("facts", rows)}
        {places}
    }
}

/// Where and when to collect the result, from the service guide.
#[component]
fn WindowPlaces(code: String) -> impl IntoView {
    let guide_href = routes::guide(&code);
    let service = LocalResource::new(move || {
        let code = code.clone();
        async move { api::service(&code).await.map(|l| l.value) }
    });
    view! {
        <div class="places">
            <p>{t::WINDOW_NOTE()}</p>
            {move || match service.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(s)) if !s.places.is_empty() => view! {
                    <ul class="place-list">
                        {s.places.into_iter().map(|p| view! {
                            <li>
                                <strong>{p.name}</strong><br/>
                                {t::PLACE_ADDRESS()}{t::COLON()}{p.address}<br/>
                                {t::PLACE_HOURS()}{t::COLON()}{p.hours}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                // No places listed, or the guide could not be loaded: point to the guide.
                Some(_) => view! {
                    <A href=guide_href.clone()>{t::SEE_GUIDE()}</A>
                }.into_any(),
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::TimelineStep;

    fn step(status: CaseStatus) -> TimelineStep {
        TimelineStep {
            status,
            department: String::new(),
            handler: String::new(),
            opinion: String::new(),
            at: contract::china_now(0),
        }
    }

    #[test]
    fn a_delivered_case_keeps_its_decision() {
        let json = include_str!("testdata/case.json");
        let mut view: CaseView = serde_json::from_str(json).unwrap();
        view.status = CaseStatus::Delivered;
        view.timeline = vec![
            step(CaseStatus::Submitted),
            step(CaseStatus::Accepted),
            step(CaseStatus::UnderReview),
            step(CaseStatus::Refused),
            step(CaseStatus::Delivered),
        ];
        assert_eq!(decision(&view), Some(CaseStatus::Refused));
        view.status = CaseStatus::Approved;
        assert_eq!(decision(&view), Some(CaseStatus::Approved));
        view.status = CaseStatus::UnderReview;
        assert_eq!(decision(&view), None);
    }
}
