//! A tiny civil (proleptic Gregorian) date, so that the wasm app needs no date crate.
//!
//! Dates travel as `YYYY-MM-DD` strings in JSON. A `Date` can only be built through checked
//! constructors, so every value is a real day between 0001-01-01 and 9999-12-31 (the range that
//! four-digit years can write).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the calendar, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived `Ord` compares year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week, Monday first as in China.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// Monday = 0 … Sunday = 6.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }

    /// 星期一 … 星期日, as shown next to dates on screen.
    pub fn name_zh(self) -> &'static str {
        [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
        ][self as usize]
    }
}

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether year-month-day names a real day in the supported range 0001-01-01..=9999-12-31.
pub const fn is_valid_ymd(year: i32, month: u8, day: u8) -> bool {
    year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month)
}

/// Days of 0001-01-01 and 9999-12-31 since 1970-01-01, the bounds of `from_days_since_epoch`.
const MIN_DAYS: i64 = days_from_civil(1, 1, 1);
const MAX_DAYS: i64 = days_from_civil(9999, 12, 31);

/// Howard Hinnant's days-from-civil: days since 1970-01-01 (may be negative).
const fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    // Count years from March so that the leap day is the last day of the "year".
    let y = if month <= 2 {
        year as i64 - 1
    } else {
        year as i64
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Date {
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date, or `None` when it does not exist (e.g. 2026-02-29) or is out of range.
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if is_valid_ymd(year, month, day) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses exactly `YYYY-MM-DD`; anything else, or a day that does not exist, is `None`.
    pub fn parse(s: &str) -> Option<Date> {
        // Work on bytes: a non-ASCII byte is simply not a digit, so nothing can split a char.
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<i32> {
            b[range].iter().try_fold(0i32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + i32::from(c - b'0'))
            })
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // month and day have two digits, so they fit in u8.
        Date::new(year, month as u8, day as u8)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// Inverse of `days_since_epoch`; `None` outside 0001-01-01..=9999-12-31.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        if !(MIN_DAYS..=MAX_DAYS).contains(&days) {
            return None;
        }
        // Hinnant's civil-from-days, the inverse of `days_from_civil`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(year as i32, month as u8, day as u8)
    }

    /// The date `n` days later (earlier when negative), clamped to `Date::MIN..=Date::MAX`
    /// so that arithmetic on arbitrary input can never panic.
    pub fn add_days(self, n: i64) -> Date {
        let days = self.days_since_epoch().saturating_add(n);
        Date::from_days_since_epoch(days.clamp(MIN_DAYS, MAX_DAYS)).unwrap_or(self)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The string was not an existing date written as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseDateError;

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an existing date as YYYY-MM-DD")
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<Date, ParseDateError> {
        Date::parse(s).ok_or(ParseDateError)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::invalid_value(serde::de::Unexpected::Str(&s), &"a date as YYYY-MM-DD")
        })
    }
}

// In OpenAPI a date is the string it travels as.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2026-02-14"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect(s)
    }

    #[test]
    fn parses_and_displays() {
        assert_eq!(d("2026-02-14").to_string(), "2026-02-14");
        assert_eq!(d("0001-01-01"), Date::MIN);
        assert_eq!(d("9999-12-31"), Date::MAX);
        assert_eq!("2024-02-29".parse::<Date>(), Ok(d("2024-02-29")));
        for bad in [
            "2026-02-29",
            "2100-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023-04-00",
            "0000-01-01",
            "2023-4-01",
            "2023/04/01",
            "20230401",
            " 2023-04-01",
            "2023-04-01 ",
            "+023-04-01",
            "2023-0a-01",
            "二〇二三-04-01",
            "２０２３-04-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(is_valid_ymd(2000, 2, 29));
        assert!(!is_valid_ymd(1900, 2, 29));
        assert!(!is_valid_ymd(2024, 255, 1));
    }

    #[test]
    fn epoch_days_round_trip_over_the_whole_range() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
        // Walk every day of the range and check the inverse and the successor relation.
        let mut prev = Date::MIN;
        for n in MIN_DAYS + 1..=MAX_DAYS {
            let date = Date::from_days_since_epoch(n).unwrap();
            assert_eq!(date.days_since_epoch(), n);
            assert!(date > prev);
            let next_in_month = Date::new(prev.year, prev.month, prev.day + 1);
            let expected = next_in_month
                .or(Date::new(prev.year, prev.month + 1, 1))
                .or(Date::new(prev.year + 1, 1, 1))
                .unwrap();
            assert_eq!(date, expected);
            prev = date;
        }
        assert_eq!(Date::from_days_since_epoch(MIN_DAYS - 1), None);
        assert_eq!(Date::from_days_since_epoch(MAX_DAYS + 1), None);
    }

    #[test]
    fn add_days_and_weekday() {
        assert_eq!(d("2025-12-31").add_days(1), d("2026-01-01"));
        assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
        assert_eq!(d("2026-02-13").add_days(365), d("2027-02-13"));
        assert_eq!(d("2026-01-01").add_days(i64::MAX), Date::MAX);
        assert_eq!(d("2026-01-01").add_days(i64::MIN), Date::MIN);
        assert_eq!(d("2026-02-14").weekday(), Weekday::Sat);
        assert_eq!(d("2024-01-01").weekday(), Weekday::Mon);
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thu);
        assert_eq!(d("1969-12-28").weekday().index(), 6);
        assert_eq!(Weekday::Sun.name_zh(), "星期日");
        assert!(Weekday::Sat.is_weekend() && !Weekday::Fri.is_weekend());
    }

    #[test]
    fn orders_chronologically() {
        assert!(d("2025-12-31") < d("2026-01-01"));
        assert!(d("2026-02-09") < d("2026-02-10"));
        assert!(d("2026-09-30") < d("2026-10-01"));
    }

    #[test]
    fn serde_as_string() {
        let date = d("2026-10-10");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-10-10\"");
        assert_eq!(
            serde_json::from_str::<Date>("\"2026-10-10\"").unwrap(),
            date
        );
        assert!(serde_json::from_str::<Date>("\"2026-02-29\"").is_err());
        assert!(serde_json::from_str::<Date>("20261010").is_err());
    }
}
