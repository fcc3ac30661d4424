//! Limits on failed case look-ups, so that query codes cannot be guessed.
//!
//! Failures are counted per client address and per case number in a sliding window; while
//! either has reached the limit, every look-up of that kind is refused, even a right one (a
//! right answer must not be distinguishable while blocked).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;

use axum::http::StatusCode;
use contract::ErrorCode;

use crate::http::error::AppError;

pub const MAX_FAILURES: usize = 10;
pub const WINDOW_SECS: i64 = 15 * 60;
/// Past this many tracked keys, expired ones are dropped on the next failure.
const PRUNE_ABOVE: usize = 10_000;

#[derive(Default)]
pub struct FailureLimiter {
    failures: Mutex<HashMap<String, VecDeque<i64>>>,
}

fn keys(ip: IpAddr, case_number: &str) -> [String; 2] {
    [format!("ip:{ip}"), format!("case:{case_number}")]
}

pub fn rate_limited() -> AppError {
    AppError::new(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::RateLimited,
        "查询次数过多，请15分钟后再试",
    )
}

impl FailureLimiter {
    /// Refuses when the client or the case number has failed too often lately.
    pub fn check(&self, ip: IpAddr, case_number: &str, now: i64) -> Result<(), AppError> {
        let mut map = self
            .failures
            .lock()
            .map_err(|_| AppError::internal(anyhow::anyhow!("rate limit lock poisoned")))?;
        for key in keys(ip, case_number) {
            if let Some(times) = map.get_mut(&key) {
                expire(times, now);
                if times.len() >= MAX_FAILURES {
                    return Err(rate_limited());
                }
            }
        }
        Ok(())
    }

    pub fn record_failure(&self, ip: IpAddr, case_number: &str, now: i64) {
        let Ok(mut map) = self.failures.lock() else {
            return;
        };
        if map.len() > PRUNE_ABOVE {
            map.retain(|_, times| {
                expire(times, now);
                !times.is_empty()
            });
        }
        for key in keys(ip, case_number) {
            let times = map.entry(key).or_default();
            expire(times, now);
            // Keep at most the limit: older entries add nothing.
            if times.len() >= MAX_FAILURES {
                times.pop_front();
            }
            times.push_back(now);
        }
    }
}

fn expire(times: &mut VecDeque<i64>, now: i64) {
    while times.front().is_some_and(|&t| t <= now - WINDOW_SECS) {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_the_limit_and_forgets_after_the_window() {
        let limiter = FailureLimiter::default();
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let other: IpAddr = "10.0.0.2".parse().unwrap();
        for i in 0..MAX_FAILURES {
            assert!(limiter.check(ip, "A", 1000 + i as i64).is_ok());
            limiter.record_failure(ip, "A", 1000 + i as i64);
        }
        assert!(limiter.check(ip, "B", 1100).is_err(), "per client");
        assert!(limiter.check(other, "A", 1100).is_err(), "per case number");
        assert!(limiter.check(other, "B", 1100).is_ok());
        assert!(limiter.check(ip, "B", 1009 + WINDOW_SECS).is_ok());
    }
}
