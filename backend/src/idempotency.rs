//! Receipts kept under the client's idempotency key, so that a retry after a lost reply gets
//! the first answer instead of a second record (questions, complaints, appointments). Each
//! kind has its own table of the same shape: `idempotency_key`, `request_sha256`, `number`,
//! `receipt`, `created_at`.

use axum::http::StatusCode;
use contract::ErrorCode;
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::http::error::AppError;

/// The receipt stored under `key` when the same request made it; 409 with `conflict` (what
/// the citizen reads) when another request used the key.
pub fn stored<T: DeserializeOwned>(
    conn: &Connection,
    table: &str,
    key: &str,
    request_sha256: &str,
    conflict: &str,
) -> Result<Option<T>, AppError> {
    let row: Option<(String, String)> = conn
        .query_row(
            &format!("SELECT request_sha256, receipt FROM {table} WHERE idempotency_key = ?1"),
            [key],
            |r| Ok((r.get("request_sha256")?, r.get("receipt")?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((hash, _)) if hash != request_sha256 => Err(AppError::new(
            StatusCode::CONFLICT,
            ErrorCode::IdempotencyConflict,
            conflict,
        )),
        Some((_, receipt)) => Ok(Some(serde_json::from_str(&receipt)?)),
    }
}

/// Keeps `receipt` under `key`, in the transaction that made the record.
pub fn store<T: Serialize>(
    conn: &Connection,
    table: &str,
    key: &str,
    request_sha256: &str,
    number: &str,
    receipt: &T,
    now: i64,
) -> Result<(), AppError> {
    conn.execute(
        &format!(
            "INSERT INTO {table} (idempotency_key, request_sha256, number, receipt, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)"
        ),
        params![
            key,
            request_sha256,
            number,
            serde_json::to_string(receipt)?,
            now
        ],
    )?;
    Ok(())
}

/// The SHA-256 of a request body, as the key's record keeps it.
pub fn request_hash<T: Serialize>(body: &T) -> Result<String, AppError> {
    use sha2::Digest;
    Ok(crate::tokens::hex(&sha2::Sha256::digest(
        serde_json::to_vec(body)?,
    )))
}
