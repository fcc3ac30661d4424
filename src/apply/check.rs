//! 核对信息: every answer with a change link, then one submission that can be retried safely.

use contract::{Application, FieldError, SubmitReceipt};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::draft::{self, Draft};
use super::materials::uploadable;
use super::page::ApplyCtx;
use super::receipt::{self, Receipt};
use super::steps::{all_errors, Step};
use super::submission::{self, Verdict};
use crate::api::{self, ApiErr};
use crate::components::form::{focus_error_summary, ErrorSummary};
use crate::i18n::t;
use crate::routes;
use crate::storage::new_key;
use crate::storage::uploads::{self, UploadStatus};
use crate::today::today_in_china;

pub(crate) fn row(label: String, value: String, change: String) -> impl IntoView {
    view! {
        <div class="check-row">
            <dt>{label.clone()}</dt>
            <dd>{value}</dd>
            <dd class="change"><a href=change>{t::CHANGE()}<span class="visually-hidden">{label}</span></a></dd>
        </div>
    }
}

/// How a submission ended.
enum Sending {
    /// The case exists and its receipt is kept: the case number.
    Done(String),
    /// The backend refused the draft as it is.
    Refused(contract::ApiError),
    /// Nothing settled; the message says what to do.
    Failed(String),
}

/// The application as the draft stands, with the upload ids of its uploaded photos.
pub(crate) fn application_of(d: &Draft) -> Application {
    d.to_application(uploaded_id)
}

/// The server's id of a photo once it is uploaded.
pub(crate) fn uploaded_id(photo: &str) -> Option<String> {
    match uploads::status(photo) {
        Some(UploadStatus::Done { upload_id }) => Some(upload_id),
        _ => None,
    }
}

/// How long a submission waits for photos sent again before it hands back to the citizen (the
/// uploads go on; the next tap finds them done).
const SEND_AGAIN_WAIT_MS: u32 = 180_000;

/// Sends the draft's submission: the kept request if there is one (first, when the draft was
/// edited after it was sent), else the draft under a new key. When the server no longer holds
/// some photos (a draft continued after a day), sends them again from the device and then the
/// draft, without the citizen doing anything. At most three requests per tap.
async fn send(ctx: ApplyCtx, mut d: Draft, to: Submit) -> Sending {
    let mut sent_again = false;
    for _ in 0..3 {
        let Some(body) = (to.body)(&d) else {
            return Sending::Failed(t::ERROR_SERVER().into());
        };
        let Some((request, stale)) =
            submission::next_request(d.sent.as_ref(), &d.legacy_key, &body, new_key)
        else {
            return Sending::Failed(t::SUBMIT_UNSUPPORTED().into());
        };
        if d.sent.as_ref() != Some(&request) {
            // Stored before it leaves: a lost reply or a closed tab must not lose the key.
            d.sent = Some(request.clone());
            d.legacy_key.clear();
            keep_draft(ctx, &d).await;
        }
        let result: Result<SubmitReceipt, ApiErr> =
            api::post_text(to.path, request.body.clone(), Some(&request.key)).await;
        match (submission::verdict(&result, stale, &request.key), result) {
            (Verdict::Done { edits_left_out }, Ok(r)) => {
                return Sending::Done(finish(&r, &d, edits_left_out).await)
            }
            (Verdict::SendAfresh, _) => {
                d.sent = None;
                keep_draft(ctx, &d).await;
            }
            (Verdict::SendPhotosAgain(gone), Err(ApiErr::Rejected(e))) => {
                d.sent = None;
                keep_draft(ctx, &d).await;
                if sent_again {
                    return Sending::Failed(e.message);
                }
                sent_again = true;
                let photos = uploads::send_again(&gone);
                if photos.is_empty() {
                    // None of them is a photo of this device: nothing to send again.
                    return Sending::Failed(e.message);
                }
                if !uploads::uploaded(&photos, SEND_AGAIN_WAIT_MS).await {
                    return Sending::Failed(t::SUBMIT_PHOTOS_SENT_AGAIN().into());
                }
            }
            (Verdict::Refused, Err(ApiErr::Rejected(e))) => {
                d.sent = None;
                keep_draft(ctx, &d).await;
                return Sending::Refused(e);
            }
            (_, Err(ApiErr::Rejected(e))) => return Sending::Failed(e.message),
            (_, Err(e)) => {
                return Sending::Failed(format!("{}{}", e.message(), t::SUBMIT_SAFE_RETRY()))
            }
            (_, Ok(_)) => break,
        }
    }
    Sending::Failed(format!("{}{}", t::ERROR_SERVER(), t::SUBMIT_SAFE_RETRY()))
}

/// Saves the draft with its kept request, in the page's signal (if the page is still open) and
/// on the device. A failed save is kept in memory by `idb` and shown by the page.
async fn keep_draft(ctx: ApplyCtx, d: &Draft) {
    let _ = ctx.draft.try_update(|current| {
        current.sent.clone_from(&d.sent);
        current.legacy_key.clone_from(&d.legacy_key);
    });
    let problem = draft::save(d).await.err().map(|e| e.message());
    let _ = ctx.save_problem.try_set(problem);
}

