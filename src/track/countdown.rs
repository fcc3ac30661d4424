//! 承诺办结日期 and the countdown in the promised limit's unit (working or calendar days),
//! computed on the phone with the same `WorkCalendar` the backend uses for due dates, built
//! from `GET /api/calendar/{year}`.

use std::cell::RefCell;
use std::collections::HashMap;

use contract::calendar::{CalendarYear, WorkCalendar};
use contract::chrono::{Datelike, NaiveDate as Date};
use contract::{CaseStatus, LimitUnit, TimeLimit};

use crate::api;
use crate::i18n::t;

/// Where the promised-limit clock stands, as the case page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    /// Not accepted yet: the limit starts on the working day after acceptance.
    NotStarted,
    /// The clock is stopped (需补正, 特别程序); `left` days remain once it runs again.
    Paused { left: i64, unit: LimitUnit },
    /// 还剩 N 个工作日 or N 日（自然日） (N ≥ 1).
    Left(i64, LimitUnit),
    /// 今天到期.
    DueToday,
    /// 已超期 N days (N ≥ 1), in the limit's unit.
    Overdue(i64, LimitUnit),
    /// Decided (or refused at intake): no countdown any more.
    Finished,
}

/// The unit a case's countdown counts in: the promised limit's own (a limit on the spot has
/// a due date of its acceptance day, counted like working days).
pub fn unit_of(limit: TimeLimit) -> LimitUnit {
    limit
        .days()
        .map_or(LimitUnit::WorkingDays, |(_, unit)| unit)
}

/// The countdown for a case in `status` due on `due` (from `CaseView::due_date`), seen on
/// `today`, counted in `unit` (`unit_of` the promised limit). `paused` is whether the clock is
/// stopped now (`CaseView::paused` is set). While a pause runs, the backend's due date assumes
/// it ends today, so the days left until it are exactly what will remain when the clock runs
/// again.
pub fn countdown(
    calendar: &WorkCalendar,
    today: Date,
    status: CaseStatus,
    due: Option<Date>,
    paused: bool,
    unit: LimitUnit,
) -> Countdown {
    if status.concluded() {
        return Countdown::Finished;
    }
    let Some(due) = due else {
        return Countdown::NotStarted;
    };
    let left = calendar.days_left(today, due, unit);
    if paused || status.clock_paused() {
        return Countdown::Paused { left, unit };
    }
    running(left, unit)
}

/// A clock that runs, `left` days before (negative: after) its due date, as
/// `WorkCalendar::days_left` counts them: a case's, or a complaint's reply deadline.
pub fn running(left: i64, unit: LimitUnit) -> Countdown {
    match left {
        0 => Countdown::DueToday,
        n if n > 0 => Countdown::Left(n, unit),
        n => Countdown::Overdue(-n, unit),
    }
}

impl Countdown {
    /// The line shown under the due date; `None` when there is nothing to count.
    pub fn text(self) -> Option<String> {
        match self {
            Countdown::NotStarted | Countdown::Finished => None,
            Countdown::Paused { left, unit } if left > 0 => Some(t::paused_left(left, unit)),
            Countdown::Paused { .. } => Some(t::CLOCK_PAUSED().into()),
            Countdown::Left(n, unit) => Some(t::days_left(n, unit)),
            Countdown::DueToday => Some(t::DUE_TODAY().into()),
            Countdown::Overdue(n, unit) => Some(t::overdue(n, unit)),
        }
    }

    /// CSS class for the countdown's colour: overdue and due-today stand out.
    pub fn class(self) -> &'static str {
        match self {
            Countdown::Overdue(..) => "countdown overdue",
            Countdown::DueToday => "countdown due-today",
            Countdown::Paused { .. } => "countdown paused",
            _ => "countdown",
        }
    }
}

thread_local! {
    /// Calendar years fetched during this visit; `None` when the backend has no notice for it.
    static YEARS: RefCell<HashMap<i32, Option<CalendarYear>>> = RefCell::new(HashMap::new());
}

/// The working-day calendar for `years`. A year the backend cannot give (not published yet,
/// offline) is left out, so `WorkCalendar` counts it Monday–Friday; so does invalid data.
pub async fn load_calendar(years: &[i32]) -> WorkCalendar {
    let mut loaded = Vec::new();
    for &year in years {
        let cached = YEARS.with(|y| y.borrow().get(&year).cloned());
        let data = match cached {
            Some(data) => data,
            None => match api::get::<CalendarYear>(&format!("/api/calendar/{year}")).await {
                Ok(data) => {
                    let data = (data.year == year).then_some(data);
                    YEARS.with(|y| y.borrow_mut().insert(year, data.clone()));
                    data
                }
                // 404: no notice for that year; remembered. Network errors are not, to retry.
                Err(api::ApiErr::NotFound) => {
                    YEARS.with(|y| y.borrow_mut().insert(year, None));
                    None
                }
                Err(_) => None,
            },
        };
        if let Some(data) = data {
            if !loaded.iter().any(|y: &CalendarYear| y.year == data.year) {
                loaded.push(data);
            }
        }
    }
    WorkCalendar::new(loaded).unwrap_or_default()
}

