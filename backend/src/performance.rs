//! 效能公开: figures of a service or a department computed from its decided cases: the
//! decision date from the timeline, 用时 and the due date from the same calendar code as the
//! citizen's countdown, 满意率 from the cases' ratings.

use axum::extract::{Path, State};
use axum::Json;
use contract::calendar::WorkCalendar;
use contract::chrono::{Datelike, Duration, NaiveDate as Date};
use contract::performance::{CaseOutcome, MONTHS_SHOWN, RECENT_DAYS};
use contract::{CaseStatus, Figures, Performance, ServicePerformanceRow};
use rusqlite::Connection;

use crate::app::AppState;
use crate::cases::{store, view};
use crate::catalog::service_items::load_service;
use crate::db::SerdeText;
use crate::http::error::{ApiResult, AppError};

/// Which cases to count.
enum Scope<'a> {
    Service(&'a str),
    Department(&'a str),
}

/// The first day of the oldest period shown on `today`: the recent period or the oldest month.
fn earliest(today: Date) -> Date {
    let recent = recent_from(today);
    months(today)
        .last()
        .map_or(recent, |(from, _)| (*from).min(recent))
}

/// First day of the recent period: `RECENT_DAYS` days ending today.
fn recent_from(today: Date) -> Date {
    today - Duration::days(i64::from(RECENT_DAYS) - 1)
}

/// The last `MONTHS_SHOWN` calendar months, newest first, as (first day, last day); the
/// current month ends today.
fn months(today: Date) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut to = today;
    for _ in 0..MONTHS_SHOWN {
        let Some(from) = to.with_day(1) else { break };
        out.push((from, to));
        let Some(prev) = from.pred_opt() else { break };
        to = prev;
    }
    out
}

