//! The appointment endpoints: citizens (with number and query code) and staff (token).

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use contract::appointment::{
    AppointmentAction, AppointmentLookup, AppointmentMove, AppointmentReceipt, AppointmentRequest,
    AppointmentView, Availability, NextFree, PrecheckSubmission, SlotClosure, StaffAppointment,
};
use contract::chrono::NaiveDate;
use contract::ErrorCode;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{availability, book, precheck, staff, store, Ctx};
use crate::app::AppState;
use crate::applications::replied;
use crate::catalog::service_items::load_service;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::http::staff_auth::Staff;

/// Runs `f` with the rules' context, on the database thread.
async fn with_ctx<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&mut Connection, &Ctx) -> Result<T, AppError> + Send + 'static,
) -> ApiResult<T> {
    let (hours, calendar, now) = (
        state.hours.clone(),
        state.calendar.clone(),
        state.clock.now(),
    );
    state
        .db
        .call(move |c| {
            let cx = Ctx {
                hours: &hours,
                calendar: &calendar,
                now,
            };
            f(c, &cx)
        })
        .await
}

/// Bookings and moves per client: a person books for themself and maybe a relative; more
/// is someone booking to resell (号贩子).
pub fn bulk_refused() -> AppError {
    AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        "预约操作过于频繁，系统已拒绝。号源仅供本人办事使用，严禁倒卖号源；请稍后再试",
    )
}

fn limit(state: &AppState, client: &ClientIp) -> ApiResult<()> {
    if state
        .limits
        .appointments
        .try_hit(&client.key(), state.clock.now())
    {
        Ok(())
    } else {
        Err(bulk_refused())
    }
}

async fn authenticate(
    state: &AppState,
    client: &ClientIp,
    number: &str,
    code: &str,
) -> ApiResult<String> {
    crate::cases::lookup::authenticate_with(
        state,
        client,
        number,
        code,
        store::query_code,
        super::not_found,
    )
    .await
}

#[utoipa::path(get, path = "/api/services/{code}/availability", tag = "appointments",
    params(("code" = String, Path, description = "实施编码")),
    responses((status = 200, description = "The service's bookable places, days and slots with free places, and the next free slot", body = Availability),
              (status = 404, description = "No such service", body = contract::ApiError)))]
pub async fn service_availability(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> ApiResult<Json<Availability>> {
    let a = with_ctx(&state, move |c, cx| {
        let service = load_service(c, &code)?.ok_or_else(AppError::not_found)?;
        availability::availability(c, cx, &service)
    })
    .await?;
    Ok(Json(a))
}

/// The guide's "最近可约" line.
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct NextFreeAnswer {
    pub next_free: Option<NextFree>,
}

#[utoipa::path(get, path = "/api/services/{code}/next-free", tag = "appointments",
    params(("code" = String, Path, description = "实施编码")),
    responses((status = 200, description = "The earliest free slot of the service (null when none in the booking window or the service takes no appointments)", body = NextFreeAnswer),
              (status = 404, description = "No such service", body = contract::ApiError)))]
