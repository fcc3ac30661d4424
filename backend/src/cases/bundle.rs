//! 一件事 cases (并联审批): `POST /api/bundle-applications` checks a bundle application as its
//! services' own applications are checked and creates one case number with one track per
//! service. Each track is an ordinary case (`<case number>-<n>`), so staff act on it, the
//! citizen answers its 补正 and rates it, and the figures count it, exactly as any case; the
//! whole is looked up by its number and query code and shows every track.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use contract::bundle_case::{
    bundle_application_bounds, overall_due_date, overall_status, validate_bundle_application,
};
use contract::calendar::WorkCalendar;
use contract::chrono::NaiveDate as Date;
use contract::validate::{mask_id_number, mask_name};
use contract::{
    Bundle, BundleApplication, CaseView, FieldError, FormDefinition, Service, SubmitReceipt,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::applications::{self as single, key_from, replied};
use crate::cases::store;
use crate::cases::view::{self, Reader};
use crate::clock::china_time;
use crate::db::JsonText;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::json::ApiJson;
use crate::tokens;
use crate::uploads::pages;

/// A bundle of the catalog as stored now.
pub fn find_bundle(conn: &Connection, id: &str) -> Result<Option<Bundle>, AppError> {
    Ok(crate::catalog::bundles::load_all(conn)?
        .into_iter()
        .find(|b| b.id == id.trim()))
}

fn bundle_field(message: &str) -> AppError {
    AppError::invalid(vec![FieldError {
        field: "bundle_id".into(),
        message: message.into(),
    }])
}

/// The services the application's answers bring in, each with its form; a service that takes
/// no online application is named as that service's error.
fn services_of(
    conn: &Connection,
    bundle: &Bundle,
    chosen: &[String],
) -> Result<Vec<(Service, FormDefinition)>, AppError> {
    let codes = bundle.services_for(chosen);
    if codes.is_empty() {
        return Err(AppError::invalid(vec![FieldError {
            field: "situation".into(),
            message: "按所选情形没有需要办理的事项，请重新选择".into(),
        }]));
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for code in codes {
        match single::online_service(conn, &code) {
            Ok(pair) => out.push(pair),
            Err(e) if e.body.code == contract::ErrorCode::Invalid => {
                errors.extend(e.body.fields.into_iter().map(|f| FieldError {
                    field: format!("service.{code}"),
                    message: f.message,
                }))
            }
            Err(e) => return Err(e),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    Ok(out)
}

#[utoipa::path(post, path = "/api/bundle-applications", tag = "applications",
    params(("Idempotency-Key" = String, Header, description = "8–64 visible ASCII characters, one per submission attempt; retries reuse it",
        min_length = 8, max_length = 64, pattern = "^[!-~]{8,64}$")),
    request_body = BundleApplication,
    responses((status = 200, description = "The case was created with one track per service that applies (numbered `<case_number>-1`, `-2`, …), or had been created by an earlier request with the same key and body (then header Idempotent-Replayed: true). promised_limit is the bundle's", body = SubmitReceipt),
              (status = 400, description = "Missing or malformed Idempotency-Key, or a malformed body", body = contract::ApiError),
              (status = 409, description = "idempotency_conflict: the key was used with a different body", body = contract::ApiError),
              (status = 413, description = "Body over 64 KB", body = contract::ApiError),
              (status = 422, description = "invalid: field errors as for one application, what is given once under its own name (applicant.*, agent.*, legal_person.*, consent, delivery.*), each service's own under service.<code>.<field> (its form fields and situation.<question>), materials under material.<key> (a shared material's id, or <service code>.<material id>), bundle_id, situation; or lists over their bounds; uploads_expired: uploads the server removed after 24 h unused, listed in expired_uploads", body = contract::ApiError),
              (status = 429, description = "rate_limited: over 60 new submissions in an hour from this client; too_many_submissions: the applicant's ID number submitted 10 applications today (a bundle counts once)", body = contract::ApiError),
              (status = 503, description = "daily_capacity_reached: today's 99,999 case numbers are used up", body = contract::ApiError)))]
pub async fn submit(
    State(state): State<AppState>,
    client: ClientIp,
    headers: HeaderMap,
    ApiJson(app): ApiJson<BundleApplication>,
) -> ApiResult<Response> {
    let key = key_from(&headers)?;
    let request_sha256 = tokens::hex(&Sha256::digest(serde_json::to_vec(&app)?));
    let (k, h) = (key.clone(), request_sha256.clone());
    if let Some(receipt) = state
        .db
        .call(move |c| single::stored_receipt(c, &k, &h))
        .await?
    {
        return Ok(replied(receipt, true));
    }
    let now = state.clock.now();
    single::count_attempt(&state, &client, now)?;
    let id = app.bundle_id.clone();
    let bundle = state
        .db
        .read(move |c| find_bundle(c, &id))
        .await?
        .ok_or_else(|| bundle_field("未找到该一件事"))?;
    let bounds = bundle_application_bounds(&app, &bundle);
    if !bounds.is_empty() {
        return Err(AppError::invalid(bounds));
    }
    let (b, chosen) = (bundle.clone(), app.situation.clone());
    let services = state.db.call(move |c| services_of(c, &b, &chosen)).await?;
    let today = china_time(now).date_naive();
    let pairs: Vec<(&Service, &FormDefinition)> = services.iter().map(|(s, f)| (s, f)).collect();
    let errors = validate_bundle_application(&app, &bundle, &pairs, today);
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let app = tidy(&app);
    let per_day = state.limits.submissions_per_applicant_per_day;
    let (receipt, replayed) = state
        .db
        .call(move |c| {
            let new = NewBundleCase {
                key: &key,
                request_sha256: &request_sha256,
                app: &app,
                bundle: &bundle,
                services: &services,
            };
            create(c, &new, now, per_day)
        })
        .await?;
    Ok(replied(receipt, replayed))
}

/// Trimmed as a single application is: ids upper-case, pages tidied, blank keys dropped.
fn tidy(app: &BundleApplication) -> BundleApplication {
    let t = |s: &str| s.trim().to_string();
    let mut out = app.clone();
    out.bundle_id = t(&app.bundle_id);
    out.situation = app.situation.iter().map(|s| t(s)).collect();
    out.materials = pages::tidy(&app.materials);
    for a in &mut out.services {
        a.service_code = t(&a.service_code);
    }
    out
}

struct NewBundleCase<'a> {
    key: &'a str,
    request_sha256: &'a str,
    app: &'a BundleApplication,
    bundle: &'a Bundle,
    services: &'a [(Service, FormDefinition)],
}

/// In one transaction: the whole, a track per service with its uploads (a shared material's
/// pages attached once and shared), and the key.
fn create(
    conn: &mut Connection,
    new: &NewBundleCase,
    now: i64,
    per_applicant_per_day: u32,
) -> Result<(SubmitReceipt, bool), AppError> {
    let submitted_at = china_time(now);
    let today = submitted_at.date_naive();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(receipt) = single::stored_receipt(&tx, new.key, new.request_sha256)? {
        return Ok((receipt, true));
    }
    let app = new.app;
    let id_number = app.applicant.id_number.trim().to_ascii_uppercase();
    single::check_daily_limit(&tx, &id_number, today, per_applicant_per_day)?;
    let errors = pages::check_free(&tx, &app.materials)?;
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let number = store::next_case_number(&tx, today)?;
    let query_code = tokens::query_code()?;
    tx.execute(
        "INSERT INTO bundle_cases (case_number, query_code, bundle_id, bundle, application,
            applicant_id_number, submitted_at, submitted_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            number,
            query_code,
            new.bundle.id,
            JsonText(new.bundle),
            JsonText(app),
            id_number,
            submitted_at,
            today
        ],
    )?;
    let mut first_track = String::new();
    for (i, (service, form)) in new.services.iter().enumerate() {
        let one = single::tidy(&app.for_service(new.bundle, service), form);
        let track = format!("{number}-{}", i + 1);
        single::insert_case(
            &tx,
            track.clone(),
            query_code.clone(),
            &one,
            service,
            submitted_at,
        )?;
        tx.execute(
            "UPDATE cases SET bundle_number = ?2 WHERE case_number = ?1",
            params![track, number],
        )?;
        if i == 0 {
            first_track = track;
        }
    }
    let receipt = SubmitReceipt {
        case_number: number,
        query_code,
        promised_limit: new.bundle.promised_limit,
        submitted_at,
    };
    // The key names the first track: its table refers to `cases`.
    if !single::keep_receipt(
        &tx,
        new.key,
        new.request_sha256,
        &first_track,
        &receipt,
        now,
    )? {
        drop(tx);
        let earlier = single::stored_receipt(conn, new.key, new.request_sha256)?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("idempotency key vanished")))?;
        return Ok((earlier, true));
    }
    tx.commit()?;
    Ok((receipt, false))
}

