use axum::http::StatusCode;

use super::*;

async fn rate(t: &TestApp, r: &SubmitReceipt, rating: Value) -> (StatusCode, Value) {
    t.post(
        "/api/cases/rating",
        json!({"case_number": r.case_number, "query_code": r.query_code, "rating": rating}),
    )
    .await
}

#[tokio::test]
async fn one_rating_per_concluded_case() {
    let t = TestApp::new();
    let r = t.new_case().await;

    let (status, body) = rate(&t, &r, json!({"score": 5})).await;
    assert_eq!(status, StatusCode::CONFLICT, "not concluded yet");
    assert_eq!(body["code"], "not_concluded");

    t.act(&r.case_number, action("accept")).await;
    t.act(&r.case_number, action("approve")).await;

    for score in [1, 2] {
        let (status, body) = rate(&t, &r, json!({"score": score, "reason": "  "})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["fields"][0]["field"], "rating.reason");
        assert_eq!(body["fields"][0]["message"], "请填写不满意的原因");
    }
    let (status, _) = rate(&t, &r, json!({"score": 6})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = rate(&t, &r, json!({"score": 4, "comment": "好".repeat(501)})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    let (status, body) = rate(
        &t,
        &r,
        json!({"score": 2, "reason": "等候时间长", "comment": "希望改进"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let view: CaseView = serde_json::from_value(body).unwrap();
    assert_eq!(view.rating.as_ref().unwrap().score, 2);
    assert_eq!(t.lookup(&r).await.rating, view.rating);

    let (status, body) = rate(&t, &r, json!({"score": 5})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["message"], "该办件已评价，每个办件只能评价一次");
    assert_eq!(t.lookup(&r).await.rating.unwrap().score, 2);
}

#[tokio::test]
async fn a_case_not_accepted_can_be_rated() {
    let t = TestApp::new();
    let r = t.new_case().await;
    t.act(&r.case_number, action("refuse_intake")).await;
    let (status, body) = rate(&t, &r, json!({"score": 3})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
