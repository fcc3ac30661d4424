//! 咨询: a citizen asks about a service from its guide; staff answer, and may publish the
//! question and answer, reworded without personal data, to the guide's 常见问题.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Json;
use contract::chrono::{DateTime, FixedOffset};
use contract::{
    Faq, FaqPublication, InquiryAnswer, InquiryStatus, InquirySubmission, InquiryView,
    StaffInquiry, TicketLookup, TicketReceipt, INQUIRY_PREFIX,
};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{illegal, staff_texts, store_key, stored_receipt, ticket_not_found};
use crate::app::AppState;
use crate::applications::replied;
use crate::catalog::service_items::load_service;
use crate::clock::china_time;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;
use crate::tokens;

/// Published questions a guide shows at most, newest last.
pub const MAX_PUBLISHED_PER_SERVICE: usize = 30;

fn tidy(q: &InquirySubmission) -> InquirySubmission {
    InquirySubmission {
        service_code: q.service_code.trim().to_string(),
        question: q.question.trim().to_string(),
        phone: q.phone.trim().to_string(),
    }
}

#[utoipa::path(post, path = "/api/inquiries", tag = "feedback",
    params(("Idempotency-Key" = String, Header, description = "8–64 visible ASCII characters, one per question; retries reuse it",
        min_length = 8, max_length = 64, pattern = "^[!-~]{8,64}$")),
    request_body = InquirySubmission,
    responses((status = 200, description = "The question was received (or had been, with the same key and body: header Idempotent-Replayed: true)", body = TicketReceipt),
              (status = 400, description = "Missing or malformed Idempotency-Key, or a malformed body", body = contract::ApiError),
              (status = 409, description = "idempotency_conflict", body = contract::ApiError),
              (status = 422, description = "invalid: question (5–500 characters), phone (11-digit mobile, optional), service_code", body = contract::ApiError),
              (status = 429, description = "rate_limited: over 20 questions and complaints in an hour from this client", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    ApiJson(q): ApiJson<InquirySubmission>,
) -> ApiResult<Response> {
    let (key, hash) = match super::start(&state, &client, &headers, &q).await? {
        super::Start::Replayed(reply) => return Ok(reply),
        super::Start::New { key, hash } => (key, hash),
    };
    let errors = contract::check_inquiry(&q);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let q = tidy(&q);
    let now = state.clock.now();
    let (receipt, replayed) = state
        .db
        .call(move |c| create(c, &key, &hash, &q, now))
        .await?;
    Ok(replied(receipt, replayed))
}

fn create(
    conn: &mut Connection,
    key: &str,
    hash: &str,
    q: &InquirySubmission,
    now: i64,
) -> Result<(TicketReceipt, bool), AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(receipt) = stored_receipt(&tx, key, hash)? {
        return Ok((receipt, true));
    }
    let service = load_service(&tx, &q.service_code)?.ok_or_else(|| {
        AppError::invalid(vec![contract::FieldError {
            field: "service_code".into(),
            message: "未找到该事项".into(),
        }])
    })?;
    let at = china_time(now);
    let today = at.date_naive();
    let receipt = TicketReceipt {
        ticket_number: super::next_ticket_number(
            &tx,
            "inquiries",
            "asked_on",
            INQUIRY_PREFIX,
            today,
        )?,
        query_code: tokens::query_code()?,
        submitted_at: at,
        due_date: None,
    };
    tx.execute(
        "INSERT INTO inquiries (ticket_number, query_code, service_code, service_name, question,
             phone, status, asked_at, asked_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            receipt.ticket_number,
            receipt.query_code,
            service.code,
            service.name,
            q.question,
            q.phone,
            crate::db::SerdeText(InquiryStatus::Open),
            at,
            today
        ],
    )?;
    store_key(&tx, key, hash, &receipt, now)?;
    tx.commit()?;
    Ok((receipt, false))
}

fn view_of(r: &Row) -> rusqlite::Result<InquiryView> {
    Ok(InquiryView {
        ticket_number: r.get("ticket_number")?,
        service_code: r.get("service_code")?,
        service_name: r.get("service_name")?,
        question: r.get("question")?,
        status: r.get::<_, crate::db::SerdeText<InquiryStatus>>("status")?.0,
        asked_at: r.get("asked_at")?,
        answer: r.get("answer")?,
        answered_at: r.get("answered_at")?,
    })
}

fn staff_view_of(r: &Row) -> rusqlite::Result<StaffInquiry> {
    Ok(StaffInquiry {
        inquiry: view_of(r)?,
        phone: r.get("phone")?,
        handler: r.get("handler")?,
        published: r.get("published")?,
    })
}

fn load(conn: &Connection, ticket: &str) -> Result<Option<StaffInquiry>, AppError> {
    Ok(conn
        .query_row(
            "SELECT * FROM inquiries WHERE ticket_number = ?1",
            [ticket],
            staff_view_of,
        )
        .optional()?)
}

#[utoipa::path(post, path = "/api/inquiries/lookup", tag = "feedback",
    request_body = TicketLookup,
    responses((status = 200, description = "The question and, once given, the answer", body = InquiryView),
              (status = 404, description = "未找到该编号，请核对编号和查询码 (unknown number or wrong code alike)", body = contract::ApiError),
              (status = 429, description = "rate_limited: the case look-up's failure limit, shared", body = contract::ApiError)))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<TicketLookup>,
) -> ApiResult<Json<InquiryView>> {
    let ticket = super::authenticate(&state, &client, &req, super::Tickets::Inquiries).await?;
    let found = state.db.call(move |c| load(c, &ticket)).await?;
    found.map(|s| Json(s.inquiry)).ok_or_else(ticket_not_found)
}

