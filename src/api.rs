//! The API client: JSON over `fetch`, with errors turned into messages a citizen can act on.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::t;

/// Why a request failed, in the terms the page needs.
#[derive(Clone, Debug, PartialEq)]
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
            ApiErr::Network => t::ERROR_NETWORK.into(),
            ApiErr::NotFound => t::NOT_FOUND_BODY.into(),
            ApiErr::Rejected(e) => e.message.clone(),
            ApiErr::Server => t::ERROR_SERVER.into(),
        }
    }
}

fn url(path: &str) -> String {
    format!("{}{}", crate::config::api_base(), path)
}

/// A document and, when the service worker answered from its cache because the network failed,
/// the time that saved copy was fetched (shown as "saved copy from ...").
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    pub saved_at: Option<String>,
}

/// The header our service worker adds to a response it serves from its cache.
const SAVED_AT_HEADER: &str = "x-portal-saved-at";

/// GET a JSON document.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiErr> {
    get_cached(path).await.map(|l| l.value)
}

/// GET a JSON document, saying whether it is a saved copy from the offline cache.
pub async fn get_cached<T: DeserializeOwned>(path: &str) -> Result<Loaded<T>, ApiErr> {
    let window = web_sys::window().ok_or(ApiErr::Network)?;
    let resp = JsFuture::from(window.fetch_with_str(&url(path)))
        .await
        .map_err(|_| ApiErr::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| ApiErr::Server)?;
    let saved_at = resp.headers().get(SAVED_AT_HEADER).ok().flatten();
    let text = read_text(&resp).await?;
    decode(resp.status(), &text).map(|value| Loaded { value, saved_at })
}

/// POST a JSON body and read the JSON answer. `idempotency_key`, when given, lets the backend
/// recognise a retry of the same submission and answer it without acting twice.
pub async fn post<B: serde::Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    idempotency_key: Option<&str>,
) -> Result<T, ApiErr> {
    let window = web_sys::window().ok_or(ApiErr::Network)?;
    let json = serde_json::to_string(body).map_err(|_| ApiErr::Server)?;
    let headers = web_sys::Headers::new().map_err(|_| ApiErr::Server)?;
    let _ = headers.set("content-type", "application/json");
    if let Some(key) = idempotency_key {
        let _ = headers.set("idempotency-key", key);
    }
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&json.into());
    let resp = JsFuture::from(window.fetch_with_str_and_init(&url(path), &init))
        .await
        .map_err(|_| ApiErr::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| ApiErr::Server)?;
    let text = read_text(&resp).await?;
    decode(resp.status(), &text)
}

async fn read_text(resp: &web_sys::Response) -> Result<String, ApiErr> {
    let promise = resp.text().map_err(|_| ApiErr::Network)?;
    let value = JsFuture::from(promise).await.map_err(|_| ApiErr::Network)?;
    value.as_string().ok_or(ApiErr::Server)
}

/// Maps an HTTP status and body to the result; pure, so it is tested natively.
pub fn decode<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiErr> {
    match status {
        200..=299 => serde_json::from_str(body).map_err(|_| ApiErr::Server),
        404 => Err(ApiErr::NotFound),
        400..=499 => match serde_json::from_str::<contract::ApiError>(body) {
            Ok(e) => Err(ApiErr::Rejected(e)),
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
