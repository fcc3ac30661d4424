//! Envelope types shared by every endpoint.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// The stable machine code of an error; the app decides what to do by it, never by the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No such thing (service, case, upload, calendar year, endpoint).
    NotFound,
    /// Fields are wrong; `ApiError::fields` says which.
    Invalid,
    /// The request could not be read (not JSON, wrong shape).
    BadRequest,
    /// The body is too large.
    TooLarge,
    /// The route does not take this HTTP method.
    MethodNotAllowed,
    /// The request took too long to arrive or to answer.
    Timeout,
    /// The staff token is missing or wrong.
    Unauthorized,
    /// The staff API is switched off.
    Forbidden,
    /// The case's status does not allow this.
    IllegalTransition,
    /// Too many requests from this client.
    RateLimited,
    /// The applicant's ID number has submitted as many applications today as allowed.
    TooManySubmissions,
    /// Today's case numbers are used up: the center takes no more online applications today.
    DailyCapacityReached,
    /// The draft id sent with an upload is malformed.
    InvalidDraft,
    /// The Idempotency-Key header is malformed.
    InvalidIdempotencyKey,
    /// The same Idempotency-Key came with a different application.
    IdempotencyConflict,
    /// The case has no decision yet, so it cannot be rated.
    NotConcluded,
    /// The case was rated already (一事一评).
    AlreadyRated,
    /// The file is not one of the accepted types.
    UnsupportedType,
    /// The image is truncated or damaged.
    Unreadable,
    /// The photo has more pixels than the backend accepts.
    TooManyPixels,
    /// The draft holds as many uploads as allowed.
    TooManyUploads,
    /// This client uploaded as many bytes today as allowed (a daily limit).
    DailyUploadLimit,
    /// The server is receiving as many uploads as it can; retry shortly.
    Busy,
    /// The server's disk is nearly full; uploads are refused until space is freed.
    StorageFull,
    /// Something went wrong on the server; the message says to try later.
    Internal,
    /// Uploads named by the request were removed by the server (unused for 24 hours);
    /// `ApiError::expired_uploads` lists them, and the app sends those pages again from the device.
    UploadsExpired,
    /// 该时段已约满: the slot has no place left; field `next_free` names the next free slot.
    SlotFull,
    /// The slot cannot be booked (past, closed by the center, or not a slot of the place).
    SlotUnavailable,
    /// The ID number already holds an active appointment for this service.
    AlreadyBooked,
    /// The ID number has booked as many appointments today as allowed.
    TooManyAppointments,
    /// Too late to cancel or move: the cut-off before the appointment has passed.
    PastCutoff,
    /// A code this version does not know (a newer backend): treated as a generic failure.
    #[serde(other)]
    Unknown,
}

/// Every error the backend answers with: a stable machine code and a message in Chinese
/// that the app may show as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// Errors of single fields, shown beside them.
    #[serde(default)]
    pub fields: Vec<FieldError>,
    /// With `uploads_expired`: the upload ids the server no longer holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expired_uploads: Vec<String>,
}

/// The field id of a material's pages in `FieldError::field`: `material.<material id>`.
pub fn material_field(material_id: &str) -> String {
    format!("{MATERIAL_FIELD_PREFIX}{material_id}")
}

/// The material id of a field id made by `material_field`; `None` for any other field.
pub fn parse_material_field(field: &str) -> Option<&str> {
    field.strip_prefix(MATERIAL_FIELD_PREFIX)
}

const MATERIAL_FIELD_PREFIX: &str = "material.";

/// A message about one field, keyed by the field's id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// `GET /api/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Health {
    pub status: String,
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_snake_case_and_unknown_ones_are_tolerated() {
        let e: ApiError =
            serde_json::from_str(r#"{"code":"illegal_transition","message":"x"}"#).unwrap();
        assert_eq!(e.code, ErrorCode::IllegalTransition);
        let e: ApiError =
            serde_json::from_str(r#"{"code":"from_the_future","message":"x"}"#).unwrap();
        assert_eq!(e.code, ErrorCode::Unknown);
        assert_eq!(
            serde_json::to_string(&ErrorCode::RateLimited).unwrap(),
            "\"rate_limited\""
        );
    }

    #[test]
    fn material_fields_round_trip() {
        assert_eq!(material_field("photo"), "material.photo");
        assert_eq!(parse_material_field(&material_field("a.b")), Some("a.b"));
        assert_eq!(parse_material_field("applicant.name"), None);
    }
}
