//! How the backend is deployed, through the whole router as it serves (pages, files, API):
//! security headers on real responses, `--behind-tls`, `--trust-proxy`, an empty staff token.

use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use super::*;

struct Options {
    staff_token: Option<&'static str>,
    trust_proxy: bool,
    behind_tls: bool,
}

const PLAIN: Options = Options {
    staff_token: Some(STAFF_TOKEN),
    trust_proxy: false,
    behind_tls: false,
};

/// The whole router with these options, without the delay after a failed look-up.
fn serve(o: Options) -> (TempDir, Router) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(
        dir.path().join("dist/index.html"),
        "<!DOCTYPE html><html><head><title>门户</title></head><body></body></html>",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dist/sw.js"),
        "self.addEventListener('fetch', () => {});",
    )
    .unwrap();
    let config = Config {
        addr: "127.0.0.1:0".into(),
        data_dir: dir.path().join("data"),
        dist_dir: dir.path().join("dist"),
        staff_token: o.staff_token.map(str::to_string),
        trust_proxy: o.trust_proxy,
        behind_tls: o.behind_tls,
        api_origin: None,
    };
    let mut state = AppState::open(&config).unwrap();
    state.limits = std::sync::Arc::new(Limits {
        failure_delay: std::time::Duration::ZERO,
        ..Limits::default()
    });
    let router = crate::app::router(state, &config).unwrap();
    (dir, router)
}

async fn send(
    router: &Router,
    from: SocketAddr,
    mut req: Request<Body>,
) -> (StatusCode, HeaderMap) {
    req.extensions_mut().insert(ConnectInfo(from));
    let res = router.clone().oneshot(req).await.unwrap();
    (res.status(), res.headers().clone())
}

async fn get(router: &Router, path: &str, headers: &[(&str, &str)]) -> (StatusCode, HeaderMap) {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    send(router, ip(1), req.body(Body::empty()).unwrap()).await
}

fn header<'a>(h: &'a HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let (_dir, router) = serve(PLAIN);
    let auth = format!("Bearer {STAFF_TOKEN}");
    let responses = [
        (
            "a server-rendered guide",
            get(&router, "/services", &[]).await,
        ),
        (
            "the app shell of a case",
            get(&router, "/track/2026030200001", &[]).await,
        ),
        ("a file of the app", get(&router, "/sw.js", &[]).await),
        ("an API answer", get(&router, "/api/health", &[]).await),
        (
            "an API error",
            get(&router, "/api/no-such-endpoint", &[]).await,
        ),
        (
            "a staff answer",
            get(&router, "/api/staff/cases", &[("authorization", &auth)]).await,
        ),
    ];
    for (what, (status, h)) in &responses {
        assert!(status.as_u16() < 500, "{what}: {status}");
        let csp = header(h, "content-security-policy");
        for directive in [
            "default-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
        ] {
            assert!(csp.contains(directive), "{what}: {directive} in {csp:?}");
        }
        let scripts = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap_or("");
        assert!(
            !scripts.contains("unsafe-inline") && !scripts.contains('*'),
            "{what}: {scripts}"
        );
        assert_eq!(header(h, "x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header(h, "x-frame-options"), "DENY", "{what}");
        assert_eq!(header(h, "referrer-policy"), "no-referrer", "{what}");
        assert_eq!(
            header(h, "cross-origin-opener-policy"),
            "same-origin",
            "{what}"
        );
        assert!(
            header(h, "permissions-policy").contains("geolocation=()"),
            "{what}"
        );
        // Not told it is behind TLS: no HSTS, which would lock a plain-HTTP intranet out.
        assert!(h.get("strict-transport-security").is_none(), "{what}");
    }
    let (status, staff) = &responses[5].1;
    assert_eq!(*status, StatusCode::OK);
    assert_eq!(header(staff, "cache-control"), "no-store");

    // Behind TLS, every answer carries HSTS for a year.
    let (_dir, router) = serve(Options {
        behind_tls: true,
        ..PLAIN
    });
    for path in ["/services", "/api/health", "/sw.js"] {
        let (_, h) = get(&router, path, &[]).await;
        assert_eq!(
            header(&h, "strict-transport-security"),
            "max-age=31536000",
            "{path}"
        );
    }
}

/// A staff token that is empty or blank does not switch the staff API on with an empty
/// password: it stays off, whatever the request sends.
#[tokio::test]
async fn an_empty_staff_token_leaves_the_staff_api_off() {
    for token in ["", "   "] {
        let (_dir, router) = serve(Options {
            staff_token: Some(token),
            ..PLAIN
        });
        for auth in ["", "Bearer ", "Bearer    ", "Bearer x"] {
            let (status, _) = get(&router, "/api/staff/cases", &[("authorization", auth)]).await;
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "token {token:?}, header {auth:?}"
            );
        }
    }
}

