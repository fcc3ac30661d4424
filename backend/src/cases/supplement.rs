//! 补正: the applicant sends new pages for the flagged materials; review and the clock resume.

use axum::extract::State;
use axum::Json;
use contract::calendar::WorkCalendar;
use contract::{
    CaseStatus, CaseView, FieldError, MaterialPages, SupplementSubmission, TimelineStep,
};
use rusqlite::{Connection, TransactionBehavior};

use crate::app::AppState;
use crate::cases::machine::illegal_transition;
use crate::cases::{lookup, store, view};
use crate::clock::china_time;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::uploads::pages;

/// Handler recorded on the timeline for what the applicant does.
pub const APPLICANT: &str = "申请人";

#[utoipa::path(post, path = "/api/cases/supplement", tag = "cases",
    request_body = SupplementSubmission,
    responses((status = 200, description = "Supplied; the case is 审查中 again and the clock runs", body = CaseView),
              (status = 404, description = "未找到该办件，请核对办件编号和查询码", body = contract::ApiError),
              (status = 409, description = "illegal_transition: the case is not waiting for materials", body = contract::ApiError),
              (status = 422, description = "A flagged material without pages, a material not asked for, or an unusable upload (fields material.<id>)", body = contract::ApiError),
              (status = 429, description = "rate_limited", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(req): ApiJson<SupplementSubmission>,
) -> ApiResult<Json<CaseView>> {
    // Before the case is touched: an oversized list costs nothing under the database lock.
    let bounds = contract::validate::supplement_bounds(&req.materials);
    if !bounds.is_empty() {
        return Err(AppError::invalid(bounds));
    }
    let number = lookup::authenticate(&state, ip, &req.case_number, &req.query_code).await?;
    let calendar = state.calendar.clone();
    let now = state.clock.now();
    let view = state
        .db
        .call(move |c| supply(c, &calendar, now, &number, &req.materials))
        .await?;
    Ok(Json(view))
}

/// Attaches the pages, marks the request supplied and moves 需补正 → 审查中, all or nothing.
pub fn supply(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    now: i64,
    case_number: &str,
    materials: &[MaterialPages],
) -> Result<CaseView, AppError> {
    let at = china_time(now);
    let today = at.date_naive();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut row = store::load(&tx, case_number)?.ok_or_else(lookup::not_found)?;
    if row.status != CaseStatus::SupplementRequired {
        return Err(illegal_transition(row.status, CaseStatus::UnderReview));
    }
    let open: Vec<_> = store::latest_supplements(&tx, case_number)?
        .into_iter()
        .filter(|i| !i.supplied)
        .collect();
    let pages = pages::tidy(materials);
    let mut errors = Vec::new();
    for p in &pages {
        if !open.iter().any(|i| i.material_id == p.material_id) {
            errors.push(FieldError {
                field: contract::material_field(&p.material_id),
                message: "该材料无需补正".into(),
            });
        }
    }
    for item in &open {
        let given = pages
            .iter()
            .any(|p| p.material_id == item.material_id && !p.upload_ids.is_empty());
        if !given {
            errors.push(FieldError {
                field: contract::material_field(&item.material_id),
                message: format!("请上传：{}", item.material_name),
            });
        }
    }
    errors.extend(pages::check_free(&tx, &pages)?);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }

    for p in &pages {
        crate::uploads::store::attach(&tx, case_number, &p.material_id, &p.upload_ids)?;
    }
    store::mark_supplied(&tx, case_number)?;
    store::close_pause(&tx, case_number, today)?;
    store::append_step(
        &tx,
        case_number,
        &TimelineStep {
            status: CaseStatus::UnderReview,
            department: row.department.clone(),
            handler: APPLICANT.into(),
            opinion: "已补正材料".into(),
            at,
        },
    )?;
    row.status = CaseStatus::UnderReview;
    store::update(&tx, &row)?;
    tx.commit()?;
    view::load(conn, calendar, case_number, today)
}
