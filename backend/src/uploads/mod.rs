//! 拍照上传: `POST /api/uploads?draft=<draft id>` with the raw file as the body, and the staff
//! download of a stored file.

pub mod cleanup;
pub mod pages;
pub mod sniff;
pub mod store;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use axum::RequestExt;
use contract::{ErrorCode, UploadReceipt};
use http_body_util::BodyExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::time::Duration;
use tokio::io::AsyncWriteExt;

use crate::app::AppState;
use crate::http::client_ip::ClientIp;
use crate::http::error::{ApiResult, AppError};
use crate::http::staff_auth::Staff;
use crate::tokens;

/// Largest file accepted (also axum's body limit on the route).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// Largest JPEG or PNG accepted, in pixels: bigger ones are not phone photos and cost too
/// much to show.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Uploads one draft may hold, so that one client cannot fill the disk.
pub const MAX_PER_DRAFT: u64 = 200;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The client-generated draft id: 8–64 characters of A–Z, a–z, 0–9 and "-".
    #[param(
        required = true,
        min_length = 8,
        max_length = 64,
        pattern = "^[A-Za-z0-9-]{8,64}$"
    )]
    pub draft: Option<String>,
}

/// An opaque draft id from the client: 8–64 characters of [A-Za-z0-9-].
pub fn is_draft_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn too_large() -> AppError {
    AppError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::TooLarge,
        "文件不能超过10MB",
    )
}

fn unsupported() -> AppError {
    AppError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::UnsupportedType,
        "只能上传照片（JPG、PNG、HEIC）或 PDF 文件",
    )
}

/// Bytes kept in memory from the start of a file: enough for the type and an image's size
/// (a JPEG's size follows its EXIF block, at most 64 KB per segment).
const SNIFF_BYTES: usize = 512 * 1024;
/// Longest wait for the next piece of an upload's body, so that a slow sender cannot hold a
/// connection, a slot and a temporary file.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(20);
/// Uploads received at the same time; more wait for a 503 and retry.
pub const CONCURRENT_UPLOADS: usize = 8;
/// Free space kept on the uploads' disk: at least this, and at least `MIN_FREE_PERCENT` of the disk.
pub const MIN_FREE_BYTES: u64 = 1024 * 1024 * 1024;
pub const MIN_FREE_PERCENT: u64 = 5;

fn busy() -> AppError {
    AppError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Busy,
        "当前上传人数较多，请稍后重试",
    )
}

fn storage_full() -> AppError {
    AppError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::StorageFull,
        "系统存储空间不足，暂时无法上传，请稍后再试或到办事大厅窗口办理",
    )
}

fn over_budget(limit: u64) -> AppError {
    AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::DailyUploadLimit,
        &format!(
            "今日上传的文件已达每日上限（{}MB），请明日再上传",
            limit / (1024 * 1024)
        ),
    )
}

/// Bytes free for us on the disk holding `dir`, and the disk's size; `None` when unknown.
#[cfg(unix)]
fn disk_space(dir: &std::path::Path) -> Option<(u64, u64)> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: `path` is a valid C string and `stat` a plain struct that statvfs fills.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(path.as_ptr(), &mut stat) } != 0 {
        return None;
    }
    let unit = stat.f_frsize as u64;
    Some((stat.f_bavail as u64 * unit, stat.f_blocks as u64 * unit))
}

#[cfg(not(unix))]
fn disk_space(_dir: &std::path::Path) -> Option<(u64, u64)> {
    None
}

/// Refuses an upload that could leave less than `min_free` (or `percent` of the disk) free.
fn check_free_space(dir: &std::path::Path, min_free: u64, percent: u64) -> ApiResult<()> {
    let Some((available, total)) = disk_space(dir) else {
        return Ok(());
    };
    let keep = min_free.max(total / 100 * percent);
    if available.saturating_sub(MAX_BYTES as u64) < keep {
        tracing::warn!(available, keep, "uploads refused: disk nearly full");
        return Err(storage_full());
    }
    Ok(())
}

/// What streaming a body to its temporary file found.
struct Received {
    prefix: Vec<u8>,
    bytes: u64,
    sha256: String,
}