/// Keeps the receipt and the case on the device, then forgets the draft; returns the case
/// number. If the device could not store them, the draft stays with its kept request, so that
/// submitting again brings the same receipt back; meanwhile the receipt is shown from memory.
async fn finish(r: &SubmitReceipt, d: &Draft, edits_left_out: bool) -> String {
    let kept = receipt::keep(&Receipt::new(
        r,
        &d.service_code,
        &d.service_name,
        edits_left_out,
    ));
    let remembered = crate::track::my_cases::remember(
        &r.case_number,
        &r.query_code,
        &d.service_name,
        contract::CaseStatus::Submitted,
    );
    if kept && remembered {
        draft::remove(d).await;
    }
    r.case_number.clone()
}

/// The JSON body for a draft as it stands, its uploaded photos named by upload id.
pub(crate) type BodyOf = std::sync::Arc<dyn Fn(&Draft) -> Option<String> + Send + Sync>;

/// Where a draft is submitted, and the body it sends.
#[derive(Clone)]
pub(crate) struct Submit {
    pub path: &'static str,
    pub body: BodyOf,
}

/// An application of one service.
fn application() -> Submit {
    Submit {
        path: "/api/applications",
        body: std::sync::Arc::new(|d| serde_json::to_string(&application_of(d)).ok()),
    }
}

pub fn check() -> impl IntoView {
    let ctx = expect_context::<ApplyCtx>();
    let errors = Signal::derive(move || {
        let d = ctx.draft.get();
        ctx.service.with_value(|s| {
            ctx.form
                .with_value(|f| all_errors(&d, s, f, today_in_china()))
        })
    });
    let d = ctx.draft.get_untracked();
    let href = |s: Step| ctx.href(s);
    let situation_labels = ctx.service.with_value(|s| {
        s.situations
            .iter()
            .flat_map(|q| q.options.iter())
            .filter(|o| d.situation.contains(&o.id))
            .map(|o| o.label.clone())
            .collect::<Vec<_>>()
            .join(t::SEMI())
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
    let organisation_rows = super::legal_person::check_rows(&d);
    let rows = view! {
        {has_situations.then(|| row(t::STEP_SITUATION().into(), situation_labels.clone(), href(Step::Situation)))}
        {organisation_rows.into_iter().map(|(l, v)| row(l, v, href(Step::Applicant))).collect_view()}
        {row(super::legal_person::name_label(&d).into(), d.applicant.name.clone(), href(Step::Applicant))}
        {row(t::ID_NUMBER().into(), masked, href(Step::Applicant))}
        {row(t::PHONE().into(), d.applicant.phone.clone(), href(Step::Applicant))}
        {row(t::ADDRESS().into(), d.applicant.address.clone(), href(Step::Applicant))}
        {d.has_agent.then(|| row(super::legal_person::agent_label(&d).into(), d.agent.name.clone(), href(Step::Applicant)))}
        {form_rows.into_iter().map(|(l, v)| row(l, v, href(Step::Details))).collect_view()}
        {material_rows.into_iter().map(|(name, n)| row(name, t::pages_count(n), href(Step::Materials))).collect_view()}
        {row(t::STEP_DELIVERY().into(),
            if d.delivery.by_post { format!("{}{}{}", t::DELIVERY_POST(), t::COLON(), d.delivery.address) } else { t::DELIVERY_WINDOW().into() },
            href(Step::Delivery))}
    }
    .into_any();
    submit_block(ctx, errors, rows, application())
}

/// The answers (`rows`, each with its change link), the upload progress and the submit button:
/// the draft is sent to `to` once every photo is uploaded and `errors` is empty, safely retried.
pub(crate) fn submit_block(
    ctx: ApplyCtx,
    errors: Signal<Vec<FieldError>>,
    rows: AnyView,
    to: Submit,
) -> impl IntoView {
    let navigate = use_navigate();
    let submitting = RwSignal::new(false);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let server_errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let errors = Signal::derive(move || {
        let mut e = errors.get();
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
        server_errors.set(Vec::new());
        let d = ctx.draft.get_untracked();
        let navigate = navigate.clone();
        let to = to.clone();
        leptos::task::spawn_local(async move {
            let outcome = send(ctx, d, to).await;
            // The page may have been left meanwhile: its signals are then gone.
            let _ = submitting.try_set(false);
            match outcome {
                Sending::Done(number) => navigate(&routes::apply_done(&number), Default::default()),
                Sending::Refused(e) => {
                    let _ = server_errors.try_set(e.fields.clone());
                    let _ = problem.try_set(Some(e.message));
                    focus_error_summary();
                }
                Sending::Failed(message) => {
                    let _ = problem.try_set(Some(message));
                    focus_error_summary();
                }
            }
        });
    };
    view! {
        <ErrorSummary errors=errors message=problem/>
        <dl class="check-list">{rows}</dl>
        <p class="upload-summary" role="status">{move || {
            let (done, total, refused) = upload_state();
            if refused { t::UPLOAD_NEEDS_RETAKE().to_string() }
            else if done < total { t::uploads_waiting(done, total) }
            else { t::UPLOADS_DONE().to_string() }
        }}</p>
        <div class="actions">
            <button type="button" class="button" on:click=submit
                disabled=move || submitting.get()
                aria-disabled=move || { let (d, t, _) = upload_state(); (d < t).then_some("true") }>
                {move || if submitting.get() { t::SUBMITTING() } else { t::SUBMIT() }}
            </button>
        </div>
    }
}
