//! Issue 10: every input is bounded, and an abusive request is refused cheaply.

use axum::http::{Request, StatusCode};

use super::*;

fn made_up_ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("made-up-upload-{i:08}")).collect()
}

fn messages(body: &Value) -> Vec<String> {
    body["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f["field"].as_str().unwrap_or(""),
                        f["message"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The measured attack: 2 MB carrying 55,000 made-up upload ids. Refused by size, before any
/// database work, with the JSON error shape.
#[tokio::test]
async fn a_two_megabyte_submission_is_refused_by_size() {
    let t = TestApp::new();
    let mut app = application("x");
    app.materials[0].upload_ids = made_up_ids(55_000);
    let (status, body) = t.submit("key-huge-0001", &app).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["code"], "too_large");
    assert_eq!(body["message"], "提交的内容过大");
    assert_eq!(t.count("cases"), 0);

    // 64 KB is the limit of an application body: one byte over is refused, whatever it holds.
    let padded = format!("{{\"pad\":\"{}\"}}", "a".repeat(64 * 1024 - 9));
    assert_eq!(padded.len(), 64 * 1024 + 1);
    let req = Request::post("/api/applications")
        .header("content-type", "application/json")
        .header("idempotency-key", "key-huge-0002")
        .body(Body::from(padded))
        .unwrap();
    let (status, _, body) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(parse(&body)["code"], "too_large");

    // A look-up takes at most 16 KB.
    let big = json!({"case_number": "a".repeat(16 * 1024), "query_code": "x"});
    let (status, body) = t.post("/api/cases/lookup", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["code"], "too_large");
}

#[tokio::test]
async fn lists_are_bounded_by_what_the_service_defines() {
    let t = TestApp::new();
    let upload = t.upload_png().await;

    // 20 pages per material pass the bound (then fail as unknown uploads); 21 do not.
    let mut twenty = application(&upload);
    twenty.materials[0].upload_ids = made_up_ids(20);
    let (status, body) = t.submit("key-bound-0001", &twenty).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(messages(&body), ["material.form: 文件已失效，请重新上传"]);
    let mut twenty_one = application(&upload);
    twenty_one.materials[0].upload_ids = made_up_ids(21);
    let (status, body) = t.submit("key-bound-0002", &twenty_one).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(messages(&body), ["materials: 每项材料最多上传20页"]);

    // The test service has 2 materials, 3 situation options and 1 form field.
    let mut app = application(&upload);
    for id in ["photo", "other"] {
        app.materials.push(MaterialPages {
            material_id: id.into(),
            upload_ids: vec![],
        });
    }
    app.situation = vec![
        "normal".into(),
        "urgent".into(),
        "by_law".into(),
        "normal".into(),
    ];
    app.fields.push(("extra".into(), "x".into()));
    let (status, body) = t.submit("key-bound-0003", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        messages(&body),
        [
            "materials: 材料最多2项",
            "situation: 所选情形不属于本事项，请重新选择",
            "fields: 申请表内容与本事项不符，请刷新页面后重试",
        ]
    );
    // An over-long id is refused too.
    let mut long_id = application(&upload);
    long_id.materials[0].upload_ids = vec!["u".repeat(65)];
    let (_, body) = t.submit("key-bound-0004", &long_id).await;
    assert_eq!(messages(&body), ["materials: 每项材料最多上传20页"]);
    assert_eq!(t.count("cases"), 0);

    // Exactly at every bound, the application goes through.
    let mut full = application(&upload);
    full.materials.push(MaterialPages {
        material_id: "photo".into(),
        upload_ids: vec![],
    });
    let (status, body) = t.submit("key-bound-0005", &full).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn supplement_lists_are_bounded_before_the_case_is_read() {
    let t = TestApp::new();
    let r = t.new_case().await;
    let entries: Vec<Value> = (0..51)
        .map(|i| json!({"material_id": format!("m{i}"), "upload_ids": []}))
        .collect();
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code, "materials": entries}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(messages(&body), ["materials: 材料最多50项"]);
    let pages = json!([{"material_id": "form", "upload_ids": made_up_ids(21)}]);
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code, "materials": pages}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(messages(&body), ["materials: 每项材料最多上传20页"]);
}

#[tokio::test]
async fn the_staff_case_list_is_paginated() {
    let t = TestApp::new();
    for _ in 0..3 {
        t.new_case().await;
    }
    let auth = format!("Bearer {STAFF_TOKEN}");
    let page = |q: &'static str| {
        let auth = auth.clone();
        let t = &t;
        async move {
            t.request(
                Method::GET,
                &format!("/api/staff/cases{q}"),
                &[("authorization", &auth)],
                None,
            )
            .await
        }
    };
    let numbers = |body: &Value| -> Vec<String> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|c| c["case_number"].as_str().unwrap().to_string())
            .collect()
    };
    let (status, body) = page("?limit=2").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(numbers(&body), ["2026030200003", "2026030200002"]);
    let (_, body) = page("?limit=2&page=2").await;
    assert_eq!(numbers(&body), ["2026030200001"]);
    let (_, body) = page("?limit=2&page=3").await;
    assert_eq!(numbers(&body), Vec::<String>::new());
    let (_, body) = page("").await;
    assert_eq!(numbers(&body).len(), 3);
    // A limit over 200 is cut, not refused: 0 becomes 1.
    let (_, body) = page("?limit=0").await;
    assert_eq!(numbers(&body), ["2026030200003"]);
}

/// Answers axum gives by itself are the contract's JSON error too.
#[tokio::test]
async fn every_error_is_the_json_error_shape() {
    let t = TestApp::new();
    let auth = format!("Bearer {STAFF_TOKEN}");
    let cases = [
        (
            Method::DELETE,
            "/api/applications",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "不支持该请求方式",
        ),
        (
            Method::GET,
            "/api/cases/lookup",
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "不支持该请求方式",
        ),
        (
            Method::GET,
            "/api/staff/cases?page=abc",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "请求参数不正确，请刷新页面后重试",
        ),
        (
            Method::GET,
            "/api/staff/cases?limit=-1",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "请求参数不正确，请刷新页面后重试",
        ),
        (
            Method::GET,
            "/api/qr.svg",
            StatusCode::BAD_REQUEST,
            "bad_request",
            "请求参数不正确，请刷新页面后重试",
        ),
    ];
    for (method, path, status, code, message) in cases {
        let (s, b) = t
            .request(method.clone(), path, &[("authorization", &auth)], None)
            .await;
        assert_eq!(s, status, "{method} {path}: {b}");
        assert_eq!(b["code"], code, "{method} {path}");
        assert_eq!(b["message"], message, "{method} {path}");
    }
    // 405 keeps its Allow header.
    let req = Request::delete("/api/health").body(Body::empty()).unwrap();
    let (status, headers, body) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(headers.get("allow").is_some());
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(parse(&body)["code"], "method_not_allowed");

    // A staff action body over 16 KB: 413 in the same shape (axum's limit, not ours).
    let (status, body) = t
        .staff_action(
            "2026030200001",
            json!({"action": "accept", "handler": "王".repeat(6000), "opinion": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["code"], "too_large");
    assert_eq!(body["message"], "提交的内容过大");
    // An upload over 10 MB, refused by its declared length.
    let req = Request::post("/api/uploads?draft=draft-0001")
        .header("content-length", "10485761")
        .body(Body::from(vec![0u8; 16]))
        .unwrap();
    let (status, _, body) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(parse(&body)["code"], "too_large");
}
