//! 预审: the citizen's photos of the materials, and staff verdicts (合格 / 需补正) on them.
//!
//! Pages are uploads (`POST /api/uploads`) held by `precheck_pages`; the upload sweep leaves
//! them alone while they are held and deletes them a day after they are let go (replaced,
//! the appointment ended, or `store::KEEP_DAYS` after its day): the retention of application
//! uploads that no case holds.

use std::collections::HashSet;

use contract::appointment::{
    AppointmentStatus, AppointmentView, PrecheckDecision, PrecheckVerdict,
};
use contract::validate::{ID_MAX_LEN, MAX_PAGES_PER_MATERIAL};
use contract::{FieldError, Material, MaterialPages, Service};
use rusqlite::{Connection, TransactionBehavior};

use super::store;
use super::{illegal_transition, not_found, Ctx};
use crate::http::error::AppError;

const HANDLER_MAX_CHARS: usize = 30;
const REASON_MAX_CHARS: usize = 200;

fn field(material_id: &str, message: &str) -> FieldError {
    FieldError {
        field: contract::material_field(material_id),
        message: message.into(),
    }
}

/// The pages sent for pre-check, each a material of the service with 1–20 free uploads;
/// field errors (`material.<id>`) otherwise. Materials sent without pages are left out.
pub fn checked_pages<'s>(
    conn: &Connection,
    service: &'s Service,
    pages: &[MaterialPages],
) -> Result<Vec<(&'s Material, Vec<String>)>, AppError> {
    if pages.len() > service.materials.len() {
        return Err(AppError::invalid(vec![FieldError {
            field: "materials".into(),
            message: "材料数量超出本事项的材料清单".into(),
        }]));
    }
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for p in crate::uploads::pages::tidy(pages) {
        if p.upload_ids.is_empty() {
            continue;
        }
        let Some(material) = service.materials.iter().find(|m| m.id == p.material_id) else {
            errors.push(field(
                &p.material_id.chars().take(ID_MAX_LEN).collect::<String>(),
                "该材料不属于本事项",
            ));
            continue;
        };
        if p.upload_ids.len() > MAX_PAGES_PER_MATERIAL {
            errors.push(field(&material.id, "每份材料最多20页"));
            continue;
        }
        let mut problem = None;
        for id in &p.upload_ids {
            if id.len() > ID_MAX_LEN || !seen.insert(id.clone()) || !store::upload_free(conn, id)? {
                problem = Some("照片已失效或已被使用，请重新拍摄");
            }
        }
        match problem {
            Some(m) => errors.push(field(&material.id, m)),
            None => out.push((material, p.upload_ids)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::invalid(errors))
    }
}

/// New photos of some materials (a 需补正 answered): they replace the old ones and wait for
/// a new verdict. Only while the appointment is booked.
pub fn submit(
    conn: &mut Connection,
    cx: &Ctx,
    number: &str,
    pages: &[MaterialPages],
) -> Result<AppointmentView, AppError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let row = store::load(&tx, number)?.ok_or_else(not_found)?;
    if !row.status.active() {
        return Err(illegal_transition(row.status, AppointmentStatus::Booked));
    }
    let service = crate::catalog::service_items::load_service(&tx, &row.service_code)?
        .ok_or_else(AppError::not_found)?;
    let checked = checked_pages(&tx, &service, pages)?;
    if checked.is_empty() {
        return Err(AppError::invalid(vec![FieldError {
            field: "materials".into(),
            message: "请先拍摄需要预审的材料".into(),
        }]));
    }
    for (material, upload_ids) in &checked {
        store::replace_pages(&tx, number, &material.id, &material.name, upload_ids)?;
    }
    tx.commit()?;
    super::book::view(conn, cx, number)
}

/// Staff verdicts: 合格, or 需补正 with a reason the citizen reads.
pub fn decide(
    conn: &mut Connection,
    number: &str,
    handler: &str,
    decisions: &[PrecheckDecision],
) -> Result<(), AppError> {
    let handler = handler.trim();
    let mut errors = Vec::new();
    if handler.is_empty() || handler.chars().count() > HANDLER_MAX_CHARS {
        errors.push(FieldError {
            field: "handler".into(),
            message: "请填写经办人（不超过30个字）".into(),
        });
    }
    if decisions.is_empty() {
        errors.push(FieldError {
            field: "decisions".into(),
            message: "请至少给出一项预审意见".into(),
        });
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let row = store::load(&tx, number)?.ok_or_else(not_found)?;
    if !row.status.active() {
        return Err(AppError::new(
            axum::http::StatusCode::CONFLICT,
            contract::ErrorCode::IllegalTransition,
            &format!(
                "预约当前状态为“{}”，不能再预审",
                super::status_label(row.status)
            ),
        ));
    }
    let items = store::precheck_items(&tx, number)?;
    for (i, d) in decisions.iter().enumerate() {
        let reason = d.reason.trim();
        let at = |f: &str| format!("decisions.{i}.{f}");
        if !items.iter().any(|it| it.material_id == d.material_id) {
            errors.push(FieldError {
                field: at("material_id"),
                message: "该材料未上传预审照片".into(),
            });
        }
        match d.verdict {
            PrecheckVerdict::Pending => errors.push(FieldError {
                field: at("verdict"),
                message: "预审意见只能是合格或需补正".into(),
            }),
            PrecheckVerdict::NeedsFix if reason.is_empty() => errors.push(FieldError {
                field: at("reason"),
                message: "请填写需要补正的原因".into(),
            }),
            _ => {}
        }
        if reason.chars().count() > REASON_MAX_CHARS {
            errors.push(FieldError {
                field: at("reason"),
                message: format!("不能超过{REASON_MAX_CHARS}个字"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    for d in decisions {
        let reason = if d.verdict == PrecheckVerdict::NeedsFix {
            d.reason.trim()
        } else {
            ""
        };
        store::set_verdict(&tx, number, &d.material_id, d.verdict, reason, handler)?;
    }
    tx.commit()?;
    Ok(())
}
