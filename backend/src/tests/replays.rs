//! A supplement or rating sent again after a lost reply gets the same success, not 409.

use axum::http::{Request, StatusCode};

use super::*;

async fn post_with_headers(t: &TestApp, path: &str, body: Value) -> (StatusCode, HeaderMap, Value) {
    let req = Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, headers, body) = t.send_from(ip(1), req).await;
    (status, headers, parse(&body))
}

#[tokio::test]
async fn a_supplement_sent_twice_succeeds_twice_and_applies_once() {
    let t = TestApp::new();
    let r = t.new_case().await;
    t.act(&r.case_number, action("accept")).await;
    t.act(&r.case_number, action("request_supplement")).await;
    let page = t.upload_png().await;
    let body = json!({"case_number": r.case_number, "query_code": r.query_code,
        "materials": [{"material_id": "form", "upload_ids": [page]}]});

    let (s1, h1, first) = post_with_headers(&t, "/api/cases/supplement", body.clone()).await;
    assert_eq!(s1, StatusCode::OK, "{first}");
    assert!(h1.get("idempotent-replayed").is_none());
    let (s2, h2, second) = post_with_headers(&t, "/api/cases/supplement", body.clone()).await;
    assert_eq!(s2, StatusCode::OK, "{second}");
    assert_eq!(h2["idempotent-replayed"], "true");
    assert_eq!(first, second);
    assert_eq!(t.count("case_timeline WHERE opinion = '已补正材料'"), 1);
    assert_eq!(t.count("case_pauses"), 1);

    // Other pages after the wait ended are not a retry: still 409.
    let other = t.upload_png().await;
    let (status, _, body) = post_with_headers(
        &t,
        "/api/cases/supplement",
        json!({"case_number": r.case_number, "query_code": r.query_code,
            "materials": [{"material_id": "form", "upload_ids": [other]}]}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "illegal_transition");
    // Nor is an empty list.
    let (status, _, _) = post_with_headers(
        &t,
        "/api/cases/supplement",
        json!({"case_number": r.case_number, "query_code": r.query_code, "materials": []}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_rating_sent_twice_succeeds_twice() {
    let t = TestApp::new();
    let r = t.new_case().await;
    t.act(&r.case_number, action("accept")).await;
    t.act(&r.case_number, action("approve")).await;
    let body = json!({"case_number": r.case_number, "query_code": r.query_code,
        "rating": {"score": 4, "comment": " 很方便 "}});
    let (s1, h1, first) = post_with_headers(&t, "/api/cases/rating", body.clone()).await;
    assert_eq!(s1, StatusCode::OK, "{first}");
    assert!(h1.get("idempotent-replayed").is_none());
    let (s2, h2, second) = post_with_headers(&t, "/api/cases/rating", body).await;
    assert_eq!(s2, StatusCode::OK, "{second}");
    assert_eq!(h2["idempotent-replayed"], "true");
    assert_eq!(first, second);
    assert_eq!(second["rating"]["comment"], "很方便");

    // A different rating is still refused: one rating per case.
    let (status, _, body) = post_with_headers(
        &t,
        "/api/cases/rating",
        json!({"case_number": r.case_number, "query_code": r.query_code, "rating": {"score": 5}}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "already_rated");
}
