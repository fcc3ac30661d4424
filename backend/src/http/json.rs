//! A JSON body extractor whose rejections are the contract's `ApiError`, in Chinese.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use contract::ErrorCode;
use serde::de::DeserializeOwned;

use crate::http::error::AppError;

pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(reject(&rejection)),
        }
    }
}

fn reject(rejection: &JsonRejection) -> AppError {
    tracing::debug!(%rejection, "rejected JSON body");
    match rejection {
        JsonRejection::MissingJsonContentType(_) => AppError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadRequest,
            "请以JSON格式提交",
        ),
        JsonRejection::BytesRejection(_) => AppError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::TooLarge,
            "提交的内容过大",
        ),
        _ => AppError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::BadRequest,
            "提交的内容格式不正确，请刷新页面后重试",
        ),
    }
}