pub async fn service_next_free(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> ApiResult<Json<NextFreeAnswer>> {
    let next_free = with_ctx(&state, move |c, cx| {
        let service = load_service(c, &code)?.ok_or_else(AppError::not_found)?;
        if !contract::appointment::needs_visit(&service) {
            return Ok(None);
        }
        availability::next_free(c, cx, &service)
    })
    .await?;
    Ok(Json(NextFreeAnswer { next_free }))
}

#[utoipa::path(post, path = "/api/appointments", tag = "appointments",
    params(("Idempotency-Key" = Option<String>, Header, description = "8–64 visible ASCII characters, one per booking; a retry after a lost reply reuses it and gets the first answer",
        min_length = 8, max_length = 64, pattern = "^[!-~]{8,64}$")),
    request_body = AppointmentRequest,
    responses((status = 200, description = "Booked: the appointment number and query code (keep both) and the appointment (or booked before with the same key and body: header Idempotent-Replayed: true, the receipt as first given)", body = AppointmentReceipt),
              (status = 400, description = "A malformed Idempotency-Key or body", body = contract::ApiError),
              (status = 404, description = "No such service", body = contract::ApiError),
              (status = 409, description = "idempotency_conflict (the key was used with another booking), slot_full (该时段已约满; field next_free holds `<place id> <date> <HH:MM>` of the next free slot), slot_unavailable (past, closed with its reason, not a slot of the place, or the service needs no visit), already_booked (one active appointment per ID number per service)", body = contract::ApiError),
              (status = 422, description = "Name, ID number or phone wrong (fields name, id_number, phone), or pre-check photos unusable (fields material.<id>)", body = contract::ApiError),
              (status = 429, description = "too_many_appointments (per ID number per day), or rate_limited (bookings per client: bulk booking refused)", body = contract::ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    ApiJson(req): ApiJson<AppointmentRequest>,
) -> ApiResult<Response> {
    // The key is optional for API clients; the app always sends one.
    let keyed = match headers.get(crate::applications::IDEMPOTENCY_HEADER) {
        Some(_) => Some((
            crate::applications::key_from(&headers)?,
            crate::idempotency::request_hash(&req)?,
        )),
        None => None,
    };
    // A retry of a booking made is answered before the rate limit counts it.
    if let Some((key, hash)) = keyed.clone() {
        if let Some(receipt) = state
            .db
            .call(move |c| book::stored_receipt(c, &key, &hash))
            .await?
        {
            return Ok(replied(receipt, true));
        }
    }
    limit(&state, &client)?;
    let (receipt, replayed) =
        with_ctx(&state, move |c, cx| book::book(c, cx, &req, keyed.as_ref())).await?;
    Ok(replied(receipt, replayed))
}

#[utoipa::path(post, path = "/api/appointments/lookup", tag = "appointments",
    request_body = AppointmentLookup,
    responses((status = 200, description = "The appointment; name, ID number and phone masked", body = AppointmentView),
              (status = 404, description = "未找到该预约 (unknown number or wrong code alike)", body = contract::ApiError),
              (status = 429, description = "rate_limited: failed look-ups, counted with those of cases", body = contract::ApiError)))]
pub async fn lookup(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<AppointmentLookup>,
) -> ApiResult<Json<AppointmentView>> {
    let number = authenticate(&state, &client, &req.appointment_number, &req.query_code).await?;
    Ok(Json(
        with_ctx(&state, move |c, cx| book::view(c, cx, &number)).await?,
    ))
}

#[utoipa::path(post, path = "/api/appointments/cancel", tag = "appointments",
    request_body = AppointmentLookup,
    responses((status = 200, description = "Cancelled; the place is offered again at once", body = AppointmentView),
              (status = 404, description = "未找到该预约", body = contract::ApiError),
              (status = 409, description = "illegal_transition (not booked any more) or past_cutoff", body = contract::ApiError),
              (status = 429, description = "rate_limited: failed look-ups, counted with those of cases", body = contract::ApiError)))]
pub async fn cancel(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<AppointmentLookup>,
) -> ApiResult<Json<AppointmentView>> {
    let number = authenticate(&state, &client, &req.appointment_number, &req.query_code).await?;
    Ok(Json(
        with_ctx(&state, move |c, cx| book::cancel(c, cx, &number)).await?,
    ))
}

#[utoipa::path(post, path = "/api/appointments/move", tag = "appointments",
    request_body = AppointmentMove,
    responses((status = 200, description = "Moved; the old place is offered again at once", body = AppointmentView),
              (status = 404, description = "未找到该预约", body = contract::ApiError),
              (status = 409, description = "illegal_transition, past_cutoff, slot_full (with next_free), slot_unavailable", body = contract::ApiError),
              (status = 429, description = "rate_limited (bookings and moves per client)", body = contract::ApiError)))]
pub async fn move_to(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<AppointmentMove>,
) -> ApiResult<Json<AppointmentView>> {
    let number = authenticate(&state, &client, &req.appointment_number, &req.query_code).await?;
    limit(&state, &client)?;
    let req = AppointmentMove {
        appointment_number: number,
        ..req
    };
    Ok(Json(
        with_ctx(&state, move |c, cx| book::move_to(c, cx, &req)).await?,
    ))
}

#[utoipa::path(post, path = "/api/appointments/precheck", tag = "appointments",
    request_body = PrecheckSubmission,
    responses((status = 200, description = "The photos replace those of their materials, which wait for a new verdict", body = AppointmentView),
              (status = 404, description = "未找到该预约", body = contract::ApiError),
              (status = 409, description = "illegal_transition: the appointment is not booked any more", body = contract::ApiError),
              (status = 422, description = "Unusable photos or materials (fields material.<id>, materials)", body = contract::ApiError),
              (status = 429, description = "rate_limited: failed look-ups, counted with those of cases", body = contract::ApiError)))]