/// The years whose calendars a countdown from `today` to `due` needs.
pub fn years_needed(today: Date, due: Option<Date>) -> Vec<i32> {
    let mut years = vec![today.year()];
    if let Some(due) = due {
        let (lo, hi) = if due.year() < today.year() {
            (due.year(), today.year())
        } else {
            (today.year(), due.year())
        };
        // Counting spans every year in between (rarely more than two).
        years = (lo..=hi.min(lo + 3)).collect();
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus::*;

    fn d(s: &str) -> Date {
        s.parse().expect(s)
    }

    fn cal() -> WorkCalendar {
        let year: CalendarYear =
            serde_json::from_str(include_str!("../../backend/calendar/2026.json")).unwrap();
        WorkCalendar::new([year]).unwrap()
    }

    const WD: LimitUnit = LimitUnit::WorkingDays;
    const CD: LimitUnit = LimitUnit::CalendarDays;

    fn text(today: &str, status: CaseStatus, due: Option<&str>, paused: bool) -> Option<String> {
        countdown(&cal(), d(today), status, due.map(d), paused, WD).text()
    }

    fn text_cd(today: &str, status: CaseStatus, due: Option<&str>, paused: bool) -> Option<String> {
        countdown(&cal(), d(today), status, due.map(d), paused, CD).text()
    }

    #[test]
    fn counts_working_days_left_across_holidays() {
        let due = Some("2026-02-24");
        // Friday 02-13: the adjusted Saturday 02-14, then Spring Festival, then the due day.
        assert_eq!(
            countdown(&cal(), d("2026-02-13"), Accepted, due.map(d), false, WD),
            Countdown::Left(2, WD)
        );
        assert_eq!(
            text("2026-02-13", UnderReview, due, false).as_deref(),
            Some("还剩 2 个工作日")
        );
        assert_eq!(
            text("2026-02-17", Accepted, due, false).as_deref(),
            Some("还剩 1 个工作日")
        );
        assert_eq!(
            text("2026-02-24", Accepted, due, false).as_deref(),
            Some("今天到期")
        );
        assert_eq!(
            text("2026-02-25", Accepted, due, false).as_deref(),
            Some("已超期 1 个工作日")
        );
        // The adjusted Saturday 02-28 counts as a day overdue.
        assert_eq!(
            countdown(&cal(), d("2026-03-01"), UnderReview, due.map(d), false, WD),
            Countdown::Overdue(4, WD)
        );
        assert_eq!(Countdown::Overdue(4, WD).class(), "countdown overdue");
    }

    #[test]
    fn counts_calendar_days_left_when_the_promise_is_in_calendar_days() {
        let due = Some("2026-02-24");
        // Friday 02-13 to Tuesday 02-24: every day counts, Spring Festival included.
        assert_eq!(
            countdown(&cal(), d("2026-02-13"), Accepted, due.map(d), false, CD),
            Countdown::Left(11, CD)
        );
        assert_eq!(
            text_cd("2026-02-13", UnderReview, due, false).as_deref(),
            Some("还剩 11 日（自然日）")
        );
        assert_eq!(
            text_cd("2026-02-24", Accepted, due, false).as_deref(),
            Some("今天到期")
        );
        assert_eq!(
            text_cd("2026-03-01", Accepted, due, false).as_deref(),
            Some("已超期 5 日（自然日）")
        );
        assert_eq!(
            text_cd("2026-03-04", SupplementRequired, Some("2026-03-10"), true).as_deref(),
            Some("计时已暂停，恢复计时后还剩 6 日（自然日）")
        );
        assert_eq!(unit_of(TimeLimit::calendar_days(15)), CD);
        assert_eq!(unit_of(TimeLimit::working_days(15)), WD);
        assert_eq!(unit_of(TimeLimit::OnTheSpot), WD);
    }

    #[test]
    fn paused_cases_say_what_remains_once_the_clock_runs_again() {
        assert_eq!(
            text("2026-03-04", SupplementRequired, Some("2026-03-10"), true).as_deref(),
            Some("计时已暂停，恢复计时后还剩 4 个工作日")
        );
        assert_eq!(
            countdown(
                &cal(),
                d("2026-03-10"),
                SpecialProcedure,
                Some(d("2026-03-09")),
                true,
                WD
            ),
            Countdown::Paused { left: -1, unit: WD }
        );
        assert_eq!(
            text("2026-03-10", SpecialProcedure, Some("2026-03-09"), true).as_deref(),
            Some("计时已暂停")
        );
    }

    #[test]
    fn nothing_to_count_before_acceptance_or_after_a_decision() {
        assert_eq!(
            countdown(&cal(), d("2026-03-04"), Submitted, None, false, WD),
            Countdown::NotStarted
        );
        assert_eq!(text("2026-03-04", Submitted, None, false), None);
        for status in [NotAccepted, Approved, Refused, Delivered] {
            assert_eq!(
                countdown(
                    &cal(),
                    d("2026-03-04"),
                    status,
                    Some(d("2026-03-01")),
                    false,
                    WD
                ),
                Countdown::Finished
            );
        }
    }

    #[test]
    fn years_to_load() {
        assert_eq!(years_needed(d("2026-11-22"), None), [2026]);
        assert_eq!(years_needed(d("2026-11-22"), Some(d("2026-12-01"))), [2026]);
        assert_eq!(
            years_needed(d("2026-12-28"), Some(d("2027-01-08"))),
            [2026, 2027]
        );
        assert_eq!(
            years_needed(d("2027-01-08"), Some(d("2026-12-28"))),
            [2026, 2027]
        );
        assert_eq!(
            years_needed(d("2026-01-01"), Some(d("9999-01-01"))).len(),
            4
        );
    }
}
