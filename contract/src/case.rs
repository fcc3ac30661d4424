//! Cases (办件) as the citizen sees them, and the staff actions that move them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::service::TimeLimit;

/// Where a case stands. The legal moves between these are in `CaseStatus::can_move_to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// 待受理
    Submitted,
    /// 已受理
    Accepted,
    /// 不予受理
    NotAccepted,
    /// 审查中
    UnderReview,
    /// 需补正
    SupplementRequired,
    /// 特别程序
    SpecialProcedure,
    /// 准予 / 办结
    Approved,
    /// 不予许可
    Refused,
    /// 已送达
    Delivered,
}

impl CaseStatus {
    /// Every status, in the order of the usual course of a case.
    pub const ALL: [CaseStatus; 9] = [
        CaseStatus::Submitted,
        CaseStatus::Accepted,
        CaseStatus::NotAccepted,
        CaseStatus::UnderReview,
        CaseStatus::SupplementRequired,
        CaseStatus::SpecialProcedure,
        CaseStatus::Approved,
        CaseStatus::Refused,
        CaseStatus::Delivered,
    ];

    /// Whether the state machine allows moving from `self` to `next`.
    pub fn can_move_to(self, next: CaseStatus) -> bool {
        use CaseStatus::*;
        matches!(
            (self, next),
            (Submitted, Accepted)
                | (Submitted, NotAccepted)
                | (Accepted, UnderReview)
                | (UnderReview, SupplementRequired)
                | (SupplementRequired, UnderReview)
                | (UnderReview, SpecialProcedure)
                | (SpecialProcedure, UnderReview)
                | (UnderReview, Approved)
                | (UnderReview, Refused)
                | (Approved, Delivered)
                | (Refused, Delivered)
        )
    }

    /// The promised-limit clock does not run in these states.
    pub fn clock_paused(self) -> bool {
        matches!(
            self,
            CaseStatus::SupplementRequired | CaseStatus::SpecialProcedure
        )
    }

    /// The case has a decision and can be rated.
    pub fn concluded(self) -> bool {
        matches!(
            self,
            CaseStatus::NotAccepted
                | CaseStatus::Approved
                | CaseStatus::Refused
                | CaseStatus::Delivered
        )
    }
}

/// One step of the timeline (办理环节).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct TimelineStep {
    pub status: CaseStatus,
    pub department: String,
    pub handler: String,
    /// 办理意见.
    pub opinion: String,
    /// RFC 3339 with offset, e.g. 2026-11-22T10:30:00+08:00.
    pub at: DateTime<FixedOffset>,
}

/// One material the staff want again, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupplementItem {
    pub material_id: String,
    pub material_name: String,
    pub reason: String,
    /// True once the citizen has sent new pages for it.
    #[serde(default)]
    pub supplied: bool,
}

/// How the result reaches the applicant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Delivery {
    /// 窗口领取.
    Window,
    /// 邮寄送达 to this address.
    Post {
        recipient: String,
        phone: String,
        address: String,
    },
}

/// A score from any integral JSON number; out of range becomes 0, which validation refuses by
/// its field ("请选择评价等级") rather than as an unreadable body.
fn integral_score<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u8, D::Error> {
    let n = f64::deserialize(d)?;
    if n.fract() != 0.0 {
        return Err(serde::de::Error::custom("the score is a whole number"));
    }
    Ok(if (1.0..=5.0).contains(&n) { n as u8 } else { 0 })
}

/// 好差评 score: 5 非常满意 … 1 非常不满意.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Rating {
    /// Read from any integral JSON number (`3` or `3.0`, both integers to JSON Schema).
    #[serde(deserialize_with = "crate::case::integral_score")]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub score: u8,
    /// Required for scores 1 and 2.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub comment: String,
}

/// The case as the citizen's page shows it. Never carries a full ID number; to citizens
/// names show as 张* / 李*明 and a postal address down to its district only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CaseView {
    pub case_number: String,
    pub service_code: String,
    pub service_name: String,
    pub department: String,
    pub status: CaseStatus,
    pub applicant_name: String,
    /// The organisation that applied, when one did (then `applicant_name` is its legal
    /// representative). Its name is public: 办件公示 publishes it with the decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Masked to its first and last characters, e.g. 1****************X.
    pub applicant_id_masked: String,
    pub submitted_at: DateTime<FixedOffset>,
    /// Once accepted.
    #[serde(default)]
    pub accepted_on: Option<NaiveDate>,
    pub promised_limit: TimeLimit,
    /// 承诺办结日期, once accepted (moves later while the clock is paused).
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub timeline: Vec<TimelineStep>,
    /// Open supplement request, if any.
    #[serde(default)]
    pub supplements: Vec<SupplementItem>,
    /// Reason when not accepted or refused.
    #[serde(default)]
    pub decision_reason: Option<String>,
    pub delivery: Delivery,
    /// Post tracking number once delivered by post.
    #[serde(default)]
    pub tracking_number: Option<String>,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// Why the promised-limit clock is stopped now (需补正 or 特别程序), if it is.
    #[serde(default)]
    pub paused: Option<PauseInfo>,
    /// Every pause so far, oldest first, including the one running now.
    #[serde(default)]
    pub pauses: Vec<PauseInfo>,
    /// 一件事: one sub-case per service, each with its own number (`<case number>-<n>`), status,
    /// timeline and countdown. Absent on a single-service case, which is its own one track
    /// (`CaseView::tracks`). On a bundle's case the fields above describe the whole: the
    /// bundle's name, the lead department, `overall_status`, `overall_due_date`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub tracks: Vec<CaseView>,
    /// 办件公示: the decision as published, once a licensing decision on the legal person this
    /// case was applied for is made (the applicant sees what the public sees).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<crate::publication::Publication>,
}