pub async fn precheck_submit(
    State(state): State<AppState>,
    client: ClientIp,
    ApiJson(req): ApiJson<PrecheckSubmission>,
) -> ApiResult<Json<AppointmentView>> {
    let number = authenticate(&state, &client, &req.appointment_number, &req.query_code).await?;
    Ok(Json(
        with_ctx(&state, move |c, cx| {
            precheck::submit(c, cx, &number, &req.materials)
        })
        .await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// The day, YYYY-MM-DD.
    pub date: NaiveDate,
    /// One place's id; all places without it.
    pub place: Option<String>,
}

#[utoipa::path(get, path = "/api/staff/appointments", tag = "staff", params(DayQuery),
    security(("staff_token" = [])),
    responses((status = 200, description = "The day's appointments, by place and time, unmasked, with pre-check pages", body = [StaffAppointment]),
              (status = 401, description = "Missing or wrong staff token", body = contract::ApiError)))]
pub async fn staff_day(
    _staff: Staff,
    State(state): State<AppState>,
    Query(q): Query<DayQuery>,
) -> ApiResult<Json<Vec<StaffAppointment>>> {
    let list = state
        .db
        .call(move |c| staff::day(c, q.date, q.place.as_deref()))
        .await?;
    Ok(Json(list))
}

#[utoipa::path(post, path = "/api/staff/appointments/{number}/actions", tag = "staff",
    params(("number" = String, Path, description = "预约号")),
    request_body = AppointmentAction, security(("staff_token" = [])),
    responses((status = 200, description = "Done", body = StaffAppointment),
              (status = 401, description = "Missing or wrong staff token", body = contract::ApiError),
              (status = 404, description = "No such appointment", body = contract::ApiError),
              (status = 409, description = "illegal_transition, or slot_unavailable (签到 only on the day, 未到 only once the slot began)", body = contract::ApiError),
              (status = 422, description = "Missing handler or reason", body = contract::ApiError)))]
pub async fn staff_act(
    _staff: Staff,
    State(state): State<AppState>,
    Path(number): Path<String>,
    ApiJson(action): ApiJson<AppointmentAction>,
) -> ApiResult<Json<StaffAppointment>> {
    Ok(Json(
        with_ctx(&state, move |c, cx| staff::act(c, cx, &number, &action)).await?,
    ))
}

/// How many bookings a closure ended.
#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct ClosureResult {
    pub closed_appointments: usize,
}

#[utoipa::path(post, path = "/api/staff/slots/close", tag = "staff",
    request_body = SlotClosure, security(("staff_token" = [])),
    responses((status = 200, description = "The slot takes no more bookings; its bookings are 已停约 with the reason", body = ClosureResult),
              (status = 401, description = "Missing or wrong staff token", body = contract::ApiError),
              (status = 404, description = "No such place", body = contract::ApiError),
              (status = 409, description = "slot_unavailable: no such slot that day, or it has ended", body = contract::ApiError),
              (status = 422, description = "Missing handler or reason", body = contract::ApiError)))]
pub async fn staff_close(
    _staff: Staff,
    State(state): State<AppState>,
    ApiJson(c): ApiJson<SlotClosure>,
) -> ApiResult<Json<ClosureResult>> {
    let n = with_ctx(&state, move |conn, cx| staff::close_slot(conn, cx, &c)).await?;
    Ok(Json(ClosureResult {
        closed_appointments: n,
    }))
}

/// The appointment routes, merged into the API router.
pub fn routes() -> axum::Router<AppState> {
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/api/services/{code}/availability",
            get(service_availability),
        )
        .route("/api/services/{code}/next-free", get(service_next_free))
        .route(
            "/api/appointments",
            post(create).layer(DefaultBodyLimit::max(crate::app::FORM_BODY_LIMIT)),
        )
        .route("/api/appointments/lookup", post(lookup))
        .route("/api/appointments/cancel", post(cancel))
        .route("/api/appointments/move", post(move_to))
        .route(
            "/api/appointments/precheck",
            post(precheck_submit).layer(DefaultBodyLimit::max(crate::app::FORM_BODY_LIMIT)),
        )
        .route("/api/staff/appointments", get(staff_day))
        .route("/api/staff/appointments/{number}/actions", post(staff_act))
        .route("/api/staff/slots/close", post(staff_close))
}
