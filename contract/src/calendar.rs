//! The working-day calendar (工作日) and the promised-limit arithmetic built on it.
//!
//! This is the one implementation of "承诺办结日期" and "还剩 N 个工作日" (or N 自然日): the backend computes
//! due dates with it and the app shows countdowns with it, so the two can never disagree.
//!
//! Each State Council notice (国务院办公厅关于部分节假日安排的通知) becomes one `CalendarYear`
//! data file; a new year is a new file, not a code change.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::service::{LimitUnit, TimeLimit};

/// The last day four-digit years can write: arithmetic stops there, so an absurd limit ends
/// quickly instead of walking to chrono's year 262143.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => panic!("9999-12-31 exists"),
};

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A public holiday that falls on a day that would otherwise be worked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Holiday {
    pub date: NaiveDate,
    /// e.g. 春节, shown next to the date.
    pub name: String,
}

/// One year's notice: holidays, adjusted working days (调休上班) and the resulting count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct CalendarYear {
    pub year: i32,
    pub holidays: Vec<Holiday>,
    /// Weekend days that are working days.
    pub adjusted_working_days: Vec<NaiveDate>,
    /// Working days in the year as published; checked against the lists when loaded, so that
    /// a typo in a date is caught before it moves anyone's due date.
    pub working_days: u32,
}

impl CalendarYear {
    /// Classifies a date of this year from the lists alone.
    fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.adjusted_working_days.contains(&date) {
            return true;
        }
        !is_weekend(date) && !self.holidays.iter().any(|h| h.date == date)
    }

    /// Working days of the year computed from the lists.
    pub fn count_working_days(&self) -> u32 {
        days_of_year(self.year)
            .filter(|&d| self.is_working_day(d))
            .count() as u32
    }

    /// Rejects data that cannot be what a notice says: dates of another year, a day both off
    /// and worked, an adjusted working day that is not a weekend day, duplicates, or a
    /// `working_days` that the lists do not produce.
    pub fn check(&self) -> Result<(), String> {
        let y = self.year;
        if !writable_year(y) {
            return Err(format!("calendar {y}: year out of range"));
        }
        let mut seen: Vec<NaiveDate> = Vec::new();
        let all = self
            .holidays
            .iter()
            .map(|h| h.date)
            .chain(self.adjusted_working_days.iter().copied());
        for date in all {
            if date.year() != y {
                return Err(format!("calendar {y}: {date} is not in {y}"));
            }
            if seen.contains(&date) {
                return Err(format!("calendar {y}: {date} is listed twice"));
            }
            seen.push(date);
        }
        if let Some(h) = self.holidays.iter().find(|h| h.name.trim().is_empty()) {
            return Err(format!("calendar {y}: holiday {} has no name", h.date));
        }
        if let Some(d) = self.adjusted_working_days.iter().find(|d| !is_weekend(**d)) {
            return Err(format!(
                "calendar {y}: adjusted working day {d} is not a weekend day"
            ));
        }
        let counted = self.count_working_days();
        if counted != self.working_days {
            return Err(format!(
                "calendar {y}: the lists give {counted} working days, the file says {}",
                self.working_days
            ));
        }
        Ok(())
    }
}

/// A span during which the promised-limit clock stops (需补正, 特别程序).
///
/// A working day `d` is not counted when `from <= d <= until`: both the day the request was
/// made and the day it ended are excluded, and counting resumes on the next working day.
/// `until: None` means the pause is still running; see `WorkCalendar::due_date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Pause {
    pub from: NaiveDate,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

impl Pause {
    /// Whether `day` falls in the pause, an ongoing pause being taken to end on `today`
    /// (or on `from`, should `today` be earlier). A pause with `until < from` covers nothing.
    fn covers(&self, day: NaiveDate, today: NaiveDate) -> bool {
        let until = self.until.unwrap_or(today.max(self.from));
        self.from <= day && day <= until
    }
}

