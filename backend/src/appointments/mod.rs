//! 预约 (appointments for a window visit) and 预审 (pre-check of photographed materials).
//!
//! - [`hours`]: the places' opening hours, data kept with the catalog;
//! - [`availability`]: free places per slot, and the next free slot;
//! - [`book`]: what a citizen does (book, look up, move, cancel), [`precheck`] their photos;
//! - [`staff`]: what staff do (day list, 签到 / 未到, close a slot, 预审 verdicts);
//! - [`api`] the HTTP handlers, [`cli`] `backend staff appointments …`.
//!
//! Every change runs in one IMMEDIATE transaction that counts and writes, so a slot never
//! takes more bookings than its capacity, however many arrive at once.

pub mod api;
pub mod availability;
pub mod book;
pub mod cli;
pub mod hours;
pub mod precheck;
pub mod staff;
pub mod store;

use axum::http::StatusCode;
use contract::appointment::{AppointmentStatus, ClockTime, OpeningHours};
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate;
use contract::ErrorCode;

use crate::http::error::AppError;

/// What every appointment rule needs: the hours, the calendar and the time.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub hours: &'a OpeningHours,
    pub calendar: &'a WorkCalendar,
    /// Unix seconds.
    pub now: i64,
}

impl Ctx<'_> {
    pub fn today(&self) -> NaiveDate {
        crate::clock::china_time(self.now).date_naive()
    }
}

/// Unix seconds of `time` on `date`, China time.
pub fn unix_at(date: NaiveDate, time: ClockTime) -> i64 {
    let midnight = date
        .and_time(Default::default())
        .and_local_timezone(contract::time::CHINA_OFFSET)
        .single()
        .map_or(0, |t| t.timestamp());
    midnight + i64::from(time.0) * 60
}

pub fn status_label(status: AppointmentStatus) -> &'static str {
    match status {
        AppointmentStatus::Booked => "已预约",
        AppointmentStatus::Arrived => "已签到",
        AppointmentStatus::NoShow => "未到",
        AppointmentStatus::Cancelled => "已取消",
        AppointmentStatus::Closed => "已停约",
    }
}

pub fn illegal_transition(from: AppointmentStatus, to: AppointmentStatus) -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        ErrorCode::IllegalTransition,
        &format!(
            "预约当前状态为“{}”，不能变更为“{}”",
            status_label(from),
            status_label(to)
        ),
    )
}

pub fn not_found() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "未找到该预约，请核对预约号和查询码",
    )
}

pub fn unavailable(message: &str) -> AppError {
    AppError::new(StatusCode::CONFLICT, ErrorCode::SlotUnavailable, message)
}
