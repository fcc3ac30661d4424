//! 效能公开: how fast and how well a service or a department decided its cases, computed from
//! the cases themselves. No personal data: only counts and rates.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// Below this many cases a figure says more about one applicant than about the service, so
/// the page says "too few cases" instead.
pub const MIN_CASES: u32 = 5;

/// The recent period on every guide, in calendar days ending today.
pub const RECENT_DAYS: u32 = 90;

/// How many calendar months, the current one included, the public pages show.
pub const MONTHS_SHOWN: u32 = 6;

/// What one decided case (准予 or 不予许可) contributes to the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CaseOutcome {
    /// The China date of the decision.
    pub decided_on: NaiveDate,
    /// 用时: working days from acceptance to decision without paused days, as the countdown counts.
    pub working_days: u32,
    /// Decided by the promised date; `None` when the service promises no limit.
    pub on_time: Option<bool>,
    /// The applicant's 好差评 score, if given.
    pub score: Option<u8>,
}

/// The figures of one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Figures {
    /// First and last day of the period.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// 办结: cases decided (准予 or 不予许可) in the period.
    pub decided: u32,
    /// 平均用时 in working days, one decimal; `None` below `MIN_CASES` decided cases.
    #[serde(default)]
    pub average_working_days: Option<f64>,
    /// 按时办结率 in whole percent (rounded down, so 100 means every one); `None` below
    /// `MIN_CASES` cases with a promised limit.
    #[serde(default)]
    pub on_time_percent: Option<u32>,
    /// Rated cases among the decided ones.
    pub rated: u32,
    /// 满意率: ratings of 4 and 5 among the rated, whole percent rounded down; `None` below
    /// `MIN_CASES` ratings.
    #[serde(default)]
    pub satisfied_percent: Option<u32>,
}

impl Figures {
    /// The figures of the outcomes decided within `from..=to`; others are ignored.
    pub fn of(from: NaiveDate, to: NaiveDate, outcomes: &[CaseOutcome]) -> Figures {
        let cases: Vec<&CaseOutcome> = outcomes
            .iter()
            .filter(|o| from <= o.decided_on && o.decided_on <= to)
            .collect();
        let decided = cases.len() as u32;
        let average_working_days = (decided >= MIN_CASES).then(|| {
            let total: u64 = cases.iter().map(|o| u64::from(o.working_days)).sum();
            // One decimal, rounded half up in integers so that both programs print the same.
            let tenths = (total * 10 * 2 + u64::from(decided)) / (2 * u64::from(decided));
            tenths as f64 / 10.0
        });
        let with_limit: Vec<bool> = cases.iter().filter_map(|o| o.on_time).collect();
        let on_time_percent = share(with_limit.iter().filter(|&&b| b).count(), with_limit.len());
        let scores: Vec<u8> = cases.iter().filter_map(|o| o.score).collect();
        let satisfied_percent = share(scores.iter().filter(|&&s| s >= 4).count(), scores.len());
        Figures {
            from,
            to,
            decided,
            average_working_days,
            on_time_percent,
            rated: scores.len() as u32,
            satisfied_percent,
        }
    }
}

/// `part` of `whole` in whole percent, rounded down; `None` below `MIN_CASES`.
fn share(part: usize, whole: usize) -> Option<u32> {
    (whole >= MIN_CASES as usize).then(|| (part * 100 / whole) as u32)
}

/// `GET /api/performance/services/{code}` and `GET /api/performance/departments/{department}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Performance {
    /// The service's name, or the department's.
    pub name: String,
    pub department: String,
    /// Set for a service.
    #[serde(default)]
    pub service_code: Option<String>,
    /// The last `RECENT_DAYS` days, today included.
    pub recent: Figures,
    /// The last `MONTHS_SHOWN` calendar months, newest first; the current one runs to today.
    pub months: Vec<Figures>,
    /// For a department: its services, each with its recent figures.
    #[serde(default)]
    pub services: Vec<ServicePerformanceRow>,
}

/// One service on its department's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ServicePerformanceRow {
    pub service_code: String,
    pub service_name: String,
    pub recent: Figures,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::time::parse_date(s).expect(s)
    }

    fn outcome(day: &str, working_days: u32, on_time: bool, score: Option<u8>) -> CaseOutcome {
        CaseOutcome {
            decided_on: d(day),
            working_days,
            on_time: Some(on_time),
            score,
        }
    }

    #[test]
    fn figures_of_a_known_history() {
        let outcomes = [
            outcome("2026-03-02", 1, true, Some(5)),
            outcome("2026-03-03", 2, true, Some(4)),
            outcome("2026-03-04", 3, true, Some(3)),
            outcome("2026-03-05", 2, false, Some(5)),
            outcome("2026-03-06", 4, true, Some(1)),
            outcome("2026-03-09", 1, true, None),
            // Outside the period.
            outcome("2026-04-01", 30, false, Some(1)),
        ];
        let f = Figures::of(d("2026-03-01"), d("2026-03-31"), &outcomes);
        assert_eq!(f.decided, 6);
        // 13 / 6 = 2.1666… → 2.2
        assert_eq!(f.average_working_days, Some(2.2));
        // 5 of 6 on time = 83.3 % → 83
        assert_eq!(f.on_time_percent, Some(83));
        assert_eq!(f.rated, 5);
        // 5 and 4 count, 3 does not: 3 of 5.
        assert_eq!(f.satisfied_percent, Some(60));
    }

    #[test]
    fn too_few_cases_give_no_figure() {
        let outcomes = [
            outcome("2026-03-02", 1, true, Some(5)),
            outcome("2026-03-03", 2, true, Some(4)),
            outcome("2026-03-04", 3, true, None),
            outcome("2026-03-05", 2, false, None),
        ];
        let f = Figures::of(d("2026-03-01"), d("2026-03-31"), &outcomes);
        assert_eq!(f.decided, 4);
        assert_eq!(f.average_working_days, None);
        assert_eq!(f.on_time_percent, None);
        assert_eq!(f.satisfied_percent, None);
        let more: Vec<CaseOutcome> = outcomes
            .iter()
            .copied()
            .chain([outcome("2026-03-06", 0, true, None)])
            .collect();
        let f = Figures::of(d("2026-03-01"), d("2026-03-31"), &more);
        assert_eq!(f.average_working_days, Some(1.6));
        assert_eq!(f.on_time_percent, Some(80));
        // Still only two ratings.
        assert_eq!(f.satisfied_percent, None);
    }

    #[test]
    fn one_late_case_in_many_is_not_shown_as_all_on_time() {
        let mut outcomes: Vec<CaseOutcome> = (0..199)
            .map(|_| outcome("2026-03-02", 1, true, Some(5)))
            .collect();
        outcomes.push(outcome("2026-03-02", 9, false, Some(2)));
        let f = Figures::of(d("2026-03-01"), d("2026-03-31"), &outcomes);
        assert_eq!(f.on_time_percent, Some(99));
        assert_eq!(f.satisfied_percent, Some(99));
    }
}
