//! The citizen's voice: questions (咨询) answered by staff and published to a guide's 常见问题,
//! complaints (投诉) with a reply deadline, and the follow-up of a bad rating (差评整改).
//!
//! Questions and complaints get a ticket number and a query code like a case, are followed with
//! the case look-up's failure limit, and are submitted once per `Idempotency-Key` as
//! applications are.

pub mod cli;
pub mod complaints;
pub mod follow_ups;
pub mod inquiries;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use contract::chrono::NaiveDate as Date;
use contract::{ErrorCode, TicketLookup, TicketReceipt};
use rusqlite::{Connection, OptionalExtension};

use crate::app::AppState;
use crate::applications::{key_from, replied};
use crate::http::client_ip::ClientIp;
use crate::http::error::AppError;
pub(crate) use crate::idempotency::request_hash;

/// What the center sets: reply and follow-up limits in working days.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Settings {
    /// Working days within which a complaint is answered (答复期限).
    #[arg(long, env = "PORTAL_COMPLAINT_REPLY_DAYS", default_value_t = contract::DEFAULT_COMPLAINT_REPLY_DAYS,
        value_parser = clap::value_parser!(u32).range(1..=60))]
    pub complaint_reply_days: u32,
    /// Working days within which a rating of 1 or 2 is followed up (回访 and 整改); see
    /// `contract::DEFAULT_FOLLOW_UP_DAYS` for the rule behind the default.
    #[arg(long, env = "PORTAL_FOLLOW_UP_DAYS", default_value_t = contract::DEFAULT_FOLLOW_UP_DAYS,
        value_parser = clap::value_parser!(u32).range(1..=60))]
    pub follow_up_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            complaint_reply_days: contract::DEFAULT_COMPLAINT_REPLY_DAYS,
            follow_up_days: contract::DEFAULT_FOLLOW_UP_DAYS,
        }
    }
}

/// The next ticket number of `day` in `table`: prefix, date and a 5-digit daily sequence
/// (`ZX2026113000001`).
fn next_ticket_number(
    conn: &Connection,
    table: &str,
    day_column: &str,
    prefix: &str,
    day: Date,
) -> Result<String, AppError> {
    let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE {day_column} = ?1");
    let n: i64 = conn.query_row(&sql, [day], |r| r.get("n"))?;
    if n >= 99_999 {
        return Err(AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::DailyCapacityReached,
            "今日受理量已满，请明日再提交",
        ));
    }
    Ok(format!("{prefix}{}{:05}", day.format("%Y%m%d"), n + 1))
}

const KEYS: &str = "feedback_keys";

/// The receipt stored under `key` when the same request made it; 409 for another request.
fn stored_receipt(
    conn: &Connection,
    key: &str,
    request_sha256: &str,
) -> Result<Option<TicketReceipt>, AppError> {
    crate::idempotency::stored(
        conn,
        KEYS,
        key,
        request_sha256,
        "该内容已用不同的内容提交过，请刷新页面后重新提交",
    )
}

fn store_key(
    conn: &Connection,
    key: &str,
    request_sha256: &str,
    receipt: &TicketReceipt,
    now: i64,
) -> Result<(), AppError> {
    crate::idempotency::store(
        conn,
        KEYS,
        key,
        request_sha256,
        &receipt.ticket_number,
        receipt,
        now,
    )
}

/// Counts a new question or complaint of this client; replays are not counted.
fn count_submission(state: &crate::app::AppState, client: &str) -> Result<(), AppError> {
    if state.limits.feedback.try_hit(client, state.clock.now()) {
        Ok(())
    } else {
        Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::RateLimited,
            "提交过于频繁，请1小时后再试",
        ))
    }
}

/// How a question or complaint starts: the receipt already given for this key and request (a
/// retry), or the key and the request's hash of a new one, counted against the client's limit.
enum Start {
    Replayed(Response),
    New { key: String, hash: String },
}

async fn start<T: serde::Serialize>(
    state: &AppState,
    client: &ClientIp,
    headers: &HeaderMap,
    body: &T,
) -> Result<Start, AppError> {
    let key = key_from(headers)?;
    let hash = request_hash(body)?;
    let (k, h) = (key.clone(), hash.clone());
    if let Some(receipt) = state.db.call(move |c| stored_receipt(c, &k, &h)).await? {
        return Ok(Start::Replayed(replied(receipt, true)));
    }
    count_submission(state, &client.key())?;
    Ok(Start::New { key, hash })
}

/// Where tickets of each kind are kept.
#[derive(Clone, Copy)]
enum Tickets {
    Inquiries,
    Complaints,
}

/// Checks a ticket's number and query code as a case's are (the same failure limit); the
/// ticket number when they match.
async fn authenticate(
    state: &AppState,
    client: &ClientIp,
    req: &TicketLookup,
    tickets: Tickets,
) -> Result<String, AppError> {
    type Stored = fn(&Connection, &str) -> Result<Option<String>, AppError>;
    let stored: Stored = match tickets {
        Tickets::Inquiries => |c, t| query_code(c, "inquiries", t),
        Tickets::Complaints => |c, t| query_code(c, "complaints", t),
    };
    crate::cases::lookup::authenticate_with(
        state,
        client,
        &req.ticket_number,
        &req.query_code,
        stored,
        ticket_not_found,
    )
    .await
}

/// The query code of ticket `ticket` in `table` (one of the two names above, never input).
fn query_code(
    conn: &Connection,
    table: &'static str,
    ticket: &str,
) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            &format!("SELECT query_code FROM {table} WHERE ticket_number = ?1"),
            [ticket],
            |r| r.get("query_code"),
        )
        .optional()?)
}

fn ticket_not_found() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "未找到该编号，请核对编号和查询码",
    )
}

fn illegal(message: &str) -> AppError {
    AppError::new(StatusCode::CONFLICT, ErrorCode::IllegalTransition, message)
}

fn handler_error(handler: &str) -> Option<contract::FieldError> {
    handler.trim().is_empty().then(|| contract::FieldError {
        field: "handler".into(),
        message: "请填写经办人".into(),
    })
}

/// A staff text (answer, reply, note) and handler trimmed, or the field errors.
fn staff_texts(handler: &str, field: &str, text: &str) -> Result<(String, String), AppError> {
    let errors: Vec<_> = handler_error(handler)
        .into_iter()
        .chain(contract::check_staff_text(field, text))
        .collect();
    if errors.is_empty() {
        Ok((handler.trim().to_string(), text.trim().to_string()))
    } else {
        Err(AppError::invalid(errors))
    }
}

/// The feedback routes, merged into the API router (its layers apply to them).
pub fn routes() -> axum::Router<crate::app::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/api/inquiries", post(inquiries::submit))
        .route("/api/inquiries/lookup", post(inquiries::lookup))
        .route("/api/complaints", post(complaints::submit))
        .route("/api/complaints/lookup", post(complaints::lookup))
        .route("/api/cases/feedback", post(follow_ups::case_feedback))
        .route("/api/staff/inquiries", get(inquiries::staff_list))
        .route(
            "/api/staff/inquiries/{ticket}/answer",
            post(inquiries::staff_answer),
        )
        .route(
            "/api/staff/inquiries/{ticket}/publish",
            post(inquiries::staff_publish),
        )
        .route("/api/staff/complaints", get(complaints::staff_list))
        .route(
            "/api/staff/complaints/{ticket}/actions",
            post(complaints::staff_act),
        )
        .route("/api/staff/follow-ups", get(follow_ups::staff_list))
        .route(
            "/api/staff/follow-ups/{number}/actions",
            post(follow_ups::staff_act),
        )
}