async fn failed_lookup(router: &Router, peer: SocketAddr, forwarded: Option<&str>) -> StatusCode {
    let mut req = Request::post("/api/cases/lookup").header("content-type", "application/json");
    if let Some(f) = forwarded {
        req = req.header("x-forwarded-for", f);
    }
    let body = json!({"case_number": "2099010100001", "query_code": "ABCDEFGH"}).to_string();
    send(router, peer, req.body(Body::from(body)).unwrap())
        .await
        .0
}

/// Without `--trust-proxy` a client cannot dodge the look-up limit by naming other addresses in
/// X-Forwarded-For; with it, each citizen behind the proxy has their own limit, keyed by the
/// entry the proxy appended (the last), not by what the client wrote before it.
#[tokio::test]
async fn trust_proxy_keys_limits_by_the_address_the_proxy_saw() {
    let (_dir, router) = serve(PLAIN);
    for i in 0..10 {
        let spoofed = format!("203.0.113.{i}");
        let status = failed_lookup(&router, ip(9), Some(&spoofed)).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    let status = failed_lookup(&router, ip(9), Some("203.0.113.99")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    let (_dir, router) = serve(Options {
        trust_proxy: true,
        ..PLAIN
    });
    let proxy = ip(200);
    for _ in 0..10 {
        let status = failed_lookup(&router, proxy, Some("198.51.100.7")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // The same citizen, whatever they put in front of the proxy's entry, is limited …
    let status = failed_lookup(&router, proxy, Some("10.9.9.9, 198.51.100.7")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // … while another citizen behind the same proxy is not.
    let status = failed_lookup(&router, proxy, Some("198.51.100.8")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A request without the header falls back to the connection's address.
    let status = failed_lookup(&router, proxy, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Through the whole router too (where pages answer every other path), every refusal of an API
/// request is the contract's JSON error with a Chinese message: an unknown endpoint, a method
/// the route does not take, a bad path or query parameter, a body that is not JSON, too large,
/// or sent as another type.
#[tokio::test]
async fn every_api_refusal_is_the_json_error_with_a_chinese_message() {
    let (_dir, router) = serve(PLAIN);
    let auth = format!("Bearer {STAFF_TOKEN}");
    let json_post = |path: &str, body: String| {
        Request::post(path)
            .header("content-type", "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    let cases: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        (
            "unknown endpoint",
            Request::get("/api/no-such-endpoint")
                .body(Body::empty())
                .unwrap(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "method",
            Request::put("/api/services").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
        ),
        (
            "path parameter that is no year",
            Request::get("/api/calendar/not-a-year")
                .body(Body::empty())
                .unwrap(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "query parameter",
            Request::get("/api/staff/cases?limit=many")
                .header("authorization", &auth)
                .body(Body::empty())
                .unwrap(),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "missing query parameter",
            Request::get("/api/qr.svg").body(Body::empty()).unwrap(),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "not JSON",
            json_post("/api/cases/lookup", "{\"case_number\":".into()),
            StatusCode::BAD_REQUEST,
            "bad_request",
        ),
        (
            "body too large",
            json_post(
                "/api/cases/lookup",
                json!({"case_number": "1".repeat(20_000), "query_code": "x"}).to_string(),
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
        (
            "another content type",
            Request::post("/api/cases/rating")
                .header("content-type", "text/plain")
                .body(Body::from("score=5"))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "bad_request",
        ),
    ];
    for (what, mut req, status, code) in cases {
        req.extensions_mut().insert(ConnectInfo(ip(3)));
        let res = router.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), status, "{what}");
        assert_eq!(res.headers()["content-type"], "application/json", "{what}");
        let body = parse(&res.into_body().collect().await.unwrap().to_bytes());
        assert_eq!(body["code"], code, "{what}: {body}");
        let message = body["message"].as_str().unwrap_or("");
        assert!(
            message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{what}: {message:?}"
        );
    }
}
