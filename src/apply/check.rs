//! 核对信息: every answer with a change link, then one submission that can be retried safely.

use contract::{FieldError, SubmitReceipt};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::draft;
use super::materials::uploadable;
use super::page::ApplyCtx;
use super::receipt::{self, Receipt};
use super::steps::{all_errors, Step};
use crate::api::{self, ApiErr};
use crate::components::form::{focus_error_summary, ErrorSummary};
use crate::i18n::t;
use crate::routes;
use crate::storage::uploads::{self, UploadStatus};
use crate::today::today_in_china;

fn row(label: String, value: String, change: String) -> impl IntoView {
    view! {
        <div class="check-row">
            <dt>{label.clone()}</dt>
            <dd>{value}</dd>
            <dd class="change"><a href=change>{t::CHANGE}<span class="visually-hidden">{label}</span></a></dd>
        </div>
    }
}

pub fn check() -> impl IntoView {
    let ctx = expect_context::<ApplyCtx>();
    let navigate = use_navigate();
    let submitting = RwSignal::new(false);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let server_errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let errors = Signal::derive(move || {
        let d = ctx.draft.get();
        let mut e = ctx.service.with_value(|s| {
            ctx.form
                .with_value(|f| all_errors(&d, s, f, today_in_china()))
        });
        e.extend(server_errors.get());
        e
    });
    // Upload progress over all pages: submission waits until every page is on the server.
    let upload_state = move || {
        let pages = ctx.draft.with(|d| d.pages.clone());
        let done = pages
            .iter()
            .filter(|p| {
                matches!(
                    uploads::status(&p.photo_id),
                    Some(UploadStatus::Done { .. })
                )
            })
            .count();
        let refused = pages.iter().any(|p| {
            matches!(
                uploads::status(&p.photo_id),
                Some(UploadStatus::Failed {
                    permanent: true,
                    ..
                }) | None
            )
        });
        (done, pages.len(), refused)
    };
    let submit = move |_| {
        if submitting.get_untracked() {
            return;
        }
        let (done, total, _) = upload_state();
        if done < total || !errors.get_untracked().is_empty() {
            focus_error_summary();
            return;
        }
        submitting.set(true);
        problem.set(None);
        let d = ctx.draft.get_untracked();
        let app = d.to_application(|photo| match uploads::status(photo) {
            Some(UploadStatus::Done { upload_id }) => Some(upload_id),
            _ => None,
        });
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let result: Result<SubmitReceipt, ApiErr> =
                api::post("/api/applications", &app, Some(&d.idempotency_key)).await;
            match result {
                Ok(r) => {
                    let number = r.case_number.clone();
                    receipt::keep(&Receipt::new(&r, &d.service_code, &d.service_name));
                    crate::track::my_cases::remember(
                        &r.case_number,
                        &r.query_code,
                        &d.service_name,
                        contract::CaseStatus::Submitted,
                    );
                    draft::remove(&d).await;
                    navigate(&routes::apply_done(&number), Default::default());
                }
                Err(ApiErr::Rejected(e)) => {
                    server_errors.set(e.fields.clone());
                    problem.set(Some(e.message));
                    submitting.set(false);
                    focus_error_summary();
                }
                Err(e) => {
                    problem.set(Some(format!("{}{}", e.message(), t::SUBMIT_SAFE_RETRY)));
                    submitting.set(false);
                    focus_error_summary();
                }
            }
        });
    };
    let d = ctx.draft.get_untracked();
    let href = |s: Step| ctx.href(s);
    let situation_labels = ctx.service.with_value(|s| {
        s.situations
            .iter()
            .flat_map(|q| q.options.iter())
            .filter(|o| d.situation.contains(&o.id))
            .map(|o| o.label.clone())
            .collect::<Vec<_>>()
            .join("；")
    });
    let masked = contract::validate::mask_id_number(d.applicant.id_number.trim());
    let form_rows = ctx.form.with_value(|f| {
        f.fields
            .iter()
            .map(|field| (field.label.clone(), d.field(&field.id)))
            .collect::<Vec<_>>()
    });
    let material_rows: Vec<(String, usize)> = uploadable(&ctx)
        .into_iter()
        .map(|m| {
            let n = d.pages.iter().filter(|p| p.material_id == m.id).count();
            (m.name, n)
        })
        .collect();
    let has_situations = ctx.service.with_value(|s| !s.situations.is_empty());
    view! {
        <ErrorSummary errors=errors message=problem/>
        <dl class="check-list">
            {has_situations.then(|| row(t::STEP_SITUATION.into(), situation_labels.clone(), href(Step::Situation)))}
            {row(t::NAME.into(), d.applicant.name.clone(), href(Step::Applicant))}
            {row(t::ID_NUMBER.into(), masked, href(Step::Applicant))}
            {row(t::PHONE.into(), d.applicant.phone.clone(), href(Step::Applicant))}
            {row(t::ADDRESS.into(), d.applicant.address.clone(), href(Step::Applicant))}
            {d.has_agent.then(|| row(t::AGENT.into(), d.agent.name.clone(), href(Step::Applicant)))}
            {form_rows.into_iter().map(|(l, v)| row(l, v, href(Step::Details))).collect_view()}
            {material_rows.into_iter().map(|(name, n)| row(name, t::pages_count(n), href(Step::Materials))).collect_view()}
            {row(t::STEP_DELIVERY.into(),
                if d.delivery.by_post { format!("{}：{}", t::DELIVERY_POST, d.delivery.address) } else { t::DELIVERY_WINDOW.into() },
                href(Step::Delivery))}
        </dl>
        <p class="upload-summary" role="status">{move || {
            let (done, total, refused) = upload_state();
            if refused { t::UPLOAD_NEEDS_RETAKE.to_string() }
            else if done < total { t::uploads_waiting(done, total) }
            else { t::UPLOADS_DONE.to_string() }
        }}</p>
        <div class="actions">
            <button type="button" class="button" on:click=submit
                disabled=move || submitting.get()
                aria-disabled=move || { let (d, t, _) = upload_state(); (d < t).then_some("true") }>
                {move || if submitting.get() { t::SUBMITTING } else { t::SUBMIT }}
            </button>
        </div>
    }
}
