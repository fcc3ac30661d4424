//! The case as the citizen's page shows it, with the due date worked out on the calendar.

use contract::calendar::{Pause, WorkCalendar};
use contract::chrono::NaiveDate as Date;
use contract::validate::mask_id_number;
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
    let spans: Vec<Pause> = pauses
        .iter()
        .map(|p| Pause {
            from: p.since,
            until: p.until,
        })
        .collect();
    calendar.due_date_for(accepted_on, row.promised_limit, &spans, today)
}

pub fn build(
    conn: &Connection,
    calendar: &WorkCalendar,
    row: &CaseRow,
    today: Date,
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
        applicant_name: row.applicant_name.clone(),
        applicant_id_masked: mask_id_number(&row.applicant_id_number),
        submitted_at: row.submitted_at,
        accepted_on: row.accepted_on,
        promised_limit: row.promised_limit,
        due_date: due_date(calendar, row, &pauses, today),
        timeline: store::timeline(conn, &row.case_number)?,
        supplements: store::latest_supplements(conn, &row.case_number)?,
        decision_reason: row.decision_reason.clone(),
        delivery: masked_delivery(&row.application.delivery),
        tracking_number: row.tracking_number.clone(),
        rating: row.rating.clone(),
        paused,
        pauses: pauses.iter().map(PauseRow::info).collect(),
    })
}

/// The citizen side sees the post recipient's phone as 138****8000, like the ID number.
fn masked_delivery(delivery: &Delivery) -> Delivery {
    match delivery {
        Delivery::Window => Delivery::Window,
        Delivery::Post {
            recipient,
            phone,
            address,
        } => Delivery::Post {
            recipient: recipient.clone(),
            phone: mask_phone(phone),
            address: address.clone(),
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

/// Loads and builds the view of a case known to exist.
pub fn load(
    conn: &Connection,
    calendar: &WorkCalendar,
    case_number: &str,
    today: Date,
) -> Result<CaseView, AppError> {
    let row = store::load(conn, case_number)?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("case {case_number} vanished")))?;
    build(conn, calendar, &row, today)
}

#[cfg(test)]
mod tests {
    #[test]
    fn masks_phones() {
        assert_eq!(super::mask_phone("13800138000"), "138****8000");
        assert_eq!(super::mask_phone("123"), "***");
    }
}
