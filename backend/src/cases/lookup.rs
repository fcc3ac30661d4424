//! 办件查询: the citizen looks a case up with its number and query code.
//!
//! A wrong code answers exactly like an unknown number, and failures are rate limited, so the
//! endpoint tells a guesser nothing.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use contract::{CaseLookup, CaseView, ErrorCode};

use crate::app::AppState;
use crate::cases::store;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::http::ratelimit::rate_limited;
use crate::tokens::{constant_time_eq, QUERY_CODE_LEN};

/// Longer input cannot be a case number; it is not even looked up.
const CASE_NUMBER_MAX_LEN: usize = 32;

pub fn not_found() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "未找到该办件，请核对办件编号和查询码",
    )
}

/// Checks the number and code; returns the case number, trimmed. Query codes are compared
/// case-insensitively and in constant time.
///
/// Failures are limited per client only: a stranger guessing at someone's case number must
/// not lock its owner out. Each attempt is counted before the check, in one step with the
/// limit (so a concurrent burst gets no more than the limit), and taken back when right; a
/// failure is answered only after a delay growing with the client's recent failures.
pub async fn authenticate(
    state: &AppState,
    client: &ClientIp,
    case_number: &str,
    query_code: &str,
) -> ApiResult<String> {
    authenticate_with(
        state,
        client,
        case_number,
        query_code,
        store::query_code,
        not_found,
    )
    .await
}

/// `authenticate` for anything opened with a number and a query code (a case, an appointment,
/// a question, a complaint): `stored` reads the code of a number, `not_found` is the one answer
/// to a wrong number or code. Failures share the client's look-up limit.
pub async fn authenticate_with(
    state: &AppState,
    client: &ClientIp,
    case_number: &str,
    query_code: &str,
    stored: fn(&rusqlite::Connection, &str) -> Result<Option<String>, AppError>,
    not_found: fn() -> AppError,
) -> ApiResult<String> {
    let number: String = case_number
        .trim()
        .chars()
        .take(CASE_NUMBER_MAX_LEN)
        .collect();
    let code = query_code.trim().to_ascii_uppercase();
    let now = state.clock.now();
    let key = client.key();
    if !state.limits.lookups.try_hit(&key, now) {
        return Err(rate_limited());
    }
    let stored = if number.is_empty() || case_number.trim().len() > CASE_NUMBER_MAX_LEN {
        None
    } else {
        let n = number.clone();
        state.db.read(move |c| stored(c, &n)).await?
    };
    // Compare against a dummy for unknown numbers too, so both paths do the same work;
    // '-' is outside the code alphabet, so the dummy never matches.
    let dummy = "-".repeat(QUERY_CODE_LEN);
    let expected = stored.as_deref().unwrap_or(&dummy);
    let matches = constant_time_eq(code.as_bytes(), expected.as_bytes());
    if matches && stored.is_some() {
        state.limits.lookups.forgive(&key, now);
        Ok(number)
    } else {
        let failures = state.limits.lookups.count(&key, now);
        tokio::time::sleep(state.limits.failure_delay(failures)).await;
        Err(not_found())
    }
}

#[utoipa::path(post, path = "/api/cases/lookup", tag = "cases",
    request_body = CaseLookup,
    responses((status = 200, description = "The case; the ID number is masked. A 一件事 case (looked up by the number of the whole) carries one entry in `tracks` per service, each with its own number, status, timeline and due date; its own status and due date are the overall ones", body = CaseView),
              (status = 404, description = "未找到该办件，请核对办件编号和查询码 (unknown number or wrong code alike)", body = contract::ApiError),
              (status = 400, description = "A malformed body", body = contract::ApiError),
              (status = 413, description = "Body over 16 KB", body = contract::ApiError),
              (status = 429, description = "rate_limited: 10 failed look-ups in 15 minutes from this client (an IPv6 client by its /64)", body = contract::ApiError)))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<CaseLookup>,
) -> ApiResult<Json<CaseView>> {
    // A 一件事 case is looked up by the number of the whole and answers with every track.
    let number = authenticate_with(
        &state,
        &client,
        &req.case_number,
        &req.query_code,
        crate::cases::bundle::query_code,
        not_found,
    )
    .await?;
    let calendar = state.calendar.clone();
    let today = state.clock.today();
    let view = state
        .db
        .read(move |c| crate::cases::bundle::load_any(c, &calendar, &number, today))
        .await?;
    Ok(Json(view))
}
