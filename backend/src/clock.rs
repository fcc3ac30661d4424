//! Time as the service center reads it: China Standard Time (UTC+8, no daylight saving).
//!
//! Dates on cases (acceptance, pauses, due dates) are China dates whatever the server's zone.
//! Handlers take the time from `Clock`, so tests can move it forward by days.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use contract::date::Date;

const CHINA_OFFSET_SECS: i64 = 8 * 3600;
const SECS_PER_DAY: i64 = 86_400;

/// The system clock plus an offset that only tests change.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        system_now() + self.offset_secs.load(Ordering::Relaxed)
    }

    pub fn today(&self) -> Date {
        china_date(self.now())
    }

    /// Sets the clock to `unix` seconds (it keeps running from there).
    #[cfg(test)]
    pub fn set(&self, unix: i64) {
        self.offset_secs
            .store(unix - system_now(), Ordering::Relaxed);
    }

    #[cfg(test)]
    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::Relaxed);
    }
}

fn system_now() -> i64 {
    // A clock before 1970 is a broken clock; 0 keeps arithmetic sane.
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Today's date in China, from the system clock.
pub fn today_in_china() -> Date {
    china_date(system_now())
}

/// The China date of a Unix time.
pub fn china_date(unix: i64) -> Date {
    let days = (unix + CHINA_OFFSET_SECS).div_euclid(SECS_PER_DAY);
    Date::from_days_since_epoch(days).unwrap_or(Date::MIN)
}

/// RFC 3339 in China time, e.g. `2026-11-22T10:30:00+08:00`.
pub fn rfc3339_china(unix: i64) -> String {
    let secs = (unix + CHINA_OFFSET_SECS).rem_euclid(SECS_PER_DAY);
    format!(
        "{}T{:02}:{:02}:{:02}+08:00",
        china_date(unix),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Unix time of 00:00 China time on `date` (for tests and fixed clocks).
#[cfg(test)]
pub fn china_midnight(date: Date) -> i64 {
    date.days_since_epoch() * SECS_PER_DAY - CHINA_OFFSET_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_is_eight_hours_ahead() {
        // 2026-11-21T16:30:00Z is already the 22nd in Beijing.
        let t = 1_795_278_600;
        assert_eq!(rfc3339_china(t), "2026-11-22T00:30:00+08:00");
        assert_eq!(china_date(t), Date::new(2026, 11, 22).unwrap());
        assert_eq!(china_date(t - 3600), Date::new(2026, 11, 21).unwrap());
        let midnight = china_midnight(Date::new(2026, 11, 22).unwrap());
        assert_eq!(rfc3339_china(midnight), "2026-11-22T00:00:00+08:00");
    }

    #[test]
    fn today_in_china_matches_the_clock() {
        let clock = Clock::default();
        let a = today_in_china();
        let b = clock.today();
        assert!(a == b || a.add_days(1) == b);
        clock.advance(SECS_PER_DAY);
        assert!(clock.today() > a);
    }
}
