//! The confirmation of a submission. Kept in memory first, so the confirmation page shows it
//! even when the device cannot store it, and on the device (`localStorage`) so the page survives
//! a reload.

use std::cell::RefCell;

use contract::chrono::{DateTime, FixedOffset};
use contract::{SubmitReceipt, TimeLimit};
use serde::{Deserialize, Serialize};

use crate::storage::local;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub case_number: String,
    pub query_code: String,
    pub service_code: String,
    pub service_name: String,
    /// A receipt kept by an older version holds a bare number; it reads as working days.
    pub promised_limit: TimeLimit,
    pub submitted_at: DateTime<FixedOffset>,
    /// The draft was changed after the request that created the case had been sent: those
    /// changes are not part of the case, and the page says so.
    #[serde(default)]
    pub edits_left_out: bool,
}

impl Receipt {
    pub fn new(
        r: &SubmitReceipt,
        service_code: &str,
        service_name: &str,
        edits_left_out: bool,
    ) -> Receipt {
        Receipt {
            case_number: r.case_number.clone(),
            query_code: r.query_code.clone(),
            service_code: service_code.into(),
            service_name: service_name.into(),
            promised_limit: r.promised_limit,
            submitted_at: r.submitted_at,
            edits_left_out,
        }
    }
}

thread_local! {
    /// Receipts of this tab's submissions, for as long as the tab lives.
    static RECENT: RefCell<Vec<Receipt>> = const { RefCell::new(Vec::new()) };
}

/// The `localStorage` key prefix of receipts (also what "清除本机数据" removes).
pub const KEY_PREFIX: &str = "receipt.";

fn key(case_number: &str) -> String {
    format!("{KEY_PREFIX}{case_number}")
}

/// Keeps the receipt in memory and on the device; `false` if the device could not store it
/// (storage full or disabled), when the draft must stay so that nothing is lost on a reload.
pub fn keep(r: &Receipt) -> bool {
    RECENT.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|k| k.case_number != r.case_number);
        m.push(r.clone());
    });
    local::set(&key(&r.case_number), r)
}

/// The receipt of this case: from memory first, then from the device.
pub fn find(case_number: &str) -> Option<Receipt> {
    RECENT
        .with(|m| {
            m.borrow()
                .iter()
                .find(|r| r.case_number == case_number)
                .cloned()
        })
        .or_else(|| local::get(&key(case_number)))
}

/// Whether the receipt is stored on the device (not only in this tab's memory).
pub fn on_device(case_number: &str) -> bool {
    local::get::<Receipt>(&key(case_number)).is_some()
}

/// Forgets one receipt, in memory and on the device.
pub fn forget(case_number: &str) {
    RECENT.with(|m| m.borrow_mut().retain(|r| r.case_number != case_number));
    local::remove(&key(case_number));
}

/// Forgets the receipts in memory (those on the device go with the rest of the device's data).
pub fn forget_in_memory() {
    RECENT.with(|m| m.borrow_mut().clear());
}