/// Every question, open ones first, then newest first.
pub fn list(conn: &Connection) -> Result<Vec<StaffInquiry>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT * FROM inquiries ORDER BY status = 'answered', asked_at DESC, ticket_number DESC LIMIT 500",
    )?;
    let rows = stmt.query_map([], staff_view_of)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records the answer; an answered question may be answered again (a correction).
pub fn answer(
    conn: &mut Connection,
    now: DateTime<FixedOffset>,
    ticket: &str,
    a: &InquiryAnswer,
) -> Result<StaffInquiry, AppError> {
    let (handler, text) = staff_texts(&a.handler, "answer", &a.answer)?;
    let changed = conn.execute(
        "UPDATE inquiries SET status = ?1, answer = ?2, answered_at = ?3, handler = ?4
         WHERE ticket_number = ?5",
        params![
            crate::db::SerdeText(InquiryStatus::Answered),
            text,
            now,
            handler,
            ticket
        ],
    )?;
    if changed == 0 {
        return Err(AppError::not_found());
    }
    load(conn, ticket)?.ok_or_else(AppError::not_found)
}

/// Adds the reworded question and answer to the service's 常见问题. Only answered questions: the
/// guide must not show a question without its answer.
pub fn publish(
    conn: &mut Connection,
    ticket: &str,
    p: &FaqPublication,
) -> Result<StaffInquiry, AppError> {
    let errors = contract::check_publication(p);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = load(&tx, ticket)?.ok_or_else(AppError::not_found)?;
    if found.inquiry.status != InquiryStatus::Answered {
        return Err(illegal("请先答复该咨询，再发布到常见问题"));
    }
    tx.execute(
        "INSERT INTO published_faqs (service_code, ticket_number, question, answer) VALUES (?1, ?2, ?3, ?4)",
        params![found.inquiry.service_code, ticket, p.question.trim(), p.answer.trim()],
    )?;
    tx.execute(
        "UPDATE inquiries SET published = 1 WHERE ticket_number = ?1",
        [ticket],
    )?;
    tx.commit()?;
    load(conn, ticket)?.ok_or_else(AppError::not_found)
}

/// The questions published to a service's guide, oldest first.
pub fn published(conn: &Connection, service_code: &str) -> Result<Vec<Faq>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT question, answer FROM (SELECT id, question, answer FROM published_faqs
         WHERE service_code = ?1 ORDER BY id DESC LIMIT ?2) ORDER BY id",
    )?;
    let rows = stmt.query_map(params![service_code, MAX_PUBLISHED_PER_SERVICE], |r| {
        Ok(Faq {
            question: r.get("question")?,
            answer: r.get("answer")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A service's stored JSON with its published questions appended to `faq`; `None` when it has
/// none (the stored body and its ETag are then served as they are).
pub fn with_published(
    conn: &Connection,
    service_code: &str,
    body: &str,
) -> Result<Option<String>, AppError> {
    let extra = published(conn, service_code)?;
    if extra.is_empty() {
        return Ok(None);
    }
    let mut service: contract::Service = serde_json::from_str(body)?;
    service.faq.extend(extra);
    Ok(Some(serde_json::to_string(&service)?))
}

#[utoipa::path(get, path = "/api/staff/inquiries", tag = "staff",
    security(("staff_token" = [])),
    responses((status = 200, description = "Questions, unanswered first, with the asker's phone (at most 500)", body = [StaffInquiry]),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError)))]
pub async fn staff_list(
    _staff: Staff,
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<StaffInquiry>>> {
    Ok(Json(state.db.call(|c| list(c)).await?))
}

#[utoipa::path(post, path = "/api/staff/inquiries/{ticket}/answer", tag = "staff",
    params(("ticket" = String, Path, description = "咨询编号")),
    request_body = InquiryAnswer,
    security(("staff_token" = [])),
    responses((status = 200, description = "Answered; the asker reads it on their device", body = StaffInquiry),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "No such question", body = contract::ApiError),
              (status = 422, description = "handler or answer missing, answer over 500 characters", body = contract::ApiError)))]
pub async fn staff_answer(
    _staff: Staff,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ApiJson(a): ApiJson<InquiryAnswer>,
) -> ApiResult<Json<StaffInquiry>> {
    let now = china_time(state.clock.now());
    Ok(Json(
        state.db.call(move |c| answer(c, now, &ticket, &a)).await?,
    ))
}

#[utoipa::path(post, path = "/api/staff/inquiries/{ticket}/publish", tag = "staff",
    params(("ticket" = String, Path, description = "咨询编号")),
    request_body = FaqPublication,
    security(("staff_token" = [])),
    responses((status = 200, description = "Published to the guide's 常见问题 (as sent: staff leave out personal data)", body = StaffInquiry),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "No such question", body = contract::ApiError),
              (status = 409, description = "illegal_transition: not answered yet", body = contract::ApiError),
              (status = 422, description = "question or answer missing, over 500 characters, or holding a run of 11+ digits (a phone or ID number)", body = contract::ApiError)))]
pub async fn staff_publish(
    _staff: Staff,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ApiJson(p): ApiJson<FaqPublication>,
) -> ApiResult<Json<StaffInquiry>> {
    Ok(Json(state.db.call(move |c| publish(c, &ticket, &p)).await?))
}
