//! Upload files on disk and their rows in SQLite.
//!
//! A file is written to a temporary name, flushed to disk, renamed into place and the folder
//! flushed too, so that after a crash an upload the citizen was told about is really there.

use std::fs::{self, File};
use std::io;
#[cfg(test)]
use std::io::Write;
#[cfg(all(unix, test))]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use crate::http::error::AppError;

/// Where uploads live under the data directory.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads")
}

/// Writes `bytes` durably as `dir/id`, finished as a streamed upload is.
#[cfg(test)]
pub fn write_file(dir: &Path, id: &str, bytes: &[u8]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{id}.tmp"));
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode_private()
        .open(&tmp)?;
    if let Err(e) = file.write_all(bytes) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    finish_file(file, dir, id)
}

/// Creates a new file readable by the service user only (0600 on Unix).
pub async fn create_private(path: &Path) -> io::Result<tokio::fs::File> {
    let mut options = tokio::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(0o600);
    options.open(path).await
}

/// Creates a folder (and its parents) readable by the service user only (0700 on Unix), and
/// narrows an existing one to that.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        builder.create(dir)?;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    builder.create(dir)?;
    Ok(())
}

/// Flushes a streamed temporary file `dir/.id.tmp` to disk and renames it into place as
/// `dir/id`; the temporary file is removed on failure.
pub fn finish_file(file: File, dir: &Path, id: &str) -> io::Result<()> {
    let tmp = dir.join(format!(".{id}.tmp"));
    let result = (|| {
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, dir.join(id))?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Flushes the folder entry (the rename) itself; only possible on Unix.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes a file, a missing one being already removed.
pub fn remove_file(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Private file modes on Unix, nothing elsewhere.
#[cfg(test)]
trait ModePrivate {
    fn mode_private(&mut self) -> &mut Self;
}

#[cfg(test)]
impl ModePrivate for fs::OpenOptions {
    fn mode_private(&mut self) -> &mut Self {
        #[cfg(unix)]
        self.mode(0o600);
        self
    }
}

pub struct NewUpload<'a> {
    pub id: &'a str,
    pub draft_id: &'a str,
    pub content_type: &'a str,
    pub bytes: u64,
    pub sha256: &'a str,
    pub created_at: i64,
}

pub fn insert(conn: &Connection, u: &NewUpload) -> Result<(), AppError> {
    conn.execute(
        "INSERT INTO uploads (id, draft_id, content_type, bytes, sha256, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            u.id,
            u.draft_id,
            u.content_type,
            u.bytes as i64,
            u.sha256,
            u.created_at
        ],
    )?;
    Ok(())
}

pub fn count_for_draft(conn: &Connection, draft_id: &str) -> Result<u64, AppError> {
    let n: i64 = conn.query_row(
        "SELECT COUNT(*) AS n FROM uploads WHERE draft_id = ?1",
        [draft_id],
        |r| r.get("n"),
    )?;
    Ok(n as u64)
}

/// The case an upload is attached to: `None` when there is no such upload,
/// `Some(None)` when it is free.
pub fn attachment(conn: &Connection, id: &str) -> Result<Option<Option<String>>, AppError> {
    Ok(conn
        .query_row("SELECT case_number FROM uploads WHERE id = ?1", [id], |r| {
            r.get("case_number")
        })
        .optional()?)
}

/// `(case number, material id)` an upload is attached as, if it is attached.
pub fn attached_as(conn: &Connection, id: &str) -> Result<Option<(String, String)>, AppError> {
    Ok(conn
        .query_row(
            "SELECT case_number, material_id FROM uploads
             WHERE id = ?1 AND case_number IS NOT NULL AND material_id IS NOT NULL",
            [id],
            |r| Ok((r.get("case_number")?, r.get("material_id")?)),
        )
        .optional()?)
}

/// Attaches free uploads to a case as the pages of one material, after its existing pages.
pub fn attach(
    conn: &Connection,
    case_number: &str,
    material_id: &str,
    upload_ids: &[String],
) -> Result<(), AppError> {
    let last: i64 = conn.query_row(
        "SELECT COALESCE(MAX(page), 0) AS last_page FROM uploads WHERE case_number = ?1 AND material_id = ?2",
        params![case_number, material_id],
        |r| r.get("last_page"),
    )?;
    for (i, id) in upload_ids.iter().enumerate() {
        let changed = conn.execute(
            "UPDATE uploads SET case_number = ?1, material_id = ?2, page = ?3
             WHERE id = ?4 AND case_number IS NULL",
            params![case_number, material_id, last + 1 + i as i64, id],
        )?;
        if changed != 1 {
            return Err(AppError::internal(anyhow::anyhow!(
                "upload {id} is not free"
            )));
        }
    }
    Ok(())
}

/// Attaches uploads as `attach` does, except those a sibling track of the same 一件事 case took
/// in this transaction (a material photographed once for several services): those are shared
/// with this case as its pages of `material_id`, the file kept once.
pub fn attach_or_share(
    conn: &Connection,
    case_number: &str,
    material_id: &str,
    upload_ids: &[String],
) -> Result<(), AppError> {
    let (taken, free): (Vec<String>, Vec<String>) = upload_ids
        .iter()
        .cloned()
        .partition(|id| matches!(attachment(conn, id), Ok(Some(Some(_)))));
    attach(conn, case_number, material_id, &free)?;
    for (page, id) in taken.iter().enumerate() {
        conn.execute(
            "INSERT INTO upload_shares (upload_id, case_number, material_id, page)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, case_number, material_id, page as i64 + 1],
        )?;
    }
    Ok(())
}

/// `(material id, upload id)` of a case, each material's pages in order, pages shared with a
/// sibling track included.
pub fn of_case(conn: &Connection, case_number: &str) -> Result<Vec<(String, String)>, AppError> {
    let mut stmt = conn.prepare(
        "SELECT material_id, id FROM (
             SELECT COALESCE(material_id, '') AS material_id, id, page, rowid AS r
             FROM uploads WHERE case_number = ?1
             UNION ALL
             SELECT material_id, upload_id AS id, page, 0 AS r
             FROM upload_shares WHERE case_number = ?1)
         ORDER BY material_id, page, r",
    )?;
    let rows = stmt.query_map([case_number], |r| Ok((r.get("material_id")?, r.get("id")?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Content type of a stored upload.
pub fn content_type(conn: &Connection, id: &str) -> Result<Option<String>, AppError> {
    Ok(conn
        .query_row(
            "SELECT content_type FROM uploads WHERE id = ?1",
            [id],
            |r| r.get("content_type"),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_durably_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let uploads = super::dir(dir.path());
        write_file(&uploads, "abc", b"hello").unwrap();
        assert_eq!(fs::read(uploads.join("abc")).unwrap(), b"hello");
        let names: Vec<_> = fs::read_dir(&uploads).unwrap().collect();
        assert_eq!(names.len(), 1);
        remove_file(&uploads.join("abc")).unwrap();
        remove_file(&uploads.join("abc")).unwrap();
    }
}
