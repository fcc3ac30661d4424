//! Staff operations on the database, shared by the HTTP staff API and the `staff` subcommands.

use axum::http::StatusCode;
use contract::calendar::WorkCalendar;
use contract::{
    CaseView, ErrorCode, StaffAction, StaffCaseDetail, StaffCaseSummary, StaffMaterial,
};
use rusqlite::{Connection, TransactionBehavior};

use crate::cases::machine::{self, Context, PauseChange};
use crate::cases::{store, view};
use crate::catalog::versions;
use crate::clock::china_time;
use crate::http::error::AppError;
use crate::uploads;

pub fn case_not_found() -> AppError {
    AppError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "未找到该办件")
}

/// Applies `action` to the case at Unix time `now`, all or nothing; returns the new view.
pub fn perform(
    conn: &mut Connection,
    calendar: &WorkCalendar,
    now: i64,
    case_number: &str,
    action: &StaffAction,
) -> Result<CaseView, AppError> {
    let at = china_time(now);
    let today = at.date_naive();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut row = store::load(&tx, case_number)?.ok_or_else(case_not_found)?;
    let service = versions::of_case(&tx, case_number, &row.service_code)?;
    let materials = service
        .as_ref()
        .map(|s| s.materials.clone())
        .unwrap_or_default();
    let plan = machine::plan(
        row.status,
        action,
        &Context {
            department: &row.department,
            materials: &materials,
            delivery: &row.application.delivery,
            at,
        },
    )?;

    for step in &plan.steps {
        store::append_step(&tx, case_number, step)?;
    }
    row.status = plan.status(row.status);
    match plan.pause {
        PauseChange::Keep => {}
        PauseChange::Open {
            kind,
            procedure,
            reason,
            supplements,
        } => {
            let id = store::open_pause(&tx, case_number, kind, procedure, today, &reason)?;
            store::insert_supplements(&tx, case_number, id, &supplements)?;
        }
        PauseChange::Close => store::close_pause(&tx, case_number, today)?,
    }
    if plan.accept {
        row.accepted_on = Some(today);
    }
    if plan.decision_reason.is_some() {
        row.decision_reason = plan.decision_reason;
    }
    if plan.tracking_number.is_some() {
        row.tracking_number = plan.tracking_number;
    }
    freeze_if_concluded(&tx, calendar, &mut row, today)?;
    store::update(&tx, &row)?;
    crate::publications::publish_if_due(&tx, &row, service.as_ref(), today)?;
    tx.commit()?;
    view::load_for(conn, calendar, case_number, today, view::Reader::Staff)
}

/// A concluded case keeps the due date it had when decided.
pub fn freeze_if_concluded(
    conn: &Connection,
    calendar: &WorkCalendar,
    row: &mut store::CaseRow,
    today: contract::chrono::NaiveDate,
) -> Result<(), AppError> {
    if row.status.concluded() && row.frozen_due_date.is_none() {
        let pauses = store::pauses(conn, &row.case_number)?;
        row.frozen_due_date = view::due_date(calendar, row, &pauses, today);
    }
    Ok(())
}

/// Every case, newest first (the command line).
pub fn list(conn: &Connection) -> Result<Vec<StaffCaseSummary>, AppError> {
    store::summaries(conn, None, 0)
}

pub fn detail(
    conn: &Connection,
    calendar: &WorkCalendar,
    now: i64,
    case_number: &str,
) -> Result<StaffCaseDetail, AppError> {
    let row = store::load(conn, case_number)?.ok_or_else(case_not_found)?;
    let today = china_time(now).date_naive();
    let case = view::build(conn, calendar, &row, today, view::Reader::Staff)?;
    let service = versions::of_case(conn, case_number, &row.service_code)?;
    let name_of = |id: &str| {
        service
            .as_ref()
            .and_then(|s| s.material_name(id))
            .unwrap_or_else(|| id.to_string())
    };
    let mut materials: Vec<StaffMaterial> = Vec::new();
    for (material_id, upload_id) in uploads::store::of_case(conn, case_number)? {
        match materials.iter_mut().find(|m| m.material_id == material_id) {
            Some(m) => m.upload_ids.push(upload_id),
            None => materials.push(StaffMaterial {
                material_name: name_of(&material_id),
                material_id,
                upload_ids: vec![upload_id],
            }),
        }
    }
    // Show materials in the guide's order.
    if let Some(service) = &service {
        let position = |id: &str| service.materials.iter().position(|m| m.id == id);
        materials.sort_by_key(|m| position(&m.material_id).unwrap_or(usize::MAX));
    }
    Ok(StaffCaseDetail {
        case,
        application: row.application,
        materials,
    })
}
