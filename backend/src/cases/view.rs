//! The case as the citizen's page shows it, with the due date worked out on the calendar.

use contract::calendar::{Pause, WorkCalendar};
use contract::chrono::NaiveDate as Date;
use contract::validate::{mask_address, mask_id_number, mask_name};
use contract::{CaseView, Delivery};
use rusqlite::Connection;

use crate::cases::store::{self, CaseRow, PauseRow};
use crate::http::error::AppError;

/// 承诺办结日期: acceptance plus the promised limit in its unit (working or calendar days),
/// not counting paused days. Frozen once the case is concluded; none before acceptance.
pub fn due_date(
    calendar: &WorkCalendar,
    row: &CaseRow,
    pauses: &[PauseRow],
    today: Date,
) -> Option<Date> {
    if let Some(frozen) = row.frozen_due_date {
        return Some(frozen);
    }
    let accepted_on = row.accepted_on?;
    calendar.due_date_for(accepted_on, row.promised_limit, &spans(pauses), today)
}

/// The stored pauses as the calendar counts them.
pub fn spans(pauses: &[PauseRow]) -> Vec<Pause> {
    pauses
        .iter()
        .map(|p| Pause {
            from: p.since,
            until: p.until,
        })
        .collect()
}

/// Who reads a case view: citizens see names and addresses masked (anyone holding a case
/// number and query code may read it); staff see them in full.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Citizen,
    Staff,
}

pub fn build(
    conn: &Connection,
    calendar: &WorkCalendar,
    row: &CaseRow,
    today: Date,
    reader: Reader,
) -> Result<CaseView, AppError> {
    let pauses = store::pauses(conn, &row.case_number)?;
    let paused = pauses
        .iter()
        .rev()
        .find(|p| p.until.is_none() && row.status.clock_paused())
        .map(PauseRow::info);
    Ok(CaseView {
        case_number: row.case_number.clone(),
        service_code: row.service_code.clone(),
        service_name: row.service_name.clone(),
        department: row.department.clone(),
        status: row.status,
        applicant_name: match reader {
            Reader::Citizen => mask_name(&row.applicant_name),
            Reader::Staff => row.applicant_name.clone(),
        },
        organisation: row
            .application
            .legal_person
            .as_ref()
            .map(|l| l.name.clone()),
        applicant_id_masked: mask_id_number(&row.applicant_id_number),
        submitted_at: row.submitted_at,
        accepted_on: row.accepted_on,
        promised_limit: row.promised_limit,
        due_date: due_date(calendar, row, &pauses, today),
        timeline: store::timeline(conn, &row.case_number)?,
        supplements: store::latest_supplements(conn, &row.case_number)?,
        decision_reason: row.decision_reason.clone(),
        delivery: match reader {
            Reader::Citizen => masked_delivery(&row.application.delivery),
            Reader::Staff => row.application.delivery.clone(),
        },
        tracking_number: row.tracking_number.clone(),
        rating: row.rating.clone(),
        paused,
        pauses: pauses.iter().map(PauseRow::info).collect(),
        tracks: Vec::new(),
        publication: crate::publications::of_case(conn, &row.case_number)?,
    })
}

/// The citizen side sees the post recipient as 李*, the phone as 138****8000 and the address
/// down to the district only.
fn masked_delivery(delivery: &Delivery) -> Delivery {
    match delivery {
        Delivery::Window => Delivery::Window,
        Delivery::Post {
            recipient,
            phone,
            address,
        } => Delivery::Post {
            recipient: mask_name(recipient),
            phone: mask_phone(phone),
            address: mask_address(address),
        },
    }
}

fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if n >= 8 && (i < 3 || i >= n - 4) {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Loads and builds the citizen's view of a case known to exist.
pub fn load(
    conn: &Connection,
    calendar: &WorkCalendar,
    case_number: &str,
    today: Date,
) -> Result<CaseView, AppError> {
    load_for(conn, calendar, case_number, today, Reader::Citizen)
}

pub fn load_for(
    conn: &Connection,
    calendar: &WorkCalendar,
    case_number: &str,
    today: Date,
    reader: Reader,
) -> Result<CaseView, AppError> {
    let row = store::load(conn, case_number)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("case {case_number} vanished")))?;
    build(conn, calendar, &row, today, reader)
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_phones() {
        assert_eq!(super::mask_phone("13800138000"), "138****8000");
        assert_eq!(super::mask_phone("123"), "***");
    }
}