/// Streams the body into `file`, hashing it, keeping only the first `SNIFF_BYTES` in memory,
/// charging every piece to the client's daily budget and refusing more than `MAX_BYTES`.
async fn receive(
    state: &AppState,
    client: &str,
    req: Request,
    file: &mut tokio::fs::File,
) -> ApiResult<Received> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES as u64) {
        return Err(too_large());
    }
    let limits = &state.limits;
    let today = state.clock.today();
    let mut body = req.into_limited_body();
    let mut hasher = Sha256::new();
    let mut prefix = Vec::new();
    let mut bytes: u64 = 0;
    loop {
        let frame = match tokio::time::timeout(BODY_READ_TIMEOUT, body.frame()).await {
            Err(_) => return Err(crate::http::error::for_status(StatusCode::REQUEST_TIMEOUT)),
            Ok(None) => break,
            Ok(Some(frame)) => frame,
        };
        let frame = frame.map_err(|e| {
            // The limit from DefaultBodyLimit shows up as an error of the stream.
            if std::error::Error::source(&e)
                .is_some_and(|s| s.is::<http_body_util::LengthLimitError>())
            {
                too_large()
            } else {
                AppError::new(
                    StatusCode::BAD_REQUEST,
                    ErrorCode::BadRequest,
                    "上传中断，请重新上传",
                )
            }
        })?;
        let Some(data) = frame.data_ref() else {
            continue;
        };
        bytes += data.len() as u64;
        if bytes > MAX_BYTES as u64 {
            return Err(too_large());
        }
        let day_limit = limits.upload_bytes_per_day;
        if !limits
            .upload_bytes
            .try_spend(client, today, data.len() as u64, day_limit)
        {
            return Err(over_budget(day_limit));
        }
        hasher.update(data);
        let room = SNIFF_BYTES.saturating_sub(prefix.len());
        prefix.extend_from_slice(&data[..room.min(data.len())]);
        file.write_all(data).await.map_err(AppError::internal)?;
    }
    Ok(Received {
        prefix,
        bytes,
        sha256: tokens::hex(&hasher.finalize()),
    })
}

#[utoipa::path(post, path = "/api/uploads", tag = "uploads",
    params(UploadQuery),
    request_body(content = crate::openapi::BinaryFile, description = "The raw file (JPEG, PNG, HEIC or PDF), at most 10 MB; its type is judged by content",
        content_type = "application/octet-stream"),
    responses((status = 200, description = "Stored", body = UploadReceipt),
              (status = 400, description = "Missing or malformed draft id, or an interrupted body", body = contract::ApiError),
              (status = 408, description = "timeout: no data for 20 s, or the whole upload took over 120 s", body = contract::ApiError),
              (status = 413, description = "文件不能超过10MB", body = contract::ApiError),
              (status = 415, description = "Not a JPEG, PNG, HEIC or PDF", body = contract::ApiError),
              (status = 422, description = "图片像素过大 (over 40 megapixels), or an unreadable image", body = contract::ApiError),
              (status = 429, description = "too_many_uploads: 200 uploads in one draft; daily_upload_limit: this client uploaded 500 MB today", body = contract::ApiError),
              (status = 503, description = "busy: 8 uploads are being received already; storage_full: the disk keeps under 1 GiB (or 5%) free", body = contract::ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    client: ClientIp,
    query: Result<Query<UploadQuery>, QueryRejection>,
    req: Request,
) -> ApiResult<Json<UploadReceipt>> {
    let draft = query
        .ok()
        .and_then(|Query(q)| q.draft)
        .filter(|d| is_draft_id(d))
        .ok_or_else(|| {
            AppError::new(
                StatusCode::BAD_REQUEST,
                ErrorCode::InvalidDraft,
                "草稿编号不正确，请刷新页面后重试",
            )
        })?;
    let _slot = state.upload_slots.try_acquire().map_err(|_| busy())?;
    check_free_space(
        &state.uploads_dir,
        state.limits.min_free_bytes,
        state.limits.min_free_percent,
    )?;

    let count_draft = draft.clone();
    let count = state
        .db
        .call(move |c| store::count_for_draft(c, &count_draft))
        .await?;
    if count >= MAX_PER_DRAFT {
        return Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyUploads,
            &format!("这份申报上传的文件已达{MAX_PER_DRAFT}个的上限，无法继续上传，请到窗口办理"),
        ));
    }

    let id = tokens::random_id()?;
    let tmp = state.uploads_dir.join(format!(".{id}.tmp"));
    let mut file = store::create_private(&tmp)
        .await
        .map_err(AppError::internal)?;
    let received = receive(&state, &client.key(), req, &mut file).await;
    let checked = received.and_then(|r| check_content(&r).map(|kind| (r, kind)));
    let (received, kind) = match checked {
        Ok(ok) => ok,
        Err(e) => {
            drop(file);
            let _ = tokio::fs::remove_file(&tmp).await;
            return Err(e);
        }
    };
    let dir = state.uploads_dir.clone();
    let file_id = id.clone();
    let file = file.into_std().await;
    tokio::task::spawn_blocking(move || store::finish_file(file, &dir, &file_id))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;

    let receipt = UploadReceipt {
        upload_id: id.clone(),
        content_type: kind.content_type().to_string(),
        bytes: received.bytes,
    };
    let now = state.clock.now();
    let row = receipt.clone();
    let sha256 = received.sha256;
    let inserted = state
        .db
        .call(move |c| {
            store::insert(
                c,
                &store::NewUpload {
                    id: &row.upload_id,
                    draft_id: &draft,
                    content_type: &row.content_type,
                    bytes: row.bytes,
                    sha256: &sha256,
                    created_at: now,
                },
            )
        })
        .await;
    if let Err(e) = inserted {
        // No row, no upload: do not leave an orphan file behind.
        let _ = store::remove_file(&state.uploads_dir.join(&id));
        return Err(e);
    }
    Ok(Json(receipt))
}

