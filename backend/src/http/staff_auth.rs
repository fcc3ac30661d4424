//! The staff API's bearer token.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use contract::ErrorCode;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::http::error::AppError;
use crate::tokens::constant_time_eq;

/// Present in a handler's arguments: the request carried the configured staff token.
pub struct Staff;

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Some(expected) = &state.staff_token else {
            return Err(AppError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "未启用工作人员接口",
            ));
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        // Digests have equal length, so neither the content nor the length leaks.
        let ok = constant_time_eq(
            &Sha256::digest(given.trim().as_bytes()),
            &Sha256::digest(expected.as_bytes()),
        );
        if ok && !given.is_empty() {
            Ok(Staff)
        } else {
            Err(AppError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthorized,
                "工作人员身份验证失败，请重新登录",
            ))
        }
    }
}
