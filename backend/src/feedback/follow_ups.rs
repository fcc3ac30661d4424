//! 差评整改: a rating of 1 (非常不满意) or 2 (不满意) opens a follow-up. Staff contact the citizen
//! (回访) and record what was corrected (整改) within the limit the center sets
//! (`Settings::follow_up_days`, default 15 working days, `contract::DEFAULT_FOLLOW_UP_DAYS`):
//! 国办发〔2019〕51号 三（九） asks that every bad rating be looked into, corrected and answered.

use axum::extract::{Path, Query, State};
use axum::Json;
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate as Date;
use contract::{
    CaseFeedback, CaseLookup, FollowUpAction, FollowUpStatus, FollowUpView, Rating, StaffFollowUp,
};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde::Deserialize;

use super::{illegal, staff_texts};
use crate::app::AppState;
use crate::db::{JsonText, SerdeText};
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;

/// Whether a rating opens a follow-up.
pub fn needs_follow_up(rating: &Rating) -> bool {
    (1..=2).contains(&rating.score)
}

/// Opens the follow-up of a case just rated 1 or 2, in the rating's transaction.
pub fn open(
    conn: &Connection,
    calendar: &WorkCalendar,
    case_number: &str,
    today: Date,
    limit_days: u32,
) -> Result<(), AppError> {
    let due = calendar.due_date(today, limit_days, &[], today);
    conn.execute(
        "INSERT INTO follow_ups (case_number, status, opened_on, limit_days, due_date)
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (case_number) DO NOTHING",
        params![
            case_number,
            SerdeText(FollowUpStatus::Open),
            today,
            limit_days,
            due
        ],
    )?;
    Ok(())
}

fn view_of(r: &Row) -> rusqlite::Result<FollowUpView> {
    Ok(FollowUpView {
        status: r.get::<_, SerdeText<FollowUpStatus>>("status")?.0,
        opened_on: r.get("opened_on")?,
        due_date: r.get("due_date")?,
        limit_days: r.get("limit_days")?,
        contact_note: r.get("contact_note")?,
        contacted_on: r.get("contacted_on")?,
        rectification: r.get("rectification")?,
        rectified_on: r.get("rectified_on")?,
    })
}

pub fn load(conn: &Connection, case_number: &str) -> Result<Option<FollowUpView>, AppError> {
    Ok(conn
        .query_row(
            "SELECT * FROM follow_ups WHERE case_number = ?1",
            [case_number],
            view_of,
        )
        .optional()?)
}

fn staff_view(r: &Row, today: Date) -> rusqlite::Result<StaffFollowUp> {
    let follow_up = view_of(r)?;
    let rating: Option<JsonText<Rating>> = r.get("rating")?;
    let (score, reason) = rating.map_or((0, String::new()), |JsonText(r)| (r.score, r.reason));
    Ok(StaffFollowUp {
        case_number: r.get("case_number")?,
        service_name: r.get("service_name")?,
        score,
        reason,
        overdue: follow_up.status != FollowUpStatus::Rectified && follow_up.due_date < today,
        follow_up,
        handler: r.get("handler")?,
    })
}

const STAFF_SELECT: &str = "SELECT f.*, c.service_name, c.rating FROM follow_ups f
     JOIN cases c ON c.case_number = f.case_number";

fn load_staff(
    conn: &Connection,
    case_number: &str,
    today: Date,
) -> Result<Option<StaffFollowUp>, AppError> {
    let sql = format!("{STAFF_SELECT} WHERE f.case_number = ?1");
    Ok(conn
        .query_row(&sql, [case_number], |r| staff_view(r, today))
        .optional()?)
}

/// Open follow-ups by deadline, then the finished ones; only the overdue ones if asked.
pub fn list(
    conn: &Connection,
    today: Date,
    overdue_only: bool,
) -> Result<Vec<StaffFollowUp>, AppError> {
    let sql = format!(
        "{STAFF_SELECT} ORDER BY f.status = 'rectified', f.due_date, f.case_number LIMIT 500"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |r| staff_view(r, today))?;
    let all: Vec<StaffFollowUp> = rows.collect::<Result<_, _>>()?;
    Ok(all
        .into_iter()
        .filter(|f| !overdue_only || f.overdue)
        .collect())
}

