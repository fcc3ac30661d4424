//! 网上申报: `POST /api/applications` turns a validated application into a case, once per
//! `Idempotency-Key` however often the phone retries.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::validate::{application_bounds, validate_application};
use contract::{
    Agent, Applicant, Application, CaseStatus, Delivery, ErrorCode, FieldError, FormDefinition,
    Service, SubmitReceipt, TimelineStep,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::cases::store::{self, CaseRow};
use crate::catalog::service_items::load_service;
use crate::clock::china_time;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::tokens;
use crate::uploads::{self, pages};

pub const IDEMPOTENCY_HEADER: &str = "idempotency-key";

/// Handler recorded for the first step.
const SYSTEM_HANDLER: &str = "网上申报系统";

pub fn key_from(headers: &HeaderMap) -> ApiResult<String> {
    let key = headers
        .get(IDEMPOTENCY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| (8..=64).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()));
    key.map(str::to_string).ok_or_else(|| {
        AppError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidIdempotencyKey,
            "提交请求不完整，请刷新页面后重新提交",
        )
    })
}

fn key_conflict() -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        ErrorCode::IdempotencyConflict,
        "该申报已用不同的内容提交过，请刷新页面后重新提交",
    )
}

/// The receipt already stored under `key`, if the same request made it; 409 for another one.
pub(crate) fn stored_receipt(
    conn: &Connection,
    key: &str,
    request_sha256: &str,
) -> Result<Option<SubmitReceipt>, AppError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT request_sha256, receipt FROM idempotency_keys WHERE idempotency_key = ?1",
            [key],
            |r| Ok((r.get("request_sha256")?, r.get("receipt")?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((hash, _)) if hash != request_sha256 => Err(key_conflict()),
        Some((_, receipt)) => Ok(Some(serde_json::from_str(&receipt)?)),
    }
}

fn reply(receipt: SubmitReceipt, replayed: bool) -> Response {
    replied(receipt, replayed)
}

