//! The upload queue's decisions, as pure functions tested natively: how long to wait before a
//! retry, how long one upload may take, and what an answer from the backend means.

use contract::{ApiError, UploadReceipt};

use crate::i18n::t;

/// Retry delays double from 1 s and stop growing at 60 s: a phone that regains signal after ten
/// minutes resumes within a minute (and at once, through the `online` event, where the browser
/// notices), while a backend that is down is not hammered.
const FIRST_RETRY_MS: u64 = 1_000;
const MAX_RETRY_MS: u64 = 60_000;

/// The wait before retry number `attempt` (1 = after the first failure). `jitter` in [0, 1)
/// picks a point in the upper half of the delay, so that many phones cut off by the same outage
/// do not all come back in the same second.
pub fn backoff_ms(attempt: u32, jitter: f64) -> u32 {
    let doubling = attempt.saturating_sub(1).min(16);
    let delay = (FIRST_RETRY_MS << doubling).min(MAX_RETRY_MS) as f64;
    let jitter = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (delay * (0.5 + 0.5 * jitter)) as u32
}

/// The progress a screen reader is told: at the start and at each quarter, not every percent
/// (the visible bar and text still move by the percent).
pub fn spoken_percent(percent: u8) -> u8 {
    percent.min(100) / 25 * 25
}

/// The XHR timeout for a body of `bytes`: at least 120 s, plus the time to send it at 8 KB/s (a
/// poor 2G/3G link), so a large PDF on a slow but working link is not cut off and retried
/// forever. At most 10 minutes.
pub fn timeout_ms(bytes: u64) -> u32 {
    let sending = 30_000 + bytes.saturating_mul(1_000) / 8_192;
    sending.clamp(120_000, 600_000) as u32
}

/// What an answer to `POST /api/uploads` means for the queue.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Stored(UploadReceipt),
    /// Worth trying again later; the text tells the citizen it will happen by itself.
    Retry(&'static str),
    /// The backend refused this file; retrying cannot help. The backend's message, or ours.
    Refused(String),
}

/// Whether a refusal is a limit that waiting does not lift (the backend's cap on uploads per
/// draft), as opposed to momentary rate limiting.
fn lasting_limit(e: &ApiError) -> bool {
    e.code == contract::ErrorCode::TooManyUploads
}

/// The client's daily upload budget: it lifts the next day, so the queue keeps retrying, but
/// says why instead of "busy".
fn daily_limit(e: &ApiError) -> bool {
    e.code == contract::ErrorCode::DailyUploadLimit
}

