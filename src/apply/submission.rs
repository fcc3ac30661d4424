//! One case per submission, whatever the network does: the request sent is kept in the draft
//! (with the draft, in IndexedDB) until its receipt is safely on the device, and a retry sends
//! exactly that request again. The backend answers a replay of the same key and body with the
//! original receipt, so a lost reply costs nothing; a fixed key per draft did, once the citizen
//! edited anything after a lost reply (every retry then got 409 although the case existed).
//!
//! The decisions are pure functions, tested natively; `check.rs` does the sending.

use contract::ApiError;
#[cfg(test)]
use contract::SubmitReceipt;
use serde::{Deserialize, Serialize};

use crate::api::ApiErr;

/// A submission as it left the device: its idempotency key and its exact JSON body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub key: String,
    pub body: String,
}

/// Keys of drafts saved by earlier versions, derived from the draft id (`k-{id}`). New keys are
/// hex digits only, so the prefix tells them apart.
pub fn is_legacy_key(key: &str) -> bool {
    key.starts_with("k-")
}

/// The backend's answer to a known key with another body. One small function, so that the
/// check is easy to switch once the contract types its error codes.
fn key_conflict(e: &ApiError) -> bool {
    e.code == contract::ErrorCode::IdempotencyConflict
}

/// The request to send for the draft's current `body`, and whether it is *stale* (kept from
/// before an edit: sent first to learn whether it went through). `legacy_key` is the key of a
/// draft saved by an earlier version, which may have been sent with it. `None` only when a new
/// key is needed and none could be made.
pub fn next_request(
    kept: Option<&Sent>,
    legacy_key: &str,
    body: &str,
    fresh_key: impl FnOnce() -> Option<String>,
) -> Option<(Sent, bool)> {
    if let Some(kept) = kept {
        return Some((kept.clone(), kept.body != body));
    }
    let key = if legacy_key.is_empty() {
        fresh_key()?
    } else {
        legacy_key.to_string()
    };
    Some((
        Sent {
            key,
            body: body.to_string(),
        },
        false,
    ))
}

/// What an answer to a submission means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The case exists: keep the receipt, then forget the draft. `edits_left_out` when the
    /// draft was changed after the request that created the case was sent.
    Done { edits_left_out: bool },
    /// The kept request did not create a case: forget it and send the draft as it is now, under
    /// a new key.
    SendAfresh,
    /// The backend refused the draft as it is (field errors): show why, forget the request, so
    /// that the corrected draft goes under a new key.
    Refused,
    /// No answer, or none that settles it: keep the request, and let the citizen try again.
    TryAgain,
    /// The server no longer holds these uploads (removed a day after they were sent; the draft
    /// was continued later). No case was made: send those photos again from the device, then
    /// the draft under a new key.
    SendPhotosAgain(Vec<String>),
}

