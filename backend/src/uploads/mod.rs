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

use crate::app::AppState;
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
pub struct UploadQuery {
    /// The client-generated draft id: 8–64 characters of A–Z, a–z, 0–9 and "-".
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

/// Reads the body up to `MAX_BYTES`, refusing more as soon as it arrives.
async fn read_body(req: Request) -> ApiResult<Vec<u8>> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BYTES as u64) {
        return Err(too_large());
    }
    let mut body = req.into_limited_body();
    let mut bytes = Vec::with_capacity(declared.map_or(64 * 1024, |n| n as usize));
    while let Some(frame) = body.frame().await {
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
        if let Some(data) = frame.data_ref() {
            if bytes.len() + data.len() > MAX_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(data);
        }
    }
    Ok(bytes)
}

#[utoipa::path(post, path = "/api/uploads", tag = "uploads",
    params(UploadQuery),
    request_body(content = crate::openapi::BinaryFile, description = "The raw file (JPEG, PNG, HEIC or PDF), at most 10 MB; its type is judged by content",
        content_type = "application/octet-stream"),
    responses((status = 200, description = "Stored", body = UploadReceipt),
              (status = 400, description = "Missing or malformed draft id", body = contract::ApiError),
              (status = 413, description = "文件不能超过10MB", body = contract::ApiError),
              (status = 415, description = "Not a JPEG, PNG, HEIC or PDF", body = contract::ApiError),
              (status = 422, description = "图片像素过大 (over 40 megapixels), or an unreadable image", body = contract::ApiError),
              (status = 429, description = "Too many uploads for one draft", body = contract::ApiError)))]
pub async fn create(
    State(state): State<AppState>,
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
    let bytes = read_body(req).await?;
    let kind = sniff::detect(&bytes).ok_or_else(unsupported)?;
    match sniff::pixels(kind, &bytes) {
        None => {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::Unreadable,
                "图片文件不完整或已损坏，请重新拍照上传",
            ))
        }
        Some(Some(px)) if px > MAX_PIXELS => {
            return Err(AppError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::TooManyPixels,
                "图片像素过大",
            ))
        }
        Some(_) => {}
    }

    let count_draft = draft.clone();
    let count = state
        .db
        .call(move |c| store::count_for_draft(c, &count_draft))
        .await?;
    if count >= MAX_PER_DRAFT {
        return Err(AppError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyUploads,
            "上传的文件过多，请删除不需要的文件后再试",
        ));
    }

    let id = tokens::random_id()?;
    let sha256 = tokens::hex(&Sha256::digest(&bytes));
    let receipt = UploadReceipt {
        upload_id: id.clone(),
        content_type: kind.content_type().to_string(),
        bytes: bytes.len() as u64,
    };
    let dir = state.uploads_dir.clone();
    let file_id = id.clone();
    tokio::task::spawn_blocking(move || store::write_file(&dir, &file_id, &bytes))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::internal)?;

    let now = state.clock.now();
    let row = receipt.clone();
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

#[utoipa::path(get, path = "/api/staff/uploads/{id}", tag = "staff",
    params(("id" = String, Path, description = "Upload id")),
    security(("staff_token" = [])),
    responses((status = 200, description = "The stored file with its detected content type", content_type = "application/octet-stream", body = crate::openapi::BinaryFile),
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
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{id}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}
