//! The staff API: list, show and act on cases. Every handler requires the staff token.

use axum::extract::{Path, State};
use axum::Json;
use contract::{CaseView, StaffAction, StaffCaseDetail, StaffCaseSummary};

use crate::app::AppState;
use crate::cases::actions;
use crate::http::error::ApiResult;
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;

#[utoipa::path(get, path = "/api/staff/cases", tag = "staff",
    security(("staff_token" = [])),
    responses((status = 200, description = "Every case, newest first", body = [StaffCaseSummary]),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "未启用工作人员接口", body = contract::ApiError)))]
pub async fn list(
    _staff: Staff,
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<StaffCaseSummary>>> {
    Ok(Json(state.db.call(|c| actions::list(c)).await?))
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
