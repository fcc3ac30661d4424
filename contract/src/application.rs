//! Online application (网上申报): the form definition the backend serves, and what the app submits.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::case::Delivery;
use crate::service::TimeLimit;

/// How a form field is entered and validated (same rules on client and server).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    Text {
        max_chars: u32,
    },
    IdNumber,
    Phone,
    /// YYYY-MM-DD.
    Date,
    Choice {
        options: Vec<String>,
    },
    Address,
}

/// One service-specific field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FormField {
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: FieldKind,
    pub required: bool,
    #[serde(default)]
    pub hint: String,
}

/// The service-specific part of an application form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FormDefinition {
    pub service_code: String,
    pub fields: Vec<FormField>,
}

/// 申请人.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Applicant {
    pub name: String,
    /// 公民身份号码 (GB 11643).
    pub id_number: String,
    pub phone: String,
    pub address: String,
}

/// 代办人: someone applying on the applicant's behalf (needs an authorization letter).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Agent {
    pub name: String,
    pub id_number: String,
    pub phone: String,
}

/// A stored upload, as the backend answers after receiving a file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct UploadReceipt {
    pub upload_id: String,
    /// image/jpeg, image/png, application/pdf or image/heic, detected from the content.
    pub content_type: String,
    pub bytes: u64,
}

/// The pages of one material, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct MaterialPages {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub material_id: String,
    /// At most 20 pages per material, ids of at most 64 bytes.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub upload_ids: Vec<String>,
}

/// 网上申报: the whole submission.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Application {
    pub service_code: String,
    /// Chosen situation option ids (no more than the service has options).
    #[serde(default)]
    pub situation: Vec<String>,
    pub applicant: Applicant,
    /// Set when a legal person applies (then `applicant` acts for it); absent for a natural
    /// person and on applications stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_person: Option<crate::publication::LegalPerson>,
    #[serde(default)]
    pub agent: Option<Agent>,
    /// Service-specific field values by field id (at most one per form field).
    #[serde(default)]
    pub fields: Vec<(String, String)>,
    /// At most one entry per material of the service.
    pub materials: Vec<MaterialPages>,
    pub delivery: Delivery,
    /// The citizen agreed to 告知承诺 and the privacy notice.
    pub consent: bool,
}

/// What a successful submission returns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SubmitReceipt {
    pub case_number: String,
    pub query_code: String,
    pub promised_limit: TimeLimit,
    pub submitted_at: DateTime<FixedOffset>,
}