/// What stopped the promised-limit clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PauseKind {
    /// 需补正: waiting for the applicant's materials.
    Supplement,
    /// 特别程序: hearing, inspection or expert review.
    SpecialProcedure,
}

/// 特别程序 kinds; their time is not counted in the promised limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpecialProcedureKind {
    /// 听证
    Hearing,
    /// 现场勘验
    Inspection,
    /// 专家评审
    ExpertReview,
}

impl SpecialProcedureKind {
    pub const ALL: [SpecialProcedureKind; 3] = [
        SpecialProcedureKind::Hearing,
        SpecialProcedureKind::Inspection,
        SpecialProcedureKind::ExpertReview,
    ];
}

/// One span during which the clock stopped, as the case page explains it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PauseInfo {
    pub kind: PauseKind,
    /// Set for special procedures.
    #[serde(default)]
    pub procedure: Option<SpecialProcedureKind>,
    /// The day the clock stopped.
    pub since: NaiveDate,
    /// The day it ended; `None` while it goes on.
    #[serde(default)]
    pub until: Option<NaiveDate>,
    pub reason: String,
}

/// One material staff ask for again (需补正), with the reason the applicant will read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupplementRequest {
    pub material_id: String,
    pub reason: String,
}

/// What staff do to a case. Each action names the 经办人 (`handler`), who is recorded on the
/// timeline. Review actions on an 已受理 case first record 审查中 by themselves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum StaffAction {
    /// 待受理 → 已受理.
    Accept {
        handler: String,
        #[serde(default)]
        opinion: String,
    },
    /// 待受理 → 不予受理.
    RefuseIntake { handler: String, reason: String },
    /// 已受理 → 审查中, when staff want to record it explicitly.
    StartReview {
        handler: String,
        #[serde(default)]
        opinion: String,
    },
    /// 审查中 → 需补正.
    RequestSupplement {
        handler: String,
        items: Vec<SupplementRequest>,
    },
    /// 审查中 → 特别程序.
    StartSpecialProcedure {
        handler: String,
        procedure: SpecialProcedureKind,
        reason: String,
    },
    /// 特别程序 → 审查中.
    EndSpecialProcedure {
        handler: String,
        #[serde(default)]
        opinion: String,
    },
    /// 审查中 → 准予.
    Approve {
        handler: String,
        #[serde(default)]
        opinion: String,
    },
    /// 审查中 → 不予许可.
    Refuse { handler: String, reason: String },
    /// 准予 / 不予许可 → 已送达. A tracking number is required when the result goes by post.
    Deliver {
        handler: String,
        #[serde(default)]
        tracking_number: Option<String>,
    },
}

impl StaffAction {
    /// The status the action leads to.
    pub fn target(&self) -> CaseStatus {
        match self {
            StaffAction::Accept { .. } => CaseStatus::Accepted,
            StaffAction::RefuseIntake { .. } => CaseStatus::NotAccepted,
            StaffAction::StartReview { .. } | StaffAction::EndSpecialProcedure { .. } => {
                CaseStatus::UnderReview
            }
            StaffAction::RequestSupplement { .. } => CaseStatus::SupplementRequired,
            StaffAction::StartSpecialProcedure { .. } => CaseStatus::SpecialProcedure,
            StaffAction::Approve { .. } => CaseStatus::Approved,
            StaffAction::Refuse { .. } => CaseStatus::Refused,
            StaffAction::Deliver { .. } => CaseStatus::Delivered,
        }
    }

    pub fn handler(&self) -> &str {
        match self {
            StaffAction::Accept { handler, .. }
            | StaffAction::RefuseIntake { handler, .. }
            | StaffAction::StartReview { handler, .. }
            | StaffAction::RequestSupplement { handler, .. }
            | StaffAction::StartSpecialProcedure { handler, .. }
            | StaffAction::EndSpecialProcedure { handler, .. }
            | StaffAction::Approve { handler, .. }
            | StaffAction::Refuse { handler, .. }
            | StaffAction::Deliver { handler, .. } => handler,
        }
    }

