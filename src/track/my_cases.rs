//! 我的办件: the cases looked up or submitted on this device, kept in `localStorage`
//! (`portal.my_cases`) so that the query code never has to appear in a URL: the case page at
//! `/track/{case_number}` reads the code from here.
//!
//! Each entry remembers two things about the case's progress: the latest status known on the
//! device (from the last lookup or refresh) and the status the citizen last *saw* on the case
//! page. When they differ, the case has news (有新进展). The timeline length is remembered too,
//! so that a case that went away and came back to the same status (审查中 → 需补正 → 审查中)
//! still counts as news.
//!
//! Public API:
//! - [`remember`]: add or update a case the citizen has just seen (after a lookup, or on the
//!   confirmation page after a submission);
//! - [`list`], [`get`], [`remove`];
//! - [`last_seen_status`], [`mark_seen`] (the case page was opened), [`record`] (a background
//!   refresh learnt the latest status, not yet seen).
//!
//! The list logic is in pure functions over `Vec<MyCase>`, tested natively; the public functions
//! only load and save around them.

use contract::{CaseStatus, CaseView};
use serde::{Deserialize, Serialize};

use crate::storage::local;

const KEY: &str = "my_cases";
/// Oldest cases are dropped beyond this, so the list stays a few kilobytes.
const MAX_CASES: usize = 30;

/// One case remembered on this device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCase {
    pub case_number: String,
    pub query_code: String,
    pub service_name: String,
    /// The latest status known on this device.
    pub status: CaseStatus,
    /// Timeline steps at the latest lookup, once known.
    #[serde(default)]
    pub steps: Option<u32>,
    /// The status the citizen saw when they last looked at the case.
    pub seen_status: CaseStatus,
    #[serde(default)]
    pub seen_steps: Option<u32>,
}

impl MyCase {
    /// There is progress the citizen has not looked at yet (有新进展).
    pub fn has_news(&self) -> bool {
        self.status != self.seen_status
            || matches!((self.steps, self.seen_steps), (Some(a), Some(b)) if a != b)
    }
}

fn load() -> Vec<MyCase> {
    local::get(KEY).unwrap_or_default()
}

fn save(cases: &[MyCase]) {
    local::set(KEY, &cases);
}

fn steps_of(view: &CaseView) -> Option<u32> {
    u32::try_from(view.timeline.len()).ok()
}

/// Adds a case the citizen is looking at now (or updates it: a new query code, a new status),
/// first in the list. The status counts as seen.
pub fn remember(case_number: &str, query_code: &str, service_name: &str, status: CaseStatus) {
    let mut cases = load();
    upsert(
        &mut cases,
        case_number.trim(),
        query_code.trim(),
        service_name,
        status,
    );
    save(&cases);
}

/// Every remembered case, the most recently added first.
pub fn list() -> Vec<MyCase> {
    load()
}

/// The remembered case with this number.
pub fn get(case_number: &str) -> Option<MyCase> {
    load().into_iter().find(|c| c.case_number == case_number)
}

/// Forgets a case on this device (the case itself is not affected).
pub fn remove(case_number: &str) {
    let mut cases = load();
    cases.retain(|c| c.case_number != case_number);
    save(&cases);
}

/// The status the citizen last saw on the case page, if the case is remembered.
pub fn last_seen_status(case_number: &str) -> Option<CaseStatus> {
    get(case_number).map(|c| c.seen_status)
}

/// The citizen has just seen `view` on the case page: nothing about it is news any more.
pub fn mark_seen(view: &CaseView) {
    update(view, true);
}

/// A refresh learnt the case's latest state; it stays news until the case page is opened.
pub fn record(view: &CaseView) {
    update(view, false);
}

fn update(view: &CaseView, seen: bool) {
    let mut cases = load();
    if apply(&mut cases, view, seen) {
        save(&cases);
    }
}

/// Inserts or updates a case, first in the list, with `status` seen.
fn upsert(
    cases: &mut Vec<MyCase>,
    case_number: &str,
    query_code: &str,
    service_name: &str,
    status: CaseStatus,
) {
    let old = cases
        .iter()
        .position(|c| c.case_number == case_number)
        .map(|i| cases.remove(i));
    // A status the citizen sees now replaces the old one; the step count is only kept if the
    // status did not move (it is refreshed from the next lookup anyway).
    let steps = old
        .as_ref()
        .filter(|o| o.status == status)
        .and_then(|o| o.steps);
    cases.insert(
        0,
        MyCase {
            case_number: case_number.to_string(),
            query_code: query_code.to_string(),
            service_name: service_name.to_string(),
            status,
            steps,
            seen_status: status,
            seen_steps: steps,
        },
    );
    cases.truncate(MAX_CASES);
}

