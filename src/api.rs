//! The API client: JSON over `gloo-net`, with a timeout on every request and cancellation when
//! the page that asked goes away, and errors turned into messages a citizen can act on.

#[cfg(target_arch = "wasm32")]
use std::time::Duration;

#[cfg(target_arch = "wasm32")]
use contract::offline::SAVED_AT_HEADER;
#[cfg(target_arch = "wasm32")]
use gloo_net::http::{Request, RequestBuilder};
#[cfg(target_arch = "wasm32")]
use leptos::prelude::{on_cleanup, set_timeout_with_handle};
#[cfg(target_arch = "wasm32")]
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::i18n::t;

/// How long a read may take before the page offers to retry. A guide arrives in a few seconds
/// on weak 4G; a captive Wi-Fi that swallows requests would otherwise leave "正在加载…" up forever.
#[cfg(target_arch = "wasm32")]
const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Writes carry a body and do more work; an unanswered one is retried with the same
/// idempotency key, so giving up on it is safe.
#[cfg(target_arch = "wasm32")]
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// Why a request failed, in the terms the page needs. Serializable: a failure met while the
/// server rendered a page travels inside the page like a success does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ApiErr {
    /// The request never got an answer (offline, backend down, timeout).
    Network,
    /// The backend answered 404.
    NotFound,
    /// The backend refused with its own message (validation, rules).
    Rejected(contract::ApiError),
    /// Any other failure status, or a body we could not read.
    Server,
}

