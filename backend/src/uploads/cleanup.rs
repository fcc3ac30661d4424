//! Removes uploads that no case refers to once they are a day old: abandoned drafts should
//! not keep citizens' ID photos on disk.

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, SystemTime};

use rusqlite::{params, Connection};

use crate::app::AppState;
use crate::http::error::AppError;
use crate::uploads::store;

/// How long an upload may wait for its application.
pub const MAX_AGE_SECS: i64 = 24 * 3600;
const INTERVAL: Duration = Duration::from_secs(3600);

/// Deletes free uploads older than `MAX_AGE_SECS` (rows and files), and leftover temporary
/// files of interrupted writes. Returns how many uploads were removed.
#[cfg(test)]
pub fn sweep(conn: &mut Connection, dir: &Path, now: i64) -> Result<usize, AppError> {
    let ids = expire_rows(conn, now)?;
    remove_files(dir, &ids);
    remove_orphans(dir, &known_ids(conn)?);
    Ok(ids.len())
}

/// Every upload id the database holds.
pub fn known_ids(conn: &Connection) -> Result<HashSet<String>, AppError> {
    let mut stmt = conn.prepare("SELECT id FROM uploads")?;
    let rows = stmt.query_map([], |r| r.get("id"))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Removes stored files that no row names: a crash between a file's rename into place and its
/// row's insert leaves one behind, which no case can ever use. Only files a day old are taken,
/// so an upload being stored right now is never one of them.
pub fn remove_orphans(dir: &Path, known: &HashSet<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let cutoff = SystemTime::now() - Duration::from_secs(MAX_AGE_SECS as u64);
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let file = entry.file_type().is_ok_and(|t| t.is_file());
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < cutoff);
        if file && old && !name.ends_with(".tmp") && !known.contains(&name) {
            tracing::info!(file = %name, "removed a stored file no upload names");
            let _ = store::remove_file(&entry.path());
        }
    }
}

/// The database half of `sweep`: deletes the rows and returns their ids. Rows go first: once
/// committed no application can attach these uploads any more.
pub fn expire_rows(conn: &mut Connection, now: i64) -> Result<Vec<String>, AppError> {
    let tx = conn.transaction()?;
    crate::appointments::store::release_old_pages(&tx, crate::clock::china_time(now).date_naive())?;
    let ids: Vec<String> = {
        // Pre-check photos that an appointment holds are kept like a case's.
        let mut stmt = tx.prepare(
            "SELECT id FROM uploads WHERE case_number IS NULL AND created_at < ?1
             AND id NOT IN (SELECT upload_id FROM precheck_pages)",
        )?;
        let rows = stmt.query_map(params![now - MAX_AGE_SECS], |r| r.get("id"))?;
        rows.collect::<Result<_, _>>()?
    };
    for id in &ids {
        tx.execute("DELETE FROM uploads WHERE id = ?1", [id])?;
    }
    tx.commit()?;
    Ok(ids)
}

/// The file half of `sweep`: run without the database lock, so that slow disks do not stall
/// every request.
pub fn remove_files(dir: &Path, ids: &[String]) {
    for id in ids {
        if let Err(e) = store::remove_file(&dir.join(id)) {
            tracing::warn!(upload = %id, error = %e, "could not remove an expired upload");
        }
    }
    remove_stale_temp_files(dir);
}

fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let cutoff = SystemTime::now() - Duration::from_secs(MAX_AGE_SECS as u64);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let is_temp = name.to_string_lossy().ends_with(".tmp");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < cutoff);
        if is_temp && old {
            let _ = store::remove_file(&entry.path());
        }
    }
}

/// Sweeps at start-up and then every hour.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(INTERVAL);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            let dir = state.uploads_dir.clone();
            let now = state.clock.now();
            let ids = match state.db.call(move |c| expire_rows(c, now)).await {
                Ok(ids) => ids,
                // The cause, not the client-facing "系统繁忙".
                Err(e) => {
                    tracing::warn!(error = %e, "upload cleanup failed");
                    continue;
                }
            };
            let n = ids.len();
            let known = state.db.read(known_ids).await;
            let _ = tokio::task::spawn_blocking(move || {
                remove_files(&dir, &ids);
                if let Ok(known) = known {
                    remove_orphans(&dir, &known);
                }
            })
            .await;
            if n > 0 {
                tracing::info!(removed = n, "removed expired uploads");
            }
        }
    })
}
