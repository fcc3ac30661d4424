//! The citizen's voice: ask about a service (咨询), complain about a case, a service or a window
//! (投诉), and see the follow-up of a bad rating on the case page (差评整改).
//!
//! - `/ask/{code}` ([`AskPage`]) from a guide; `/complain/case/{number}` from the case page,
//!   `/complain/service/{code}` from a guide ([`ComplainCasePage`], [`ComplainServicePage`]).
//!   What is typed stays on the device until the ticket is ([`draft`]).
//! - `/tickets/{number}` ([`TicketPage`]): one question or complaint; the query code comes from
//!   the device ([`my_tickets`]), listed on `/track` ([`MY_TICKETS`]) beside my cases.
//! - [`CaseFeedbackSection`] on the case page.

mod ask;
mod case_section;
mod complain;
pub(crate) mod draft;
mod list;
pub mod my_tickets;
mod send;
mod ticket;

pub use ask::AskPage;
pub use case_section::CaseFeedbackSection;
pub use complain::{ComplainCasePage, ComplainServicePage};
pub use list::MY_TICKETS;
pub use ticket::TicketPage;

use contract::{ComplaintStatus, ComplaintView, InquiryView, TicketLookup};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, ApiErr};
use crate::i18n::t;
use my_tickets::{Kind, MyTicket};

/// A question or a complaint as looked up.
#[derive(Clone, Debug, PartialEq)]
pub enum Ticket {
    Inquiry(InquiryView),
    Complaint(ComplaintView),
}

impl Ticket {
    pub fn answered(&self) -> bool {
        match self {
            Ticket::Inquiry(q) => q.answer.is_some(),
            Ticket::Complaint(c) => c.status == ComplaintStatus::Replied,
        }
    }
}

async fn look_up(kind: Kind, ticket_number: &str, query_code: &str) -> Result<Ticket, ApiErr> {
    let body = TicketLookup {
        ticket_number: ticket_number.to_string(),
        query_code: query_code.to_string(),
    };
    Ok(match kind {
        Kind::Inquiry => Ticket::Inquiry(api::post("/api/inquiries/lookup", &body, None).await?),
        Kind::Complaint => {
            Ticket::Complaint(api::post("/api/complaints/lookup", &body, None).await?)
        }
    })
}

async fn fetch(mine: &MyTicket) -> Result<Ticket, ApiErr> {
    look_up(mine.kind, &mine.ticket_number, &mine.query_code).await
}

/// What `/track` reads of a question: its service and whether it is answered (its islands need
/// no code to read the rest).
#[derive(serde::Deserialize)]
struct InquiryBrief {
    service_name: String,
    #[serde(default)]
    answer: Option<serde::de::IgnoredAny>,
}

/// …and of a complaint: what it is about and whether it is replied to.
#[derive(serde::Deserialize)]
struct ComplaintBrief {
    about: String,
    status: ComplaintStatus,
}

/// Looks a ticket up for `/track`: whether it is answered, and its title.
async fn look_up_brief(
    kind: Kind,
    ticket_number: &str,
    query_code: &str,
) -> Result<(bool, String), ApiErr> {
    let body = TicketLookup {
        ticket_number: ticket_number.to_string(),
        query_code: query_code.to_string(),
    };
    Ok(match kind {
        Kind::Inquiry => {
            let q: InquiryBrief = api::post("/api/inquiries/lookup", &body, None).await?;
            (q.answer.is_some(), q.service_name)
        }
        Kind::Complaint => {
            let c: ComplaintBrief = api::post("/api/complaints/lookup", &body, None).await?;
            (c.status == ComplaintStatus::Replied, c.about)
        }
    })
}

/// The `/track` form with a ticket number (`ZX…`, `TS…`): looks it up, remembers it on the
/// device and returns its page. `None` for a case number.
pub async fn look_up_ticket(number: &str, query_code: &str) -> Option<Result<String, ApiErr>> {
    let kind = Kind::of(number)?;
    let number = number.trim().to_ascii_uppercase();
    Some(match look_up_brief(kind, &number, query_code).await {
        Ok((answered, title)) => {
            my_tickets::remember(&number, query_code, kind, &title);
            my_tickets::record(&number, answered, false);
            Ok(crate::routes::ticket(&number))
        }
        Err(e) => Err(e),
    })
}

/// 我要咨询 and 我要投诉 on a guide: plain links, so they work in the server's HTML too.
pub fn guide_links(code: &str) -> impl IntoView {
    view! {
        <div class="actions no-print">
            <A href=crate::routes::ask(code) attr:class="button secondary">{t::ASK()}</A>
            <A href=crate::routes::complain_service(code) attr:class="button secondary">{t::COMPLAIN()}</A>
        </div>
    }
}
