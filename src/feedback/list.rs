//! 我的咨询与投诉 on `/track`, below my cases: every ticket on this device, looked up again when
//! the page opens so that a new answer shows as 有新答复.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::my_tickets::{self, Kind};
use crate::i18n::t;
use crate::islands::Island;
use crate::routes;

/// 我的咨询与投诉 on `/track`: drawn empty by the server, filled in from the device once live.
pub static MY_TICKETS: Island<()> = Island {
    name: "my-tickets",
    view: |()| my_tickets_list().into_any(),
};

/// A plain function rather than a component: the islands bundle then carries no erased view
/// type for it.
fn my_tickets_list() -> impl IntoView {
    let tickets = crate::browser::from_device(Vec::new(), my_tickets::list);
    // Once the page is live (the server's markup has no device data).
    Effect::new(move |_| {
        let list = my_tickets::list();
        spawn_local(async move {
            for mine in list {
                let found =
                    super::look_up_brief(mine.kind, &mine.ticket_number, &mine.query_code).await;
                if let Ok((answered, _)) = found {
                    my_tickets::record(&mine.ticket_number, answered, false);
                    tickets.set(my_tickets::list());
                }
            }
        });
    });
    crate::components::on_device_cleared(move || tickets.set(my_tickets::list()));
    view! {
        <section class="section my-cases" aria-labelledby="my-tickets-title">
            <h2 id="my-tickets-title">{t::MY_TICKETS()}</h2>
            {move || tickets.with(Vec::is_empty).then(|| view! { <p class="note">{t::MY_TICKETS_EMPTY()}</p> })}
            <ul class="my-case-list">
                // Redrawn in place (a `For` would cost the island more code than 30 rows do).
                {move || tickets.get().into_iter().map(row).collect_view()}
            </ul>
        </section>
    }
}

fn row(ticket: my_tickets::MyTicket) -> impl IntoView {
    let news = ticket.has_news();
    view! {
        <li class="my-case" class:has-news=news>
            <a href=routes::ticket(&ticket.ticket_number) class="my-case-link">
                <span class="my-case-service">
                    {match ticket.kind { Kind::Inquiry => t::ASK_TITLE(), Kind::Complaint => t::COMPLAIN_TITLE() }}
                    " · "{ticket.title.clone()}
                </span>
                <span class="my-case-meta">{t::TICKET_NUMBER()}{t::COLON()}{ticket.ticket_number.clone()}</span>
                <span class="my-case-meta">
                    {t::STATUS()}{t::COLON()}<strong>{if ticket.answered { t::ANSWERED() } else { t::NOT_ANSWERED() }}</strong>
                    {news.then(|| view! { " "<span class="news-badge">{t::HAS_NEWS()}</span> })}
                </span>
            </a>
        </li>
    }
}
