//! Today's date in China (UTC+8), whatever the device's time zone, for validation and countdowns,
//! and times as the pages show them.

use contract::chrono::{DateTime, FixedOffset, NaiveDate, Timelike};

pub fn today_in_china() -> NaiveDate {
    // The phone's clock in Unix milliseconds; the China date is the contract's to work out.
    contract::china_today(crate::browser::now_ms() as i64)
}

/// `2026-11-22T10:30:00+08:00` → `2026-11-22 10:30`, in China time whatever the offset sent.
/// Written by hand: chrono's strftime formatting would add to the wasm.
pub fn format_time(at: &DateTime<FixedOffset>) -> String {
    let at = at.with_timezone(&contract::time::CHINA_OFFSET);
    format!("{} {:02}:{:02}", at.date_naive(), at.hour(), at.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_to_the_minute_in_china_time() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            format_time(&at("2026-11-22T10:30:59+08:00")),
            "2026-11-22 10:30"
        );
        assert_eq!(format_time(&at("2026-11-22T17:05:00Z")), "2026-11-23 01:05");
    }
}
