//! QR codes of share links, drawn here as SVG so the app ships no QR encoder.

use axum::extract::Query;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use contract::ErrorCode;
use serde::Deserialize;

use crate::http::error::AppError;

/// Longer texts would make a QR code too dense to scan from a phone screen. In characters, as
/// the OpenAPI document counts them: 500 of up to 4 bytes always fit a QR code.
const MAX_TEXT: usize = 500;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QrQuery {
    /// The text to encode, normally a link to a page of the portal: 1–500 characters.
    #[param(min_length = 1, max_length = 500)]
    pub text: String,
}

pub fn svg(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(160, 160)
            .quiet_zone(true)
            .build(),
    )
}

#[utoipa::path(get, path = "/api/qr.svg", tag = "catalog", params(QrQuery),
    responses((status = 200, description = "An SVG QR code of the text", content_type = "image/svg+xml"),
              (status = 400, description = "No text parameter", body = contract::ApiError),
              (status = 422, description = "Empty or too long", body = contract::ApiError)))]
pub async fn qr(Query(q): Query<QrQuery>) -> Response {
    if q.text.is_empty() || q.text.chars().nth(MAX_TEXT).is_some() {
        return AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Invalid,
            "二维码内容不能为空或过长",
        )
        .into_response();
    }
    match svg(&q.text) {
        Some(body) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml"),
                (header::CACHE_CONTROL, "public, max-age=86400"),
            ],
            body,
        )
            .into_response(),
        None => AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::Invalid,
            "二维码内容过长",
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_a_link_as_svg() {
        let svg = super::svg("http://127.0.0.1:8080/checklists/abc?s=first").unwrap_or_default();
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