/// Any receipt: a case's, or a question's or complaint's ticket (`feedback`).
pub fn verdict<T>(result: &Result<T, ApiErr>, stale: bool, key: &str) -> Verdict {
    match result {
        Ok(_) => Verdict::Done {
            edits_left_out: stale,
        },
        // A key of an earlier version, used before with other content: that case cannot be
        // found through the key any more, and retrying it would fail for ever.
        Err(ApiErr::Rejected(e)) if key_conflict(e) && is_legacy_key(key) => Verdict::SendAfresh,
        // A random key cannot have been used for other content; do not risk a second case.
        Err(ApiErr::Rejected(e)) if key_conflict(e) => Verdict::TryAgain,
        Err(ApiErr::Rejected(e)) if e.code == contract::ErrorCode::UploadsExpired => {
            Verdict::SendPhotosAgain(e.expired_uploads.clone())
        }
        Err(ApiErr::Rejected(_)) if stale => Verdict::SendAfresh,
        Err(ApiErr::Rejected(_)) => Verdict::Refused,
        Err(ApiErr::Network | ApiErr::NotFound | ApiErr::Server) => Verdict::TryAgain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(key: &str, body: &str) -> Sent {
        Sent {
            key: key.into(),
            body: body.into(),
        }
    }

    fn expired(ids: &[&str]) -> Result<SubmitReceipt, ApiErr> {
        let body = serde_json::json!({
            "code": "uploads_expired",
            "message": "m",
            "expired_uploads": ids,
        });
        Err(ApiErr::Rejected(serde_json::from_value(body).unwrap()))
    }

    fn rejected(code: &str) -> Result<SubmitReceipt, ApiErr> {
        Err(ApiErr::Rejected(ApiError {
            code: serde_json::from_value(serde_json::Value::String(code.into()))
                .unwrap_or(contract::ErrorCode::Unknown),
            message: "m".into(),
            fields: vec![],
            expired_uploads: vec![],
        }))
    }

    fn receipt() -> Result<SubmitReceipt, ApiErr> {
        Ok(SubmitReceipt {
            case_number: "2026113000001".into(),
            query_code: "AB3K7MNP".into(),
            promised_limit: contract::TimeLimit::Days {
                days: 5,
                unit: contract::LimitUnit::WorkingDays,
            },
            submitted_at: contract::chrono::DateTime::parse_from_rfc3339(
                "2026-11-30T10:00:00+08:00",
            )
            .unwrap(),
        })
    }

    #[test]
    fn a_kept_request_is_sent_again_exactly() {
        let kept = sent("0123", r#"{"a":1}"#);
        let never = || -> Option<String> { panic!("no new key for a retry") };
        assert_eq!(
            next_request(Some(&kept), "", r#"{"a":1}"#, never),
            Some((kept.clone(), false))
        );
        // Edited since: the kept request still goes first, marked stale.
        assert_eq!(
            next_request(Some(&kept), "", r#"{"a":2}"#, never),
            Some((kept, true))
        );
    }

    #[test]
    fn a_first_submission_gets_a_new_key_or_the_legacy_one() {
        assert_eq!(
            next_request(None, "", "b", || Some("ff00".into())),
            Some((sent("ff00", "b"), false))
        );
        assert_eq!(
            next_request(None, "k-d1", "b", || Some("ff00".into())),
            Some((sent("k-d1", "b"), false))
        );
        assert_eq!(next_request(None, "", "b", || None), None);
    }

    #[test]
    fn answers_are_judged() {
        let key = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            verdict(&receipt(), false, key),
            Verdict::Done {
                edits_left_out: false
            }
        );
        assert_eq!(
            verdict(&receipt(), true, key),
            Verdict::Done {
                edits_left_out: true
            }
        );
        // The kept request was invalid, so no case came of it: the current draft goes afresh.
        assert_eq!(
            verdict(&rejected("invalid"), true, key),
            Verdict::SendAfresh
        );
        assert_eq!(verdict(&rejected("invalid"), false, key), Verdict::Refused);
        assert_eq!(
            verdict(&rejected("idempotency_conflict"), true, key),
            Verdict::TryAgain
        );
        assert_eq!(
            verdict(&rejected("idempotency_conflict"), false, "k-d1"),
            Verdict::SendAfresh
        );
        // Uploads swept on the server: whether the kept request was stale or not, the photos go
        // again and the citizen is not asked to do anything.
        for stale in [false, true] {
            assert_eq!(
                verdict(&expired(&["a1", "b2"]), stale, key),
                Verdict::SendPhotosAgain(vec!["a1".into(), "b2".into()])
            );
        }
        for e in [ApiErr::Network, ApiErr::Server, ApiErr::NotFound] {
            assert_eq!(
                verdict(&Err::<SubmitReceipt, _>(e.clone()), true, key),
                Verdict::TryAgain
            );
            assert_eq!(
                verdict(&Err::<SubmitReceipt, _>(e), false, key),
                Verdict::TryAgain
            );
        }
    }

    #[test]
    fn legacy_keys_are_told_apart() {
        assert!(is_legacy_key("k-d19a0b1c2d3e4f5a6"));
        assert!(!is_legacy_key("0123456789abcdef0123456789abcdef"));
    }
}