/// All loaded years. Construct with `WorkCalendar::new`; `Default` is an empty calendar.
///
/// Years without data fall back to plain Monday–Friday working days, so dates far ahead (or a
/// year whose notice is not yet published) still get an answer instead of a panic; the answer
/// becomes exact once that year's file is added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Sorted by year, one entry per year.
    years: Vec<CalendarYear>,
}

impl WorkCalendar {
    /// Builds the calendar, checking every year (see `CalendarYear::check`) and that no year
    /// is given twice.
    pub fn new(years: impl IntoIterator<Item = CalendarYear>) -> Result<Self, String> {
        let mut years: Vec<CalendarYear> = years.into_iter().collect();
        years.sort_by_key(|y| y.year);
        for (i, year) in years.iter().enumerate() {
            year.check()?;
            if i > 0 && years[i - 1].year == year.year {
                return Err(format!("calendar {} is given twice", year.year));
            }
        }
        Ok(WorkCalendar { years })
    }

    /// The loaded years, sorted (e.g. for the backend to serve them to the app).
    pub fn years(&self) -> &[CalendarYear] {
        &self.years
    }

    fn year(&self, year: i32) -> Option<&CalendarYear> {
        let i = self.years.binary_search_by_key(&year, |y| y.year).ok()?;
        self.years.get(i)
    }

    /// Whether the calendar has data for `year` (otherwise Monday–Friday is assumed).
    pub fn covers(&self, year: i32) -> bool {
        self.year(year).is_some()
    }

