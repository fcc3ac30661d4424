//! Cases in SQLite: the case row, its timeline, clock pauses and supplement requests.

use contract::date::Date;
use contract::{
    Application, CaseStatus, PauseInfo, PauseKind, SpecialProcedureKind, SupplementItem,
    TimelineStep,
};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;

/// The stored name of a status (the same snake_case as the JSON).
pub fn status_name(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => "submitted",
        CaseStatus::Accepted => "accepted",
        CaseStatus::NotAccepted => "not_accepted",
        CaseStatus::UnderReview => "under_review",
        CaseStatus::SupplementRequired => "supplement_required",
        CaseStatus::SpecialProcedure => "special_procedure",
        CaseStatus::Approved => "approved",
        CaseStatus::Refused => "refused",
        CaseStatus::Delivered => "delivered",
    }
}

fn parse_status(name: &str) -> Result<CaseStatus, AppError> {
    CaseStatus::ALL
        .into_iter()
        .find(|s| status_name(*s) == name)
        .ok_or_else(|| AppError::internal(format!("unknown status {name} in the database")))
}

fn parse_date(text: &str) -> Result<Date, AppError> {
    Date::parse(text).ok_or_else(|| AppError::internal(format!("bad date {text} in the database")))
}

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
    pub promised_limit: u32,
    pub submitted_at: String,
    pub accepted_on: Option<Date>,
    pub frozen_due_date: Option<Date>,
    pub decision_reason: Option<String>,
    pub tracking_number: Option<String>,
    pub rating: Option<contract::Rating>,
}

const CASE_COLUMNS: &str = "case_number, query_code, service_code, service_name, department, \
    status, applicant_name, applicant_id_number, application, promised_limit, submitted_at, \
    accepted_on, frozen_due_date, decision_reason, tracking_number, rating";

struct RawCase {
    text: [String; 9],
    application: String,
    promised_limit: i64,
    optional: [Option<String>; 5],
}

fn raw_case(r: &Row) -> rusqlite::Result<RawCase> {
    Ok(RawCase {
        text: [
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(10)?,
        ],
        application: r.get(8)?,
        promised_limit: r.get(9)?,
        optional: [r.get(11)?, r.get(12)?, r.get(13)?, r.get(14)?, r.get(15)?],
    })
}

impl RawCase {
    fn parse(self) -> Result<CaseRow, AppError> {
        let [case_number, query_code, service_code, service_name, department, status, applicant_name, applicant_id_number, submitted_at] =
            self.text;
        let [accepted_on, frozen_due_date, decision_reason, tracking_number, rating] =
            self.optional;
        Ok(CaseRow {
            case_number,
            query_code,
            service_code,
            service_name,
            department,
            status: parse_status(&status)?,
            applicant_name,
            applicant_id_number,
            application: serde_json::from_str(&self.application)?,
            promised_limit: u32::try_from(self.promised_limit).map_err(AppError::internal)?,
            submitted_at,
            accepted_on: accepted_on.as_deref().map(parse_date).transpose()?,
            frozen_due_date: frozen_due_date.as_deref().map(parse_date).transpose()?,
            decision_reason,
            tracking_number,
            rating: rating.as_deref().map(serde_json::from_str).transpose()?,
        })
    }
}

pub fn load(conn: &Connection, case_number: &str) -> Result<Option<CaseRow>, AppError> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM cases WHERE case_number = ?1");
    let raw = conn.query_row(&sql, [case_number], raw_case).optional()?;
    raw.map(RawCase::parse).transpose()
}

/// Every case, newest first.
pub fn list(conn: &Connection) -> Result<Vec<CaseRow>, AppError> {
    let sql = format!("SELECT {CASE_COLUMNS} FROM cases ORDER BY case_number DESC");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], raw_case)?;
    rows.map(|r| r.map_err(AppError::from).and_then(RawCase::parse))
        .collect()
}

/// The query code of a case, for comparing with what the citizen typed.
pub fn query_code(conn: &Connection, case_number: &str) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT query_code FROM cases WHERE case_number = ?1",
            [case_number],
            |r| r.get(0),
        )
        .optional()?)
}

