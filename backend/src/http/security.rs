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

/// Strict-Transport-Security when the backend is told it is served over TLS (a proxy in
/// front terminates it): one year, so that browsers never try plain HTTP again.
pub const HSTS: &str = "max-age=31536000";

pub async fn headers(csp: HeaderValue, behind_tls: bool, req: Request, next: Next) -> Response {
    let is_staff = req.uri().path().starts_with("/api/staff/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // A handler's own, stricter policy (a staff file download's sandbox) stays.
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    if is_staff {
        // Full ID numbers and addresses: never kept by a browser or a proxy.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if behind_tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
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

#[cfg(test)]
mod header_tests {
    use axum::body::Body;
    use axum::http::{header, HeaderValue, Request};
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;

    async fn get_headers(behind_tls: bool, path: &str) -> axum::http::HeaderMap {
        let app = Router::new()
            .route("/api/staff/cases", get(|| async { "[]" }))
            .route(
                "/api/staff/uploads/x",
                get(|| async { ([(header::CONTENT_SECURITY_POLICY, "sandbox")], "file") }),
            )
            .route("/api/health", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn(move |req, next| {
                super::headers(
                    HeaderValue::from_static("default-src 'self'"),
                    behind_tls,
                    req,
                    next,
                )
            }));
        let req = Request::get(path).body(Body::empty()).unwrap();
        app.oneshot(req).await.unwrap().headers().clone()
    }

    #[tokio::test]
    async fn staff_answers_are_not_stored_and_hsts_follows_the_flag() {
        let h = get_headers(false, "/api/staff/cases").await;
        assert_eq!(h["cache-control"], "no-store");
        assert!(h.get("strict-transport-security").is_none());
        let h = get_headers(false, "/api/health").await;
        assert!(h.get("cache-control").is_none());
        let h = get_headers(true, "/api/health").await;
        assert_eq!(h["strict-transport-security"], "max-age=31536000");
        // A download keeps its sandbox instead of the page policy.
        let h = get_headers(false, "/api/staff/uploads/x").await;
        assert_eq!(h["content-security-policy"], "sandbox");
    }
}
