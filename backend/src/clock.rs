//! Time as the service center reads it: China Standard Time (UTC+8, no daylight saving).
//!
//! Dates on cases (acceptance, pauses, due dates) are China dates whatever the server's zone;
//! the conversion itself is the contract's (`contract::china_now`), shared with the app.
//! Handlers take the time from `Clock`, so tests can move it forward by days.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use contract::chrono::{DateTime, FixedOffset, NaiveDate};

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

    pub fn today(&self) -> NaiveDate {
        china_time(self.now()).date_naive()
    }

    /// Sets the clock to `unix` seconds (it keeps running from there): tests, and the demo
    /// history, which acts on invented cases day by day.
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
pub fn today_in_china() -> NaiveDate {
    china_time(system_now()).date_naive()
}

/// China time of a Unix time in seconds, e.g. `2026-11-22T10:30:00+08:00`.
pub fn china_time(unix: i64) -> DateTime<FixedOffset> {
    contract::china_now(unix.saturating_mul(1000))
}

/// Unix time of 00:00 China time on `date` (for tests and moved clocks).
pub fn china_midnight(date: NaiveDate) -> i64 {
    date.and_time(Default::default())
        .and_local_timezone(contract::time::CHINA_OFFSET)
        .single()
        .map_or(0, |t| t.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_is_eight_hours_ahead() {
        // 2026-11-21T16:30:00Z is already the 22nd in Beijing.
        let t = 1_795_278_600;
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(china_time(t).to_rfc3339(), "2026-11-22T00:30:00+08:00");
        assert_eq!(china_time(t).date_naive(), day("2026-11-22"));
        assert_eq!(china_time(t - 3600).date_naive(), day("2026-11-21"));
        let midnight = china_midnight(day("2026-11-22"));
        assert_eq!(
            china_time(midnight).to_rfc3339(),
            "2026-11-22T00:00:00+08:00"
        );
    }

    #[test]
    fn today_in_china_matches_the_clock() {
        let clock = Clock::default();
        let a = today_in_china();
        let b = clock.today();
        assert!(a == b || a.succ_opt() == Some(b));
        clock.advance(86_400);
        assert!(clock.today() > a);
    }
}
