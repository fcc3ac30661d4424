//! `/ask/{code}`: ask a question about a service (咨询), from its guide.

use contract::InquirySubmission;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::draft::{self, Draft};
use super::my_tickets::Kind;
use super::send::{form_end, Sending};
use crate::components::form::{ErrorSummary, TextArea};
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
    let sending = Sending::new();
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
        let (code, form) = ids.get_value();
        let d = typed.get_untracked();
        let q = InquirySubmission {
            service_code: code,
            question: d.text.trim().to_string(),
            phone: d.phone.trim().to_string(),
        };
        if !sending.checked(contract::check_inquiry(&q)) {
            return;
        }
        if let Ok(body) = serde_json::to_string(&q) {
            let title = move || service_name.get_untracked();
            let at = ("/api/inquiries", Kind::Inquiry);
            sending.send(form, at, body, title, navigate.clone());
        }
    };

    view! {
        <main id="main" class="page feedback track-page">
            <p class="case-back"><A href=routes::guide(&code)>{move || service_name.get()}</A></p>
            <h1>{t::ASK_TITLE()}</h1>
            <p class="lead">{t::ASK_INTRO()}</p>
            <ErrorSummary errors=sending.errors message=sending.message/>
            <form on:submit=submit novalidate>
                <TextArea field="question" label=t::QUESTION() hint=t::QUESTION_HINT()
                    value=Signal::derive(move || typed.with(|d| d.text.clone()))
                    on_input=edit(|d, v| d.text = v) errors=sending.errors maxlength=contract::TEXT_MAX_CHARS/>
                {form_end(typed, edit(|d, v| d.phone = v), sending, t::SEND_QUESTION)}
            </form>
        </main>
    }
}