    /// The holiday's name when `date` is a listed public holiday.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&str> {
        let year = self.year(date.year())?;
        let holiday = year.holidays.iter().find(|h| h.date == date)?;
        Some(&holiday.name)
    }

    /// Monday–Friday that is not a holiday, or an adjusted working day. Years without data:
    /// Monday–Friday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.year(date.year()) {
            Some(year) => year.is_working_day(date),
            None => !is_weekend(date),
        }
    }

    /// Working days in `year` (Monday–Friday count for years without data; 0 out of range).
    pub fn working_days_in_year(&self, year: i32) -> u32 {
        days_of_year(year)
            .filter(|&d| self.is_working_day(d))
            .count() as u32
    }

    /// 承诺办结日期. The limit starts on the working day after `accepted_on`: the first working
    /// day after acceptance is day 1 and the due date is day `promised_limit`. A limit of 0
    /// (即办件) is due on `accepted_on` itself.
    ///
    /// Working days inside a `Pause` are not counted. An ongoing pause (`until: None`) is taken
    /// to end on `today`, so the result is the earliest due date still possible: it moves one
    /// working day later each working day the pause goes on. Closed pauses ignore `today`.
    ///
    /// Never panics; an absurd limit ends at `LAST_DAY`.
    pub fn due_date(
        &self,
        accepted_on: NaiveDate,
        promised_limit: u32,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> NaiveDate {
        let mut remaining = promised_limit;
        let mut day = accepted_on;
        while remaining > 0 && day < LAST_DAY {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if self.is_working_day(day) && !pauses.iter().any(|p| p.covers(day, today)) {
                remaining -= 1;
            }
        }
        day
    }

    /// 承诺办结日期 of a limit in calendar days (自然日). Day 1 is the day after `accepted_on`,
    /// every day counts except those inside a `Pause` (same rules as `due_date`), and when
    /// the last day is not a working day the limit ends on the next working day, as
    /// 《中华人民共和国民法典》第二百零三条 rules for periods ending on a 法定休假日: nobody
    /// can collect a result on a day the center is closed. Never panics.
    pub fn calendar_due_date(
        &self,
        accepted_on: NaiveDate,
        days: u32,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> NaiveDate {
        let mut remaining = days;
        let mut day = accepted_on;
        while remaining > 0 && day < LAST_DAY {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if !pauses.iter().any(|p| p.covers(day, today)) {
                remaining -= 1;
            }
        }
        if days > 0 {
            while !self.is_working_day(day) && day < LAST_DAY {
                let Some(next) = day.succ_opt() else { break };
                day = next;
            }
        }
        day
    }

    /// 承诺办结日期 of any limit: counted in its own unit, `accepted_on` itself when decided
    /// on the spot, `None` when no limit is set.
    pub fn due_date_for(
        &self,
        accepted_on: NaiveDate,
        limit: TimeLimit,
        pauses: &[Pause],
        today: NaiveDate,
    ) -> Option<NaiveDate> {
        match limit {
            TimeLimit::Days {
                days,
                unit: LimitUnit::WorkingDays,
            } => Some(self.due_date(accepted_on, days, pauses, today)),
            TimeLimit::Days {
                days,
                unit: LimitUnit::CalendarDays,
            } => Some(self.calendar_due_date(accepted_on, days, pauses, today)),
            TimeLimit::OnTheSpot => Some(accepted_on),
            TimeLimit::NotSet => None,
        }
    }

    /// Working days a case took (用时), counted as `due_date` counts them: working days `d` with
    /// `accepted_on < d <= done_on` outside every `Pause`. So a case decided on its due date
    /// took exactly its promised limit, and a case decided on the day it was accepted took 0.
    /// Pauses still running are taken to end on `done_on`.
    pub fn working_days_used(
        &self,
        accepted_on: NaiveDate,
        done_on: NaiveDate,
        pauses: &[Pause],
    ) -> u32 {
        let mut used = 0;
        let mut day = accepted_on;
        while day < done_on {
            let Some(next) = day.succ_opt() else { break };
            day = next;
            if self.is_working_day(day) && !pauses.iter().any(|p| p.covers(day, done_on)) {
                used += 1;
            }
        }
        used
    }

    /// The countdown in `unit`, with the signs of `working_days_left`. In calendar days it is
    /// plainly the days from `today` to `due`.
    pub fn days_left(&self, today: NaiveDate, due: NaiveDate, unit: LimitUnit) -> i64 {
        match unit {
            LimitUnit::WorkingDays => self.working_days_left(today, due),
            LimitUnit::CalendarDays => due.signed_duration_since(today).num_days(),
        }
    }

    /// Working days `d` with `from < d <= to`; when `to < from`, minus the working days with
    /// `to < d <= from`. So `working_days_between(a, b) == -working_days_between(b, a)`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (lo, hi, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        let mut count = 0i64;
        let mut day = lo;
        while day < hi {
            // day < hi, so there is a next day.
            let Some(next) = day.succ_opt() else { break };
            day = next;
            count += i64::from(self.is_working_day(day));
        }
        sign * count
    }

    /// The countdown shown to the citizen, with the sign telling the date order:
    ///
    /// * positive `n` (`due` after `today`): "还剩 n 个工作日", the working days after today up
    ///   to and including `due`;
    /// * `0`: due today;
    /// * negative `-n` (`due` before `today`): overdue by n working days (those after `due`
    ///   up to and including today).
    ///
    /// The magnitude is at least 1 when the dates differ, so a case due on Friday is shown as
    /// overdue on Saturday, not as due today.
    pub fn working_days_left(&self, today: NaiveDate, due: NaiveDate) -> i64 {
        let n = self.working_days_between(today, due);
        match due.cmp(&today) {
            std::cmp::Ordering::Greater => n.max(1),
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Less => n.min(-1),
        }
    }
}

/// Years 1..=9999, what four digits write.
fn writable_year(year: i32) -> bool {
    (1..=LAST_DAY.year()).contains(&year)
}