    /// Review actions, which an 已受理 case may take directly (审查中 is recorded first).
    pub fn is_review(&self) -> bool {
        matches!(
            self,
            StaffAction::RequestSupplement { .. }
                | StaffAction::StartSpecialProcedure { .. }
                | StaffAction::Approve { .. }
                | StaffAction::Refuse { .. }
        )
    }

    /// Whether the action is allowed on a case in `from`.
    pub fn allowed_from(&self, from: CaseStatus) -> bool {
        match self {
            // Only a special procedure can be ended; leaving 需补正 takes the applicant's pages.
            StaffAction::EndSpecialProcedure { .. } => from == CaseStatus::SpecialProcedure,
            _ => {
                from.can_move_to(self.target())
                    || (from == CaseStatus::Accepted
                        && self.is_review()
                        && CaseStatus::UnderReview.can_move_to(self.target()))
            }
        }
    }
}

/// `POST /api/cases/supplement`: the applicant's new pages for the flagged materials.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupplementSubmission {
    pub case_number: String,
    pub query_code: String,
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub materials: Vec<crate::application::MaterialPages>,
}

/// `POST /api/cases/rating`: 好差评 of a concluded case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RatingSubmission {
    pub case_number: String,
    pub query_code: String,
    pub rating: Rating,
}

/// One row of the staff case list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffCaseSummary {
    pub case_number: String,
    pub service_code: String,
    pub service_name: String,
    pub status: CaseStatus,
    pub submitted_at: DateTime<FixedOffset>,
    pub applicant_name: String,
}

/// The uploads of one material, in order, as staff review them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffMaterial {
    pub material_id: String,
    pub material_name: String,
    /// Fetch each with `GET /api/staff/uploads/{id}`; supplemented pages come last.
    pub upload_ids: Vec<String>,
}

/// A case as staff see it: the citizen's view plus the unmasked application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct StaffCaseDetail {
    pub case: CaseView,
    /// As submitted (trimmed), with the full ID numbers.
    pub application: crate::application::Application,
    pub materials: Vec<StaffMaterial>,
}

/// The case number and query code the citizen uses to look a case up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CaseLookup {
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub case_number: String,
    pub query_code: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    #[test]
    fn a_score_is_read_from_any_integral_number() {
        let score = |json: &str| {
            serde_json::from_str::<Rating>(&format!(r#"{{"score":{json}}}"#)).map(|r| r.score)
        };
        assert_eq!(score("4").unwrap(), 4);
        assert_eq!(score("3.0").unwrap(), 3);
        // Out of range is left to validation, which names the field.
        assert_eq!(score("300").unwrap(), 0);
        assert_eq!(score("-1").unwrap(), 0);
        assert!(score("3.5").is_err());
        assert!(score("\"5\"").is_err());
    }

    /// The legal moves, written out once more as a table to check `can_move_to` against.
    const LEGAL: [(CaseStatus, CaseStatus); 11] = [
        (Submitted, Accepted),
        (Submitted, NotAccepted),
        (Accepted, UnderReview),
        (UnderReview, SupplementRequired),
        (SupplementRequired, UnderReview),
        (UnderReview, SpecialProcedure),
        (SpecialProcedure, UnderReview),
        (UnderReview, Approved),
        (UnderReview, Refused),
        (Approved, Delivered),
        (Refused, Delivered),
    ];

    #[test]
    fn every_pair_follows_the_table() {
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                assert_eq!(
                    from.can_move_to(to),
                    LEGAL.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn review_actions_may_skip_the_explicit_review_step() {
        let approve = StaffAction::Approve {
            handler: "张三".into(),
            opinion: String::new(),
        };
        assert!(approve.allowed_from(Accepted));
        assert!(approve.allowed_from(UnderReview));
        assert!(!approve.allowed_from(Submitted));
        let end = StaffAction::EndSpecialProcedure {
            handler: "张三".into(),
            opinion: String::new(),
        };
        assert!(end.allowed_from(SpecialProcedure));
        assert!(!end.allowed_from(SupplementRequired));
    }

    #[test]
    fn actions_are_tagged() {
        let json = r#"{"action":"deliver","handler":"李四","tracking_number":"SF1"}"#;
        let action: StaffAction = serde_json::from_str(json).unwrap();
        assert_eq!(action.target(), Delivered);
        let json = r#"{"action":"start_special_procedure","handler":"李四","procedure":"expert_review","reason":"技术复杂"}"#;
        let action: StaffAction = serde_json::from_str(json).unwrap();
        assert_eq!(action.target(), SpecialProcedure);
    }
}
