//! Security headers on every response, with a CSP that admits only our own scripts.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy: scripts from our origin plus the inline loader Trunk writes, pinned by hash;
/// API calls (and QR images) to our origin and, when set, the city's own API origin.
pub fn content_security_policy(script_hashes: &[String], api_origin: Option<&str>) -> HeaderValue {
    let hashes: String = script_hashes
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    // Only a plain origin is accepted, so a setting cannot inject other directives.
    let api = api_origin
        .map(str::trim)
        .filter(|o| {
            (o.starts_with("https://") || o.starts_with("http://"))
                && !o.contains([' ', ';', ',', '\'', '"'])
        })
        .map(|o| format!(" {}", o.trim_end_matches('/')))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self' data: blob:{api}; connect-src 'self'{api}; worker-src 'self'; manifest-src 'self'; \
         object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

pub async fn headers(csp: HeaderValue, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("geolocation=(), microphone=(), payment=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::content_security_policy;

    #[test]
    fn policy_pins_scripts_and_admits_only_a_clean_api_origin() {
        let p = content_security_policy(&["abc=".into()], Some("https://gw.example.cn/"));
        let p = p.to_str().unwrap_or_default();
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(p.contains("connect-src 'self' https://gw.example.cn;"));
        assert!(!p.contains("unsafe-inline"));
        let bad = content_security_policy(&[], Some("https://x.cn; script-src *"));
        assert!(!bad.to_str().unwrap_or_default().contains("script-src *"));
    }
}
