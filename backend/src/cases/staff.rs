//! The staff API: list, show and act on cases. Every handler requires the staff token.

use axum::extract::{Path, Query, State};
use axum::Json;
use contract::{CaseView, StaffAction, StaffCaseDetail, StaffCaseSummary};
use serde::Deserialize;

use crate::app::AppState;
use crate::cases::actions;
use crate::http::error::ApiResult;
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;

/// Cases per page when the client does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 50;
/// Most cases one page may hold.
pub const MAX_PAGE_SIZE: u32 = 200;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page number, from 1 (default 1; 0 is taken as 1).
    #[param(value_type = Option<i64>, minimum = 0, maximum = 4294967295_i64)]
    pub page: Option<u32>,
    /// Cases per page, 1–200 (default 50); 0 is taken as 1, larger values are cut to 200.
    #[param(value_type = Option<i64>, minimum = 0, maximum = 4294967295_i64)]
    pub limit: Option<u32>,
}

#[utoipa::path(get, path = "/api/staff/cases", tag = "staff",
    params(ListQuery),
    security(("staff_token" = [])),
    responses((status = 200, description = "One page of cases, newest first; a page shorter than `limit` is the last", body = [StaffCaseSummary]),
              (status = 400, description = "page or limit is not a number", body = contract::ApiError),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError)))]
pub async fn list(
    _staff: Staff,
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> ApiResult<Json<Vec<StaffCaseSummary>>> {
    let limit = q.limit.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE);
    let offset = u64::from(q.page.unwrap_or(1).max(1) - 1) * u64::from(limit);
    let page = state
        .db
        .call(move |c| crate::cases::store::summaries(c, Some(limit), offset))
        .await?;
    Ok(Json(page))
}

#[utoipa::path(get, path = "/api/staff/cases/{number}", tag = "staff",
    params(("number" = String, Path, description = "办件编号")),
    security(("staff_token" = [])),
    responses((status = 200, description = "The case with the unmasked application and its uploads", body = StaffCaseDetail),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "未找到该办件", body = contract::ApiError)))]
pub async fn show(
    _staff: Staff,
    State(state): State<AppState>,
    Path(number): Path<String>,
) -> ApiResult<Json<StaffCaseDetail>> {
    let calendar = state.calendar.clone();
    let now = state.clock.now();
    let detail = state
        .db
        .call(move |c| actions::detail(c, &calendar, now, &number))
        .await?;
    Ok(Json(detail))
}

#[utoipa::path(post, path = "/api/staff/cases/{number}/actions", tag = "staff",
    params(("number" = String, Path, description = "办件编号")),
    request_body = StaffAction,
    security(("staff_token" = [])),
    responses((status = 200, description = "Done; the case as it is now", body = CaseView),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError),
              (status = 404, description = "未找到该办件", body = contract::ApiError),
              (status = 409, description = "illegal_transition: the case's status does not allow the action; nothing changed", body = contract::ApiError),
              (status = 422, description = "A missing handler, reason, material or tracking number", body = contract::ApiError)))]
pub async fn act(
    _staff: Staff,
    State(state): State<AppState>,
    Path(number): Path<String>,
    ApiJson(action): ApiJson<StaffAction>,
) -> ApiResult<Json<CaseView>> {
    let calendar = state.calendar.clone();
    let now = state.clock.now();
    let view = state
        .db
        .call(move |c| actions::perform(c, &calendar, now, &number, &action))
        .await?;
    Ok(Json(view))
}
