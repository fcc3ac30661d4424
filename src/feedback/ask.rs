//! `/ask/{code}`: ask a question about a service (咨询), from its guide.

use contract::{FieldError, InquirySubmission, TicketReceipt};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::draft::{self, Draft, Outcome};
use super::my_tickets::{self, Kind};
use crate::components::form::{focus_error_summary, ErrorSummary, Field, TextArea};
use crate::components::set_title;
use crate::i18n::t;
use crate::routes::{self, ServiceParams};

#[component]
pub fn AskPage() -> impl IntoView {
    set_title(t::ASK_TITLE());
    let code = routes::params::<ServiceParams>()
        .get_untracked()
        .and_then(|p| p.code)
        .unwrap_or_default();
    let form = format!("ask.{code}");
    let typed = RwSignal::new(draft::load(&form));
    let service_name = RwSignal::new(String::new());
    {
        let code = code.clone();
        spawn_local(async move {
            if let Ok(s) = crate::api::service(&code).await {
                service_name.set(s.value.name);
            }
        });
    }
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let form_error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let navigate = use_navigate();
    let ids = StoredValue::new((code.clone(), form.clone()));

    let edit = move |f: fn(&mut Draft, String)| {
        Callback::new(move |v: String| {
            typed.update(|d| f(d, v));
            ids.with_value(|(_, form)| draft::save_typed(form, &typed.get_untracked()));
        })
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        form_error.set(None);
        let (code, form) = ids.get_value();
        let d = typed.get_untracked();
        let q = InquirySubmission {
            service_code: code,
            question: d.text.trim().to_string(),
            phone: d.phone.trim().to_string(),
        };
        let found = contract::check_inquiry(&q);
        errors.set(found.clone());
        if !found.is_empty() {
            focus_error_summary();
            return;
        }
        let Ok(body) = serde_json::to_string(&q) else {
            return;
        };
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let outcome = draft::send::<TicketReceipt>(&form, "/api/inquiries", body).await;
            busy.set(false);
            match outcome {
                Outcome::Done(r) => {
                    let title = service_name.get_untracked();
                    my_tickets::remember(&r.ticket_number, &r.query_code, Kind::Inquiry, &title);
                    navigate(&routes::ticket(&r.ticket_number), Default::default());
                }
                Outcome::Refused(e) => {
                    errors.set(e.fields);
                    form_error.set(Some(e.message));
                    focus_error_summary();
                }
                Outcome::Failed(m) => {
                    form_error.set(Some(m));
                    focus_error_summary();
                }
            }
        });
    };

    view! {
        <main id="main" class="page feedback track-page">
            <p class="case-back"><A href=routes::guide(&code)>{move || service_name.get()}</A></p>
            <h1>{t::ASK_TITLE()}</h1>
            <p class="lead">{t::ASK_INTRO()}</p>
            <ErrorSummary errors=errors message=form_error/>
            <form on:submit=submit novalidate>
                <TextArea field="question" label=t::QUESTION() hint=t::QUESTION_HINT()
                    value=Signal::derive(move || typed.with(|d| d.text.clone()))
                    on_input=edit(|d, v| d.text = v) errors=errors maxlength=contract::TEXT_MAX_CHARS/>
                <Field field="phone" label=t::FEEDBACK_PHONE().into() hint=t::FEEDBACK_PHONE_HINT().into()
                    value=Signal::derive(move || typed.with(|d| d.phone.clone()))
                    on_input=edit(|d, v| d.phone = v) errors=errors
                    input_type="tel" inputmode="numeric" autocomplete="tel" maxlength=11/>
                <p class="note">{t::DRAFT_KEPT()}</p>
                <button type="submit" class="button wide" disabled=move || busy.get()>
                    {move || if busy.get() { t::SUBMITTING() } else { t::SEND_QUESTION() }}
                </button>
            </form>
        </main>
    }
}
