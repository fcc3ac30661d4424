//! What a citizen does with an appointment: book, see, move, cancel.

use axum::http::StatusCode;
use contract::appointment::{
    needs_visit, AppointmentMove, AppointmentReceipt, AppointmentRequest, AppointmentStatus,
    AppointmentView, ClockTime, PlaceHours, PrecheckItem, SlotTime,
};
use contract::chrono::NaiveDate;
use contract::validate::{
    mask_id_number, mask_name, validate_id_number, validate_name, validate_phone,
};
use contract::{ErrorCode, FieldError, Service};
use rusqlite::{Connection, TransactionBehavior};

use super::store::{self, AppointmentRow};
use super::{availability, illegal_transition, not_found, unavailable, unix_at, Ctx};
use crate::catalog::service_items::load_service;
use crate::http::error::AppError;

/// Recorded as the handler of what the citizen does.
pub const CITIZEN: &str = "预约人";

pub fn slot_full(next: Option<contract::appointment::NextFree>) -> AppError {
    let message = match &next {
        Some(n) => format!(
            "该时段已约满。最近可预约：{} {} {}–{}",
            n.place_name, n.date, n.start, n.end
        ),
        None => "该时段已约满，近期暂无可预约时段".to_string(),
    };
    let mut e = AppError::new(StatusCode::CONFLICT, ErrorCode::SlotFull, &message);
    if let Some(n) = next {
        e.body.fields.push(FieldError {
            field: contract::appointment::NEXT_FREE_FIELD.into(),
            message: n.to_field(),
        });
    }
    e
}

fn service_for_booking(conn: &Connection, code: &str) -> Result<Service, AppError> {
    let service = load_service(conn, code.trim())?.ok_or_else(AppError::not_found)?;
    if !needs_visit(&service) {
        return Err(unavailable("该事项可全程网办，无需预约到现场办理"));
    }
    Ok(service)
}

/// The place (one of the service's 办理地点 with opening hours) and its slot starting at
/// `start` on `date`, if it can be booked now: ahead of now, inside the booking window, not
/// closed by the center.
fn bookable_slot<'a>(
    conn: &Connection,
    cx: &Ctx<'a>,
    service: &Service,
    place_id: &str,
    date: NaiveDate,
    start: ClockTime,
) -> Result<(&'a PlaceHours, String, SlotTime), AppError> {
    let place = cx
        .hours
        .place(place_id)
        .filter(|p| service.places.iter().any(|g| g.name == p.name))
        .ok_or_else(|| unavailable("该地点不办理此事项，请重新选择办理地点"))?;
    let address = service
        .places
        .iter()
        .find(|g| g.name == place.name)
        .map(|g| g.address.clone())
        .unwrap_or_default();
    let (first, last) = availability::window(cx);
    let slot = place
        .slot(cx.calendar, date, start)
        .filter(|_| (first..=last).contains(&date))
        .ok_or_else(|| unavailable("该时段不可预约，请重新选择"))?;
    if unix_at(date, slot.start) <= cx.now {
        return Err(unavailable("该时段已过，请选择其他时段"));
    }
    if let Some(reason) = store::closure(conn, &place.id, date, slot.start)? {
        return Err(unavailable(&format!("该时段已停止预约：{reason}")));
    }
    Ok((place, address, slot))
}

/// Refuses a full slot, naming the next free one of the service.
fn check_capacity(
    conn: &Connection,
    cx: &Ctx,
    service: &Service,
    place: &PlaceHours,
    date: NaiveDate,
    start: ClockTime,
) -> Result<(), AppError> {
    if store::booked_in_slot(conn, &place.id, date, start)? >= u32::from(place.capacity) {
        return Err(slot_full(availability::next_free_after(
            conn, cx, service, date, start,
        )?));
    }
    Ok(())
}

fn person_errors(req: &AppointmentRequest, today: NaiveDate) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut check = |field: &str, r: Result<(), &str>| {
        if let Err(m) = r {
            errors.push(FieldError {
                field: field.into(),
                message: m.into(),
            });
        }
    };
    check("name", validate_name(&req.name));
    check("id_number", validate_id_number(&req.id_number, today));
    check("phone", validate_phone(&req.phone));
    errors
}

const KEYS: &str = "appointment_keys";

/// The receipt a booking with this key and request was given; 409 for another request.
pub fn stored_receipt(
    conn: &Connection,
    key: &str,
    hash: &str,
) -> Result<Option<AppointmentReceipt>, AppError> {
    crate::idempotency::stored(
        conn,
        KEYS,
        key,
        hash,
        "该预约已用不同的内容提交过，请刷新页面后重新预约",
    )
}