/// The file's type, judged by its first bytes, and for photos their pixel count.
fn check_content(r: &Received) -> ApiResult<sniff::FileKind> {
    let kind = sniff::detect(&r.prefix).ok_or_else(unsupported)?;
    match sniff::pixels(kind, &r.prefix) {
        None => Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Unreadable,
            "图片文件不完整或已损坏，请重新拍照上传",
        )),
        Some(Some(px)) if px > MAX_PIXELS => Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::TooManyPixels,
            "图片像素过大",
        )),
        Some(_) => Ok(kind),
    }
}

#[utoipa::path(get, path = "/api/staff/uploads/{id}", tag = "staff",
    params(("id" = String, Path, description = "Upload id")),
    security(("staff_token" = [])),
    responses((status = 200, description = "The stored file with its detected content type, Content-Security-Policy: sandbox, and PDFs as attachments",
                content((crate::openapi::BinaryFile = "image/jpeg"), (crate::openapi::BinaryFile = "image/png"),
                        (crate::openapi::BinaryFile = "image/heic"), (crate::openapi::BinaryFile = "application/pdf"))),
              (status = 401, description = "Wrong or missing token", body = contract::ApiError),
              (status = 403, description = "Staff API not enabled", body = contract::ApiError),
              (status = 404, description = "No such upload", body = contract::ApiError)))]
pub async fn staff_file(
    _staff: Staff,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    // Only ids we generated can name a file, so no path can leave the folder.
    if !tokens::is_random_id(&id) {
        return Err(AppError::not_found());
    }
    let lookup_id = id.clone();
    let content_type = state
        .db
        .call(move |c| store::content_type(c, &lookup_id))
        .await?
        .ok_or_else(AppError::not_found)?;
    let path = state.uploads_dir.join(&id);
    let bytes = tokio::fs::read(&path).await.map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            AppError::not_found()
        } else {
            AppError::internal(e)
        }
    })?;
    // A PDF shown inline runs in the browser's viewer with our origin: staff download it.
    let disposition = if content_type == "application/pdf" {
        "attachment"
    } else {
        "inline"
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{id}\""),
            ),
            // A citizen's file must never run as our page, whatever it turns out to hold.
            (
                header::CONTENT_SECURITY_POLICY,
                "sandbox; default-src 'none'; img-src 'self'".to_string(),
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}
