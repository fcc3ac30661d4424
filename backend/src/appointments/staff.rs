//! What staff do: the day's list per place, 签到 / 未到, 预审 verdicts, and closing a slot.

use axum::http::StatusCode;
use contract::appointment::{AppointmentAction, AppointmentStatus, SlotClosure, StaffAppointment};
use contract::chrono::NaiveDate;
use contract::{ErrorCode, FieldError};
use rusqlite::{Connection, TransactionBehavior};

use super::store::{self, AppointmentRow};
use super::{illegal_transition, not_found, unavailable, unix_at, Ctx};
use crate::http::error::AppError;

const HANDLER_MAX_CHARS: usize = 30;
const REASON_MAX_CHARS: usize = 200;

fn staff_row(conn: &Connection, row: AppointmentRow) -> Result<StaffAppointment, AppError> {
    Ok(StaffAppointment {
        precheck: store::precheck_items(conn, &row.number)?,
        appointment_number: row.number,
        status: row.status,
        service_code: row.service_code,
        service_name: row.service_name,
        place_id: row.place_id,
        date: row.date,
        start: row.start,
        end: row.end,
        kind: row.kind,
        name: row.name,
        id_number: row.id_number,
        phone: row.phone,
        closure_reason: row.closure_reason,
    })
}

pub fn day(
    conn: &Connection,
    date: NaiveDate,
    place_id: Option<&str>,
) -> Result<Vec<StaffAppointment>, AppError> {
    store::day_list(conn, date, place_id)?
        .into_iter()
        .map(|r| staff_row(conn, r))
        .collect()
}

pub fn show(conn: &Connection, number: &str) -> Result<StaffAppointment, AppError> {
    let row = store::load(conn, number)?.ok_or_else(not_found)?;
    staff_row(conn, row)
}

fn handler_of(handler: &str) -> Result<String, AppError> {
    let h = handler.trim();
    if h.is_empty() || h.chars().count() > HANDLER_MAX_CHARS {
        return Err(AppError::invalid(vec![FieldError {
            field: "handler".into(),
            message: "请填写经办人（不超过30个字）".into(),
        }]));
    }
    Ok(h.to_string())
}

/// 签到 on the appointment's day; 未到 once its slot has begun.
pub fn act(
    conn: &mut Connection,
    cx: &Ctx,
    number: &str,
    action: &AppointmentAction,
) -> Result<StaffAppointment, AppError> {
    let (to, handler) = match action {
        AppointmentAction::Arrive { handler } => (AppointmentStatus::Arrived, handler),
        AppointmentAction::NoShow { handler } => (AppointmentStatus::NoShow, handler),
        AppointmentAction::Precheck { handler, decisions } => {
            super::precheck::decide(conn, number, handler, decisions)?;
            return show(conn, number);
        }
    };
    let handler = handler_of(handler)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let row = store::load(&tx, number)?.ok_or_else(not_found)?;
    if !row.status.can_move_to(to) {
        return Err(illegal_transition(row.status, to));
    }
    match to {
        AppointmentStatus::Arrived if row.date != cx.today() => {
            return Err(unavailable("只能在预约当天签到"));
        }
        AppointmentStatus::NoShow if cx.now < unix_at(row.date, row.start) => {
            return Err(unavailable("预约时段尚未开始，不能标记未到"));
        }
        _ => {}
    }
    store::set_status(&tx, number, to, &handler)?;
    tx.commit()?;
    show(conn, number)
}

/// Stops a slot that has not ended: no new bookings, and its bookings become 已停约 with the
/// reason, which their holders see. Returns how many bookings it ended.
pub fn close_slot(conn: &mut Connection, cx: &Ctx, c: &SlotClosure) -> Result<usize, AppError> {
    let handler = handler_of(&c.handler)?;
    let reason = c.reason.trim();
    if reason.is_empty() || reason.chars().count() > REASON_MAX_CHARS {
        return Err(AppError::invalid(vec![FieldError {
            field: "reason".into(),
            message: "请填写停约原因（不超过200个字），预约群众将看到此原因".into(),
        }]));
    }
    let place = cx.hours.place(c.place_id.trim()).ok_or_else(|| {
        AppError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "没有该办理地点")
    })?;
    let slot = place
        .slot(cx.calendar, c.date, c.start)
        .ok_or_else(|| unavailable("该地点当天没有这个时段"))?;
    if unix_at(c.date, slot.end) <= cx.now {
        return Err(unavailable("该时段已结束"));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    store::insert_closure(&tx, &place.id, c.date, slot.start, reason, &handler, cx.now)?;
    let n = store::close_bookings(&tx, &place.id, c.date, slot.start, reason, &handler)?;
    tx.commit()?;
    Ok(n)
}