/// Updates a remembered case from a lookup; `false` if it is not remembered or nothing changed.
fn apply(cases: &mut [MyCase], view: &CaseView, seen: bool) -> bool {
    let Some(case) = cases.iter_mut().find(|c| c.case_number == view.case_number) else {
        return false;
    };
    let before = case.clone();
    case.status = view.status;
    case.steps = steps_of(view);
    case.service_name.clone_from(&view.service_name);
    if seen {
        case.seen_status = view.status;
        case.seen_steps = case.steps;
    }
    *case != before
}

#[cfg(test)]
mod tests {
    use super::*;
    use contract::{Delivery, TimeLimit, TimelineStep};

    fn view(number: &str, status: CaseStatus, steps: usize) -> CaseView {
        CaseView {
            case_number: number.into(),
            service_code: "S1".into(),
            service_name: "居民身份证换领".into(),
            department: "公安局".into(),
            status,
            applicant_name: "张三".into(),
            applicant_id_masked: "110105********002X".into(),
            submitted_at: contract::china_now(1_795_140_000_000),
            accepted_on: None,
            promised_limit: TimeLimit::working_days(5),
            due_date: None,
            timeline: (0..steps)
                .map(|_| TimelineStep {
                    status,
                    department: "公安局".into(),
                    handler: "王".into(),
                    opinion: String::new(),
                    at: contract::china_now(1_795_140_000_000),
                })
                .collect(),
            supplements: vec![],
            decision_reason: None,
            delivery: Delivery::Window,
            tracking_number: None,
            rating: None,
            paused: None,
            pauses: vec![],
        }
    }

    #[test]
    fn remembered_cases_come_first_and_replace_older_entries() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Submitted);
        upsert(&mut cases, "B", "CODE2", "乙", CaseStatus::Submitted);
        upsert(&mut cases, "A", "CODE3", "甲", CaseStatus::Accepted);
        let numbers: Vec<_> = cases.iter().map(|c| c.case_number.as_str()).collect();
        assert_eq!(numbers, ["A", "B"]);
        assert_eq!(cases[0].query_code, "CODE3");
        assert_eq!(cases[0].status, CaseStatus::Accepted);
        assert!(!cases[0].has_news());

        for i in 0..MAX_CASES + 5 {
            upsert(&mut cases, &i.to_string(), "C", "丙", CaseStatus::Submitted);
        }
        assert_eq!(cases.len(), MAX_CASES);
        assert_eq!(cases[0].case_number, (MAX_CASES + 4).to_string());
    }

    #[test]
    fn a_refresh_is_news_until_the_case_is_seen() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Submitted);
        // The first refresh only learns the step count: no news.
        assert!(apply(
            &mut cases,
            &view("A", CaseStatus::Submitted, 1),
            false
        ));
        assert!(!cases[0].has_news());
        // Staff accepted it.
        assert!(apply(
            &mut cases,
            &view("A", CaseStatus::Accepted, 2),
            false
        ));
        assert!(cases[0].has_news());
        assert_eq!(cases[0].seen_status, CaseStatus::Submitted);
        // The same answer again changes nothing.
        assert!(!apply(
            &mut cases,
            &view("A", CaseStatus::Accepted, 2),
            false
        ));
        // Opening the case page.
        assert!(apply(&mut cases, &view("A", CaseStatus::Accepted, 2), true));
        assert!(!cases[0].has_news());
        // Unknown cases are left alone.
        assert!(!apply(
            &mut cases,
            &view("Z", CaseStatus::Accepted, 2),
            true
        ));
    }

    #[test]
    fn a_round_trip_back_to_the_same_status_is_news() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::UnderReview);
        apply(&mut cases, &view("A", CaseStatus::UnderReview, 4), true);
        apply(&mut cases, &view("A", CaseStatus::UnderReview, 6), false);
        assert!(cases[0].has_news());
    }

    #[test]
    fn stored_json_from_an_older_shape_still_reads() {
        let json = r#"[{"case_number":"A","query_code":"C","service_name":"甲",
            "status":"accepted","seen_status":"submitted"}]"#;
        let cases: Vec<MyCase> = serde_json::from_str(json).unwrap();
        assert!(cases[0].has_news());
        assert_eq!(cases[0].steps, None);
    }
}