/// Classifies an XHR's status (0 for no answer: offline, timeout, aborted) and body.
pub fn outcome(status: u16, body: &str) -> Outcome {
    match status {
        // A 2xx that is not our JSON is usually a Wi-Fi login page answering for the backend.
        200..=299 => serde_json::from_str(body)
            .map(Outcome::Stored)
            .unwrap_or(Outcome::Retry(t::UPLOAD_RETRY_SERVER())),
        0 => Outcome::Retry(t::UPLOAD_RETRY_NETWORK()),
        // Request timeout and rate limiting pass with time; the per-draft cap does not. Its
        // message is ours: the backend counts every upload of the draft, so deleting pages on
        // the phone does not help, as its own text suggests.
        429 if serde_json::from_str::<ApiError>(body).is_ok_and(|e| lasting_limit(&e)) => {
            Outcome::Refused(t::UPLOAD_LIMIT_REACHED().into())
        }
        429 if serde_json::from_str::<ApiError>(body).is_ok_and(|e| daily_limit(&e)) => {
            Outcome::Retry(t::UPLOAD_RETRY_TOMORROW())
        }
        408 | 429 => Outcome::Retry(t::UPLOAD_RETRY_SERVER()),
        400..=499 => {
            let message = serde_json::from_str::<ApiError>(body)
                .ok()
                .map(|e| e.message)
                .filter(|m| !m.trim().is_empty());
            Outcome::Refused(message.unwrap_or_else(|| {
                match status {
                    413 => t::UPLOAD_TOO_LARGE(),
                    415 => t::UPLOAD_UNSUPPORTED(),
                    _ => t::UPLOAD_REFUSED(),
                }
                .to_string()
            }))
        }
        _ => Outcome::Retry(t::UPLOAD_RETRY_SERVER()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_then_caps_with_jitter() {
        let top = |attempt| backoff_ms(attempt, 0.999_999);
        assert_eq!(backoff_ms(1, 1.0), 1_000);
        assert_eq!(backoff_ms(1, 0.0), 500);
        assert!((999..=1_000).contains(&top(1)));
        assert!((1_999..=2_000).contains(&top(2)));
        assert!((3_999..=4_000).contains(&top(3)));
        assert!((31_999..=32_000).contains(&top(6)));
        assert_eq!(backoff_ms(7, 1.0), 60_000);
        assert_eq!(backoff_ms(u32::MAX, 1.0), 60_000);
        assert_eq!(backoff_ms(0, 1.0), 1_000);
        assert_eq!(backoff_ms(3, f64::NAN), 2_000);
        assert_eq!(backoff_ms(3, 7.0), 4_000);
        for attempt in 1..40 {
            assert!(backoff_ms(attempt, 0.0) >= 500 && backoff_ms(attempt, 1.0) <= 60_000);
        }
    }

    #[test]
    fn progress_is_spoken_by_the_quarter() {
        let spoken: Vec<u8> = [0, 1, 24, 25, 49, 50, 74, 75, 99, 100, 250]
            .into_iter()
            .map(spoken_percent)
            .collect();
        assert_eq!(spoken, [0, 0, 0, 25, 25, 50, 50, 75, 75, 100, 100]);
    }

    #[test]
    fn timeout_grows_with_the_body() {
        assert_eq!(timeout_ms(0), 120_000);
        assert_eq!(timeout_ms(800_000), 127_656);
        assert_eq!(timeout_ms(10 * 1024 * 1024), 600_000);
        assert_eq!(timeout_ms(u64::MAX), 600_000);
    }

    #[test]
    fn answers_are_classified() {
        let ok = r#"{"upload_id":"ab12","content_type":"image/jpeg","bytes":812345}"#;
        match outcome(201, ok) {
            Outcome::Stored(r) => assert_eq!((r.upload_id.as_str(), r.bytes), ("ab12", 812_345)),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(
            outcome(200, "<html>login</html>"),
            Outcome::Retry(t::UPLOAD_RETRY_SERVER())
        );
        assert_eq!(outcome(0, ""), Outcome::Retry(t::UPLOAD_RETRY_NETWORK()));
        assert_eq!(
            outcome(502, "Bad gateway"),
            Outcome::Retry(t::UPLOAD_RETRY_SERVER())
        );
        assert_eq!(outcome(503, ""), Outcome::Retry(t::UPLOAD_RETRY_SERVER()));
        // Momentary rate limiting passes; the per-draft cap does not, and says so.
        assert_eq!(outcome(429, "{}"), Outcome::Retry(t::UPLOAD_RETRY_SERVER()));
        assert_eq!(outcome(429, ""), Outcome::Retry(t::UPLOAD_RETRY_SERVER()));
        let busy = r#"{"code":"rate_limited","message":"请稍后再试","fields":[]}"#;
        assert_eq!(outcome(429, busy), Outcome::Retry(t::UPLOAD_RETRY_SERVER()));
        let capped = r#"{"code":"too_many_uploads","message":"这份申报上传的文件已达200个的上限，无法继续上传，请到窗口办理","fields":[]}"#;
        assert_eq!(
            outcome(429, capped),
            Outcome::Refused(t::UPLOAD_LIMIT_REACHED().into())
        );
        // The daily budget lifts tomorrow: retried, and said so.
        let daily = r#"{"code":"daily_upload_limit","message":"今日上传的文件已达每日上限（500MB），请明日再上传","fields":[]}"#;
        assert_eq!(
            outcome(429, daily),
            Outcome::Retry(t::UPLOAD_RETRY_TOMORROW())
        );
        assert_eq!(outcome(408, ""), Outcome::Retry(t::UPLOAD_RETRY_SERVER()));
        let refused = r#"{"code":"too_large","message":"照片超过 4000 万像素","fields":[]}"#;
        assert_eq!(
            outcome(422, refused),
            Outcome::Refused("照片超过 4000 万像素".into())
        );
        assert_eq!(
            outcome(413, "too big"),
            Outcome::Refused(t::UPLOAD_TOO_LARGE().into())
        );
        assert_eq!(
            outcome(415, ""),
            Outcome::Refused(t::UPLOAD_UNSUPPORTED().into())
        );
        let blank = r#"{"code":"invalid","message":" "}"#;
        assert_eq!(
            outcome(400, blank),
            Outcome::Refused(t::UPLOAD_REFUSED().into())
        );
    }
}
