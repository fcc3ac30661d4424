//! The guide's 预约办理: for a service that needs a visit, the way to book and the next free
//! time, read by the server like the guide itself so the page arrives with it.

use contract::appointment::{needs_visit, NextFree};
use contract::Service;
use leptos::prelude::*;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiErr};
use crate::i18n::t;
use crate::routes;

/// `GET /api/services/{code}/next-free`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct NextFreeAnswer {
    next_free: Option<NextFree>,
}

#[component]
pub fn GuideAppointment(service: Service) -> impl IntoView {
    if !needs_visit(&service) {
        return ().into_any();
    }
    let code = service.code.clone();
    let href = routes::booking(&code);
    let next = Resource::new(
        move || code.clone(),
        |code| {
            api::sendable(async move {
                api::get::<NextFreeAnswer>(&format!(
                    "/api/services/{}/next-free",
                    routes::encode(&code)
                ))
                .await
            })
        },
    );
    let line = move || {
        next.get().map(|r: Result<NextFreeAnswer, ApiErr>| match r {
            Ok(NextFreeAnswer { next_free: Some(n) }) => format!(
                "{}{}{} {}{}",
                t::NEXT_FREE(),
                t::COLON(),
                t::visit_day(n.date),
                n.start,
                t::paren(&n.place_name)
            ),
            Ok(_) => t::NO_FREE_SLOT().to_string(),
            // The booking page says what went wrong; the guide stays quiet.
            Err(_) => String::new(),
        })
    };
    view! {
        <div class="book-visit">
            <A href=href attr:class="button">{t::BOOK_VISIT()}</A>
            <Suspense fallback=|| ()>
                <p class="note next-free">{line}</p>
            </Suspense>
        </div>
    }
    .into_any()
}