/// Books a slot; with `keyed` (idempotency key, request hash) a repeat of a booking made
/// returns its first receipt (`true`) instead of refusing it as already booked.
pub fn book(
    conn: &mut Connection,
    cx: &Ctx,
    req: &AppointmentRequest,
    keyed: Option<&(String, String)>,
) -> Result<(AppointmentReceipt, bool), AppError> {
    let today = cx.today();
    let errors = person_errors(req, today);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let id_number = req.id_number.trim().to_ascii_uppercase();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some((key, hash)) = keyed {
        if let Some(receipt) = stored_receipt(&tx, key, hash)? {
            return Ok((receipt, true));
        }
    }
    let service = service_for_booking(&tx, &req.service_code)?;
    let pages = super::precheck::checked_pages(&tx, &service, &req.materials)?;
    let (place, address, slot) =
        bookable_slot(&tx, cx, &service, &req.place_id, req.date, req.start)?;
    if store::active_for(&tx, &id_number, &service.code)?.is_some() {
        return Err(AppError::new(
            StatusCode::CONFLICT,
            ErrorCode::AlreadyBooked,
            "该证件号码已预约此事项，如需更换时间请在“我的预约”中改约",
        ));
    }
    let max = cx.hours.max_per_id_per_day;
    if store::booked_on(&tx, &id_number, today)? >= u32::from(max) {
        return Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAppointments,
            &format!("同一证件号码每天最多预约{max}次，请明日再约"),
        ));
    }
    check_capacity(&tx, cx, &service, place, req.date, slot.start)?;
    let number = store::next_number(&tx, today)?.ok_or_else(|| {
        AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::DailyCapacityReached,
            "今日预约已达上限，请明日再试",
        )
    })?;
    let row = AppointmentRow {
        number: number.clone(),
        query_code: crate::tokens::query_code()?,
        service_code: service.code.clone(),
        service_name: service.name.clone(),
        place_id: place.id.clone(),
        place_name: place.name.clone(),
        place_address: address,
        date: req.date,
        start: slot.start,
        end: slot.end,
        kind: slot.kind,
        status: AppointmentStatus::Booked,
        name: req.name.trim().to_string(),
        id_number,
        phone: req.phone.trim().to_string(),
        closure_reason: None,
    };
    store::insert(&tx, &row, today, cx.now)?;
    for (material, upload_ids) in &pages {
        store::replace_pages(&tx, &number, &material.id, &material.name, upload_ids)?;
    }
    let receipt = AppointmentReceipt {
        appointment_number: number.clone(),
        query_code: row.query_code.clone(),
        appointment: view(&tx, cx, &number)?,
    };
    if let Some((key, hash)) = keyed {
        crate::idempotency::store(&tx, KEYS, key, hash, &number, &receipt, cx.now)?;
    }
    tx.commit()?;
    Ok((receipt, false))
}

/// The latest moment to cancel or move.
pub fn change_until(cx: &Ctx, row: &AppointmentRow) -> i64 {
    unix_at(row.date, row.start) - i64::from(cx.hours.cutoff_minutes) * 60
}

/// The appointment as its holder sees it.
pub fn view(conn: &Connection, cx: &Ctx, number: &str) -> Result<AppointmentView, AppError> {
    let row = store::load(conn, number)?.ok_or_else(not_found)?;
    let until = change_until(cx, &row);
    let precheck = store::precheck_items(conn, number)?
        .into_iter()
        .map(|i| PrecheckItem {
            material_id: i.material_id,
            material_name: i.material_name,
            pages: i.upload_ids.len() as u32,
            verdict: i.verdict,
            reason: i.reason,
        })
        .collect();
    Ok(AppointmentView {
        appointment_number: row.number.clone(),
        status: row.status,
        service_code: row.service_code.clone(),
        service_name: row.service_name.clone(),
        place_id: row.place_id.clone(),
        place_name: row.place_name.clone(),
        place_address: row.place_address.clone(),
        date: row.date,
        start: row.start,
        end: row.end,
        kind: row.kind,
        name: mask_name(&row.name),
        id_number: mask_id_number(&row.id_number),
        phone: contract::appointment::mask_phone(&row.phone),
        closure_reason: row.closure_reason.clone(),
        changeable: row.status.active() && cx.now < until,
        change_until: crate::clock::china_time(until),
        precheck,
    })
}

/// A Booked appointment before its cut-off, for a change by its holder.
fn changeable_row(
    conn: &Connection,
    cx: &Ctx,
    number: &str,
    to: AppointmentStatus,
) -> Result<AppointmentRow, AppError> {
    let row = store::load(conn, number)?.ok_or_else(not_found)?;
    // A move keeps a booked appointment booked; anything else follows the state machine.
    let allowed = row.status.can_move_to(to) || (row.status.active() && to.active());
    if !allowed {
        return Err(illegal_transition(row.status, to));
    }
    if cx.now >= change_until(cx, &row) {
        let hours = f64::from(cx.hours.cutoff_minutes) / 60.0;
        return Err(AppError::new(
            StatusCode::CONFLICT,
            ErrorCode::PastCutoff,
            &format!(
                "距预约时间已不足{hours}小时，不能再取消或改约；如不能按时到场，请致电办理地点"
            ),
        ));
    }
    Ok(row)
}

/// 取消: the place is free again at once.
pub fn cancel(conn: &mut Connection, cx: &Ctx, number: &str) -> Result<AppointmentView, AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    changeable_row(&tx, cx, number, AppointmentStatus::Cancelled)?;
    store::set_status(&tx, number, AppointmentStatus::Cancelled, CITIZEN)?;
    tx.commit()?;
    view(conn, cx, number)
}

/// 改约: another slot (and place) of the same service; the old place is free again at once.
pub fn move_to(
    conn: &mut Connection,
    cx: &Ctx,
    req: &AppointmentMove,
) -> Result<AppointmentView, AppError> {
    let number = req.appointment_number.trim();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let row = changeable_row(&tx, cx, number, AppointmentStatus::Booked)?;
    let service = load_service(&tx, &row.service_code)?.ok_or_else(AppError::not_found)?;
    let (place, address, slot) =
        bookable_slot(&tx, cx, &service, &req.place_id, req.date, req.start)?;
    if place.id == row.place_id && req.date == row.date && slot.start == row.start {
        return Err(unavailable("新时段与原预约相同，请选择其他时段"));
    }
    check_capacity(&tx, cx, &service, place, req.date, slot.start)?;
    store::move_to(
        &tx,
        number,
        (&place.id, &place.name, &address),
        req.date,
        slot,
    )?;
    tx.commit()?;
    view(conn, cx, number)
}