/// Every date of `year` in order; empty for a year that is not `writable_year`.
fn days_of_year(year: i32) -> impl Iterator<Item = NaiveDate> {
    let first = writable_year(year)
        .then(|| NaiveDate::from_ymd_opt(year, 1, 1))
        .flatten();
    first
        .into_iter()
        .flat_map(|d| d.iter_days())
        .take_while(move |d| d.year() == year)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: [&str; 3] = [
        include_str!("../../backend/calendar/2024.json"),
        include_str!("../../backend/calendar/2025.json"),
        include_str!("../../backend/calendar/2026.json"),
    ];

    fn d(s: &str) -> NaiveDate {
        crate::time::parse_date(s).expect(s)
    }

    fn years() -> Vec<CalendarYear> {
        DATA.iter()
            .map(|json| serde_json::from_str(json).unwrap())
            .collect()
    }

    fn cal() -> WorkCalendar {
        WorkCalendar::new(years()).unwrap()
    }

    #[test]
    fn data_files_give_the_published_counts() {
        let years = years();
        let expected = [(2024, 251), (2025, 248), (2026, 248)];
        for (year, (y, n)) in years.iter().zip(expected) {
            assert_eq!(year.year, y);
            assert_eq!(year.count_working_days(), n, "{y}");
            assert_eq!(year.working_days, n, "{y}");
            assert_eq!(year.check(), Ok(()));
        }
        let cal = cal();
        for (y, n) in expected {
            assert_eq!(cal.working_days_in_year(y), n);
            assert!(cal.covers(y));
        }
        assert_eq!(cal.holiday_name(d("2026-02-17")), Some("春节"));
        assert_eq!(cal.holiday_name(d("2025-10-06")), Some("中秋节"));
        assert_eq!(cal.holiday_name(d("2026-02-14")), None);
    }

    /// HOLIDAYS.md typed out again, independent of the JSON files.
    const OFF: &str = "\
    2024-01-01 2024-02-12 2024-02-13 2024-02-14 2024-02-15 2024-02-16 2024-04-04 \
    2024-04-05 2024-05-01 2024-05-02 2024-05-03 2024-06-10 2024-09-16 2024-09-17 \
    2024-10-01 2024-10-02 2024-10-03 2024-10-04 2024-10-07 2025-01-01 2025-01-28 \
    2025-01-29 2025-01-30 2025-01-31 2025-02-03 2025-02-04 2025-04-04 2025-05-01 \
    2025-05-02 2025-05-05 2025-06-02 2025-10-01 2025-10-02 2025-10-03 2025-10-07 \
    2025-10-08 2025-10-06 2026-01-01 2026-01-02 2026-02-16 2026-02-17 2026-02-18 \
    2026-02-19 2026-02-20 2026-02-23 2026-04-06 2026-05-01 2026-05-04 2026-05-05 \
    2026-06-19 2026-09-25 2026-10-01 2026-10-02 2026-10-05 2026-10-06 2026-10-07";
    const WORKED: &str = "\
    2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 2024-09-14 2024-09-29 \
    2024-10-12 2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11 2026-01-04 \
    2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10";

    #[test]
    fn every_day_of_2024_to_2026_matches_a_naive_classification() {
        let cal = cal();
        let month_len = |y: i32, m: usize| {
            let feb = if y % 4 == 0 { 29 } else { 28 }; // enough for 2024–2026
            [31, feb, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        };
        // 2024-01-01 was a Monday; count weekdays with a plain counter instead of NaiveDate::weekday.
        let mut weekday = 0;
        let mut counts = Vec::new();
        for y in 2024..=2026 {
            let mut count = 0;
            for m in 1..=12 {
                for day in 1..=month_len(y, m) {
                    let s = format!("{y:04}-{m:02}-{day:02}");
                    let listed = |list: &str| list.split_whitespace().any(|x| x == s);
                    let naive = listed(WORKED) || (weekday < 5 && !listed(OFF));
                    let date = d(&s);
                    assert_eq!(date.weekday().num_days_from_monday(), weekday, "{s}");
                    assert_eq!(cal.is_working_day(date), naive, "{s}");
                    count += u32::from(naive);
                    weekday = (weekday + 1) % 7;
                }
            }
            counts.push(count);
        }
        assert_eq!(counts, [251, 248, 248]);
    }

    #[test]
    fn years_without_data_are_monday_to_friday() {
        let cal = cal();
        assert!(!cal.covers(2027));
        assert!(cal.is_working_day(d("2030-01-01"))); // a Tuesday, whatever 元旦 will be
        assert!(!cal.is_working_day(d("2030-01-05")));
        assert_eq!(cal.working_days_in_year(2030), 261);
        assert_eq!(cal.working_days_in_year(2028), 260);
        assert_eq!(cal.working_days_in_year(0), 0);
        assert_eq!(WorkCalendar::default().working_days_in_year(2026), 261);
        // A limit counted into a year without data still works.
        assert_eq!(
            cal.due_date(d("2026-12-30"), 3, &[], d("2026-12-30")),
            d("2027-01-04")
        );
    }

    fn due(cal: &WorkCalendar, accepted: &str, limit: u32) -> String {
        cal.due_date(d(accepted), limit, &[], d(accepted))
            .to_string()
    }

    #[test]
    fn due_dates_across_spring_festival_and_national_day() {
        let cal = cal();
        // Spring Festival 2025: off 01-28..31, 02-03, 02-04; worked Sun 01-26 and Sat 02-08.
        assert_eq!(due(&cal, "2025-01-24", 1), "2025-01-26");
        assert_eq!(due(&cal, "2025-01-24", 2), "2025-01-27");
        assert_eq!(due(&cal, "2025-01-24", 3), "2025-02-05");
        assert_eq!(due(&cal, "2025-01-24", 5), "2025-02-07");
        assert_eq!(due(&cal, "2025-01-24", 6), "2025-02-08");
        // Spring Festival 2026: accepted Friday, day 1 is the adjusted Saturday.
        assert_eq!(due(&cal, "2026-02-13", 1), "2026-02-14");
        assert_eq!(due(&cal, "2026-02-13", 2), "2026-02-24");
        assert_eq!(due(&cal, "2026-02-13", 6), "2026-02-28");
        assert_eq!(due(&cal, "2026-02-02", 20), "2026-03-06");
        // Accepted on a holiday or weekend: day 1 is still the next working day.
        assert_eq!(due(&cal, "2026-02-17", 1), "2026-02-24");
        assert_eq!(due(&cal, "2026-03-07", 1), "2026-03-09");
        // National Day 2024 and 2025.
        assert_eq!(due(&cal, "2024-09-30", 1), "2024-10-08");
        assert_eq!(due(&cal, "2025-09-26", 1), "2025-09-28");
        assert_eq!(due(&cal, "2025-09-26", 3), "2025-09-30");
        assert_eq!(due(&cal, "2025-09-26", 4), "2025-10-09");
        assert_eq!(due(&cal, "2025-09-26", 6), "2025-10-11");
        // Across the new year into the 2026 adjusted Sunday.
        assert_eq!(due(&cal, "2025-12-31", 1), "2026-01-04");
    }

    #[test]
    fn zero_day_limit_is_due_on_acceptance() {
        let cal = cal();
        assert_eq!(due(&cal, "2026-02-10", 0), "2026-02-10");
        assert_eq!(due(&cal, "2026-02-15", 0), "2026-02-15");
        let pause = [Pause {
            from: d("2026-02-01"),
            until: None,
        }];
        assert_eq!(
            cal.due_date(d("2026-02-10"), 0, &pause, d("2026-03-01")),
            d("2026-02-10")
        );
    }

    #[test]
    fn pauses_stop_the_clock() {
        let cal = cal();
        let accepted = d("2026-03-02"); // Monday
        let today = d("2026-03-20");
        let due = |pauses: &[Pause], today: &str| cal.due_date(accepted, 5, pauses, d(today));
        let closed = |from: &str, until: &str| Pause {
            from: d(from),
            until: Some(d(until)),
        };
        assert_eq!(due(&[], "2026-03-02"), d("2026-03-09"));
        // Wednesday and Thursday paused, both ends excluded.
        assert_eq!(
            due(&[closed("2026-03-04", "2026-03-05")], "2026-03-20"),
            d("2026-03-11")
        );
        // A one-day pause.
        assert_eq!(
            due(&[closed("2026-03-04", "2026-03-04")], "2026-03-20"),
            d("2026-03-10")
        );
        // A pause over the weekend only changes nothing.
        assert_eq!(
            due(&[closed("2026-03-07", "2026-03-08")], "2026-03-20"),
            d("2026-03-09")
        );
        // Two pauses add up.
        let two = [
            closed("2026-03-03", "2026-03-03"),
            closed("2026-03-09", "2026-03-10"),
        ];
        assert_eq!(due(&two, "2026-03-20"), d("2026-03-12"));
        // A pause that began before acceptance still covers the days after it.
        assert_eq!(
            due(&[closed("2026-02-27", "2026-03-03")], "2026-03-20"),
            d("2026-03-10")
        );
        // until < from is no pause at all.
        assert_eq!(
            due(&[closed("2026-03-05", "2026-03-04")], "2026-03-20"),
            d("2026-03-09")
        );
        // Closed pauses do not depend on today.
        let one = [closed("2026-03-04", "2026-03-05")];
        assert_eq!(
            cal.due_date(accepted, 5, &one, today),
            due(&one, "2026-01-01")
        );

        // Ongoing since Wednesday: assumed to end today, so the due date moves each day.
        let open = [Pause {
            from: d("2026-03-04"),
            until: None,
        }];
        assert_eq!(due(&open, "2026-03-04"), d("2026-03-10"));
        assert_eq!(due(&open, "2026-03-06"), d("2026-03-12"));
        assert_eq!(due(&open, "2026-03-07"), d("2026-03-12")); // Saturday: nothing lost
        assert_eq!(due(&open, "2026-03-09"), d("2026-03-13"));
        // Ending it today gives the same date as the ongoing estimate did.
        assert_eq!(
            due(&[closed("2026-03-04", "2026-03-06")], "2026-03-20"),
            d("2026-03-12")
        );
        // A "today" before the pause began counts the pause as its first day only.
        assert_eq!(due(&open, "2026-03-01"), d("2026-03-10"));
        // A pause across the 2026 Spring Festival: only working days inside it matter.
        let sf = [closed("2026-02-12", "2026-02-24")];
        assert_eq!(
            cal.due_date(d("2026-02-11"), 1, &sf, today),
            d("2026-02-25")
        );
        assert_eq!(
            cal.due_date(d("2026-02-11"), 2, &sf, today),
            d("2026-02-26")
        );
    }

    #[test]
    fn days_used_are_what_the_countdown_counted() {
        let cal = cal();
        let pauses = [Pause {
            from: d("2026-09-28"),
            until: Some(d("2026-10-12")),
        }];
        // Deciding on the due date takes the whole promised limit, with or without pauses,
        // across 国庆节 and its adjusted working day.
        for (accepted, limit) in [("2026-09-24", 5), ("2026-09-30", 3), ("2026-02-12", 10)] {
            for p in [&[][..], &pauses[..]] {
                let due = cal.due_date(d(accepted), limit, p, d(accepted));
                assert_eq!(
                    cal.working_days_used(d(accepted), due, p),
                    limit,
                    "{accepted}"
                );
            }
        }
        // Thursday 2026-09-24 → Friday 09-25 is 中秋节, so Monday 09-28 is day 1.
        assert_eq!(
            cal.working_days_used(d("2026-09-24"), d("2026-09-28"), &[]),
            1
        );
        assert_eq!(
            cal.working_days_used(d("2026-09-24"), d("2026-09-24"), &[]),
            0
        );
        // Paused from 09-28 to 10-12 (10-10 is worked, but inside the pause): nothing counts.
        assert_eq!(
            cal.working_days_used(d("2026-09-24"), d("2026-10-12"), &pauses),
            0
        );
        assert_eq!(
            cal.working_days_used(d("2026-09-24"), d("2026-10-13"), &pauses),
            1
        );
    }

    #[test]
    fn calendar_day_limits_count_every_day() {
        let cal = cal();
        let due = |accepted: &str, days: u32| {
            cal.calendar_due_date(d(accepted), days, &[], d(accepted))
                .to_string()
        };
        // Monday 2026-03-02 + 15 days is Tuesday 03-17: weekends count.
        assert_eq!(due("2026-03-02", 15), "2026-03-17");
        // Accepted Wednesday, 3 days ends Saturday: moved to Monday.
        assert_eq!(due("2026-03-04", 3), "2026-03-09");
        // Ends inside Spring Festival 2026 (off 02-15..02-23): moved to Tuesday 02-24.
        assert_eq!(due("2026-02-10", 7), "2026-02-24");
        // Ends on the adjusted Saturday 2026-02-28, a working day: stays.
        assert_eq!(due("2026-02-13", 15), "2026-02-28");
        // 60 days across National Day 2025 ends on Saturday 11-29: moved to Monday.
        assert_eq!(due("2025-09-30", 60), "2025-12-01");
        assert_eq!(due("2026-03-06", 0), "2026-03-06");
        // The same numbers in working days are later.
        assert_eq!(
            cal.due_date(d("2026-03-02"), 15, &[], d("2026-03-02")),
            d("2026-03-23")
        );
    }

    #[test]
    fn calendar_day_limits_are_extended_by_pauses() {
        let cal = cal();
        let accepted = d("2026-03-02"); // Monday
        let closed = |from: &str, until: &str| Pause {
            from: d(from),
            until: Some(d(until)),
        };
        let due =
            |pauses: &[Pause], today: &str| cal.calendar_due_date(accepted, 10, pauses, d(today));
        assert_eq!(due(&[], "2026-03-02"), d("2026-03-12"));
        // A pause over a weekend counts in calendar days: three days later.
        assert_eq!(
            due(&[closed("2026-03-06", "2026-03-08")], "2026-03-20"),
            d("2026-03-16") // 03-15 is a Sunday
        );
        // Ongoing since Thursday 03-05, seen on Saturday 03-07: three days so far.
        let open = [Pause {
            from: d("2026-03-05"),
            until: None,
        }];
        assert_eq!(due(&open, "2026-03-07"), d("2026-03-16"));
        assert_eq!(due(&open, "2026-03-08"), d("2026-03-16"));
        assert_eq!(due(&open, "2026-03-09"), d("2026-03-17"));
    }

    #[test]
    fn due_dates_follow_the_kind_and_unit_of_the_limit() {
        let cal = cal();
        let accepted = d("2026-03-02");
        let due = |limit| cal.due_date_for(accepted, limit, &[], accepted);
        assert_eq!(due(TimeLimit::working_days(5)), Some(d("2026-03-09")));
        assert_eq!(due(TimeLimit::calendar_days(5)), Some(d("2026-03-09")));
        assert_eq!(due(TimeLimit::working_days(10)), Some(d("2026-03-16")));
        assert_eq!(due(TimeLimit::calendar_days(10)), Some(d("2026-03-12")));
        assert_eq!(due(TimeLimit::OnTheSpot), Some(accepted));
        assert_eq!(due(TimeLimit::NotSet), None);
    }

    #[test]
    fn countdown_in_calendar_days() {
        let cal = cal();
        let left =
            |today: &str, due: &str| cal.days_left(d(today), d(due), LimitUnit::CalendarDays);
        assert_eq!(left("2026-02-13", "2026-02-24"), 11);
        assert_eq!(left("2026-02-24", "2026-02-24"), 0);
        assert_eq!(left("2026-02-28", "2026-02-24"), -4);
        assert_eq!(
            cal.days_left(d("2026-02-13"), d("2026-02-24"), LimitUnit::WorkingDays),
            2
        );
    }

    #[test]
    fn absurd_input_does_not_panic() {
        let cal = cal();
        assert_eq!(
            cal.due_date(d("9999-12-30"), 10, &[], d("9999-12-30")),
            LAST_DAY
        );
        let forever = [Pause {
            from: d("2026-01-01"),
            until: None,
        }];
        assert_eq!(
            cal.due_date(d("2026-01-05"), 1, &forever, LAST_DAY),
            LAST_DAY
        );
        assert_eq!(
            cal.calendar_due_date(d("2026-01-05"), 1, &forever, LAST_DAY),
            LAST_DAY
        );
        assert_eq!(
            cal.calendar_due_date(d("9999-12-30"), u32::MAX, &[], d("9999-12-30")),
            LAST_DAY
        );
        assert_eq!(cal.working_days_between(NaiveDate::MAX, NaiveDate::MAX), 0);
        assert_eq!(cal.working_days_in_year(262_143), 0);
    }

    #[test]
    fn countdown_signs() {
        let cal = cal();
        let left = |today: &str, due: &str| cal.working_days_left(d(today), d(due));
        let due = "2026-02-24";
        // After Friday 02-13: the adjusted Saturday 02-14 and the due day 02-24.
        assert_eq!(left("2026-02-13", due), 2);
        assert_eq!(left("2026-02-14", due), 1);
        assert_eq!(left("2026-02-18", due), 1);
        assert_eq!(left("2026-02-23", due), 1);
        assert_eq!(left("2026-02-24", due), 0);
        assert_eq!(left("2026-02-25", due), -1);
        assert_eq!(left("2026-02-28", due), -4); // the adjusted Saturday counts
        assert_eq!(left("2026-03-01", due), -4);
        // Due Friday, seen on Saturday: overdue, not "due today".
        assert_eq!(left("2026-03-07", "2026-03-06"), -1);
        // Due on a Sunday (a 即办件 accepted then), seen on Friday: still ahead.
        assert_eq!(left("2026-03-06", "2026-03-08"), 1);
        assert_eq!(cal.working_days_between(d("2026-02-13"), d(due)), 2);
        assert_eq!(cal.working_days_between(d(due), d("2026-02-13")), -2);
        assert_eq!(
            cal.working_days_between(d("2024-12-31"), d("2025-12-31")),
            248
        );
    }

    #[test]
    fn inconsistent_data_is_rejected() {
        let base = years().remove(2);
        let reject = |f: &dyn Fn(&mut CalendarYear)| {
            let mut y = base.clone();
            f(&mut y);
            assert!(WorkCalendar::new([y]).is_err());
        };
        reject(&|y| y.working_days = 249);
        reject(&|y| y.adjusted_working_days.push(d("2025-12-27")));
        reject(&|y| y.adjusted_working_days.push(d("2026-02-16")));
        reject(&|y| y.adjusted_working_days.push(d("2026-02-10")));
        reject(&|y| y.holidays[0].name.clear());
        reject(&|y| y.holidays.push(y.holidays[0].clone()));
        reject(&|y| y.year = 0);
        assert!(WorkCalendar::new(years().into_iter().chain(years())).is_err());
        // Order of the files does not matter.
        let reversed = WorkCalendar::new(years().into_iter().rev()).unwrap();
        assert_eq!(reversed, cal());
    }

    #[test]
    fn round_trips_as_json() {
        let year = &years()[0];
        let json = serde_json::to_string(year).unwrap();
        assert_eq!(&serde_json::from_str::<CalendarYear>(&json).unwrap(), year);
        let pause: Pause = serde_json::from_str(r#"{"from":"2026-03-04"}"#).unwrap();
        assert_eq!(pause.until, None);
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_shows_dates_as_strings() {
        use utoipa::PartialSchema;
        let json = serde_json::to_string(&Holiday::schema()).unwrap();
        assert!(
            json.contains(r#""date":{"type":"string","format":"date"}"#),
            "{json}"
        );
    }
}
