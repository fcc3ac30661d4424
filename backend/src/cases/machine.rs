//! The state machine: what a staff action does to a case, decided without touching storage.
//!
//! `plan` checks the move against `StaffAction::allowed_from` (built on
//! `CaseStatus::can_move_to`) and the action's inputs, and returns the timeline steps and
//! side effects; `actions::perform` writes them in one transaction.

use axum::http::StatusCode;
use contract::chrono::{DateTime, FixedOffset};
use contract::{
    CaseStatus, Delivery, ErrorCode, FieldError, Material, PauseKind, SpecialProcedureKind,
    StaffAction, SupplementItem, TimelineStep,
};

use crate::cases::labels::{procedure_label, status_label};
use crate::http::error::AppError;

pub const HANDLER_MAX_CHARS: usize = 30;
pub const TEXT_MAX_CHARS: usize = 500;
pub const TRACKING_MAX_CHARS: usize = 40;

/// What the clock does.
#[derive(Debug, PartialEq, Eq)]
pub enum PauseChange {
    Keep,
    Open {
        kind: PauseKind,
        procedure: Option<SpecialProcedureKind>,
        reason: String,
        supplements: Vec<SupplementItem>,
    },
    Close,
}

#[derive(Debug)]
pub struct Plan {
    /// Appended in order; the last one's status is the new status.
    pub steps: Vec<TimelineStep>,
    pub pause: PauseChange,
    /// Sets `accepted_on` to today.
    pub accept: bool,
    pub decision_reason: Option<String>,
    pub tracking_number: Option<String>,
}

impl Plan {
    pub fn status(&self, from: CaseStatus) -> CaseStatus {
        self.steps.last().map_or(from, |s| s.status)
    }
}

/// What the plan needs to know of the case.
pub struct Context<'a> {
    pub department: &'a str,
    /// The service's materials, for supplement requests.
    pub materials: &'a [Material],
    pub delivery: &'a Delivery,
    /// Now, in China time.
    pub at: DateTime<FixedOffset>,
}

pub fn illegal_transition(from: CaseStatus, to: CaseStatus) -> AppError {
    AppError::new(
        StatusCode::CONFLICT,
        ErrorCode::IllegalTransition,
        &format!(
            "办件当前状态为“{}”，不能变更为“{}”",
            status_label(from),
            status_label(to)
        ),
    )
}

/// Collects field errors; trims and length-checks free text.
#[derive(Default)]
struct Checks(Vec<FieldError>);

impl Checks {
    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Trimmed `value`; an error when empty (if `required` names what is missing) or too long.
    fn text(&mut self, field: &str, value: &str, required: Option<&str>, max: usize) -> String {
        let value = value.trim();
        if value.is_empty() {
            if let Some(missing) = required {
                self.fail(field, missing);
            }
        } else if value.chars().count() > max {
            self.fail(field, format!("不能超过{max}个字"));
        }
        value.to_string()
    }

    fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::invalid(self.0))
        }
    }
}

