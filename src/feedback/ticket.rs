//! `/tickets/{number}`: one question or complaint, with its number and query code, its status,
//! a complaint's reply deadline counted down like a case's, and the answer once given.

use contract::calendar::WorkCalendar;
use contract::{ComplaintStatus, ComplaintView, InquiryStatus, InquiryView, LimitUnit};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::my_tickets::{self, Kind, MyTicket};
use super::Ticket;
use crate::api::ApiErr;
use crate::components::{set_title, ErrorRetry, Loading};
use crate::i18n::t;
use crate::routes::{self, CaseParams};
use crate::today::{format_time, today_in_china};
use crate::track::countdown::{load_calendar, running, years_needed};
use crate::track::{case_error, facts};

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    NoCode,
    Failed(ApiErr),
    Ready(MyTicket, Ticket),
}

#[component]
pub fn TicketPage() -> impl IntoView {
    let number = routes::params::<CaseParams>()
        .get_untracked()
        .and_then(|p| p.number)
        .unwrap_or_default();
    let title = match Kind::of(&number) {
        Some(Kind::Complaint) => t::TICKET_TITLE_COMPLAINT(),
        _ => t::TICKET_TITLE_INQUIRY(),
    };
    set_title(title);
    let state = RwSignal::new(Load::Loading);
    let load = move || {
        let Some(mine) = my_tickets::get(&number) else {
            state.set(Load::NoCode);
            return;
        };
        state.set(Load::Loading);
        spawn_local(async move {
            match super::fetch(&mine).await {
                Ok(ticket) => {
                    my_tickets::record(&mine.ticket_number, ticket.answered(), true);
                    state.set(Load::Ready(mine, ticket));
                }
                Err(e) => state.set(Load::Failed(e)),
            }
        });
    };
    load();
    let retry = Callback::new(move |_: ()| load());
    view! {
        <main id="main" class="page feedback ticket track-page">
            <p class="case-back no-print"><A href=routes::track()>{t::BACK_TO_MY_CASES()}</A></p>
            <h1>{title}</h1>
            {move || match state.get() {
                Load::Loading => view! { <Loading/> }.into_any(),
                Load::NoCode => view! { <div class="notice"><p>{t::TICKET_NO_CODE()}</p></div> }.into_any(),
                Load::Failed(e) => view! { <ErrorRetry message=case_error(&e) on_retry=retry/> }.into_any(),
                Load::Ready(mine, ticket) => view! {
                    <div class="panel-success">
                        <p>{t::TICKET_NUMBER()}</p>
                        <p class="big-code" id="ticket-number">{mine.ticket_number.clone()}</p>
                        <p>{t::QUERY_CODE()}</p>
                        <p class="big-code" id="ticket-code">{mine.query_code.clone()}</p>
                    </div>
                    <p class="note">{t::TICKET_RECEIVED()}</p>
                    {match ticket {
                        Ticket::Inquiry(q) => inquiry(q).into_any(),
                        Ticket::Complaint(c) => view! { <Complaint c/> }.into_any(),
                    }}
                }.into_any(),
            }}
        </main>
    }
}

fn inquiry(q: InquiryView) -> impl IntoView {
    let status = match q.status {
        InquiryStatus::Open => t::NOT_ANSWERED(),
        InquiryStatus::Answered => t::ANSWERED(),
    };
    view! {
        <section class="status-card" aria-labelledby="ticket-status">
            <h2 id="ticket-status" class="status-title">{t::CURRENT_STATUS()}</h2>
            <p class=if q.answer.is_some() { "status-big done" } else { "status-big pending" }>{status}</p>
            {facts("facts", vec![
                (t::ABOUT(), q.service_name.clone()),
                (t::SUBMITTED_AT(), format_time(&q.asked_at)),
                (t::QUESTION(), q.question.clone()),
            ])}
        </section>
        {q.answer.map(|a| view! {
            <section class="section answer" aria-labelledby="answer-title">
                <h2 id="answer-title">{t::ANSWER()}</h2>
                <p>{a}</p>
                {q.answered_at.map(|at| view! { <p class="note">{format_time(&at)}</p> })}
            </section>
        })}
    }
}

#[component]
fn Complaint(c: ComplaintView) -> impl IntoView {
    let calendar = RwSignal::new(None::<WorkCalendar>);
    let due = c.due_date;
    let replied = c.status == ComplaintStatus::Replied;
    if !replied {
        let years = years_needed(today_in_china(), Some(due));
        spawn_local(async move { calendar.set(Some(load_calendar(&years).await)) });
    }
    let count = move || {
        calendar.with(|cal| {
            cal.as_ref().map(|cal| {
                let unit = LimitUnit::WorkingDays;
                running(cal.days_left(today_in_china(), due, unit), unit)
            })
        })
    };
    let class = match c.status {
        ComplaintStatus::Received => "status-big pending",
        ComplaintStatus::InProgress => "status-big running",
        ComplaintStatus::Replied => "status-big done",
    };
    view! {
        <section class="status-card" aria-labelledby="ticket-status">
            <h2 id="ticket-status" class="status-title">{t::CURRENT_STATUS()}</h2>
            <p class=class>{t::complaint_status(c.status)}</p>
            {facts("facts", vec![
                (t::ABOUT(), c.about.clone()),
                (t::CATEGORY(), t::complaint_category(c.category).to_string()),
                (t::SUBMITTED_AT(), format_time(&c.submitted_at)),
                (t::DESCRIPTION(), c.description.clone()),
                (t::REPLY_DUE(), format!("{due}{}", t::paren(&t::reply_within(c.reply_days)))),
            ])}
            {move || (!replied).then(|| count().and_then(|n| n.text().map(|text| view! {
                <p class=n.class()>{text}</p>
            }))).flatten()}
        </section>
        {c.reply.map(|r| view! {
            <section class="section answer" aria-labelledby="answer-title">
                <h2 id="answer-title">{t::REPLY()}</h2>
                <p>{r}</p>
                {c.replied_on.map(|d| view! { <p class="note">{t::REPLIED_ON()}{t::COLON()}{t::date(d)}</p> })}
            </section>
        })}
    }
}