/// The next case number of `day`: the date and a 5-digit daily sequence (2026112200001).
pub fn next_case_number(conn: &Connection, day: Date) -> Result<String, AppError> {
    let prefix = format!("{:04}{:02}{:02}", day.year(), day.month(), day.day());
    let last: Option<String> = conn.query_row(
        "SELECT MAX(case_number) FROM cases WHERE submitted_on = ?1",
        [day.to_string()],
        |r| r.get(0),
    )?;
    let seq = match last {
        Some(n) => n
            .strip_prefix(&prefix)
            .and_then(|s| s.parse::<u32>().ok())
            .ok_or_else(|| AppError::internal(format!("bad case number {n}")))?,
        None => 0,
    } + 1;
    if seq > 99_999 {
        return Err(AppError::internal("daily case sequence exhausted"));
    }
    Ok(format!("{prefix}{seq:05}"))
}

pub fn insert(conn: &Connection, row: &CaseRow, submitted_on: Date) -> Result<(), AppError> {
    conn.execute(
        &format!(
            "INSERT INTO cases ({CASE_COLUMNS}, submitted_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL, NULL, NULL, NULL, NULL, ?12)"
        ),
        params![
            row.case_number,
            row.query_code,
            row.service_code,
            row.service_name,
            row.department,
            status_name(row.status),
            row.applicant_name,
            row.applicant_id_number,
            serde_json::to_string(&row.application)?,
            row.promised_limit,
            row.submitted_at,
            submitted_on.to_string(),
        ],
    )?;
    Ok(())
}

/// Writes the fields that actions change.
pub fn update(conn: &Connection, row: &CaseRow) -> Result<(), AppError> {
    let rating = row.rating.as_ref().map(serde_json::to_string).transpose()?;
    conn.execute(
        "UPDATE cases SET status = ?2, accepted_on = ?3, frozen_due_date = ?4,
            decision_reason = ?5, tracking_number = ?6, rating = ?7
         WHERE case_number = ?1",
        params![
            row.case_number,
            status_name(row.status),
            row.accepted_on.map(|d| d.to_string()),
            row.frozen_due_date.map(|d| d.to_string()),
            row.decision_reason,
            row.tracking_number,
            rating,
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
            status_name(step.status),
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
        Ok((
            r.get::<_, String>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    rows.map(|r| {
        let (status, department, handler, opinion, at) = r?;
        Ok(TimelineStep {
            status: parse_status(&status)?,
            department,
            handler,
            opinion,
            at,
        })
    })
    .collect()
}

fn kind_name(kind: PauseKind) -> &'static str {
    match kind {
        PauseKind::Supplement => "supplement",
        PauseKind::SpecialProcedure => "special_procedure",
    }
}

fn procedure_name(p: SpecialProcedureKind) -> &'static str {
    match p {
        SpecialProcedureKind::Hearing => "hearing",
        SpecialProcedureKind::Inspection => "inspection",
        SpecialProcedureKind::ExpertReview => "expert_review",
    }
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
            since: self.since.to_string(),
            until: self.until.map(|d| d.to_string()),
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
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|r| {
        let (kind, procedure, since, until, reason) = r?;
        let kind = [PauseKind::Supplement, PauseKind::SpecialProcedure]
            .into_iter()
            .find(|k| kind_name(*k) == kind)
            .ok_or_else(|| AppError::internal(format!("unknown pause kind {kind}")))?;
        let procedure = match procedure {
            None => None,
            Some(p) => Some(
                [
                    SpecialProcedureKind::Hearing,
                    SpecialProcedureKind::Inspection,
                    SpecialProcedureKind::ExpertReview,
                ]
                .into_iter()
                .find(|k| procedure_name(*k) == p)
                .ok_or_else(|| AppError::internal(format!("unknown procedure {p}")))?,
            ),
        };
        Ok(PauseRow {
            kind,
            procedure,
            since: parse_date(&since)?,
            until: until.as_deref().map(parse_date).transpose()?,
            reason,
        })
    })
    .collect()
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
            kind_name(kind),
            procedure.map(procedure_name),
            since.to_string(),
            reason
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Ends the running pause, if any, on `until`.
pub fn close_pause(conn: &Connection, case_number: &str, until: Date) -> Result<(), AppError> {
    conn.execute(
        "UPDATE case_pauses SET until = ?2 WHERE case_number = ?1 AND until IS NULL",
        params![case_number, until.to_string()],
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
            material_id: r.get(0)?,
            material_name: r.get(1)?,
            reason: r.get(2)?,
            supplied: r.get(3)?,
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
        params![case_number, serde_json::to_string(rating)?],
    )?;
    Ok(changed == 1)
}
