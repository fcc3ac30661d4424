//! `/apply/done/{number}`: the case number and query code, what happens next, a printable receipt.

use leptos::prelude::*;
use leptos_router::components::A;

use super::receipt;
use crate::components::{set_title, NotFound};
use crate::i18n::t;
use crate::routes::{self, CaseParams};

#[component]
pub fn DonePage() -> impl IntoView {
    let number = routes::params::<CaseParams>()
        .get_untracked()
        .and_then(|p| p.number)
        .unwrap_or_default();
    let Some(r) = receipt::find(&number) else {
        return view! { <NotFound/> }.into_any();
    };
    // Shown from memory when the device could not store it: then the codes must be noted now.
    let on_device = receipt::on_device(&r.case_number);
    set_title(t::SUBMITTED_TITLE());
    let track_link = format!(
        "{}{}",
        crate::browser::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default(),
        routes::track_lookup(&r.case_number)
    );
    let qr = format!(
        "{}/api/qr.svg?text={}",
        crate::config::api_base(),
        crate::routes::encode(&track_link)
    );
    let print = |_| {
        if let Some(w) = crate::browser::window() {
            let _ = w.print();
        }
    };
    view! {
        <main id="main" class="page done">
            <div class="panel-success">
                <h1>{t::SUBMITTED_TITLE()}</h1>
                <p>{t::CASE_NUMBER()}</p>
                <p class="big-code" id="case-number">{r.case_number.clone()}</p>
                <p>{t::QUERY_CODE()}</p>
                <p class="big-code" id="query-code">{r.query_code.clone()}</p>
            </div>
            {r.edits_left_out.then(|| view! { <p class="notice">{t::EDITS_LEFT_OUT()}</p> })}
            <p class="notice">{if on_device { t::KEEP_CODES() } else { t::RECEIPT_NOT_SAVED() }}</p>
            <h2>{t::WHAT_NEXT()}</h2>
            <p>{t::what_next(&r.service_name, r.promised_limit)}</p>
            <dl class="facts">
                <div><dt>{t::SUBMITTED_AT()}</dt><dd>{crate::today::format_time(&r.submitted_at)}</dd></div>
                <div><dt>{t::PROMISED_LIMIT()}</dt><dd>{t::time_limit(r.promised_limit)}</dd></div>
            </dl>
            <img class="qr" src=qr alt=t::TRACK_QR_ALT() width="160" height="160"/>
            <div class="actions no-print">
                <A href=routes::case(&r.case_number) attr:class="button">{t::ENTRY_TRACK()}</A>
                <button type="button" class="button secondary" on:click=print>{t::PRINT_RECEIPT()}</button>
            </div>
        </main>
    }
    .into_any()
}
