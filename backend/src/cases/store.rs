//! Cases in SQLite: the case row, its timeline, clock pauses and supplement requests.

use contract::chrono::{DateTime, Datelike, FixedOffset, NaiveDate as Date};
use contract::{
    Application, CaseStatus, PauseInfo, PauseKind, SpecialProcedureKind, SupplementItem, TimeLimit,
    TimelineStep,
};
use rusqlite::{params, Connection, OptionalExtension, Row};

use axum::http::StatusCode;
use contract::ErrorCode;

use crate::db::{JsonText, SerdeText};
use crate::http::error::AppError;

/// One row of `cases`.
#[derive(Clone, Debug)]
pub struct CaseRow {
    pub case_number: String,
    pub query_code: String,
    pub service_code: String,
    pub service_name: String,
    pub department: String,
    pub status: CaseStatus,
    pub applicant_name: String,
    pub applicant_id_number: String,
    pub application: Application,
    pub promised_limit: TimeLimit,
    pub submitted_at: DateTime<FixedOffset>,
    pub accepted_on: Option<Date>,
    pub frozen_due_date: Option<Date>,
    pub decision_reason: Option<String>,
    pub tracking_number: Option<String>,
    pub rating: Option<contract::Rating>,
}

const CASE_COLUMNS: &str = "case_number, query_code, service_code, service_name, department, \
    status, applicant_name, applicant_id_number, application, promised_limit, submitted_at, \
    accepted_on, frozen_due_date, decision_reason, tracking_number, rating, promised_time_limit";

fn case_row(r: &Row) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        case_number: r.get("case_number")?,
        query_code: r.get("query_code")?,
        service_code: r.get("service_code")?,
        service_name: r.get("service_name")?,
        department: r.get("department")?,
        status: r.get::<_, SerdeText<_>>("status")?.0,
        applicant_name: r.get("applicant_name")?,
        applicant_id_number: r.get("applicant_id_number")?,
        application: r.get::<_, JsonText<_>>("application")?.0,
        promised_limit: promised_limit(r)?,
        submitted_at: r.get("submitted_at")?,
        accepted_on: r.get("accepted_on")?,
        frozen_due_date: r.get("frozen_due_date")?,
        decision_reason: r.get("decision_reason")?,
        tracking_number: r.get("tracking_number")?,
        rating: r.get::<_, Option<JsonText<_>>>("rating")?.map(|j| j.0),
    })
}

/// The promised limit with its unit, or, on a row from before units, the plain number that
/// was always counted in working days.
fn promised_limit(r: &Row) -> rusqlite::Result<TimeLimit> {
    match r.get::<_, Option<JsonText<TimeLimit>>>("promised_time_limit")? {
        Some(JsonText(limit)) => Ok(limit),
        None => Ok(TimeLimit::from_legacy(r.get("promised_limit")?)),
    }
}

/// The number kept in the old `promised_limit` column (NOT NULL), for readers of the table
/// that predate `promised_time_limit`.
fn legacy_days(limit: TimeLimit) -> u32 {
    limit.days().map_or(0, |(days, _)| days)
}

pub fn load(conn: &Connection, case_number: &str) -> Result<Option<CaseRow>, AppError> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE case_number = ?1");
    Ok(conn.query_row(&sql, [case_number], case_row).optional()?)
}

/// One page of cases, newest first: only the list's columns, so that no application JSON is
/// parsed while the database lock is held. `limit = None` lists all (the command line).
pub fn summaries(
    conn: &Connection,
    limit: Option<u32>,
    offset: u64,
) -> Result<Vec<contract::StaffCaseSummary>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT case_number, service_code, service_name, status, submitted_at, applicant_name
         FROM cases ORDER BY case_number DESC LIMIT ?1 OFFSET ?2",
    )?;
    // SQLite reads a negative LIMIT as "no limit".
    let limit = limit.map_or(-1, i64::from);
    let offset = i64::try_from(offset).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![limit, offset], |r| {
        Ok(contract::StaffCaseSummary {
            case_number: r.get("case_number")?,
            service_code: r.get("service_code")?,
            service_name: r.get("service_name")?,
            status: r.get::<_, SerdeText<_>>("status")?.0,
            submitted_at: r.get("submitted_at")?,
            applicant_name: r.get("applicant_name")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The query code of a case, for comparing with what the citizen typed.
pub fn query_code(conn: &Connection, case_number: &str) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT query_code FROM cases WHERE case_number = ?1",
            [case_number],
            |r| r.get("query_code"),
        )
        .optional()?)
}

