//! The guide a case was filed under.
//!
//! A case keeps the version of its service's guide from the day it was filed: after a city
//! imports a new catalog (or the embedded one changes), the materials a case is examined
//! against and the names staff see are still those the citizen applied with. Versions are
//! stored once per (service, etag) in `guide_versions`; a case points at its one.

use contract::Service;
use rusqlite::{params, Connection, OptionalExtension};

use super::service_items::load_service;
use crate::http::error::AppError;

/// Records the service's current guide as the one `case_number` is filed under.
pub fn keep(conn: &Connection, case_number: &str, service_code: &str) -> Result<(), AppError> {
    conn.execute(
        "INSERT OR IGNORE INTO guide_versions (service_code, etag, body)
         SELECT code, etag, body FROM services WHERE code = ?1",
        [service_code],
    )?;
    conn.execute(
        "UPDATE cases SET guide_etag = (SELECT etag FROM services WHERE code = ?1)
         WHERE case_number = ?2",
        params![service_code, case_number],
    )?;
    Ok(())
}

/// The guide `case_number` was filed under; for a case from before versions were kept, the
/// service's current guide.
pub fn of_case(
    conn: &Connection,
    case_number: &str,
    service_code: &str,
) -> Result<Option<Service>, AppError> {
    let kept: Option<String> = conn
        .query_row(
            "SELECT g.body FROM cases c
             JOIN guide_versions g ON g.service_code = c.service_code AND g.etag = c.guide_etag
             WHERE c.case_number = ?1",
            [case_number],
            |r| r.get("body"),
        )
        .optional()?;
    match kept {
        Some(body) => Ok(Some(serde_json::from_str(&body)?)),
        None => load_service(conn, service_code),
    }
}
