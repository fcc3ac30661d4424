//! The one error type handlers return: it becomes the contract's `ApiError` JSON.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::{ApiError, ErrorCode, FieldError};

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub body: ApiError,
    /// Why an internal error happened: logged, never sent to the client.
    pub cause: Option<anyhow::Error>,
}

impl AppError {
    pub fn new(status: StatusCode, code: ErrorCode, message: &str) -> Self {
        AppError {
            status,
            body: ApiError {
                code,
                message: message.into(),
                fields: Vec::new(),
                expired_uploads: Vec::new(),
            },
            cause: None,
        }
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "未找到请求的内容",
        )
    }

    pub fn invalid(fields: Vec<FieldError>) -> Self {
        let mut e = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Invalid,
            "提交的信息有误，请按提示修改",
        );
        e.body.fields = fields;
        e
    }

    /// A failure of ours: the client reads "系统繁忙", the log reads `cause` (see `log`).
    pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
        AppError {
            cause: Some(cause.into()),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                "系统繁忙，请稍后再试",
            )
        }
    }

    /// Logs the cause of an internal error with its whole chain; other errors are answers,
    /// not faults, and are not logged here.
    pub fn log(&self) {
        if let Some(cause) = &self.cause {
            tracing::error!(error = format!("{cause:#}"), "internal error");
        }
    }
}

/// For the command line: the message and field errors as the operator reads them, and the
/// cause of an internal error.
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.body.message)?;
        for field in &self.body.fields {
            write!(f, "\n  {}: {}", field.field, field.message)?;
        }
        if let Some(cause) = &self.cause {
            write!(f, "\n  原因: {cause:#}")?;
        }
        Ok(())
    }
}

impl From<rusqlite::Error> for AppError {
    fn from(e: rusqlite::Error) -> Self {
        AppError::internal(e)
    }
}

impl From<serde_json::Error> for AppError {
    fn from(e: serde_json::Error) -> Self {
        AppError::internal(e)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        (self.status, Json(self.body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, AppError>;

/// The contract's error for a status that axum or a layer answered on its own (405, a bad
/// path or query, a body over the limit, a timeout), with a Chinese message.
pub fn for_status(status: StatusCode) -> AppError {
    let (code, message) = match status {
        StatusCode::NOT_FOUND => (ErrorCode::NotFound, "接口不存在"),
        StatusCode::METHOD_NOT_ALLOWED => (ErrorCode::MethodNotAllowed, "不支持该请求方式"),
        StatusCode::REQUEST_TIMEOUT => (ErrorCode::Timeout, "请求超时，请检查网络后重试"),
        StatusCode::PAYLOAD_TOO_LARGE => (ErrorCode::TooLarge, "提交的内容过大"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => (ErrorCode::BadRequest, "请以JSON格式提交"),
        s if s.is_client_error() => (ErrorCode::BadRequest, "请求参数不正确，请刷新页面后重试"),
        _ => (ErrorCode::Internal, "系统繁忙，请稍后再试"),
    };
    AppError::new(status, code, message)
}

/// Makes every error answer of the API the JSON error shape: responses of ours already are;
/// axum's own rejections (plain text or empty) are replaced, keeping status and headers
/// such as `Allow`.
pub async fn json_errors(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return res;
    }
    let (mut parts, _) = res.into_parts();
    let fresh = for_status(status).into_response();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    for (name, value) in fresh.headers() {
        parts.headers.insert(name.clone(), value.clone());
    }
    Response::from_parts(parts, fresh.into_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_keep_their_cause_out_of_the_body() {
        let e = AppError::internal(anyhow::anyhow!("disk full").context("writing upload"));
        assert_eq!(e.body.code, ErrorCode::Internal);
        assert!(!e.body.message.contains("disk"));
        let text = e.to_string();
        assert!(text.contains("writing upload: disk full"), "{text}");
    }
}
