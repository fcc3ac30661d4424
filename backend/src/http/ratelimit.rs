//! Rate limits kept in memory: sliding windows per key (a client, an applicant), pruned on a
//! timer, and the per-client daily byte budget of uploads.
//!
//! A hit is counted in the same locked step as the check, so that a concurrent burst cannot
//! get past the limit between the two.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use axum::http::StatusCode;
use contract::chrono::NaiveDate;
use contract::ErrorCode;

use crate::app::AppState;
use crate::http::error::AppError;

/// Failed case look-ups one client may make in `LOOKUP_WINDOW_SECS`.
pub const LOOKUP_MAX_FAILURES: usize = 10;
pub const LOOKUP_WINDOW_SECS: i64 = 15 * 60;
/// Submissions (new ones, not replays) one client may send in `SUBMIT_WINDOW_SECS`: enough for
/// a service hall's self-service machines behind one address.
pub const SUBMIT_MAX_PER_CLIENT: usize = 60;
pub const SUBMIT_WINDOW_SECS: i64 = 3600;
/// Applications one ID number may submit per China day: more is not a citizen's need.
pub const SUBMIT_MAX_PER_APPLICANT_PER_DAY: u32 = 10;
/// Bookings and moves of appointments one client may make in `APPOINTMENT_WINDOW_SECS`.
pub const APPOINTMENTS_PER_CLIENT: usize = 10;
pub const APPOINTMENT_WINDOW_SECS: i64 = 3600;
/// Questions and complaints (new ones) one client may send in `SUBMIT_WINDOW_SECS`.
pub const FEEDBACK_MAX_PER_CLIENT: usize = 20;
/// Bytes one client may upload per China day.
pub const UPLOAD_BYTES_PER_DAY: u64 = 500 * 1024 * 1024;
/// How often expired entries are dropped.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// At most `max` hits per key in any `window` seconds.
pub struct WindowLimiter {
    max: usize,
    window: i64,
    hits: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl WindowLimiter {
    pub fn new(max: usize, window: i64) -> Self {
        WindowLimiter {
            max,
            window,
            hits: Mutex::default(),
        }
    }

    /// Counts a hit for `key` at `now` unless it has reached the limit; false when refused.
    pub fn try_hit(&self, key: &str, now: i64) -> bool {
        let Ok(mut map) = self.hits.lock() else {
            return false;
        };
        let times = map.entry(key.to_string()).or_default();
        expire(times, now, self.window);
        if times.len() >= self.max {
            return false;
        }
        times.push_back(now);
        true
    }

    /// Takes back one hit made at `at` (a look-up that turned out right).
    pub fn forgive(&self, key: &str, at: i64) {
        let Ok(mut map) = self.hits.lock() else {
            return;
        };
        if let Some(times) = map.get_mut(key) {
            if let Some(i) = times.iter().rposition(|&t| t == at) {
                times.remove(i);
            }
        }
    }

    /// Hits of `key` still inside the window.
    pub fn count(&self, key: &str, now: i64) -> usize {
        let Ok(mut map) = self.hits.lock() else {
            return 0;
        };
        map.get_mut(key).map_or(0, |times| {
            expire(times, now, self.window);
            times.len()
        })
    }

    /// Drops expired hits and empty keys, so that memory follows recent traffic only.
    pub fn prune(&self, now: i64) {
        if let Ok(mut map) = self.hits.lock() {
            map.retain(|_, times| {
                expire(times, now, self.window);
                !times.is_empty()
            });
        }
    }

    #[cfg(test)]
    pub fn keys(&self) -> usize {
        self.hits.lock().map_or(0, |m| m.len())
    }
}

fn expire(times: &mut VecDeque<i64>, now: i64, window: i64) {
    while times.front().is_some_and(|&t| t <= now - window) {
        times.pop_front();
    }
}

/// Bytes uploaded per client on one China day.
#[derive(Default)]
pub struct ByteBudget {
    used: Mutex<HashMap<String, (NaiveDate, u64)>>,
}

impl ByteBudget {
    /// Charges `bytes` to `key` on `day` unless that would pass `limit`; false when refused.
    pub fn try_spend(&self, key: &str, day: NaiveDate, bytes: u64, limit: u64) -> bool {
        let Ok(mut map) = self.used.lock() else {
            return false;
        };
        let entry = map.entry(key.to_string()).or_insert((day, 0));
        if entry.0 != day {
            *entry = (day, 0);
        }
        match entry.1.checked_add(bytes) {
            Some(total) if total <= limit => {
                entry.1 = total;
                true
            }
            _ => false,
        }
    }

