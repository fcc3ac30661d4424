use axum::http::StatusCode;

use super::*;

fn field_names(body: &Value) -> Vec<String> {
    body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn happy_path_creates_a_case() {
    let t = TestApp::new();
    let upload = t.upload_png().await;
    let (status, body) = t.submit("key-happy-0001", &application(&upload)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let receipt: SubmitReceipt = serde_json::from_value(body).unwrap();
    assert_eq!(receipt.case_number, "2026030200001");
    assert_eq!(receipt.query_code.len(), 8);
    assert!(receipt
        .query_code
        .bytes()
        .all(|b| crate::tokens::QUERY_CODE_ALPHABET.contains(&b)));
    assert_eq!(receipt.promised_limit, contract::TimeLimit::working_days(5));
    assert_eq!(
        receipt.submitted_at.to_rfc3339(),
        "2026-03-02T10:00:00+08:00"
    );

    let view = t.lookup(&receipt).await;
    assert_eq!(view.status, CaseStatus::Submitted);
    assert_eq!(view.service_code, SERVICE);
    assert_eq!(view.department, "测试市市场监督管理局");
    // Only the first and last characters: the birthday must not rebuild the number.
    assert_eq!(view.applicant_id_masked, "1****************X");
    assert_eq!(view.applicant_name, "张*");
    assert_eq!(view.timeline.len(), 1);
    assert_eq!(view.timeline[0].handler, "网上申报系统");
    assert_eq!(view.timeline[0].opinion, "已收到您的网上申报材料");
    assert_eq!(view.due_date, None);
    assert_eq!(
        t.count(&format!(
            "uploads WHERE case_number = '{}' AND material_id = 'form'",
            receipt.case_number
        )),
        1
    );
    // The citizen's side never carries the full ID number.
    let (_, raw) = t
        .post(
            "/api/cases/lookup",
            json!({"case_number": receipt.case_number, "query_code": receipt.query_code}),
        )
        .await;
    assert!(!raw.to_string().contains(ID_NUMBER));

    // The next case of the day takes the next number; an urgent one the shorter limit.
    let mut urgent = application(&t.upload_png().await);
    urgent.situation = vec!["urgent".into()];
    let (_, body) = t.submit("key-happy-0002", &urgent).await;
    assert_eq!(body["case_number"], "2026030200002");
    assert_eq!(
        body["promised_limit"],
        json!({"kind": "days", "days": 3, "unit": "working_days"})
    );
}

#[tokio::test]
async fn the_same_key_twice_gives_one_case_and_the_same_receipt() {
    let t = TestApp::new();
    let app = application(&t.upload_png().await);
    let (s1, first) = t.submit("key-twice-0001", &app).await;
    let (s2, second) = t.submit("key-twice-0001", &app).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
    assert_eq!(first, second);
    assert_eq!(t.count("cases"), 1);
    assert_eq!(t.count("case_timeline"), 1);

    // The same key with another body is a client bug, not a retry.
    let mut other = app.clone();
    other.applicant.phone = "13900139000".into();
    let (status, body) = t.submit("key-twice-0001", &other).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "idempotency_conflict");
    assert_eq!(t.count("cases"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_duplicates_make_one_case() {
    let t = std::sync::Arc::new(TestApp::new());
    let app = application(&t.upload_png().await);
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (t, app) = (t.clone(), app.clone());
            tokio::spawn(async move { t.submit("key-race-0001", &app).await })
        })
        .collect();
    let mut receipts = Vec::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        receipts.push(body);
    }
    assert!(receipts.iter().all(|r| *r == receipts[0]));
    assert_eq!(t.count("cases"), 1);
    assert_eq!(t.count("idempotency_keys"), 1);
}

#[tokio::test]
async fn refuses_invalid_applications() {
    let t = TestApp::new();
    let upload = t.upload_png().await;

    let mut app = application(&upload);
    app.applicant.id_number = "110105194912310021".into();
    let (status, body) = t.submit("key-invalid-01", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "invalid");
    assert_eq!(field_names(&body), ["applicant.id_number"]);

    let mut app = application(&upload);
    app.materials.clear();
    let (status, body) = t.submit("key-invalid-02", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&body), ["material.form"]);
    assert_eq!(body["fields"][0]["message"], "请上传：申请表");

    // An upload id of ours that the server does not hold (swept, or never stored: the server
    // cannot tell) is named, so that the app can send that page again.
    let app = application("0123456789abcdef0123456789abcdef");
    let (status, body) = t.submit("key-invalid-03", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "uploads_expired");
    assert_eq!(
        body["expired_uploads"],
        json!(["0123456789abcdef0123456789abcdef"])
    );
    // One that is not of our making was never an upload.
    let app = application("not-an-upload-id");
    let (status, body) = t.submit("key-invalid-3b", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&body), ["material.form"]);

    // A material the service does not ask for.
    let mut app = application(&upload);
    app.materials.push(MaterialPages {
        material_id: "passport".into(),
        upload_ids: vec![upload.clone()],
    });
    let (status, body) = t.submit("key-invalid-04", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&body), ["material.passport"]);

    // A service without online applications.
    let mut app = application(&upload);
    app.service_code = OFFLINE_SERVICE.into();
    let (status, body) = t.submit("key-invalid-05", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&body), ["service_code"]);

    // No Idempotency-Key.
    let (status, body) = t
        .post(
            "/api/applications",
            serde_json::to_value(application(&upload)).unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "invalid_idempotency_key");

    // Not JSON of an application.
    let (status, body) = t
        .request(
            axum::http::Method::POST,
            "/api/applications",
            &[("idempotency-key", "key-invalid-06")],
            Some(json!({"service_code": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["code"], "bad_request");

    assert_eq!(t.count("cases"), 0);
    assert_eq!(t.count("uploads WHERE case_number IS NULL"), 1);
}

#[tokio::test]
async fn an_upload_serves_one_case_only() {
    let t = TestApp::new();
    let upload = t.upload_png().await;
    let (status, _) = t.submit("key-first-0001", &application(&upload)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = t.submit("key-second-001", &application(&upload)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_names(&body), ["material.form"]);
    assert_eq!(t.count("cases"), 1);
}
