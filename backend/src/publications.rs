//! 办件公示: a licensing decision (准予 or 不予行政许可) on a legal person is published when it is
//! made, in the decision's own transaction, well within the 7 working days the rules allow.
//! What is published is copied from the case then: the enterprise, its credit code, the
//! service, the decision, its date and the deciding department; nothing about the person who
//! acted for it.

use axum::extract::{Path, Query, State};
use axum::Json;
use contract::chrono::NaiveDate as Date;
use contract::{CaseStatus, Publication, PublishedDecision, Service, ServiceKind};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;

use crate::app::AppState;
use crate::cases::store::CaseRow;
use crate::db::SerdeText;
use crate::http::error::{ApiResult, AppError};

/// Most rows one search answers.
pub const PAGE_SIZE: u32 = 50;
/// Longest search text.
const QUERY_MAX_CHARS: usize = 50;

/// Publishes the decision just recorded on `row`, when the rules ask for it: a 行政许可
/// decided for a legal person. Idempotent per case.
pub fn publish_if_due(
    conn: &Connection,
    row: &CaseRow,
    service: Option<&Service>,
    today: Date,
) -> Result<(), AppError> {
    let decision = match row.status {
        CaseStatus::Approved => PublishedDecision::Approved,
        CaseStatus::Refused => PublishedDecision::Refused,
        _ => return Ok(()),
    };
    let Some(legal) = &row.application.legal_person else {
        return Ok(());
    };
    if !service.is_some_and(|s| s.kind == ServiceKind::Licensing) {
        return Ok(());
    }
    let id = next_id(conn, today)?;
    // ?8 is both the decision date and the publication date: published at once.
    conn.execute(
        "INSERT INTO publications (id, case_number, enterprise_name, credit_code, service_code,
            service_name, decision, decided_on, department, published_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)
         ON CONFLICT (case_number) DO NOTHING",
        params![
            id,
            row.case_number,
            legal.name,
            legal.credit_code,
            row.service_code,
            row.service_name,
            SerdeText(decision),
            today,
            row.department,
        ],
    )?;
    Ok(())
}

/// `XK` + the date + a daily sequence, e.g. XK2026113000001: stable, and not the case number
/// (which with the query code opens the applicant's case).
fn next_id(conn: &Connection, day: Date) -> Result<String, AppError> {
    let prefix = format!("XK{}", day.format("%Y%m%d"));
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) AS n FROM publications WHERE published_on = ?1",
        [day],
        |r| r.get("n"),
    )?;
    Ok(format!("{prefix}{:05}", n + 1))
}

fn publication(r: &Row) -> rusqlite::Result<Publication> {
    Ok(Publication {
        id: r.get("id")?,
        enterprise_name: r.get("enterprise_name")?,
        credit_code: r.get("credit_code")?,
        service_code: r.get("service_code")?,
        service_name: r.get("service_name")?,
        decision: r.get::<_, SerdeText<_>>("decision")?.0,
        decided_on: r.get("decided_on")?,
        department: r.get("department")?,
        published_on: r.get("published_on")?,
    })
}

const COLUMNS: &str = "id, enterprise_name, credit_code, service_code, service_name, decision, \
    decided_on, department, published_on";

/// Newest first; `q` matches the enterprise name, the credit code, the service or the
/// department (a plain substring, case-insensitive for the code's letters).
/// `service`, when not empty, keeps only that service's decisions.
pub fn search(conn: &Connection, q: &str, service: &str) -> Result<Vec<Publication>, AppError> {
    let q: String = q.trim().chars().take(QUERY_MAX_CHARS).collect();
    // LIKE's own wildcards in the text are matched literally.
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let pattern = format!("%{escaped}%");
    let sql = format!(
        "SELECT {COLUMNS} FROM publications
         WHERE (?1 = '' OR enterprise_name LIKE ?2 ESCAPE '\\' OR credit_code LIKE ?2 ESCAPE '\\'
            OR service_name LIKE ?2 ESCAPE '\\' OR department LIKE ?2 ESCAPE '\\')
           AND (?4 = '' OR service_code = ?4)
         ORDER BY published_on DESC, id DESC LIMIT ?3"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![q, pattern, PAGE_SIZE, service.trim()], publication)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn load(conn: &Connection, id: &str) -> Result<Option<Publication>, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM publications WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], publication).optional()?)
}

/// The publication of a case's decision, if it was published.
pub fn of_case(conn: &Connection, case_number: &str) -> Result<Option<Publication>, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM publications WHERE case_number = ?1");
    Ok(conn
        .query_row(&sql, [case_number], publication)
        .optional()?)
}

#[derive(Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    /// A service's code: only its decisions (the guide links here).
    #[serde(default)]
    service: String,
}

#[utoipa::path(get, path = "/api/publications", tag = "publications",
    params(("q" = Option<String>, Query, description = "Part of the enterprise name, the unified social credit code, the service or the department; up to 50 characters"),
           ("service" = Option<String>, Query, description = "A service's code: only that service's decisions")),
    responses((status = 200, description = "办件公示: licensing decisions on legal persons, newest first, at most 50", body = [Publication])))]
pub async fn list(
    State(state): State<AppState>,
    Query(SearchQuery { q, service }): Query<SearchQuery>,
) -> ApiResult<Json<Vec<Publication>>> {
    Ok(Json(state.db.call(move |c| search(c, &q, &service)).await?))
}

#[utoipa::path(get, path = "/api/publications/{id}", tag = "publications",
    params(("id" = String, Path, description = "The publication's id, e.g. XK2026113000001")),
    responses((status = 200, description = "One published licensing decision", body = Publication),
              (status = 404, description = "No such publication", body = contract::ApiError)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Publication>> {
    let found = state.db.call(move |c| load(c, &id)).await?;
    Ok(Json(found.ok_or_else(AppError::not_found)?))
}