/// A JSON success; a replay of an earlier request says so in `Idempotent-Replayed: true`.
pub fn replied<T: serde::Serialize>(body: T, replayed: bool) -> Response {
    let mut res = Json(body).into_response();
    if replayed {
        res.headers_mut()
            .insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    res
}

fn service_field(message: &str) -> AppError {
    AppError::invalid(vec![FieldError {
        field: "service_code".into(),
        message: message.into(),
    }])
}

/// The service and its form, when the service takes online applications.
pub(crate) fn online_service(
    conn: &Connection,
    code: &str,
) -> Result<(Service, FormDefinition), AppError> {
    let service = load_service(conn, code)?.ok_or_else(|| service_field("未找到该事项"))?;
    let form: Option<String> = conn
        .query_row(
            "SELECT body FROM forms WHERE service_code = ?1",
            [code],
            |r| r.get("body"),
        )
        .optional()?;
    match form {
        Some(form) if service.online_application => Ok((service, serde_json::from_str(&form)?)),
        _ => Err(service_field("该事项暂不支持网上申报，请到窗口办理")),
    }
}

/// Pages sent for materials the service does not ask for in the chosen situation (an entry
/// without pages is harmless and ignored).
fn unknown_materials(app: &Application, service: &Service) -> Vec<FieldError> {
    app.materials
        .iter()
        .filter(|p| p.upload_ids.iter().any(|u| !u.trim().is_empty()))
        .filter(|p| {
            !service
                .materials_for(&app.situation)
                .any(|m| m.id == p.material_id.trim())
        })
        .map(|p| FieldError {
            field: contract::material_field(p.material_id.trim()),
            message: "该材料不属于本事项".into(),
        })
        .collect()
}

/// The application as stored: trimmed, ID numbers with a capital X, only the form's fields.
pub(crate) fn tidy(app: &Application, form: &FormDefinition) -> Application {
    let t = |s: &str| s.trim().to_string();
    Application {
        service_code: t(&app.service_code),
        situation: app.situation.iter().map(|s| t(s)).collect(),
        applicant: Applicant {
            name: t(&app.applicant.name),
            id_number: app.applicant.id_number.trim().to_ascii_uppercase(),
            phone: t(&app.applicant.phone),
            address: t(&app.applicant.address),
        },
        legal_person: app.legal_person.as_ref().map(|l| contract::LegalPerson {
            name: t(&l.name),
            credit_code: l.credit_code.trim().to_ascii_uppercase(),
        }),
        agent: app.agent.as_ref().map(|a| Agent {
            name: t(&a.name),
            id_number: a.id_number.trim().to_ascii_uppercase(),
            phone: t(&a.phone),
        }),
        fields: form
            .fields
            .iter()
            .filter_map(|f| {
                app.fields
                    .iter()
                    .find(|(id, _)| *id == f.id)
                    .map(|(id, v)| (id.clone(), t(v)))
            })
            .collect(),
        materials: pages::tidy(&app.materials),
        delivery: match &app.delivery {
            Delivery::Window => Delivery::Window,
            Delivery::Post {
                recipient,
                phone,
                address,
            } => Delivery::Post {
                recipient: t(recipient),
                phone: t(phone),
                address: t(address),
            },
        },
        consent: app.consent,
    }
}

#[utoipa::path(post, path = "/api/applications", tag = "applications",
    params(("Idempotency-Key" = String, Header, description = "8–64 visible ASCII characters, one per submission attempt; retries reuse it",
        min_length = 8, max_length = 64, pattern = "^[!-~]{8,64}$")),
    request_body = Application,
    responses((status = 200, description = "The case was created, or had been created by an earlier request with the same key and body (then header Idempotent-Replayed: true)", body = SubmitReceipt),
              (status = 400, description = "Missing or malformed Idempotency-Key, or a malformed body", body = contract::ApiError),
              (status = 409, description = "idempotency_conflict: the key was used with a different body", body = contract::ApiError),
              (status = 413, description = "Body over 64 KB", body = contract::ApiError),
              (status = 422, description = "invalid: field errors (applicant.*, agent.*, form field ids, consent, situation.*, material.<id>, delivery.*, service_code), or lists over their bounds (materials: one entry per material of the service, 20 pages each; situation: no more ids than options; fields: one per form field; ids up to 64 characters); uploads_expired: uploads the server removed after 24 h unused, listed in expired_uploads (send those pages again, then submit under a new key)", body = contract::ApiError),
              (status = 429, description = "rate_limited: over 60 new submissions in an hour from this client; too_many_submissions: the applicant's ID number submitted 10 applications today", body = contract::ApiError),
              (status = 503, description = "daily_capacity_reached: today's 99,999 case numbers are used up (今日受理量已满…)", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    ApiJson(app): ApiJson<Application>,
) -> ApiResult<Response> {
    let key = key_from(&headers)?;
    let request_sha256 = tokens::hex(&Sha256::digest(serde_json::to_vec(&app)?));

    // A retry after a commit must not be judged again: its uploads now belong to its case.
    let (k, h) = (key.clone(), request_sha256.clone());
    if let Some(receipt) = state.db.call(move |c| stored_receipt(c, &k, &h)).await? {
        return Ok(reply(receipt, true));
    }

    let now = state.clock.now();
    count_attempt(&state, &client, now)?;
    let code = app.service_code.trim().to_string();
    let (service, form) = state.db.call(move |c| online_service(c, &code)).await?;
    let today = china_time(now).date_naive();
    // Oversized lists are refused before anything compares them.
    let bounds = application_bounds(&app, &service, &form);
    if !bounds.is_empty() {
        return Err(AppError::invalid(bounds));
    }
    let mut errors = validate_application(&app, &service, &form, today);
    errors.extend(unknown_materials(&app, &service));
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let app = tidy(&app, &form);
    let per_day = state.limits.submissions_per_applicant_per_day;

    let (receipt, replayed) = state
        .db
        .call(move |c| create_case(c, &key, &request_sha256, &app, &service, now, per_day))
        .await?;
    Ok(reply(receipt, replayed))
}

/// Counts a new submission attempt of the client (replays are not attempts): judging one costs
/// work too, so the hourly limit applies before anything is checked.
pub(crate) fn count_attempt(state: &AppState, client: &ClientIp, now: i64) -> ApiResult<()> {
    if state.limits.submissions.try_hit(&client.key(), now) {
        return Ok(());
    }
    Err(AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        "提交过于频繁，请1小时后再试",
    ))
}

/// The per-ID daily limit, checked in the transaction that creates the case so that
/// concurrent submissions cannot pass it together. A bundle counts as one submission.
pub(crate) fn check_daily_limit(
    tx: &Connection,
    id_number: &str,
    today: contract::chrono::NaiveDate,
    per_applicant_per_day: u32,
) -> Result<(), AppError> {
    if store::count_by_applicant(tx, id_number, today)? < per_applicant_per_day {
        return Ok(());
    }
    Err(AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::TooManySubmissions,
        &format!("同一身份证号码每天最多提交{per_applicant_per_day}件申请，请明日再提交"),
    ))
}

