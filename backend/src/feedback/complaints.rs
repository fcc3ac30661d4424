//! 投诉: about a case (by its owner), a service or a place's window. Every complaint gets a
//! reply within the working days the center sets (`Settings::complaint_reply_days`), counted
//! as a case's promised limit is (`WorkCalendar::due_date`): day 1 is the working day after it
//! was received.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Json;
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate as Date;
use contract::{
    ComplaintAction, ComplaintCategory, ComplaintStatus, ComplaintSubject, ComplaintSubmission,
    ComplaintView, FieldError, StaffComplaint, TicketLookup, TicketReceipt, COMPLAINT_PREFIX,
};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::{illegal, staff_texts, store_key, stored_receipt, ticket_not_found};
use crate::app::AppState;
use crate::applications::replied;
use crate::catalog::service_items::load_service;
use crate::clock::china_time;
use crate::db::SerdeText;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;
use crate::tokens;

/// What a complaint is about once checked: the words shown, and the case or service.
struct Target {
    about: String,
    case_number: Option<String>,
    service_code: Option<String>,
    place: Option<String>,
}

fn field(field: &str, message: &str) -> AppError {
    AppError::invalid(vec![FieldError {
        field: field.into(),
        message: message.into(),
    }])
}

/// The service and place of a complaint not about a case.
fn target(conn: &Connection, subject: &ComplaintSubject) -> Result<Target, AppError> {
    let (code, place) = match subject {
        ComplaintSubject::Service { service_code } => (service_code.trim(), None),
        ComplaintSubject::Window {
            service_code,
            place,
        } => (service_code.trim(), Some(place.trim())),
        // Checked with its query code before.
        ComplaintSubject::Case { .. } => return Err(AppError::not_found()),
    };
    let service = load_service(conn, code)?.ok_or_else(|| field("service_code", "未找到该事项"))?;
    match place {
        None => Ok(Target {
            about: service.name.clone(),
            case_number: None,
            service_code: Some(service.code),
            place: None,
        }),
        Some(place) => {
            if !service.places.iter().any(|p| p.name == place) {
                return Err(field("place", "请选择办理地点"));
            }
            Ok(Target {
                about: format!("{} · {place}", service.name),
                case_number: None,
                service_code: Some(service.code),
                place: Some(place.to_string()),
            })
        }
    }
}

fn case_target(conn: &Connection, case_number: &str) -> Result<Target, AppError> {
    let row = crate::cases::store::load(conn, case_number)?
        .ok_or_else(crate::cases::lookup::not_found)?;
    Ok(Target {
        about: format!("办件 {}（{}）", row.case_number, row.service_name),
        case_number: Some(row.case_number),
        service_code: Some(row.service_code),
        place: None,
    })
}