/// The next case number of `day`: the date and a 5-digit daily sequence (2026112200001).
pub fn next_case_number(conn: &Connection, day: Date) -> Result<String, AppError> {
    let prefix = format!("{:04}{:02}{:02}", day.year(), day.month(), day.day());
    let last: Option<String> = conn.query_row(
        // A track of a 一件事 case is numbered `<case number>-<n>`: its first 13 characters
        // are the number the whole took from the sequence.
        "SELECT MAX(substr(case_number, 1, 13)) AS last FROM cases WHERE submitted_on = ?1",
        [day],
        |r| r.get("last"),
    )?;
    let seq = match last {
        Some(n) => n
            .strip_prefix(&prefix)
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("bad case number {n}")))?,
        None => 0,
    } + 1;
    if seq > 99_999 {
        // Five digits are part of the number's published format (and of what citizens and
        // windows type); a day with more online applications than that is an attack or an
        // outage elsewhere, so the answer is a clear "come back tomorrow", not a new format.
        return Err(AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::DailyCapacityReached,
            "今日受理量已满，请明日再提交；急需办理的，请到办事大厅窗口办理",
        ));
    }
    Ok(format!("{prefix}{seq:05}"))
}

/// Cases an applicant (by ID number) submitted on `day`.
pub fn count_by_applicant(conn: &Connection, id_number: &str, day: Date) -> Result<u32, AppError> {
    Ok(conn.query_row(
        // The tracks of one 一件事 case are one submission.
        "SELECT COUNT(DISTINCT COALESCE(bundle_number, case_number)) AS n FROM cases
         WHERE applicant_id_number = ?1 AND submitted_on = ?2",
        params![id_number, day],
        |r| r.get("n"),
    )?)
}

pub fn insert(conn: &Connection, row: &CaseRow, submitted_on: Date) -> Result<(), AppError> {
    conn.execute(
        &format!(
            "INSERT INTO cases ({CASE_COLUMNS}, submitted_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, NULL, NULL, NULL, NULL, ?12, ?13)"
        ),
        params![
            row.case_number,
            row.query_code,
            row.service_code,
            row.service_name,
            row.department,
            SerdeText(row.status),
            row.applicant_name,
            row.applicant_id_number,
            JsonText(&row.application),
            legacy_days(row.promised_limit),
            row.submitted_at,
            JsonText(row.promised_limit),
            submitted_on,
        ],
    )?;
    Ok(())
}

/// Writes the fields that actions change.
pub fn update(conn: &Connection, row: &CaseRow) -> Result<(), AppError> {
    conn.execute(
        "UPDATE cases SET status = ?2, accepted_on = ?3, frozen_due_date = ?4,
            decision_reason = ?5, tracking_number = ?6, rating = ?7
         WHERE case_number = ?1",
        params![
            row.case_number,
            SerdeText(row.status),
            row.accepted_on,
            row.frozen_due_date,
            row.decision_reason,
            row.tracking_number,
            row.rating.as_ref().map(JsonText),
        ],
    )?;
    Ok(())
}

pub fn append_step(
    conn: &Connection,
    case_number: &str,
    step: &TimelineStep,
) -> Result<(), AppError> {
    conn.execute(
        "INSERT INTO case_timeline (case_number, status, department, handler, opinion, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            case_number,
            SerdeText(step.status),
            step.department,
            step.handler,
            step.opinion,
            step.at
        ],
    )?;
    Ok(())
}

