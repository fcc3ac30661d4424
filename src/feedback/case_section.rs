//! On the case page, for its owner: the follow-up of a bad rating (差评整改), the complaints
//! about the case, and the way to complain about it.

use contract::{CaseFeedback, CaseLookup, ComplaintView, FollowUpView};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::my_tickets;
use crate::i18n::t;
use crate::routes;
use crate::track::facts;

#[component]
pub fn CaseFeedbackSection(case_number: String, query_code: String) -> impl IntoView {
    let feedback = RwSignal::new(CaseFeedback::default());
    let complain = routes::complain_case(&case_number);
    spawn_local(async move {
        let body = CaseLookup {
            case_number,
            query_code,
        };
        // Nothing to add when it cannot be read: the case itself is on the page already.
        if let Ok(f) = crate::api::post::<_, CaseFeedback>("/api/cases/feedback", &body, None).await
        {
            feedback.set(f);
        }
    });
    view! {
        {move || feedback.with(|f| f.follow_up.clone()).map(follow_up)}
        <section class="section" aria-labelledby="case-complaints-title">
            <h2 id="case-complaints-title">{t::CASE_COMPLAINTS()}</h2>
            <ul class="plain">
                {move || feedback.with(|f| f.complaints.clone()).into_iter().map(complaint).collect_view()}
            </ul>
            <A href=complain attr:class="button secondary no-print">{t::COMPLAIN_CASE()}</A>
        </section>
    }
}

fn follow_up(f: FollowUpView) -> impl IntoView {
    let mut rows = vec![
        (t::STATUS(), t::follow_up_status(f.status).to_string()),
        (t::FOLLOW_UP_DUE(), t::date(f.due_date)),
    ];
    if let Some(note) = f.contact_note.clone() {
        rows.push((t::FOLLOW_UP_CONTACT(), note));
    }
    if let Some(note) = f.rectification.clone() {
        rows.push((t::FOLLOW_UP_RECTIFICATION(), note));
    }
    view! {
        <section class="section follow-up" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">{t::FOLLOW_UP_TITLE()}</h2>
            {(f.contact_note.is_none()).then(|| view! {
                <p>{t::FOLLOW_UP_OPEN()}{t::follow_up_within(f.limit_days)}</p>
            })}
            {facts("facts", rows)}
        </section>
    }
}

fn complaint(c: ComplaintView) -> impl IntoView {
    let text = format!(
        "{} · {} · {}",
        c.ticket_number,
        t::complaint_category(c.category),
        t::complaint_status(c.status)
    );
    // A complaint sent from this device opens its own page; others are listed only.
    match my_tickets::get(&c.ticket_number) {
        Some(_) => {
            view! { <li><A href=routes::ticket(&c.ticket_number)>{text}</A></li> }.into_any()
        }
        None => view! { <li>{text}</li> }.into_any(),
    }
}
