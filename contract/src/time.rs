//! Dates and times as a service center reads them: China Standard Time (UTC+8, no daylight
//! saving), whatever the zone of the phone or the server.
//!
//! Both programs read their own clock (the app `js_sys::Date::now()`, the backend
//! `SystemTime`) and pass the Unix milliseconds here, so "today in China" is computed once.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// China Standard Time, UTC+8 (checked when compiling, so it cannot fail at run time).
pub const CHINA_OFFSET: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z in Unix milliseconds.
const MIN_MILLIS: i64 = -62_135_596_800_000;
const MAX_MILLIS: i64 = 253_402_300_799_999;

/// The time in China at `unix_millis` (milliseconds since the Unix epoch), serialized as
/// RFC 3339 with `+08:00`. A broken clock is clamped to years 1–9999, so this never panics.
pub fn china_now(unix_millis: i64) -> DateTime<FixedOffset> {
    let millis = unix_millis.clamp(MIN_MILLIS, MAX_MILLIS);
    DateTime::<Utc>::from_timestamp_millis(millis)
        .unwrap_or_default()
        .with_timezone(&CHINA_OFFSET)
}

/// The calendar date in China at `unix_millis`.
pub fn china_today(unix_millis: i64) -> NaiveDate {
    china_now(unix_millis).date_naive()
}

/// Parses exactly `YYYY-MM-DD` (what a date field on the form holds). Stricter than chrono's
/// `FromStr`, which also takes `2026-2-1` and surrounding spaces.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    // Shaped as above, every part is ASCII digits that fit.
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let year = i32::try_from(num(0..4)?).ok()?;
    // Year 0000 is not a year anyone writes on a form.
    if year == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).expect(s)
    }

    #[test]
    fn late_evening_utc_is_next_day_in_china() {
        // 2026-11-22T17:00:00Z is 2026-11-23 01:00 in Beijing.
        let ms = 1_795_366_800_000;
        assert_eq!(china_today(ms), d("2026-11-23"));
        // 2026-11-22T15:59:59Z is still 2026-11-22 23:59:59 in Beijing.
        assert_eq!(china_today(ms - 3_601_000), d("2026-11-22"));
        assert_eq!(
            serde_json::to_string(&china_now(1_795_278_600_000)).unwrap(),
            "\"2026-11-22T00:30:00+08:00\""
        );
    }

    #[test]
    fn absurd_clocks_do_not_panic() {
        assert_eq!(china_today(i64::MAX), d("9999-12-31").succ_opt().unwrap());
        assert_eq!(china_today(i64::MIN), d("0001-01-01"));
    }

    #[test]
    fn parses_only_the_form_shape() {
        assert_eq!(d("2024-02-29").to_string(), "2024-02-29");
        for bad in [
            "2026-02-29",
            "2023-13-01",
            "2023-04-31",
            "0000-01-01",
            "2023-4-01",
            "2023/04/01",
            "20230401",
            " 2023-04-01",
            "2023-04-01 ",
            "+023-04-01",
            "二〇二三-04-01",
            "２０２３-04-01",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_travel_as_iso_strings() {
        let date = d("2026-10-10");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-10-10\"");
        assert_eq!(
            serde_json::from_str::<NaiveDate>("\"2026-10-10\"").unwrap(),
            date
        );
        assert!(serde_json::from_str::<NaiveDate>("\"2026-02-29\"").is_err());
    }
}
