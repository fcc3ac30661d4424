//! Today's date in China (UTC+8), whatever the device's time zone, for validation and countdowns.

use contract::date::Date;

const CHINA_OFFSET_MS: f64 = 8.0 * 3600.0 * 1000.0;

/// The calendar date in China at `now_ms` (milliseconds since the Unix epoch).
pub fn china_date_at(now_ms: f64) -> Date {
    let days = ((now_ms + CHINA_OFFSET_MS) / 86_400_000.0).floor() as i64;
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

pub fn today_in_china() -> Date {
    china_date_at(js_sys::Date::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn late_evening_utc_is_next_day_in_china() {
        // 2026-11-22T17:00:00Z is 2026-11-23 01:00 in Beijing.
        let ms = 1_795_366_800_000.0;
        assert_eq!(china_date_at(ms).to_string(), "2026-11-23");
        // 2026-11-22T15:59:59Z is still 2026-11-22 23:59:59 in Beijing.
        assert_eq!(china_date_at(ms - 3_601_000.0).to_string(), "2026-11-22");
    }
}
