use axum::http::{Request, StatusCode};

use super::*;

async fn lookup_from(
    t: &TestApp,
    from: SocketAddr,
    number: &str,
    code: &str,
) -> (StatusCode, Bytes) {
    let body = json!({"case_number": number, "query_code": code}).to_string();
    let req = Request::post("/api/cases/lookup")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let (status, _, body) = t.send_from(from, req).await;
    (status, body)
}

/// A wrong code with a right number is the same 404 as a number that does not exist.
#[tokio::test]
async fn a_wrong_code_answers_like_an_unknown_number() {
    let t = TestApp::new();
    let receipt = t.new_case().await;
    let wrong_code = if receipt.query_code == "ABCDEFGH" {
        "ABCDEFGJ"
    } else {
        "ABCDEFGH"
    };
    let (s1, b1) = lookup_from(&t, ip(1), &receipt.case_number, wrong_code).await;
    let (s2, b2) = lookup_from(&t, ip(1), "2099010100001", &receipt.query_code).await;
    assert_eq!(s1, StatusCode::NOT_FOUND);
    assert_eq!((s1, &b1), (s2, &b2));
    assert_eq!(
        parse(&b1)["message"],
        "未找到该办件，请核对办件编号和查询码"
    );

    // The code is not case-sensitive and surrounding spaces are forgiven.
    let typed = format!(" {} ", receipt.query_code.to_lowercase());
    let (status, _) = lookup_from(&t, ip(1), &receipt.case_number, &typed).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn repeated_failures_are_rate_limited() {
    let t = TestApp::new();
    let mine = t.new_case().await;
    let other = t.new_case().await;
    for _ in 0..10 {
        let (status, _) = lookup_from(&t, ip(7), &mine.case_number, "WRONGCDE").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // Blocked for this client, even with a right code for another case …
    let (status, body) = lookup_from(&t, ip(7), &other.case_number, &other.query_code).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(parse(&body)["code"], "rate_limited");
    assert_eq!(parse(&body)["message"], "查询次数过多，请15分钟后再试");
    // … but the case's owner, elsewhere, is not locked out by a stranger's guesses.
    let (status, _) = lookup_from(&t, ip(8), &mine.case_number, &mine.query_code).await;
    assert_eq!(status, StatusCode::OK);
    // Supplement and rating share the limit: they take the same number and code.
    let body = json!({"case_number": mine.case_number, "query_code": mine.query_code,
                   "rating": {"score": 5}})
    .to_string();
    let req = Request::post("/api/cases/rating")
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let (status, _, _) = t.send_from(ip(7), req).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    // 15 minutes later the first failure has left the window.
    t.state.clock.advance(15 * 60 + 1);
    let (status, _) = lookup_from(&t, ip(7), &mine.case_number, &mine.query_code).await;
    assert_eq!(status, StatusCode::OK);
}
