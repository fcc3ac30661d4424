//! A question or complaint is never lost: what is typed is kept in `localStorage`
//! (`portal.fb.<form>`) at every keystroke, and the request sent is kept with it until its
//! ticket is on the device. A retry sends exactly that request under the same idempotency key,
//! with the application's rules (`apply::submission`): a lost reply costs nothing, and the
//! backend never makes two tickets of one question.

use contract::{ApiError, ComplaintCategory};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiErr};
use crate::apply::submission::{next_request, verdict, Sent, Verdict};
use crate::i18n::t;
use crate::storage::local;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub category: Option<ComplaintCategory>,
    /// A complaint about a place's window rather than the service itself.
    #[serde(default)]
    pub window: bool,
    #[serde(default)]
    pub place: String,
    /// The request last sent and not yet answered with a ticket.
    #[serde(default)]
    pub sent: Option<Sent>,
}

fn key(form: &str) -> String {
    format!("fb.{form}")
}

pub fn load(form: &str) -> Draft {
    local::get(&key(form)).unwrap_or_default()
}

/// Keeps what was typed; the request in flight, if any, is kept as it is.
pub fn save_typed(form: &str, typed: &Draft) {
    let sent = load(form).sent;
    local::set(
        &key(form),
        &Draft {
            sent,
            ..typed.clone()
        },
    );
}

fn set_sent(form: &str, sent: Option<Sent>) {
    let mut draft = load(form);
    draft.sent = sent;
    local::set(&key(form), &draft);
}

pub fn forget(form: &str) {
    local::remove(&key(form));
}

/// How a submission ended.
pub enum Outcome<T> {
    Done(T),
    /// The backend refused the content (field errors): the citizen corrects it.
    Refused(ApiError),
    /// No answer that settles it: the draft and its request stay; the citizen tries again.
    Failed(String),
}

/// Sends `body` (JSON) to `path` as the form `form`'s request, reusing the request kept from
/// an earlier attempt first; the draft goes once its ticket is here.
pub async fn send<T: DeserializeOwned>(form: &str, path: &str, body: String) -> Outcome<T> {
    let outcome = send_kept(|| load(form).sent, |s| set_sent(form, s), path, body).await;
    if matches!(outcome, Outcome::Done(_)) {
        forget(form);
    }
    outcome
}

/// Sends `body` (JSON) to `path` under an idempotency key, keeping the request sent (through
/// `kept`/`keep`, wherever its caller stores it) until an answer settles it, with the
/// application's rules (`apply::submission`). Questions, complaints and bookings use it.
pub async fn send_kept<T: DeserializeOwned>(
    kept: impl Fn() -> Option<Sent>,
    keep: impl Fn(Option<Sent>),
    path: &str,
    body: String,
) -> Outcome<T> {
    // At most twice: a kept request that made nothing is followed by the current one.
    for _ in 0..2 {
        let Some((sent, stale)) = next_request(kept().as_ref(), "", &body, crate::storage::new_key)
        else {
            return Outcome::Failed(t::ERROR_SERVER().into());
        };
        keep(Some(sent.clone()));
        let result: Result<T, ApiErr> =
            api::post_text(path, sent.body.clone(), Some(&sent.key)).await;
        match verdict(&result, stale, &sent.key) {
            Verdict::Done { .. } => {
                keep(None);
                return match result {
                    Ok(receipt) => Outcome::Done(receipt),
                    Err(e) => Outcome::Failed(e.message()),
                };
            }
            Verdict::SendAfresh => keep(None),
            Verdict::Refused => {
                keep(None);
                return match result {
                    Err(ApiErr::Rejected(e)) => Outcome::Refused(e),
                    Err(e) => Outcome::Failed(e.message()),
                    Ok(_) => Outcome::Failed(t::ERROR_SERVER().into()),
                };
            }
            // None of these carries application photos: the server never asks for them again.
            Verdict::SendPhotosAgain(_) => return Outcome::Failed(t::ERROR_SERVER().into()),
            Verdict::TryAgain => {
                return Outcome::Failed(match result {
                    Err(ApiErr::Rejected(e)) => e.message,
                    _ => t::SEND_FAILED_KEPT().into(),
                })
            }
        }
    }
    Outcome::Failed(t::SEND_FAILED_KEPT().into())
}