#[utoipa::path(post, path = "/api/complaints", tag = "feedback",
    params(("Idempotency-Key" = String, Header, description = "8–64 visible ASCII characters, one per complaint; retries reuse it",
        min_length = 8, max_length = 64, pattern = "^[!-~]{8,64}$")),
    request_body = ComplaintSubmission,
    responses((status = 200, description = "Received, with its reply deadline (or received before with the same key and body: header Idempotent-Replayed: true)", body = TicketReceipt),
              (status = 400, description = "Missing or malformed Idempotency-Key, or a malformed body", body = contract::ApiError),
              (status = 404, description = "About a case: 未找到该办件，请核对办件编号和查询码 (only the case's owner, who holds its query code, may complain about it)", body = contract::ApiError),
              (status = 409, description = "idempotency_conflict", body = contract::ApiError),
              (status = 422, description = "invalid: description (5–500 characters), phone (optional), service_code, place (one of the service's places)", body = contract::ApiError),
              (status = 429, description = "rate_limited: over 20 questions and complaints in an hour from this client, or the look-up failure limit", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    ApiJson(c): ApiJson<ComplaintSubmission>,
) -> ApiResult<Response> {
    let (key, hash) = match super::start(&state, &client, &headers, &c).await? {
        super::Start::Replayed(reply) => return Ok(reply),
        super::Start::New { key, hash } => (key, hash),
    };
    let errors = contract::check_complaint(&c);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    // A case is complained about by its owner only: the query code is checked like a look-up.
    let case_number = match &c.subject {
        ComplaintSubject::Case {
            case_number,
            query_code,
        } => Some(
            crate::cases::lookup::authenticate(&state, &client, case_number, query_code).await?,
        ),
        _ => None,
    };
    let now = state.clock.now();
    let calendar = state.calendar.clone();
    let days = state.feedback.complaint_reply_days;
    let (receipt, replayed) = state
        .db
        .call(move |conn| {
            create(
                conn,
                &calendar,
                &key,
                &hash,
                &c,
                case_number.as_deref(),
                now,
                days,
            )
        })
        .await?;
    Ok(replied(receipt, replayed))
}

#[allow(clippy::too_many_arguments)]
fn create(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    key: &str,
    hash: &str,
    c: &ComplaintSubmission,
    case_number: Option<&str>,
    now: i64,
    reply_days: u32,
) -> Result<(TicketReceipt, bool), AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(receipt) = stored_receipt(&tx, key, hash)? {
        return Ok((receipt, true));
    }
    let target = match case_number {
        Some(number) => case_target(&tx, number)?,
        None => target(&tx, &c.subject)?,
    };
    let at = china_time(now);
    let today = at.date_naive();
    let due = calendar.due_date(today, reply_days, &[], today);
    let receipt = TicketReceipt {
        ticket_number: super::next_ticket_number(
            &tx,
            "complaints",
            "submitted_on",
            COMPLAINT_PREFIX,
            today,
        )?,
        query_code: tokens::query_code()?,
        submitted_at: at,
        due_date: Some(due),
    };
    tx.execute(
        "INSERT INTO complaints (ticket_number, query_code, about, case_number, service_code, place,
             category, description, phone, status, submitted_at, submitted_on, reply_days, due_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            receipt.ticket_number,
            receipt.query_code,
            target.about,
            target.case_number,
            target.service_code,
            target.place,
            SerdeText(c.category),
            c.description.trim(),
            c.phone.trim(),
            SerdeText(ComplaintStatus::Received),
            at,
            today,
            reply_days,
            due
        ],
    )?;
    store_key(&tx, key, hash, &receipt, now)?;
    tx.commit()?;
    Ok((receipt, false))
}

fn view_of(r: &Row) -> rusqlite::Result<ComplaintView> {
    Ok(ComplaintView {
        ticket_number: r.get("ticket_number")?,
        about: r.get("about")?,
        case_number: r.get("case_number")?,
        category: r.get::<_, SerdeText<ComplaintCategory>>("category")?.0,
        description: r.get("description")?,
        status: r.get::<_, SerdeText<ComplaintStatus>>("status")?.0,
        submitted_at: r.get("submitted_at")?,
        due_date: r.get("due_date")?,
        reply_days: r.get("reply_days")?,
        reply: r.get("reply")?,
        replied_on: r.get("replied_on")?,
    })
}

fn staff_view(r: &Row, today: Date) -> rusqlite::Result<StaffComplaint> {
    let complaint = view_of(r)?;
    Ok(StaffComplaint {
        overdue: complaint.status != ComplaintStatus::Replied && complaint.due_date < today,
        complaint,
        phone: r.get("phone")?,
        handler: r.get("handler")?,
    })
}

fn load(conn: &Connection, ticket: &str, today: Date) -> Result<Option<StaffComplaint>, AppError> {
    Ok(conn
        .query_row(
            "SELECT * FROM complaints WHERE ticket_number = ?1",
            [ticket],
            |r| staff_view(r, today),
        )
        .optional()?)
}

