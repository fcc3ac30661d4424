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
//! - [`last_seen_status`], [`mark_seen`] (the case page was opened), [`update_from_text`] (a
//!   look-up or a background refresh, read only as far as the list needs).
//!
//! The list logic is in pure functions over `Vec<MyCase>`, tested natively; the public functions
//! only load and save around them.

use contract::{CaseStatus, CaseView};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};

use crate::storage::local;

const KEY: &str = "my_cases";
/// Oldest cases are dropped beyond this, so the list stays a few kilobytes (`PRIVACY_DEVICE` says so).
const MAX_CASES: usize = 30;
/// A query code leaves the device by itself this long after the device first saw its case
/// concluded (办结, 不予许可, 送达 or 不予受理): long enough to fetch the result and rate the
/// service, short enough that a shared phone does not keep it for good. `PRIVACY_DEVICE` in the
/// page text says the same.
pub const KEEP_AFTER_CONCLUDED_MS: u64 = 90 * 24 * 3600 * 1000;

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
    /// When this device first learnt that the case had concluded (ms since the epoch).
    #[serde(default)]
    pub concluded_ms: Option<u64>,
    /// When the backend last answered for this case (ms since the epoch): the age of what the
    /// list shows when it cannot be refreshed.
    #[serde(default)]
    pub checked_ms: Option<u64>,
}

impl MyCase {
    /// There is progress the citizen has not looked at yet (有新进展).
    pub fn has_news(&self) -> bool {
        self.status != self.seen_status
            || matches!((self.steps, self.seen_steps), (Some(a), Some(b)) if a != b)
    }
}

fn now_ms() -> u64 {
    crate::browser::now_ms() as u64
}

/// The list on the device, without the cases whose time is up (their receipts go too).
fn load() -> Vec<MyCase> {
    let mut cases: Vec<MyCase> = local::get(KEY).unwrap_or_default();
    let gone = prune(&mut cases, now_ms());
    if !gone.is_empty() {
        save(&cases);
        for number in &gone {
            forget_copies(number);
        }
    }
    cases
}

/// `false` if the device could not store the list.
fn save(cases: &[MyCase]) -> bool {
    local::set(KEY, &cases)
}

/// What the list keeps of a case's answer: read from the answer's JSON without the code to read
/// a whole `CaseView` (the look-up form and the list are islands of a server-rendered page).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "BriefJson")]
pub struct CaseBrief {
    pub case_number: String,
    pub service_name: String,
    pub status: CaseStatus,
    pub steps: Option<u32>,
}

#[derive(Deserialize)]
struct BriefJson {
    case_number: String,
    service_name: String,
    status: CaseStatus,
    /// Only counted.
    timeline: Vec<IgnoredAny>,
}

impl From<BriefJson> for CaseBrief {
    fn from(j: BriefJson) -> CaseBrief {
        CaseBrief {
            case_number: j.case_number,
            service_name: j.service_name,
            status: j.status,
            steps: u32::try_from(j.timeline.len()).ok(),
        }
    }
}

impl CaseBrief {
    pub fn of(view: &CaseView) -> CaseBrief {
        CaseBrief {
            case_number: view.case_number.clone(),
            service_name: view.service_name.clone(),
            status: view.status,
            steps: u32::try_from(view.timeline.len()).ok(),
        }
    }
}

/// Adds a case the citizen is looking at now (or updates it: a new query code, a new status),
/// first in the list. The status counts as seen. `false` if the device could not store it.
pub fn remember(
    case_number: &str,
    query_code: &str,
    service_name: &str,
    status: CaseStatus,
) -> bool {
    let mut cases = load();
    let dropped = upsert(
        &mut cases,
        case_number.trim(),
        query_code.trim(),
        service_name,
        status,
        now_ms(),
    );
    let saved = save(&cases);
    // Cases pushed off the end take their receipts (and query codes) along.
    for number in dropped {
        forget_copies(&number);
    }
    saved
}

/// Every remembered case, the most recently added first.
pub fn list() -> Vec<MyCase> {
    load()
}

/// The remembered case with this number.
pub fn get(case_number: &str) -> Option<MyCase> {
    load().into_iter().find(|c| c.case_number == case_number)
}

/// Forgets a case on this device (the case itself is not affected), with its receipt, which
/// holds the query code too.
pub fn remove(case_number: &str) {
    let mut cases = load();
    cases.retain(|c| c.case_number != case_number);
    save(&cases);
    forget_copies(case_number);
}

/// What else the device keeps of a case it forgets: the receipt (with the query code) and the
/// last copy of the case.
fn forget_copies(case_number: &str) {
    crate::apply::forget_receipt(case_number);
    super::saved::forget(case_number);
}

