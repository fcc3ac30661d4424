use axum::http::{Method, StatusCode};

use super::*;

#[tokio::test]
async fn staff_api_needs_the_token() {
    let t = TestApp::new();
    let r = t.new_case().await;
    let paths = [
        "/api/staff/cases".to_string(),
        format!("/api/staff/cases/{}", r.case_number),
    ];
    for path in &paths {
        let (status, body) = t.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(body["code"], "unauthorized");
        for wrong in ["Bearer wrong", "Bearer ", STAFF_TOKEN, "Basic dGVzdA=="] {
            let (status, _) = t
                .request(Method::GET, path, &[("authorization", wrong)], None)
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{path} {wrong}");
        }
    }
    let (status, _) = t
        .request(
            Method::POST,
            &format!("/api/staff/cases/{}/actions", r.case_number),
            &[("authorization", "Bearer nope")],
            Some(action("accept")),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(t.lookup(&r).await.status, CaseStatus::Submitted);

    let off = TestApp::with_token(None);
    let (status, body) = off.get("/api/staff/cases").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["message"], "未启用工作人员接口");
}

#[tokio::test]
async fn staff_see_the_whole_application() {
    let t = TestApp::new();
    let r = t.new_case().await;
    let auth = format!("Bearer {STAFF_TOKEN}");
    let headers = [("authorization", auth.as_str())];

    let (status, body) = t
        .request(Method::GET, "/api/staff/cases", &headers, None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let list: Vec<StaffCaseSummary> = serde_json::from_value(body).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].applicant_name, "张三");

    let path = format!("/api/staff/cases/{}", r.case_number);
    let (status, body) = t.request(Method::GET, &path, &headers, None).await;
    assert_eq!(status, StatusCode::OK);
    let detail: StaffCaseDetail = serde_json::from_value(body).unwrap();
    assert_eq!(detail.application.applicant.id_number, ID_NUMBER);
    assert_eq!(detail.materials.len(), 1);
    assert_eq!(detail.materials[0].material_name, "申请表");
    let upload = &detail.materials[0].upload_ids[0];

    let req = Request::get(format!("/api/staff/uploads/{upload}"))
        .header("authorization", &auth)
        .body(Body::empty())
        .unwrap();
    let (status, headers, bytes) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    assert_eq!(bytes.as_ref(), samples::png(800, 600).as_slice());

    let req = Request::get(format!("/api/staff/uploads/{upload}"))
        .body(Body::empty())
        .unwrap();
    let (status, _, _) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = t
        .request(
            Method::GET,
            "/api/staff/uploads/..%2F..%2Fportal.sqlite3",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, body) = t
        .request(
            Method::GET,
            "/api/staff/cases/2099010100001",
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "未找到该办件");
}

#[tokio::test]
async fn staff_inputs_are_checked() {
    let t = TestApp::new();
    let r = t.new_case_with(true).await;
    let n = &r.case_number;
    let (status, body) = t
        .staff_action(n, json!({"action": "accept", "handler": " "}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "handler");
    t.act(n, action("accept")).await;

    let (status, body) = t
        .staff_action(
            n,
            json!({"action": "request_supplement", "handler": "王审查",
            "items": [{"material_id": "passport", "reason": "x"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "items.0.material_id");
    let (status, _) = t
        .staff_action(
            n,
            json!({"action": "request_supplement", "handler": "王审查", "items": []}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = t
        .staff_action(
            n,
            json!({"action": "refuse", "handler": "王审查", "reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // None of these changed the case.
    assert_eq!(t.lookup(&r).await.status, CaseStatus::Accepted);

    let view = t.act(n, action("approve")).await;
    // Approving straight from 已受理 records 开始审查 first.
    let statuses: Vec<_> = view.timeline.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            CaseStatus::Submitted,
            CaseStatus::Accepted,
            CaseStatus::UnderReview,
            CaseStatus::Approved
        ]
    );
    assert_eq!(view.timeline[2].opinion, "开始审查");

    // Post needs a tracking number; the window does not.
    let (status, body) = t.staff_action(n, action("deliver")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "tracking_number");
    let view = t
        .act(
            n,
            json!({"action": "deliver", "handler": "赵窗口", "tracking_number": "SF1234567890"}),
        )
        .await;
    assert_eq!(view.status, CaseStatus::Delivered);
    assert_eq!(view.tracking_number.as_deref(), Some("SF1234567890"));
    // Staff see the delivery in full …
    assert!(matches!(view.delivery, Delivery::Post { ref phone, .. } if phone == "13900139000"));
    // … the citizen's side masks recipient, phone and address below the district.
    let citizen = t.lookup(&r).await;
    assert_eq!(
        citizen.delivery,
        Delivery::Post {
            recipient: "李*".into(),
            phone: "139****9000".into(),
            address: "北京市东城区****".into(),
        }
    );
    assert_eq!(citizen.applicant_name, "张*");
    assert_eq!(citizen.applicant_id_masked, "1****************X");
}
