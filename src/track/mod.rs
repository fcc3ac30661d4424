//! 办件查询: look a case up with its number and query code, follow it on the phone, send the
//! materials staff asked for again (补正), and rate the service (好差评).
//!
//! - `/track` ([`TrackPage`]): the look-up form and "my cases" on this device ([`my_cases`]).
//! - `/track/{case_number}` ([`CasePage`]): the case, with the query code read from my cases,
//!   never from the URL.

mod case_page;
pub(crate) mod countdown;
mod list;
mod lookup;
pub mod my_cases;
mod news;
mod publication_notice;
mod rating;
mod result;
pub mod saved;
pub(crate) mod supplement;
mod timeline;
mod tracks;

pub use case_page::CasePage;
pub use lookup::TrackPage;
pub use news::CaseNews;
/// The islands of `/track`, for the islands bundle's registry.
#[cfg(feature = "hydrate")]
pub use {list::MY_CASES, lookup::LOOKUP};

use contract::{CaseLookup, CaseView};

use crate::api::{self, ApiErr};
use crate::i18n::t;

/// `POST /api/cases/lookup`.
async fn fetch_case(case_number: &str, query_code: &str) -> Result<CaseView, ApiErr> {
    let body = CaseLookup {
        case_number: case_number.to_string(),
        query_code: query_code.to_string(),
    };
    api::post("/api/cases/lookup", &body, None).await
}

/// `POST /api/cases/lookup`, reading only what my cases keep, with the answer's text (to keep
/// as the case's saved copy): for the islands of `/track`.
async fn fetch_brief(
    case_number: &str,
    query_code: &str,
) -> Result<(my_cases::CaseBrief, String), ApiErr> {
    let body = CaseLookup {
        case_number: case_number.to_string(),
        query_code: query_code.to_string(),
    };
    api::post_kept("/api/cases/lookup", &body).await
}

/// What to tell the citizen when a case call fails. A 404 is the backend's one answer for an
/// unknown number and a wrong code alike, and is worded the same here.
pub(crate) fn case_error(e: &ApiErr) -> String {
    match e {
        ApiErr::NotFound => t::CASE_NOT_FOUND().into(),
        other => other.message(),
    }
}

/// A `<dl>` of label–value rows. Every facts list on these pages goes through this one function,
/// so the wasm holds its rendering code once.
pub(crate) fn facts(
    class: &'static str,
    rows: Vec<(&'static str, String)>,
) -> impl leptos::IntoView {
    use leptos::prelude::*;
    view! {
        <dl class=class>
            {rows.into_iter().map(|(dt, dd)| view! { <div><dt>{dt}</dt><dd>{dd}</dd></div> }).collect_view()}
        </dl>
    }
}
