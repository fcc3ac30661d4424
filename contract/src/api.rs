//! Envelope types shared by every endpoint.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Every error the backend answers with: a stable machine code and a message in Chinese
/// that the app may show as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ApiError {
    /// e.g. `not_found`, `invalid`, `illegal_transition`, `rate_limited`.
    pub code: String,
    pub message: String,
    /// Errors of single fields, shown beside them.
    #[serde(default)]
    pub fields: Vec<FieldError>,
}

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