/// The query code of a case number, whole (一件事) or single, for the look-up.
pub fn query_code(conn: &Connection, number: &str) -> Result<Option<String>, AppError> {
    let whole: Option<String> = conn
        .query_row(
            "SELECT query_code FROM bundle_cases WHERE case_number = ?1",
            [number],
            |r| r.get("query_code"),
        )
        .optional()?;
    match whole {
        Some(code) => Ok(Some(code)),
        None => store::query_code(conn, number),
    }
}

/// The track numbers of a whole, in order.
pub fn tracks_of(conn: &Connection, number: &str) -> Result<Vec<String>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT case_number FROM cases WHERE bundle_number = ?1
         ORDER BY length(case_number), case_number",
    )?;
    let rows = stmt.query_map([number], |r| r.get("case_number"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The view of a whole: its tracks, and as the top line the bundle, the lead department, the
/// overall status and due date, every track's steps in time order. `None` for a number that
/// is not a whole.
pub fn view(
    conn: &Connection,
    calendar: &WorkCalendar,
    number: &str,
    today: Date,
    reader: Reader,
) -> Result<Option<CaseView>, AppError> {
    type Whole = (
        JsonText<Bundle>,
        JsonText<BundleApplication>,
        String,
        String,
    );
    let whole: Option<Whole> = conn
        .query_row(
            "SELECT bundle, application, applicant_id_number, submitted_at FROM bundle_cases
             WHERE case_number = ?1",
            [number],
            |r| {
                Ok((
                    r.get("bundle")?,
                    r.get("application")?,
                    r.get("applicant_id_number")?,
                    r.get("submitted_at")?,
                ))
            },
        )
        .optional()?;
    let Some((JsonText(bundle), JsonText(app), id_number, _)) = whole else {
        return Ok(None);
    };
    let mut tracks = Vec::new();
    for n in tracks_of(conn, number)? {
        tracks.push(view::load_for(conn, calendar, &n, today, reader)?);
    }
    let first = tracks
        .first()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("case {number} has no tracks")))?;
    let mut timeline: Vec<_> = tracks.iter().flat_map(|t| t.timeline.clone()).collect();
    timeline.sort_by_key(|s| s.at);
    Ok(Some(CaseView {
        case_number: number.to_string(),
        service_code: bundle.id.clone(),
        service_name: bundle.name.clone(),
        department: bundle.lead_department.clone(),
        status: overall_status(&tracks),
        applicant_name: match reader {
            Reader::Citizen => mask_name(&app.applicant.name),
            Reader::Staff => app.applicant.name.clone(),
        },
        organisation: app.legal_person.as_ref().map(|l| l.name.clone()),
        applicant_id_masked: mask_id_number(&id_number),
        submitted_at: first.submitted_at,
        // Accepted as a whole once every track still running is.
        accepted_on: overall_accepted_on(&tracks),
        promised_limit: bundle.promised_limit,
        due_date: overall_due_date(&tracks),
        timeline,
        supplements: Vec::new(),
        decision_reason: None,
        delivery: first.delivery.clone(),
        tracking_number: None,
        rating: None,
        paused: None,
        pauses: Vec::new(),
        tracks,
        // Each track carries its own decision's publication.
        publication: None,
    }))
}

fn overall_accepted_on(tracks: &[CaseView]) -> Option<Date> {
    let running: Vec<&CaseView> = tracks
        .iter()
        .filter(|t| t.status != contract::CaseStatus::NotAccepted)
        .collect();
    if running.iter().any(|t| t.accepted_on.is_none()) {
        return None;
    }
    running.iter().filter_map(|t| t.accepted_on).max()
}

/// The citizen's view of a number the look-up accepted: the whole with its tracks, or a case.
pub fn load_any(
    conn: &Connection,
    calendar: &WorkCalendar,
    number: &str,
    today: Date,
) -> Result<CaseView, AppError> {
    match view(conn, calendar, number, today, Reader::Citizen)? {
        Some(whole) => Ok(whole),
        None => view::load(conn, calendar, number, today),
    }
}
