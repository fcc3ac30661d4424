//! 补正: the applicant sends new pages for the flagged materials; review and the clock resume.

use axum::extract::State;
use axum::response::Response;
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
    responses((status = 200, description = "Supplied; the case is 审查中 again and the clock runs. A retry of the same pages (after a lost reply) gets the case as it is now, with header Idempotent-Replayed: true", body = CaseView),
              (status = 400, description = "A malformed body", body = contract::ApiError),
              (status = 404, description = "未找到该办件，请核对办件编号和查询码", body = contract::ApiError),
              (status = 409, description = "illegal_transition: the case is not waiting for materials (and this is not a retry of the supplement that ended the wait)", body = contract::ApiError),
              (status = 413, description = "Body over 64 KB", body = contract::ApiError),
              (status = 422, description = "A flagged material without pages, a material not asked for, an unusable upload (fields material.<id>), or over 50 materials / 20 pages per material (field materials); uploads_expired: uploads the server removed after 24 h unused, listed in expired_uploads (send them again)", body = contract::ApiError),
              (status = 429, description = "rate_limited", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<SupplementSubmission>,
) -> ApiResult<Response> {
    // Before the case is touched: an oversized list costs nothing under the database lock.
    let bounds = contract::validate::supplement_bounds(&req.materials);
    if !bounds.is_empty() {
        return Err(AppError::invalid(bounds));
    }
    let number = lookup::authenticate(&state, &client, &req.case_number, &req.query_code).await?;
    let calendar = state.calendar.clone();
    let now = state.clock.now();
    let (view, replayed) = state
        .db
        .call(move |c| supply(c, &calendar, now, &number, &req.materials))
        .await?;
    Ok(crate::applications::replied(view, replayed))
}

/// Whether `pages` are exactly what the latest, already supplied, request received: every
/// page attached to this case as its material, and every requested material given.
fn already_supplied(
    conn: &Connection,
    case_number: &str,
    pages: &[MaterialPages],
) -> Result<bool, AppError> {
    let latest = store::latest_supplements(conn, case_number)?;
    if latest.is_empty() || latest.iter().any(|i| !i.supplied) || pages.is_empty() {
        return Ok(false);
    }
    let covered = latest.iter().all(|i| {
        pages
            .iter()
            .any(|p| p.material_id == i.material_id && !p.upload_ids.is_empty())
    });
    if !covered || pages.iter().any(|p| p.upload_ids.is_empty()) {
        return Ok(false);
    }
    for p in pages {
        for id in &p.upload_ids {
            match crate::uploads::store::attached_as(conn, id)? {
                Some((case, material)) if case == case_number && material == p.material_id => {}
                _ => return Ok(false),
            }
        }
    }
    Ok(true)
}

/// Attaches the pages, marks the request supplied and moves 需补正 → 审查中, all or nothing.
pub fn supply(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    now: i64,
    case_number: &str,
    materials: &[MaterialPages],
) -> Result<(CaseView, bool), AppError> {
    let at = china_time(now);
    let today = at.date_naive();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut row = store::load(&tx, case_number)?.ok_or_else(lookup::not_found)?;
    let pages = pages::tidy(materials);
    if row.status != CaseStatus::SupplementRequired {
        // The same pages again are a retry after a lost reply: answer with the case as it is.
        if already_supplied(&tx, case_number, &pages)? {
            drop(tx);
            return Ok((view::load(conn, calendar, case_number, today)?, true));
        }
        return Err(illegal_transition(row.status, CaseStatus::UnderReview));
    }
    let open: Vec<_> = store::latest_supplements(&tx, case_number)?
        .into_iter()
        .filter(|i| !i.supplied)
        .collect();
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
    Ok((view::load(conn, calendar, case_number, today)?, false))
}
