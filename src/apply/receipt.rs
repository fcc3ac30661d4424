//! The confirmation of a submission, kept on the device so the page survives a reload.

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
}

impl Receipt {
    pub fn new(r: &SubmitReceipt, service_code: &str, service_name: &str) -> Receipt {
        Receipt {
            case_number: r.case_number.clone(),
            query_code: r.query_code.clone(),
            service_code: service_code.into(),
            service_name: service_name.into(),
            promised_limit: r.promised_limit,
            submitted_at: r.submitted_at,
        }
    }
}

fn key(case_number: &str) -> String {
    format!("receipt.{case_number}")
}

pub fn keep(r: &Receipt) {
    local::set(&key(&r.case_number), r);
}

pub fn find(case_number: &str) -> Option<Receipt> {
    local::get(&key(case_number))
}
