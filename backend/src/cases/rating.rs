//! 好差评: one rating per concluded case (一事一评).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate as Date;
use contract::{CaseView, ErrorCode, FieldError, Rating, RatingSubmission};
use rusqlite::{Connection, TransactionBehavior};

use crate::app::AppState;
use crate::cases::{lookup, store, view};
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;

pub const COMMENT_MAX_CHARS: usize = 500;

fn already_rated() -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        ErrorCode::AlreadyRated,
        "该办件已评价，每个办件只能评价一次",
    )
}

/// The rating trimmed, or the field errors: score 1–5, a reason for 1 and 2, short text.
pub fn check(rating: &Rating) -> Result<Rating, AppError> {
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let reason = rating.reason.trim().to_string();
    let comment = rating.comment.trim().to_string();
    if !(1..=5).contains(&rating.score) {
        fail("rating.score", "请选择评价等级");
    }
    if (1..=2).contains(&rating.score) && reason.is_empty() {
        fail("rating.reason", "请填写不满意的原因");
    }
    if reason.chars().count() > COMMENT_MAX_CHARS {
        fail("rating.reason", "原因不能超过500个字");
    }
    if comment.chars().count() > COMMENT_MAX_CHARS {
        fail("rating.comment", "评价内容不能超过500个字");
    }
    if errors.is_empty() {
        Ok(Rating {
            score: rating.score,
            reason,
            comment,
        })
    } else {
        Err(AppError::invalid(errors))
    }
}

#[utoipa::path(post, path = "/api/cases/rating", tag = "cases",
    request_body = RatingSubmission,
    responses((status = 200, description = "Recorded; the case now carries the rating (a score of 1 or 2 opens a follow-up, 差评整改, shown by /api/cases/feedback). A retry of the same rating (after a lost reply) gets the same answer, with header Idempotent-Replayed: true", body = CaseView),
              (status = 400, description = "A malformed body", body = contract::ApiError),
              (status = 404, description = "未找到该办件，请核对办件编号和查询码", body = contract::ApiError),
              (status = 409, description = "not_concluded (not yet decided) or already_rated (该办件已评价，每个办件只能评价一次: a different rating was recorded)", body = contract::ApiError),
              (status = 413, description = "Body over 16 KB", body = contract::ApiError),
              (status = 422, description = "Score outside 1–5, no reason for 1 or 2, or text over 500 characters", body = contract::ApiError),
              (status = 429, description = "rate_limited", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<RatingSubmission>,
) -> ApiResult<Response> {
    let number = lookup::authenticate(&state, &client, &req.case_number, &req.query_code).await?;
    let calendar = state.calendar.clone();
    let today = state.clock.today();
    let follow_up_days = state.feedback.follow_up_days;
    let (view, replayed) = state
        .db
        .call(move |c| rate(c, &calendar, today, &number, &req.rating, follow_up_days))
        .await?;
    Ok(crate::applications::replied(view, replayed))
}

pub fn rate(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    today: Date,
    case_number: &str,
    rating: &Rating,
    follow_up_days: u32,
) -> Result<(CaseView, bool), AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let row = store::load(&tx, case_number)?.ok_or_else(lookup::not_found)?;
    if !row.status.concluded() {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            ErrorCode::NotConcluded,
            "办件办结后才能评价",
        ));
    }
    let rating = check(rating)?;
    if let Some(stored) = &row.rating {
        // The same rating again is a retry after a lost reply: answer as the first time.
        if *stored == rating {
            drop(tx);
            return Ok((view::load(conn, calendar, case_number, today)?, true));
        }
        return Err(already_rated());
    }
    if !store::set_rating(&tx, case_number, &rating)? {
        return Err(already_rated());
    }
    // 差评整改: a bad rating is followed up, in the same transaction so that none is missed.
    if crate::feedback::follow_ups::needs_follow_up(&rating) {
        crate::feedback::follow_ups::open(&tx, calendar, case_number, today, follow_up_days)?;
    }
    tx.commit()?;
    Ok((view::load(conn, calendar, case_number, today)?, false))
}