    pub fn prune(&self, today: NaiveDate) {
        if let Ok(mut map) = self.used.lock() {
            map.retain(|_, (day, _)| *day == today);
        }
    }
}

/// The limits of one backend; tests change the numbers before building the router.
pub struct Limits {
    pub lookups: WindowLimiter,
    pub submissions: WindowLimiter,
    pub submissions_per_applicant_per_day: u32,
    pub appointments: WindowLimiter,
    /// New questions and complaints per client (`FEEDBACK_MAX_PER_CLIENT` an hour).
    pub feedback: WindowLimiter,
    pub upload_bytes: ByteBudget,
    pub upload_bytes_per_day: u64,
    /// Free space kept on the uploads' disk, in bytes...
    pub min_free_bytes: u64,
    /// ...and at least this share of the disk, in percent.
    pub min_free_percent: u64,
    /// Added before answering each failed look-up, times the client's recent failures (at
    /// most 2 s): a guesser is slowed, nobody is locked out for someone else's guesses.
    pub failure_delay: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            lookups: WindowLimiter::new(LOOKUP_MAX_FAILURES, LOOKUP_WINDOW_SECS),
            submissions: WindowLimiter::new(SUBMIT_MAX_PER_CLIENT, SUBMIT_WINDOW_SECS),
            submissions_per_applicant_per_day: SUBMIT_MAX_PER_APPLICANT_PER_DAY,
            appointments: WindowLimiter::new(APPOINTMENTS_PER_CLIENT, APPOINTMENT_WINDOW_SECS),
            feedback: WindowLimiter::new(FEEDBACK_MAX_PER_CLIENT, SUBMIT_WINDOW_SECS),
            upload_bytes: ByteBudget::default(),
            upload_bytes_per_day: UPLOAD_BYTES_PER_DAY,
            min_free_bytes: crate::uploads::MIN_FREE_BYTES,
            min_free_percent: crate::uploads::MIN_FREE_PERCENT,
            failure_delay: Duration::from_millis(200),
        }
    }
}

impl Limits {
    pub fn failure_delay(&self, failures: usize) -> Duration {
        (self.failure_delay * failures as u32).min(Duration::from_secs(2))
    }

    pub fn prune(&self, now: i64) {
        self.lookups.prune(now);
        self.submissions.prune(now);
        self.appointments.prune(now);
        self.feedback.prune(now);
        self.upload_bytes
            .prune(crate::clock::china_time(now).date_naive());
    }
}

/// Prunes every limiter each minute.
pub fn spawn_pruner(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(PRUNE_EVERY);
        loop {
            interval.tick().await;
            state.limits.prune(state.clock.now());
        }
    })
}

pub fn rate_limited() -> AppError {
    AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        "查询次数过多，请15分钟后再试",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_refuses_in_one_step_and_forgets_after_the_window() {
        let limiter = WindowLimiter::new(3, 100);
        for i in 0..3 {
            assert!(limiter.try_hit("a", 1000 + i));
        }
        assert!(!limiter.try_hit("a", 1003));
        assert!(limiter.try_hit("b", 1003));
        limiter.forgive("a", 1001);
        assert!(limiter.try_hit("a", 1004));
        assert!(!limiter.try_hit("a", 1005));
        assert!(limiter.try_hit("a", 1100));
        limiter.prune(1300);
        assert_eq!(limiter.keys(), 0);
    }

    #[test]
    fn the_byte_budget_is_per_day() {
        let budget = ByteBudget::default();
        let d1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let d2 = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        assert!(budget.try_spend("a", d1, 600, 1000));
        assert!(budget.try_spend("a", d1, 400, 1000));
        assert!(!budget.try_spend("a", d1, 1, 1000));
        assert!(budget.try_spend("b", d1, 1000, 1000));
        assert!(budget.try_spend("a", d2, 1000, 1000));
    }

    #[test]
    fn failures_slow_a_client_by_up_to_two_seconds() {
        let limits = Limits::default();
        assert_eq!(limits.failure_delay(1), Duration::from_millis(200));
        assert_eq!(limits.failure_delay(5), Duration::from_millis(1000));
        assert_eq!(limits.failure_delay(10), Duration::from_millis(2000));
        assert_eq!(limits.failure_delay(11), Duration::from_millis(2000));
    }
}