/// The status the citizen last saw on the case page, if the case is remembered.
pub fn last_seen_status(case_number: &str) -> Option<CaseStatus> {
    get(case_number).map(|c| c.seen_status)
}

/// The citizen has just seen `view` on the case page: nothing about it is news any more.
pub fn mark_seen(view: &CaseView) {
    if update(&CaseBrief::of(view), true) {
        super::saved::save(view);
    }
}

/// [`mark_seen`] (`seen`), or a refresh that learnt the case's latest state (not `seen`: it
/// stays news until the case page is opened), from an answer kept as text (`api::post_kept`).
pub fn update_from_text(brief: &CaseBrief, view_json: &str, seen: bool) {
    if update(brief, seen) {
        super::saved::save_text(&brief.case_number, view_json);
    }
}

/// Updates the remembered case; `false` if it is not remembered (its copy is then not kept).
fn update(brief: &CaseBrief, seen: bool) -> bool {
    let mut cases = load();
    let now = now_ms();
    apply(&mut cases, brief, seen, now);
    let Some(case) = cases
        .iter_mut()
        .find(|c| c.case_number == brief.case_number)
    else {
        return false;
    };
    case.checked_ms = Some(now);
    save(&cases);
    true
}

/// Inserts or updates a case, first in the list, with `status` seen; returns the numbers of the
/// oldest cases dropped to stay within [`MAX_CASES`].
fn upsert(
    cases: &mut Vec<MyCase>,
    case_number: &str,
    query_code: &str,
    service_name: &str,
    status: CaseStatus,
    now_ms: u64,
) -> Vec<String> {
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
    let concluded_ms = old.as_ref().and_then(|o| o.concluded_ms);
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
            concluded_ms: concluded_since(status, concluded_ms, now_ms),
            checked_ms: Some(now_ms),
        },
    );
    cases
        .split_off(MAX_CASES.min(cases.len()))
        .into_iter()
        .map(|c| c.case_number)
        .collect()
}

/// When the case concluded as far as this device knows: the earlier time if it had already,
/// `now_ms` if it just did, `None` while it is still under way.
fn concluded_since(status: CaseStatus, before: Option<u64>, now_ms: u64) -> Option<u64> {
    status.concluded().then(|| before.unwrap_or(now_ms))
}

/// Drops the cases seen concluded at least [`KEEP_AFTER_CONCLUDED_MS`] ago; returns their numbers.
fn prune(cases: &mut Vec<MyCase>, now_ms: u64) -> Vec<String> {
    let due = |c: &MyCase| {
        c.concluded_ms
            .is_some_and(|at| now_ms.saturating_sub(at) >= KEEP_AFTER_CONCLUDED_MS)
    };
    let gone = cases
        .iter()
        .filter(|c| due(c))
        .map(|c| c.case_number.clone())
        .collect();
    cases.retain(|c| !due(c));
    gone
}

