//! The SQLite database: one file under the data directory, migrations applied at start-up.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::Context;
use rusqlite::{Connection, OpenFlags};

use crate::http::error::AppError;

/// Schema versions, applied in order; `PRAGMA user_version` records how many have run.
/// Append only: a released migration is never edited.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: the catalog.
    "CREATE TABLE services (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        department TEXT NOT NULL,
        body TEXT NOT NULL,
        pinyin TEXT NOT NULL,
        etag TEXT NOT NULL
    );
    CREATE TABLE forms (
        service_code TEXT PRIMARY KEY REFERENCES services(code),
        body TEXT NOT NULL
    );",
    // 2: cases (办件) with their timeline, clock pauses and supplement requests; uploads;
    // idempotency keys of submissions. Dates are China dates (YYYY-MM-DD); `created_at`
    // columns are Unix seconds.
    "CREATE TABLE cases (
        case_number TEXT PRIMARY KEY,
        query_code TEXT NOT NULL,
        service_code TEXT NOT NULL,
        service_name TEXT NOT NULL,
        department TEXT NOT NULL,
        status TEXT NOT NULL,
        applicant_name TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL,
        application TEXT NOT NULL,
        promised_limit INTEGER NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_on TEXT NOT NULL,
        accepted_on TEXT,
        frozen_due_date TEXT,
        decision_reason TEXT,
        tracking_number TEXT,
        rating TEXT
    );
    CREATE INDEX cases_by_day ON cases(submitted_on);
    CREATE TABLE case_timeline (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_number TEXT NOT NULL REFERENCES cases(case_number),
        status TEXT NOT NULL,
        department TEXT NOT NULL,
        handler TEXT NOT NULL,
        opinion TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX case_timeline_by_case ON case_timeline(case_number, id);
    CREATE TABLE case_pauses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_number TEXT NOT NULL REFERENCES cases(case_number),
        kind TEXT NOT NULL,
        special_procedure TEXT,
        since TEXT NOT NULL,
        until TEXT,
        reason TEXT NOT NULL
    );
    CREATE INDEX case_pauses_by_case ON case_pauses(case_number, id);
    CREATE TABLE case_supplements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_number TEXT NOT NULL REFERENCES cases(case_number),
        pause_id INTEGER NOT NULL REFERENCES case_pauses(id),
        material_id TEXT NOT NULL,
        material_name TEXT NOT NULL,
        reason TEXT NOT NULL,
        supplied INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX case_supplements_by_case ON case_supplements(case_number, pause_id);
    CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL,
        case_number TEXT REFERENCES cases(case_number),
        material_id TEXT,
        page INTEGER,
        content_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX uploads_by_draft ON uploads(draft_id);
    CREATE INDEX uploads_by_case ON uploads(case_number, material_id, page);
    CREATE INDEX uploads_unattached ON uploads(created_at) WHERE case_number IS NULL;
    CREATE TABLE idempotency_keys (
        idempotency_key TEXT NOT NULL UNIQUE,
        request_sha256 TEXT NOT NULL,
        case_number TEXT NOT NULL REFERENCES cases(case_number),
        receipt TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );",
    // 3: counting an applicant's submissions of a day (the per-ID daily limit).
    "CREATE INDEX cases_by_applicant ON cases(applicant_id_number, submitted_on);",
    // 4: limits with units. `promised_time_limit` holds the case's promised limit as
    // `contract::TimeLimit` JSON; NULL on rows written before, whose `promised_limit` number
    // reads as working days. `catalog_meta` remembers which embedded catalog the `services`
    // rows come from, so that a corrected catalog replaces the stored one at start-up.
    "ALTER TABLE cases ADD COLUMN promised_time_limit TEXT;
    CREATE TABLE catalog_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );",
    // 5: a city's own catalog. `guide_versions` keeps each version of a guide a case was filed
    // under, and `cases.guide_etag` names the case's (NULL on older rows: the current guide
    // applies). `documents` holds the blank forms and samples the materials link to.
    "CREATE TABLE guide_versions (
        service_code TEXT NOT NULL,
        etag TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (service_code, etag)
    );
    ALTER TABLE cases ADD COLUMN guide_etag TEXT;
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL
    );",
    // 6: appointments (预约) for a window visit, slots the center closed, and the 预审 of
    // photographed materials. `start`/`end_at` are minutes after midnight, China time.
    "CREATE TABLE appointments (
        number TEXT PRIMARY KEY,
        query_code TEXT NOT NULL,
        service_code TEXT NOT NULL,
        service_name TEXT NOT NULL,
        place_id TEXT NOT NULL,
        place_name TEXT NOT NULL,
        place_address TEXT NOT NULL,
        date TEXT NOT NULL,
        start INTEGER NOT NULL,
        end_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        name TEXT NOT NULL,
        id_number TEXT NOT NULL,
        phone TEXT NOT NULL,
        booked_on TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        closure_reason TEXT,
        handler TEXT
    );
    CREATE INDEX appointments_by_slot ON appointments(place_id, date, start, status);
    CREATE INDEX appointments_by_applicant ON appointments(id_number, booked_on);
    CREATE TABLE slot_closures (
        place_id TEXT NOT NULL,
        date TEXT NOT NULL,
        start INTEGER NOT NULL,
        reason TEXT NOT NULL,
        handler TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (place_id, date, start)
    );
    CREATE TABLE precheck_items (
        appointment_number TEXT NOT NULL REFERENCES appointments(number),
        material_id TEXT NOT NULL,
        material_name TEXT NOT NULL,
        verdict TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        handler TEXT,
        PRIMARY KEY (appointment_number, material_id)
    );
    CREATE TABLE precheck_pages (
        upload_id TEXT PRIMARY KEY,
        appointment_number TEXT NOT NULL REFERENCES appointments(number),
        material_id TEXT NOT NULL,
        page INTEGER NOT NULL
    );
    CREATE INDEX precheck_pages_by_appointment ON precheck_pages(appointment_number, material_id, page);",
    // 7: the citizen's voice (`feedback`): questions and the answers published to guides,
    // complaints, follow-ups of bad ratings, and the idempotency keys of their submissions.
    "CREATE TABLE inquiries (
        ticket_number TEXT PRIMARY KEY,
        query_code TEXT NOT NULL,
        service_code TEXT NOT NULL,
        service_name TEXT NOT NULL,
        question TEXT NOT NULL,
        phone TEXT NOT NULL,
        status TEXT NOT NULL,
        asked_at TEXT NOT NULL,
        asked_on TEXT NOT NULL,
        answer TEXT,
        answered_at TEXT,
        handler TEXT,
        published INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX inquiries_by_day ON inquiries(asked_on);
    CREATE TABLE published_faqs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service_code TEXT NOT NULL,
        ticket_number TEXT NOT NULL REFERENCES inquiries(ticket_number),
        question TEXT NOT NULL,
        answer TEXT NOT NULL
    );
    CREATE INDEX published_faqs_by_service ON published_faqs(service_code, id);
    CREATE TABLE complaints (
        ticket_number TEXT PRIMARY KEY,
        query_code TEXT NOT NULL,
        about TEXT NOT NULL,
        case_number TEXT REFERENCES cases(case_number),
        service_code TEXT,
        place TEXT,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        phone TEXT NOT NULL,
        status TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_on TEXT NOT NULL,
        reply_days INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        reply TEXT,
        replied_on TEXT,
        handler TEXT
    );
    CREATE INDEX complaints_by_day ON complaints(submitted_on);
    CREATE INDEX complaints_by_case ON complaints(case_number);
    CREATE TABLE follow_ups (
        case_number TEXT PRIMARY KEY REFERENCES cases(case_number),
        status TEXT NOT NULL,
        opened_on TEXT NOT NULL,
        limit_days INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        contact_note TEXT,
        contacted_on TEXT,
        rectification TEXT,
        rectified_on TEXT,
        handler TEXT
    );
    CREATE TABLE feedback_keys (
        idempotency_key TEXT NOT NULL UNIQUE,
        request_sha256 TEXT NOT NULL,
        ticket_number TEXT NOT NULL,
        receipt TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );",
    // 8: 办件公示: licensing decisions on legal persons as published (a copy taken at the
    // decision, so that the public record does not change with the case).
    "CREATE TABLE publications (
        id TEXT PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE REFERENCES cases(case_number),
        enterprise_name TEXT NOT NULL,
        credit_code TEXT NOT NULL,
        service_code TEXT NOT NULL,
        service_name TEXT NOT NULL,
        decision TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        department TEXT NOT NULL,
        published_on TEXT NOT NULL
    );
    CREATE INDEX publications_by_date ON publications(published_on, id);",
    // 9: appointments are booked under the client's idempotency key as questions and
    // complaints are (`idempotency`), so a retry after a lost reply gets its receipt; both
    // tables name the record's number `number`.
    "ALTER TABLE feedback_keys RENAME COLUMN ticket_number TO number;
    CREATE TABLE appointment_keys (
        idempotency_key TEXT NOT NULL UNIQUE,
        request_sha256 TEXT NOT NULL,
        number TEXT NOT NULL,
        receipt TEXT NOT NULL,
        created_at INTEGER NOT NULL
    );",
    // 10: 一件事 cases. The whole is a `bundle_cases` row under its case number; each service is
    // an ordinary `cases` row (a track, numbered `<case number>-<n>`) naming it in
    // `bundle_number`, so every action, supplement, rating and figure works per track. A
    // material photographed once for several services is attached to the first track and
    // shared with the others in `upload_shares`.
    "CREATE TABLE bundle_cases (
        case_number TEXT PRIMARY KEY,
        query_code TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        bundle TEXT NOT NULL,
        application TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_on TEXT NOT NULL
    );
    ALTER TABLE cases ADD COLUMN bundle_number TEXT REFERENCES bundle_cases(case_number);
    CREATE INDEX cases_by_bundle ON cases(bundle_number);
    CREATE TABLE upload_shares (
        upload_id TEXT NOT NULL REFERENCES uploads(id),
        case_number TEXT NOT NULL REFERENCES cases(case_number),
        material_id TEXT NOT NULL,
        page INTEGER NOT NULL,
        PRIMARY KEY (case_number, upload_id)
    );",
];

