//! The last good answer for each of my cases, kept on the device (`portal.case.<number>`), so
//! 我的办件 and a case page open without a network, saying when the copy was saved. It holds
//! what the case page showed (names and ID numbers already masked by the backend) and leaves
//! with the case (`my_cases::remove`, the 90-day clean-up, "清除本机数据").

use contract::CaseView;
use serde::{Deserialize, Serialize};

use crate::storage::local;

#[derive(Serialize, Deserialize)]
struct Saved {
    view: CaseView,
    saved_ms: u64,
}

fn key(case_number: &str) -> String {
    format!("case.{case_number}")
}

/// Keeps `view` as the case's last good copy.
pub fn save(view: &CaseView) {
    let saved = Saved {
        view: view.clone(),
        saved_ms: crate::browser::now_ms() as u64,
    };
    local::set(&key(&view.case_number), &saved);
}

/// The last good copy of the case and when it was saved (`2026-11-30 10:20`, China time).
pub fn load(case_number: &str) -> Option<(CaseView, String)> {
    let saved: Saved = local::get(&key(case_number))?;
    Some((saved.view, saved_time(saved.saved_ms)))
}

pub fn forget(case_number: &str) {
    local::remove(&key(case_number));
}

/// A device time in ms as the pages show times.
pub fn saved_time(ms: u64) -> String {
    crate::today::format_time(&contract::china_now(i64::try_from(ms).unwrap_or(i64::MAX)))
}