/// Writes a new case of `service` for `app` under `case_number`: the row, the guide version,
/// its uploads (pages already attached to a sibling track in this transaction are shared with
/// it instead) and the first timeline step.
pub(crate) fn insert_case(
    tx: &Connection,
    case_number: String,
    query_code: String,
    app: &Application,
    service: &Service,
    submitted_at: contract::chrono::DateTime<contract::chrono::FixedOffset>,
) -> Result<CaseRow, AppError> {
    let row = CaseRow {
        case_number,
        query_code,
        service_code: service.code.clone(),
        service_name: service.name.clone(),
        department: service.department.clone(),
        status: CaseStatus::Submitted,
        applicant_name: app.applicant.name.clone(),
        applicant_id_number: app.applicant.id_number.clone(),
        application: app.clone(),
        promised_limit: service.promised_limit_for(&app.situation),
        submitted_at,
        accepted_on: None,
        frozen_due_date: None,
        decision_reason: None,
        tracking_number: None,
        rating: None,
    };
    store::insert(tx, &row, submitted_at.date_naive())?;
    crate::catalog::versions::keep(tx, &row.case_number, &row.service_code)?;
    for p in &app.materials {
        uploads::store::attach_or_share(tx, &row.case_number, &p.material_id, &p.upload_ids)?;
    }
    store::append_step(
        tx,
        &row.case_number,
        &TimelineStep {
            status: CaseStatus::Submitted,
            department: row.department.clone(),
            handler: SYSTEM_HANDLER.into(),
            opinion: "已收到您的网上申报材料".into(),
            at: row.submitted_at,
        },
    )?;
    Ok(row)
}

/// Keeps the receipt under the key in the transaction that made it; false when another writer
/// (another process on the same file) stored one first.
pub(crate) fn keep_receipt(
    tx: &Connection,
    key: &str,
    request_sha256: &str,
    case_number: &str,
    receipt: &SubmitReceipt,
    now: i64,
) -> Result<bool, AppError> {
    let inserted = tx.execute(
        "INSERT INTO idempotency_keys (idempotency_key, request_sha256, case_number, receipt, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (idempotency_key) DO NOTHING",
        params![key, request_sha256, case_number, serde_json::to_string(receipt)?, now],
    )?;
    Ok(inserted == 1)
}

/// In one transaction: the case, its uploads, the first timeline step and the key. Returns
/// the receipt and whether it was an earlier request's.
fn create_case(
    conn: &mut Connection,
    key: &str,
    request_sha256: &str,
    app: &Application,
    service: &Service,
    now: i64,
    per_applicant_per_day: u32,
) -> Result<(SubmitReceipt, bool), AppError> {
    let submitted_at = china_time(now);
    let today = submitted_at.date_naive();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // A concurrent duplicate may have committed since the first check.
    if let Some(receipt) = stored_receipt(&tx, key, request_sha256)? {
        return Ok((receipt, true));
    }
    check_daily_limit(&tx, &app.applicant.id_number, today, per_applicant_per_day)?;
    let errors = pages::check_free(&tx, &app.materials)?;
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let number = store::next_case_number(&tx, today)?;
    let row = insert_case(
        &tx,
        number,
        tokens::query_code()?,
        app,
        service,
        submitted_at,
    )?;
    let receipt = SubmitReceipt {
        case_number: row.case_number.clone(),
        query_code: row.query_code.clone(),
        promised_limit: row.promised_limit,
        submitted_at: row.submitted_at,
    };
    if !keep_receipt(&tx, key, request_sha256, &row.case_number, &receipt, now)? {
        // Another writer (another process on the same file) won: keep its case, not ours.
        drop(tx);
        let earlier = stored_receipt(conn, key, request_sha256)?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("idempotency key vanished")))?;
        return Ok((earlier, true));
    }
    tx.commit()?;
    Ok((receipt, false))
}