/// Every case of `scope` decided (准予 or 不予许可) on or after `since`, with what it
/// contributes to the figures.
fn outcomes(
    conn: &Connection,
    calendar: &WorkCalendar,
    scope: &Scope,
    since: Date,
) -> Result<Vec<CaseOutcome>, AppError> {
    let (column, value) = match scope {
        Scope::Service(code) => ("service_code", *code),
        Scope::Department(name) => ("department", *name),
    };
    // A case is decided once; its first decision step is the decision. Timeline times are
    // China times (RFC 3339 with +08:00), so comparing with a bare date string selects whole
    // China days whether the stored text has a `T` or a space.
    let sql = format!(
        "SELECT t.case_number AS case_number, MIN(t.at) AS decided_at
         FROM case_timeline t JOIN cases c ON c.case_number = t.case_number
         WHERE c.{column} = ?1 AND t.status IN (?2, ?3) AND t.at >= ?4
         GROUP BY t.case_number"
    );
    let mut stmt = conn.prepare(&sql)?;
    let decided = stmt
        .query_map(
            rusqlite::params![
                value,
                SerdeText(CaseStatus::Approved),
                SerdeText(CaseStatus::Refused),
                since.to_string()
            ],
            |r| {
                Ok((
                    r.get::<_, String>("case_number")?,
                    r.get::<_, contract::chrono::DateTime<contract::chrono::FixedOffset>>(
                        "decided_at",
                    )?,
                ))
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = Vec::with_capacity(decided.len());
    for (number, at) in decided {
        let decided_on = at.date_naive();
        let Some(row) = store::load(conn, &number)? else {
            continue;
        };
        // Decided cases were accepted; a row that says otherwise is not counted.
        let Some(accepted_on) = row.accepted_on else {
            continue;
        };
        let pauses = store::pauses(conn, &number)?;
        let due = view::due_date(calendar, &row, &pauses, decided_on);
        out.push(CaseOutcome {
            decided_on,
            working_days: calendar.working_days_used(
                accepted_on,
                decided_on,
                &view::spans(&pauses),
            ),
            on_time: due.map(|due| decided_on <= due),
            score: row.rating.map(|r| r.score),
        });
    }
    Ok(out)
}

/// The recent figures and the months of `scope` on `today`.
fn figures(
    conn: &Connection,
    calendar: &WorkCalendar,
    scope: &Scope,
    today: Date,
) -> Result<(Figures, Vec<Figures>), AppError> {
    let outcomes = outcomes(conn, calendar, scope, earliest(today))?;
    let recent = Figures::of(recent_from(today), today, &outcomes);
    let months = months(today)
        .into_iter()
        .map(|(from, to)| Figures::of(from, to, &outcomes))
        .collect();
    Ok((recent, months))
}

pub fn of_service(
    conn: &Connection,
    calendar: &WorkCalendar,
    code: &str,
    today: Date,
) -> Result<Option<Performance>, AppError> {
    let Some(service) = load_service(conn, code)? else {
        return Ok(None);
    };
    let (recent, months) = figures(conn, calendar, &Scope::Service(code), today)?;
    Ok(Some(Performance {
        name: service.name,
        department: service.department,
        service_code: Some(service.code),
        recent,
        months,
        services: Vec::new(),
    }))
}

pub fn of_department(
    conn: &Connection,
    calendar: &WorkCalendar,
    department: &str,
    today: Date,
) -> Result<Option<Performance>, AppError> {
    let mut stmt =
        conn.prepare("SELECT code, name FROM services WHERE department = ?1 ORDER BY rowid")?;
    let services = stmt
        .query_map([department], |r| {
            Ok((r.get::<_, String>("code")?, r.get::<_, String>("name")?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if services.is_empty() {
        return Ok(None);
    }
    let (recent, months) = figures(conn, calendar, &Scope::Department(department), today)?;
    let mut rows = Vec::with_capacity(services.len());
    for (code, name) in services {
        let outcomes = outcomes(conn, calendar, &Scope::Service(&code), recent.from)?;
        rows.push(ServicePerformanceRow {
            service_code: code,
            service_name: name,
            recent: Figures::of(recent.from, today, &outcomes),
        });
    }
    Ok(Some(Performance {
        name: department.to_string(),
        department: department.to_string(),
        service_code: None,
        recent,
        months,
        services: rows,
    }))
}

#[utoipa::path(get, path = "/api/performance/services/{code}", tag = "performance",
    params(("code" = String, Path, description = "实施编码")),
    responses((status = 200, description = "效能公开: the service's figures over the last 90 days and by month, from its decided cases", body = Performance),
              (status = 404, description = "Unknown code", body = contract::ApiError)))]
pub async fn service(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> ApiResult<Json<Performance>> {
    let today = state.clock.today();
    let calendar = state.calendar.clone();
    let found = state
        .db
        .call(move |c| of_service(c, &calendar, &code, today))
        .await?;
    Ok(Json(found.ok_or_else(AppError::not_found)?))
}

#[utoipa::path(get, path = "/api/performance/departments/{department}", tag = "performance",
    params(("department" = String, Path, description = "实施主体, the department's name as in the guides")),
    responses((status = 200, description = "效能公开: the department's figures over the last 90 days and by month, and each of its services' recent figures", body = Performance),
              (status = 404, description = "No service names this department", body = contract::ApiError)))]
pub async fn department(
    State(state): State<AppState>,
    Path(department): Path<String>,
) -> ApiResult<Json<Performance>> {
    let today = state.clock.today();
    let calendar = state.calendar.clone();
    let found = state
        .db
        .call(move |c| of_department(c, &calendar, &department, today))
        .await?;
    Ok(Json(found.ok_or_else(AppError::not_found)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn months_run_back_from_today() {
        let m = months(d("2026-03-15"));
        assert_eq!(m.len(), MONTHS_SHOWN as usize);
        assert_eq!(m[0], (d("2026-03-01"), d("2026-03-15")));
        assert_eq!(m[1], (d("2026-02-01"), d("2026-02-28")));
        assert_eq!(m[3], (d("2025-12-01"), d("2025-12-31")));
        assert_eq!(recent_from(d("2026-03-15")), d("2025-12-16"));
        assert_eq!(earliest(d("2026-03-15")), d("2025-10-01"));
    }
}