/// Connections that only read. SQLite in WAL mode lets them read while the writer commits, so
/// a look-up or a guide does not wait behind an upload's or a submission's commit and its fsync
/// (measured under 12 uploaders: look-up p99 from 29–45 ms down to the figures in the README).
const READERS: usize = 4;

#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    readers: Arc<[Mutex<Connection>]>,
    next_reader: Arc<AtomicUsize>,
}

impl Db {
    pub fn open(data_dir: &Path) -> anyhow::Result<Db> {
        // Citizens' data: the folder and the database are the service user's alone.
        crate::uploads::store::create_private_dir(data_dir)
            .with_context(|| format!("creating data directory {}", data_dir.display()))?;
        let path = data_dir.join("portal.sqlite3");
        create_private_file(&path)
            .with_context(|| format!("creating database {}", path.display()))?;
        let mut conn = Connection::open(&path)
            .with_context(|| format!("opening database {}", path.display()))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )?;
        migrate(&mut conn)?;
        let readers = (0..READERS)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    &path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                reader.execute_batch("PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;")?;
                Ok(Mutex::new(reader))
            })
            .collect::<anyhow::Result<Vec<_>>>()
            .with_context(|| format!("opening database {} to read", path.display()))?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
            readers: readers.into(),
            next_reader: Arc::default(),
        })
    }

    /// Runs a read-only `f` off the async runtime on one of the reading connections: it sees
    /// every committed write, and never waits for the writer.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, AppError> + Send + 'static,
    {
        let readers = self.readers.clone();
        let first = self.next_reader.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            // A free connection if there is one, else wait for the next in turn.
            let n = readers.len();
            let guard = (0..n)
                .find_map(|i| readers[(first + i) % n].try_lock().ok())
                .map_or_else(|| readers[first % n].lock(), Ok)
                .map_err(|_| AppError::internal(anyhow::anyhow!("database lock poisoned")))?;
            f(&guard)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Runs `f` on the connection off the async runtime.
    pub async fn call<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, AppError> + Send + 'static,
    {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| AppError::internal(anyhow::anyhow!("database lock poisoned")))?;
            f(&mut guard)
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Synchronous access for start-up and command-line actions.
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> anyhow::Result<T> {
        let mut guard = self
            .conn
            .lock()
            .map_err(|_| anyhow::anyhow!("database lock poisoned"))?;
        Ok(f(&mut guard))
    }
}