/// The complaints about one case, oldest first (for its owner's case page).
pub fn about_case(conn: &Connection, case_number: &str) -> Result<Vec<ComplaintView>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT * FROM complaints WHERE case_number = ?1 ORDER BY submitted_at, ticket_number",
    )?;
    let rows = stmt.query_map([case_number], view_of)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[utoipa::path(post, path = "/api/complaints/lookup", tag = "feedback",
    request_body = TicketLookup,
    responses((status = 200, description = "The complaint, its deadline and, once given, the reply", body = ComplaintView),
              (status = 404, description = "未找到该编号，请核对编号和查询码 (unknown number or wrong code alike)", body = contract::ApiError),
              (status = 429, description = "rate_limited: the case look-up's failure limit, shared", body = contract::ApiError)))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<TicketLookup>,
) -> ApiResult<Json<ComplaintView>> {
    let ticket = super::authenticate(&state, &client, &req, super::Tickets::Complaints).await?;
    let today = state.clock.today();
    let found = state.db.call(move |c| load(c, &ticket, today)).await?;
    found
        .map(|s| Json(s.complaint))
        .ok_or_else(ticket_not_found)
}

/// Every complaint: unanswered first, the nearest deadline first; then the answered ones.
pub fn list(conn: &Connection, today: Date) -> Result<Vec<StaffComplaint>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT * FROM complaints ORDER BY status = 'replied', due_date, ticket_number LIMIT 500",
    )?;
    let rows = stmt.query_map([], |r| staff_view(r, today))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves a complaint; a reply to a complaint not yet 处理中 records 处理中 first.
pub fn perform(
    conn: &mut Connection,
    today: Date,
    ticket: &str,
    action: &ComplaintAction,
) -> Result<StaffComplaint, AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = load(&tx, ticket, today)?.ok_or_else(AppError::not_found)?;
    let from = current.complaint.status;
    let refused = || {
        illegal(&format!(
            "该投诉当前状态为“{}”，不能进行此操作",
            from.label()
        ))
    };
    match action {
        ComplaintAction::Start { handler } => {
            let (handler, _) = staff_texts(handler, "handler", "-")?;
            if !from.can_move_to(ComplaintStatus::InProgress) {
                return Err(refused());
            }
            tx.execute(
                "UPDATE complaints SET status = ?1, handler = ?2 WHERE ticket_number = ?3",
                params![SerdeText(ComplaintStatus::InProgress), handler, ticket],
            )?;
        }
        ComplaintAction::Reply { handler, reply } => {
            let (handler, reply) = staff_texts(handler, "reply", reply)?;
            let via = if from.can_move_to(ComplaintStatus::InProgress) {
                ComplaintStatus::InProgress
            } else {
                from
            };
            if !via.can_move_to(ComplaintStatus::Replied) {
                return Err(refused());
            }
            tx.execute(
                "UPDATE complaints SET status = ?1, handler = ?2, reply = ?3, replied_on = ?4
                 WHERE ticket_number = ?5",
                params![
                    SerdeText(ComplaintStatus::Replied),
                    handler,
                    reply,
                    today,
                    ticket
                ],
            )?;
        }
    }
    let after = load(&tx, ticket, today)?.ok_or_else(AppError::not_found)?;
    tx.commit()?;
    Ok(after)
}

#[utoipa::path(get, path = "/api/staff/complaints", tag = "staff",
    security(("staff_token" = [])),
    responses((status = 200, description = "Complaints, unanswered first by deadline, `overdue` when past it (at most 500)", body = [StaffComplaint]),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError)))]
pub async fn staff_list(
    _staff: Staff,
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<StaffComplaint>>> {
    let today = state.clock.today();
    Ok(Json(state.db.call(move |c| list(c, today)).await?))
}

#[utoipa::path(post, path = "/api/staff/complaints/{ticket}/actions", tag = "staff",
    params(("ticket" = String, Path, description = "投诉编号")),
    request_body = ComplaintAction,
    security(("staff_token" = [])),
    responses((status = 200, description = "Done; the complaint as it is now", body = StaffComplaint),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "No such complaint", body = contract::ApiError),
              (status = 409, description = "illegal_transition: already in that state or replied; nothing changed", body = contract::ApiError),
              (status = 422, description = "handler or reply missing, reply over 500 characters", body = contract::ApiError)))]
pub async fn staff_act(
    _staff: Staff,
    State(state): State<AppState>,
    Path(ticket): Path<String>,
    ApiJson(action): ApiJson<ComplaintAction>,
) -> ApiResult<Json<StaffComplaint>> {
    let today = state.clock.today();
    Ok(Json(
        state
            .db
            .call(move |c| perform(c, today, &ticket, &action))
            .await?,
    ))
}