/// Updates a remembered case from a lookup; `false` if it is not remembered or nothing changed.
fn apply(cases: &mut [MyCase], view: &CaseBrief, seen: bool, now_ms: u64) -> bool {
    let Some(case) = cases.iter_mut().find(|c| c.case_number == view.case_number) else {
        return false;
    };
    let before = case.clone();
    case.status = view.status;
    case.concluded_ms = concluded_since(view.status, case.concluded_ms, now_ms);
    case.steps = view.steps;
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

    fn view(number: &str, status: CaseStatus, steps: usize) -> CaseBrief {
        CaseBrief::of(&full(number, status, steps))
    }

    fn full(number: &str, status: CaseStatus, steps: usize) -> CaseView {
        CaseView {
            case_number: number.into(),
            service_code: "S1".into(),
            service_name: "居民身份证换领".into(),
            department: "公安局".into(),
            status,
            applicant_name: "张三".into(),
            organisation: None,
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
            tracks: vec![],
            publication: None,
        }
    }

    #[test]
    fn remembered_cases_come_first_and_replace_older_entries() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Submitted, 0);
        upsert(&mut cases, "B", "CODE2", "乙", CaseStatus::Submitted, 0);
        upsert(&mut cases, "A", "CODE3", "甲", CaseStatus::Accepted, 0);
        let numbers: Vec<_> = cases.iter().map(|c| c.case_number.as_str()).collect();
        assert_eq!(numbers, ["A", "B"]);
        assert_eq!(cases[0].query_code, "CODE3");
        assert_eq!(cases[0].status, CaseStatus::Accepted);
        assert!(!cases[0].has_news());

        let mut dropped = Vec::new();
        for i in 0..MAX_CASES + 5 {
            let n = i.to_string();
            dropped.extend(upsert(&mut cases, &n, "C", "丙", CaseStatus::Submitted, 0));
        }
        // The oldest go first, and are named so their receipts can go with them.
        assert_eq!(dropped, ["B", "A", "0", "1", "2", "3", "4"]);
        assert_eq!(cases.len(), MAX_CASES);
        assert_eq!(cases[0].case_number, (MAX_CASES + 4).to_string());
    }

    #[test]
    fn a_refresh_is_news_until_the_case_is_seen() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Submitted, 0);
        // The first refresh only learns the step count: no news.
        assert!(apply(
            &mut cases,
            &view("A", CaseStatus::Submitted, 1),
            false,
            0
        ));
        assert!(!cases[0].has_news());
        // Staff accepted it.
        assert!(apply(
            &mut cases,
            &view("A", CaseStatus::Accepted, 2),
            false,
            0
        ));
        assert!(cases[0].has_news());
        assert_eq!(cases[0].seen_status, CaseStatus::Submitted);
        // The same answer again changes nothing.
        assert!(!apply(
            &mut cases,
            &view("A", CaseStatus::Accepted, 2),
            false,
            0
        ));
        // Opening the case page.
        assert!(apply(
            &mut cases,
            &view("A", CaseStatus::Accepted, 2),
            true,
            0
        ));
        assert!(!cases[0].has_news());
        // Unknown cases are left alone.
        assert!(!apply(
            &mut cases,
            &view("Z", CaseStatus::Accepted, 2),
            true,
            0
        ));
    }

    #[test]
    fn a_round_trip_back_to_the_same_status_is_news() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::UnderReview, 0);
        apply(&mut cases, &view("A", CaseStatus::UnderReview, 4), true, 0);
        apply(&mut cases, &view("A", CaseStatus::UnderReview, 6), false, 0);
        assert!(cases[0].has_news());
    }

    const DAY: u64 = 24 * 3600 * 1000;

    #[test]
    fn query_codes_leave_ninety_days_after_the_case_was_seen_concluded() {
        let start = 1_000 * DAY;
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Submitted, start);
        upsert(
            &mut cases,
            "B",
            "CODE2",
            "乙",
            CaseStatus::UnderReview,
            start,
        );
        assert_eq!(cases[0].concluded_ms, None);
        // A concludes on day 10; B stays under way for ever.
        apply(
            &mut cases,
            &view("A", CaseStatus::Approved, 3),
            false,
            start + 10 * DAY,
        );
        // Later news of the concluded case does not restart its clock.
        apply(
            &mut cases,
            &view("A", CaseStatus::Delivered, 4),
            true,
            start + 20 * DAY,
        );
        let a = cases.iter().find(|c| c.case_number == "A").unwrap();
        assert_eq!(a.concluded_ms, Some(start + 10 * DAY));

        let concluded = start + 10 * DAY;
        assert!(prune(&mut cases, concluded + 90 * DAY - 1).is_empty());
        assert_eq!(cases.len(), 2);
        assert_eq!(prune(&mut cases, concluded + 90 * DAY), ["A"]);
        let left: Vec<_> = cases.iter().map(|c| c.case_number.as_str()).collect();
        assert_eq!(left, ["B"]);
        assert!(prune(&mut cases, start + 10_000 * DAY).is_empty());
        // A clock set backwards keeps the case rather than dropping it early.
        upsert(
            &mut cases,
            "C",
            "CODE3",
            "丙",
            CaseStatus::NotAccepted,
            start,
        );
        assert_eq!(cases[0].concluded_ms, Some(start));
        assert!(prune(&mut cases, 0).is_empty());
    }

    #[test]
    fn a_lookup_of_a_concluded_case_keeps_the_first_conclusion_time() {
        let mut cases = Vec::new();
        upsert(&mut cases, "A", "CODE1", "甲", CaseStatus::Refused, 5 * DAY);
        upsert(
            &mut cases,
            "A",
            "CODE1",
            "甲",
            CaseStatus::Refused,
            50 * DAY,
        );
        assert_eq!(cases[0].concluded_ms, Some(5 * DAY));
    }

    #[test]
    fn the_brief_of_an_answer_is_what_the_list_keeps() {
        let json = serde_json::to_string(&full("A", CaseStatus::Accepted, 3)).unwrap();
        let brief: CaseBrief = serde_json::from_str(&json).unwrap();
        assert_eq!(brief, view("A", CaseStatus::Accepted, 3));
        assert_eq!(brief.steps, Some(3));
    }

    #[test]
    fn stored_json_from_an_older_shape_still_reads() {
        let json = r#"[{"case_number":"A","query_code":"C","service_name":"甲",
            "status":"accepted","seen_status":"submitted"}]"#;
        let cases: Vec<MyCase> = serde_json::from_str(json).unwrap();
        assert!(cases[0].has_news());
        assert_eq!(cases[0].steps, None);
        assert_eq!(cases[0].concluded_ms, None);
    }
}