pub fn plan(from: CaseStatus, action: &StaffAction, cx: &Context) -> Result<Plan, AppError> {
    let to = action.target();
    if !action.allowed_from(from) {
        return Err(illegal_transition(from, to));
    }
    let mut checks = Checks::default();
    let handler = checks.text(
        "handler",
        action.handler(),
        Some("请填写经办人"),
        HANDLER_MAX_CHARS,
    );
    let step = |status: CaseStatus, opinion: String| TimelineStep {
        status,
        department: cx.department.to_string(),
        handler: handler.clone(),
        opinion,
        at: cx.at,
    };
    let mut plan = Plan {
        steps: Vec::new(),
        pause: PauseChange::Keep,
        accept: false,
        decision_reason: None,
        tracking_number: None,
    };
    if from == CaseStatus::Accepted && action.is_review() {
        plan.steps
            .push(step(CaseStatus::UnderReview, "开始审查".to_string()));
    }
    let or = |text: String, default: &str| {
        if text.is_empty() {
            default.to_string()
        } else {
            text
        }
    };
    let opinion = match action {
        StaffAction::Accept { opinion, .. } => {
            plan.accept = true;
            or(
                checks.text("opinion", opinion, None, TEXT_MAX_CHARS),
                "材料齐全，符合法定形式，予以受理",
            )
        }
        StaffAction::RefuseIntake { reason, .. } => {
            let reason = checks.text(
                "reason",
                reason,
                Some("请填写不予受理的理由"),
                TEXT_MAX_CHARS,
            );
            plan.decision_reason = Some(reason.clone());
            reason
        }
        StaffAction::StartReview { opinion, .. } => or(
            checks.text("opinion", opinion, None, TEXT_MAX_CHARS),
            "开始审查",
        ),
        StaffAction::RequestSupplement { items, .. } => {
            let supplements = supplement_items(&mut checks, items, cx.materials);
            let names: Vec<String> = supplements
                .iter()
                .map(|i| format!("{}（{}）", i.material_name, i.reason))
                .collect();
            let opinion = format!("请补正以下材料：{}", names.join("；"));
            plan.pause = PauseChange::Open {
                kind: PauseKind::Supplement,
                procedure: None,
                reason: opinion.clone(),
                supplements,
            };
            opinion
        }
        StaffAction::StartSpecialProcedure {
            procedure, reason, ..
        } => {
            let reason = checks.text(
                "reason",
                reason,
                Some("请填写启动特别程序的理由"),
                TEXT_MAX_CHARS,
            );
            let opinion = format!(
                "进入特别程序（{}）：{}",
                procedure_label(*procedure),
                reason
            );
            plan.pause = PauseChange::Open {
                kind: PauseKind::SpecialProcedure,
                procedure: Some(*procedure),
                reason,
                supplements: Vec::new(),
            };
            opinion
        }
        StaffAction::EndSpecialProcedure { opinion, .. } => {
            plan.pause = PauseChange::Close;
            or(
                checks.text("opinion", opinion, None, TEXT_MAX_CHARS),
                "特别程序结束，继续审查",
            )
        }
        StaffAction::Approve { opinion, .. } => or(
            checks.text("opinion", opinion, None, TEXT_MAX_CHARS),
            "符合条件，准予办理",
        ),
        StaffAction::Refuse { reason, .. } => {
            let reason = checks.text(
                "reason",
                reason,
                Some("请填写不予许可的理由"),
                TEXT_MAX_CHARS,
            );
            plan.decision_reason = Some(reason.clone());
            reason
        }
        StaffAction::Deliver {
            tracking_number, ..
        } => match cx.delivery {
            Delivery::Window => "申请人已在窗口领取办理结果".to_string(),
            Delivery::Post { .. } => {
                let tracking = checks.text(
                    "tracking_number",
                    tracking_number.as_deref().unwrap_or(""),
                    Some("邮寄送达须填写快递单号"),
                    TRACKING_MAX_CHARS,
                );
                plan.tracking_number = Some(tracking.clone());
                format!("办理结果已邮寄送达，快递单号：{tracking}")
            }
        },
    };
    checks.finish()?;
    plan.steps.push(step(to, opinion));
    Ok(plan)
}

/// The requested items with names from the service; each a material of the service, once.
fn supplement_items(
    checks: &mut Checks,
    items: &[contract::SupplementRequest],
    materials: &[Material],
) -> Vec<SupplementItem> {
    if items.is_empty() {
        checks.fail("items", "请选择需要补正的材料");
    }
    let mut out: Vec<SupplementItem> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let id = item.material_id.trim();
        let reason = checks.text(
            &format!("items.{i}.reason"),
            &item.reason,
            Some("请填写需要补正的原因"),
            TEXT_MAX_CHARS,
        );
        let Some(material) = materials.iter().find(|m| m.id == id) else {
            checks.fail(&format!("items.{i}.material_id"), "该材料不属于本事项");
            continue;
        };
        if out.iter().any(|o| o.material_id == id) {
            checks.fail(&format!("items.{i}.material_id"), "同一材料只需列出一次");
            continue;
        }
        out.push(SupplementItem {
            material_id: material.id.clone(),
            material_name: material.name.clone(),
            reason,
            supplied: false,
        });
    }
    out
}
