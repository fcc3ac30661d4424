//! Chinese names of statuses and procedures for what the backend itself writes: timeline
//! opinions, error messages and the staff command line. The app has its own (page text).

use contract::{CaseStatus, SpecialProcedureKind};

pub fn status_label(status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => "待受理",
        CaseStatus::Accepted => "已受理",
        CaseStatus::NotAccepted => "不予受理",
        CaseStatus::UnderReview => "审查中",
        CaseStatus::SupplementRequired => "需补正",
        CaseStatus::SpecialProcedure => "特别程序",
        CaseStatus::Approved => "准予",
        CaseStatus::Refused => "不予许可",
        CaseStatus::Delivered => "已送达",
    }
}

pub fn procedure_label(procedure: SpecialProcedureKind) -> &'static str {
    match procedure {
        SpecialProcedureKind::Hearing => "听证",
        SpecialProcedureKind::Inspection => "现场勘验",
        SpecialProcedureKind::ExpertReview => "专家评审",
    }
}