impl ApiErr {
    pub fn message(&self) -> String {
        match self {
            ApiErr::Network => t::ERROR_NETWORK().into(),
            ApiErr::NotFound => t::NOT_FOUND_BODY().into(),
            ApiErr::Rejected(e) => e.message.clone(),
            ApiErr::Server => t::ERROR_SERVER().into(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn url(path: &str) -> String {
    format!("{}{}", crate::config::api_base(), path)
}

/// A document and, when the service worker answered from its cache because the network failed,
/// the time that saved copy was fetched (shown as "saved copy from ...").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Loaded<T> {
    pub value: T,
    pub saved_at: Option<String>,
}

/// What came back: status, the saved-copy header, and the body as text.
struct Reply {
    status: u16,
    saved_at: Option<String>,
    body: String,
}

/// Sends a request that is aborted after `timeout`, and also, when `cancel_on_leave` is set,
/// when the reactive owner that asked is cleaned up (the page was left or the resource re-ran).
#[cfg(target_arch = "wasm32")]
async fn exchange(
    builder: RequestBuilder,
    body: Option<String>,
    timeout: Duration,
    cancel_on_leave: bool,
) -> Result<Reply, ApiErr> {
    let controller = web_sys::AbortController::new().ok();
    if cancel_on_leave {
        // Outside any owner this registers nothing, which is what a background task wants.
        let on_leave = SendWrapper::new(controller.clone());
        on_cleanup(move || {
            if let Some(c) = on_leave.take() {
                c.abort();
            }
        });
    }
    let timer = controller
        .clone()
        .and_then(|c| set_timeout_with_handle(move || c.abort(), timeout).ok());
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match body {
        Some(json) => builder
            .header("content-type", "application/json")
            .body(json),
        None => builder.build(),
    };
    // The timer covers the body too: a connection can stall halfway through a response.
    let result = async {
        let resp = request
            .map_err(|_| ApiErr::Server)?
            .send()
            .await
            .map_err(|_| ApiErr::Network)?;
        let saved_at = resp.headers().get(SAVED_AT_HEADER);
        let body = resp.text().await.map_err(|_| ApiErr::Network)?;
        Ok(Reply {
            status: resp.status(),
            saved_at,
            body,
        })
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// A future a `Resource` may hold: the browser has one thread, so its JavaScript-bound futures
/// are wrapped to satisfy `Send`; the server's are `Send` already (and may move between threads,
/// which a wrapper would forbid).
#[cfg(target_arch = "wasm32")]
pub fn sendable<F: std::future::Future>(f: F) -> SendWrapper<F> {
    SendWrapper::new(f)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn sendable<F: std::future::Future + Send>(f: F) -> F {
    f
}

/// GET a JSON document.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiErr> {
    get_cached(path).await.map(|l| l.value)
}

/// GET a JSON document, saying whether it is a saved copy from the offline cache.
pub async fn get_cached<T: DeserializeOwned>(path: &str) -> Result<Loaded<T>, ApiErr> {
    #[cfg(target_arch = "wasm32")]
    let reply = exchange(Request::get(&url(path)), None, READ_TIMEOUT, true).await?;
    #[cfg(not(target_arch = "wasm32"))]
    let reply = server::get(path).await?;
    decode(reply.status, &reply.body).map(|value| Loaded {
        value,
        saved_at: reply.saved_at,
    })
}

/// POST a JSON body and read the JSON answer. `idempotency_key`, when given, lets the backend
/// recognise a retry of the same submission and answer it without acting twice. A write is not
/// cancelled when its page goes away: it may already have reached the backend.
pub async fn post<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    idempotency_key: Option<&str>,
) -> Result<T, ApiErr> {
    let json = serde_json::to_string(body).map_err(|_| ApiErr::Server)?;
    post_text(path, json, idempotency_key).await
}

/// POST a body already turned into JSON text: a retry then sends exactly the text of the first
/// attempt, which is what the backend recognises under the same idempotency key.
pub async fn post_text<T: DeserializeOwned>(
    path: &str,
    json: String,
    idempotency_key: Option<&str>,
) -> Result<T, ApiErr> {
    #[cfg(target_arch = "wasm32")]
    {
        let mut builder = Request::post(&url(path));
        if let Some(key) = idempotency_key {
            builder = builder.header("idempotency-key", key);
        }
        let reply = exchange(builder, Some(json), WRITE_TIMEOUT, false).await?;
        decode(reply.status, &reply.body)
    }
    // A page rendered on the server only reads; writes come from the citizen's browser.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (path, json, idempotency_key);
        Err(ApiErr::Network)
    }
}

/// POST a JSON body and read `T`, a few fields of the answer, keeping the answer's text as it
/// came to store on the device: an island then needs no code to read all of it.
pub async fn post_kept<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<(T, String), ApiErr> {
    let json = serde_json::to_string(body).map_err(|_| ApiErr::Server)?;
    #[cfg(target_arch = "wasm32")]
    {
        let reply = exchange(Request::post(&url(path)), Some(json), WRITE_TIMEOUT, false).await?;
        decode(reply.status, &reply.body).map(|value| (value, reply.body))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (path, json);
        Err(ApiErr::Network)
    }
}

/// How the server answers the app's reads while it renders a page: in-process, by the same
/// handlers that serve `/api`, so the page holds exactly what the browser would have fetched.
/// The server provides a `ServerFetch` in the context of each page it renders.
#[cfg(not(target_arch = "wasm32"))]
pub mod server {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Arc;

    use super::{ApiErr, Reply};

    /// Answers a GET of an API path with its status and body; `None` when it could not.
    pub type Fetch =
        dyn Fn(String) -> Pin<Box<dyn Future<Output = Option<(u16, String)>> + Send>> + Send + Sync;

    #[derive(Clone)]
    pub struct ServerFetch(pub Arc<Fetch>);

    pub(super) async fn get(path: &str) -> Result<Reply, ApiErr> {
        // Read before the first await, while the page's owner is current.
        let fetch = leptos::prelude::use_context::<ServerFetch>().ok_or(ApiErr::Network)?;
        let (status, body) = (fetch.0)(path.to_string()).await.ok_or(ApiErr::Network)?;
        Ok(Reply {
            status,
            saved_at: None,
            body,
        })
    }
}

/// A catalog read in the page's language: `?lang=en` on an English page, so a guide comes in
/// English where the catalog has it (`content_lang` says whether it did).
pub fn in_page_language(path: &str) -> String {
    match crate::i18n::lang::current() {
        crate::i18n::lang::Lang::Zh => path.to_string(),
        crate::i18n::lang::Lang::En => format!("{path}?lang=en"),
    }
}

/// `GET /api/services/{code}`: one service's guide, in the page's language where it has one.
pub async fn service(code: &str) -> Result<Loaded<contract::Service>, ApiErr> {
    let path = in_page_language(&format!("/api/services/{}", crate::routes::encode(code)));
    get_cached(&path).await
}

/// `GET /api/services/{code}/form`: the questions of its online application.
pub async fn service_form(code: &str) -> Result<contract::FormDefinition, ApiErr> {
    get(&format!(
        "/api/services/{}/form",
        crate::routes::encode(code)
    ))
    .await
}

/// `GET /api/performance/services/{code}`: 效能公开 of one service.
pub async fn service_performance(code: &str) -> Result<contract::Performance, ApiErr> {
    get(&format!(
        "/api/performance/services/{}",
        crate::routes::encode(code)
    ))
    .await
}

/// `GET /api/performance/departments/{department}`: 效能公开 of one department.
pub async fn department_performance(department: &str) -> Result<contract::Performance, ApiErr> {
    get(&format!(
        "/api/performance/departments/{}",
        crate::routes::encode(department)
    ))
    .await
}

/// `GET /api/publications?q=&service=`: published licensing decisions, newest first; `service`
/// (a code, or empty for all) keeps one service's.
pub async fn publications(q: &str, service: &str) -> Result<Vec<contract::Publication>, ApiErr> {
    use crate::routes::encode;
    get(&format!(
        "/api/publications?q={}&service={}",
        encode(q),
        encode(service)
    ))
    .await
}

/// `GET /api/publications/{id}`: one published decision.
pub async fn publication(id: &str) -> Result<contract::Publication, ApiErr> {
    get(&format!("/api/publications/{}", crate::routes::encode(id))).await
}

/// `GET /api/bundles`: every 一件事.
pub async fn bundles() -> Result<Vec<contract::BundleSummary>, ApiErr> {
    get("/api/bundles").await
}

/// `GET /api/bundles?service=`: the bundles that join one service.
pub async fn bundles_with(code: &str) -> Result<Vec<contract::BundleSummary>, ApiErr> {
    get(&format!(
        "/api/bundles?service={}",
        crate::routes::encode(code)
    ))
    .await
}

/// `GET /api/bundles/{id}`: one bundle with the guides of its services.
pub async fn bundle(id: &str) -> Result<contract::BundleGuide, ApiErr> {
    get(&format!("/api/bundles/{}", crate::routes::encode(id))).await
}

/// Maps an HTTP status and body to the result; pure, so it is tested natively.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiErr> {
    match status {
        200..=299 => serde_json::from_str(body).map_err(|_| ApiErr::Server),
        404 => Err(ApiErr::NotFound),
        400..=499 => match serde_json::from_str::<contract::ApiError>(body) {
            Ok(mut e) => {
                // The page's language, not the backend's Chinese, where the app knows the code.
                if let Some(own) = t::error_message(e.code) {
                    e.message = own.into();
                }
                for f in &mut e.fields {
                    f.message = t::field_message(&f.message);
                }
                Err(ApiErr::Rejected(e))
            }
            Err(_) => Err(ApiErr::Server),
        },
        _ => Err(ApiErr::Server),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_success_and_errors() {
        assert_eq!(decode::<Vec<u32>>(200, "[1,2]"), Ok(vec![1, 2]));
        assert_eq!(decode::<Vec<u32>>(200, "<html>"), Err(ApiErr::Server));
        assert_eq!(decode::<Vec<u32>>(404, "{}"), Err(ApiErr::NotFound));
        assert_eq!(decode::<Vec<u32>>(502, "Bad gateway"), Err(ApiErr::Server));
        let rejected = decode::<Vec<u32>>(
            422,
            r#"{"code":"invalid","message":"提交的信息有误","fields":[]}"#,
        );
        match rejected {
            Err(ApiErr::Rejected(e)) => assert_eq!(e.message, "提交的信息有误"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