pub fn timeline(conn: &Connection, case_number: &str) -> Result<Vec<TimelineStep>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT status, department, handler, opinion, at FROM case_timeline
         WHERE case_number = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([case_number], |r| {
        Ok(TimelineStep {
            status: r.get::<_, SerdeText<_>>("status")?.0,
            department: r.get("department")?,
            handler: r.get("handler")?,
            opinion: r.get("opinion")?,
            at: r.get("at")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One stored pause, with typed dates for the due-date arithmetic.
#[derive(Clone, Debug)]
pub struct PauseRow {
    pub kind: PauseKind,
    pub procedure: Option<SpecialProcedureKind>,
    pub since: Date,
    pub until: Option<Date>,
    pub reason: String,
}

impl PauseRow {
    pub fn info(&self) -> PauseInfo {
        PauseInfo {
            kind: self.kind,
            procedure: self.procedure,
            since: self.since,
            until: self.until,
            reason: self.reason.clone(),
        }
    }
}

pub fn pauses(conn: &Connection, case_number: &str) -> Result<Vec<PauseRow>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT kind, special_procedure, since, until, reason FROM case_pauses
         WHERE case_number = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([case_number], |r| {
        Ok(PauseRow {
            kind: r.get::<_, SerdeText<_>>("kind")?.0,
            procedure: r
                .get::<_, Option<SerdeText<_>>>("special_procedure")?
                .map(|p| p.0),
            since: r.get("since")?,
            until: r.get("until")?,
            reason: r.get("reason")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Starts a pause on `since`; returns its id.
pub fn open_pause(
    conn: &Connection,
    case_number: &str,
    kind: PauseKind,
    procedure: Option<SpecialProcedureKind>,
    since: Date,
    reason: &str,
) -> Result<i64, AppError> {
    conn.execute(
        "INSERT INTO case_pauses (case_number, kind, special_procedure, since, reason)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            case_number,
            SerdeText(kind),
            procedure.map(SerdeText),
            since,
            reason
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Ends the running pause, if any, on `until`.
pub fn close_pause(conn: &Connection, case_number: &str, until: Date) -> Result<(), AppError> {
    conn.execute(
        "UPDATE case_pauses SET until = ?2 WHERE case_number = ?1 AND until IS NULL",
        params![case_number, until],
    )?;
    Ok(())
}

pub fn insert_supplements(
    conn: &Connection,
    case_number: &str,
    pause_id: i64,
    items: &[SupplementItem],
) -> Result<(), AppError> {
    for item in items {
        conn.execute(
            "INSERT INTO case_supplements (case_number, pause_id, material_id, material_name, reason, supplied)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                case_number,
                pause_id,
                item.material_id,
                item.material_name,
                item.reason,
                item.supplied
            ],
        )?;
    }
    Ok(())
}

/// The items of the latest supplement request (empty when there was none).
pub fn latest_supplements(
    conn: &Connection,
    case_number: &str,
) -> Result<Vec<SupplementItem>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT material_id, material_name, reason, supplied FROM case_supplements
         WHERE case_number = ?1
           AND pause_id = (SELECT MAX(pause_id) FROM case_supplements WHERE case_number = ?1)
         ORDER BY id",
    )?;
    let rows = stmt.query_map([case_number], |r| {
        Ok(SupplementItem {
            material_id: r.get("material_id")?,
            material_name: r.get("material_name")?,
            reason: r.get("reason")?,
            supplied: r.get("supplied")?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks every item of the latest request supplied.
pub fn mark_supplied(conn: &Connection, case_number: &str) -> Result<(), AppError> {
    conn.execute(
        "UPDATE case_supplements SET supplied = 1
         WHERE case_number = ?1
           AND pause_id = (SELECT MAX(pause_id) FROM case_supplements WHERE case_number = ?1)",
        [case_number],
    )?;
    Ok(())
}

/// Records the rating unless there is one already; false when there was.
pub fn set_rating(
    conn: &Connection,
    case_number: &str,
    rating: &contract::Rating,
) -> Result<bool, AppError> {
    let changed = conn.execute(
        "UPDATE cases SET rating = ?2 WHERE case_number = ?1 AND rating IS NULL",
        params![case_number, JsonText(rating)],
    )?;
    Ok(changed == 1)
}
