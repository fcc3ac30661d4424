//! The routes the service worker keeps for offline reading exist and answer, and the worker's
//! configuration is served from the same declarations.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use contract::chrono::Datelike;
use contract::offline::{self, OFFLINE_API_ROUTES};
use tower::ServiceExt;

use super::{whole_router, TestApp, SERVICE};

#[tokio::test]
async fn every_offline_route_answers_a_real_request() {
    let app = TestApp::new();
    let year = app.state.clock.today().year().to_string();
    for route in OFFLINE_API_ROUTES {
        let path = route
            .replace("{code}", SERVICE)
            .replace("{year}", &year)
            .replace(
                "/api/qr.svg",
                "/api/qr.svg?text=https%3A%2F%2Fexample.cn%2Ftrack",
            );
        assert!(
            offline::is_offline_api_route(path.split('?').next().unwrap_or(&path)),
            "{path}"
        );
        let (status, _) = app.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn the_worker_config_is_served_as_script() {
    let (_dir, router) = whole_router("<!doctype html><title>t</title>");
    let res = router
        .oneshot(
            Request::get(offline::WORKER_CONFIG)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let body = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    assert_eq!(body, offline::service_worker_config().as_bytes());
}