/// Records 回访 or 整改, in that order.
pub fn perform(
    conn: &mut Connection,
    today: Date,
    case_number: &str,
    action: &FollowUpAction,
) -> Result<StaffFollowUp, AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current = load(&tx, case_number)?.ok_or_else(AppError::not_found)?;
    let (next, handler, note) = match action {
        FollowUpAction::Contact { handler, note } => (FollowUpStatus::Contacted, handler, note),
        FollowUpAction::Rectify { handler, note } => (FollowUpStatus::Rectified, handler, note),
    };
    let (handler, note) = staff_texts(handler, "note", note)?;
    if !current.status.can_move_to(next) {
        return Err(illegal(&format!(
            "该差评整改当前状态为“{}”，不能记录为“{}”",
            current.status.label(),
            next.label()
        )));
    }
    let sql = match next {
        FollowUpStatus::Contacted => {
            "UPDATE follow_ups SET status = ?1, contact_note = ?2, contacted_on = ?3, handler = ?4 WHERE case_number = ?5"
        }
        _ => {
            "UPDATE follow_ups SET status = ?1, rectification = ?2, rectified_on = ?3, handler = ?4 WHERE case_number = ?5"
        }
    };
    tx.execute(
        sql,
        params![SerdeText(next), note, today, handler, case_number],
    )?;
    let after = load_staff(&tx, case_number, today)?.ok_or_else(AppError::not_found)?;
    tx.commit()?;
    Ok(after)
}

#[utoipa::path(post, path = "/api/cases/feedback", tag = "cases",
    request_body = CaseLookup,
    responses((status = 200, description = "The follow-up of the case's rating (差评整改) and the complaints about the case, for its owner", body = CaseFeedback),
              (status = 404, description = "未找到该办件，请核对办件编号和查询码", body = contract::ApiError),
              (status = 429, description = "rate_limited: the case look-up's failure limit, shared", body = contract::ApiError)))]
pub async fn case_feedback(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<CaseLookup>,
) -> ApiResult<Json<CaseFeedback>> {
    let number =
        crate::cases::lookup::authenticate(&state, &client, &req.case_number, &req.query_code)
            .await?;
    let feedback = state
        .db
        .call(move |c| {
            Ok(CaseFeedback {
                follow_up: load(c, &number)?,
                complaints: super::complaints::about_case(c, &number)?,
            })
        })
        .await?;
    Ok(Json(feedback))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only the follow-ups past their limit and not yet rectified.
    pub overdue: Option<bool>,
}

#[utoipa::path(get, path = "/api/staff/follow-ups", tag = "staff",
    params(ListQuery),
    security(("staff_token" = [])),
    responses((status = 200, description = "Follow-ups of ratings 1–2, open ones by deadline, `overdue` when past it (at most 500)", body = [StaffFollowUp]),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError)))]
pub async fn staff_list(
    _staff: Staff,
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<Vec<StaffFollowUp>>> {
    let today = state.clock.today();
    let overdue = q.overdue.unwrap_or(false);
    Ok(Json(state.db.call(move |c| list(c, today, overdue)).await?))
}

#[utoipa::path(post, path = "/api/staff/follow-ups/{number}/actions", tag = "staff",
    params(("number" = String, Path, description = "办件编号")),
    request_body = FollowUpAction,
    security(("staff_token" = [])),
    responses((status = 200, description = "Recorded; the citizen sees it on the case page", body = StaffFollowUp),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "The case has no follow-up", body = contract::ApiError),
              (status = 409, description = "illegal_transition: 回访 comes before 整改, each once; nothing changed", body = contract::ApiError),
              (status = 422, description = "handler or note missing, note over 500 characters", body = contract::ApiError)))]
pub async fn staff_act(
    _staff: Staff,
    State(state): State<AppState>,
    Path(number): Path<String>,
    ApiJson(action): ApiJson<FollowUpAction>,
) -> ApiResult<Json<StaffFollowUp>> {
    let today = state.clock.today();
    Ok(Json(
        state
            .db
            .call(move |c| perform(c, today, &number, &action))
            .await?,
    ))
}
