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

/// Keeps a case's answer, as the API sent it (the JSON of a `CaseView`), as its last good copy:
/// the same record as [`save`], without the code to read and write a whole case.
pub fn save_text(case_number: &str, view_json: &str) {
    let saved_ms = crate::browser::now_ms() as u64;
    local::set_text(&key(case_number), &record_text(view_json, saved_ms));
}

/// The JSON of a `Saved` around the JSON of its view.
fn record_text(view_json: &str, saved_ms: u64) -> String {
    format!(r#"{{"view":{view_json},"saved_ms":{saved_ms}}}"#)
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_kept_answer_is_stored_as_a_saved_copy() {
        let text = super::record_text(
            r#"{"case_number":"A","status":"accepted"}"#,
            1_795_140_000_000,
        );
        let read: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(read["view"]["case_number"], "A");
        assert_eq!(read["saved_ms"], 1_795_140_000_000u64);
    }
}