/// Creates `path` empty with mode 0600 if missing, and narrows an existing file to 0600;
/// SQLite gives its -wal and -shm files the database file's mode.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(0o600)
            .open(path)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    let applied: usize = conn.query_row("PRAGMA user_version", [], |r| {
        r.get::<_, i64>("user_version")
    })? as usize;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .with_context(|| format!("migration {}", i + 1))?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// A unit enum of the contract stored as its serde name, the same snake_case text as in the
/// JSON (`supplement_required`), so that SQL code never spells the names a second time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SerdeText<T>(pub T);

impl<T: serde::Serialize> rusqlite::ToSql for SerdeText<T> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match serde_json::to_value(&self.0) {
            Ok(serde_json::Value::String(name)) => Ok(name.into()),
            Ok(other) => Err(rusqlite::Error::ToSqlConversionFailure(
                format!("{other} is not a unit enum variant").into(),
            )),
            Err(e) => Err(rusqlite::Error::ToSqlConversionFailure(Box::new(e))),
        }
    }
}

impl<T: serde::de::DeserializeOwned> rusqlite::types::FromSql for SerdeText<T> {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let name = value.as_str()?;
        serde_json::from_value(serde_json::Value::String(name.to_owned()))
            .map(SerdeText)
            .map_err(rusqlite::types::FromSqlError::other)
    }
}

/// A value stored as its JSON text (the application, a rating).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonText<T>(pub T);

impl<T: serde::Serialize> rusqlite::ToSql for JsonText<T> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        serde_json::to_string(&self.0)
            .map(Into::into)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }
}

impl<T: serde::de::DeserializeOwned> rusqlite::types::FromSql for JsonText<T> {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?)
            .map(JsonText)
            .map_err(rusqlite::types::FromSqlError::other)
    }
}

#[cfg(test)]
mod tests {
    use super::SerdeText;
    use contract::CaseStatus;

    #[test]
    fn enums_are_stored_by_their_serde_names() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let status = SerdeText(CaseStatus::SupplementRequired);
        let (text, back): (String, SerdeText<CaseStatus>) = conn
            .query_row("SELECT ?1 AS a, ?1 AS b", [status], |r| {
                Ok((r.get("a")?, r.get("b")?))
            })
            .unwrap();
        assert_eq!(text, "supplement_required");
        assert_eq!(back, status);
        let bad: rusqlite::Result<SerdeText<CaseStatus>> =
            conn.query_row("SELECT 'finished' AS s", [], |r| r.get("s"));
        assert!(bad.is_err());
    }

    #[test]
    fn times_written_before_chrono_still_read() {
        use contract::chrono::{DateTime, FixedOffset};
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        // Earlier versions stored RFC 3339 with a `T`; rusqlite writes a space.
        let at: DateTime<FixedOffset> = conn
            .query_row("SELECT '2026-03-02T10:00:00+08:00' AS at", [], |r| {
                r.get("at")
            })
            .unwrap();
        assert_eq!(at, contract::china_now(1_772_416_800_000));
    }
}
