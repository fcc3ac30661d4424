use axum::body::Body;
use axum::http::{Request, StatusCode};

use super::*;

#[tokio::test]
async fn judges_files_by_content_not_name() {
    let t = TestApp::new();
    // A PNG that the phone calls photo.jpg / image/jpeg is a PNG, and fine.
    let req = Request::post("/api/uploads?draft=draft-0001")
        .header("content-type", "image/jpeg")
        .header("x-file-name", "photo.jpg")
        .body(Body::from(samples::png(4032, 3024)))
        .unwrap();
    let (status, _, body) = t.send_from(ip(1), req).await;
    let body = parse(&body);
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["content_type"], "image/png");
    let id = body["upload_id"].as_str().unwrap();
    assert!(crate::tokens::is_random_id(id));

    // Stored durably under uploads/<id>, with its row.
    let stored = std::fs::read(t.dir.path().join("uploads").join(id)).unwrap();
    assert_eq!(stored, samples::png(4032, 3024));
    assert_eq!(body["bytes"], stored.len());
    assert_eq!(
        t.count("uploads WHERE case_number IS NULL AND draft_id = 'draft-0001'"),
        1
    );

    for (bytes, kind) in [
        (samples::jpeg(4000, 3000), "image/jpeg"),
        (samples::heic(), "image/heic"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec(), "application/pdf"),
    ] {
        let (status, body) = t.upload("draft-0001", bytes).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["content_type"], kind);
    }
}

#[tokio::test]
async fn refuses_other_files() {
    let t = TestApp::new();
    for bytes in [
        b"just some text, named scan.pdf".to_vec(),
        b"GIF89a\x01\x00\x01\x00".to_vec(),
        Vec::new(),
    ] {
        let (status, body) = t.upload("draft-0001", bytes).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(body["message"], "只能上传照片（JPG、PNG、HEIC）或 PDF 文件");
    }
    assert_eq!(t.count("uploads"), 0);
    let files = std::fs::read_dir(t.dir.path().join("uploads"))
        .unwrap()
        .count();
    assert_eq!(files, 0);
}

#[tokio::test]
async fn refuses_files_over_10_mb() {
    let t = TestApp::new();
    let mut big = samples::jpeg(100, 100);
    big.resize(crate::uploads::MAX_BYTES + 1, 0);
    let (status, body) = t.upload("draft-0001", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["message"], "文件不能超过10MB");

    // Exactly 10 MB is allowed.
    let mut limit = samples::jpeg(100, 100);
    limit.resize(crate::uploads::MAX_BYTES, 0);
    let (status, _) = t.upload("draft-0001", limit).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn refuses_images_over_40_megapixels() {
    let t = TestApp::new();
    let (status, body) = t.upload("draft-0001", samples::png(8000, 6000)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["message"], "图片像素过大");
    let (status, _) = t.upload("draft-0001", samples::jpeg(8000, 5001)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = t.upload("draft-0001", samples::jpeg(8000, 5000)).await;
    assert_eq!(status, StatusCode::OK);
    // A JPEG whose frame header cannot be found is not accepted either.
    let (status, _) = t.upload("draft-0001", vec![0xFF, 0xD8, 0xFF, 0xD9]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn requires_a_draft_id() {
    let t = TestApp::new();
    for draft in [
        "",
        "short",
        "has%20space%21",
        "under_score",
        &"x".repeat(65),
    ] {
        let (status, body) = t.upload(draft, samples::png(10, 10)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{draft}");
        assert_eq!(body["code"], "invalid_draft");
    }
    let req = Request::post("/api/uploads")
        .body(Body::from(samples::png(10, 10)))
        .unwrap();
    let (status, _, _) = t.send_from(ip(1), req).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn pdf(len: usize) -> Vec<u8> {
    let mut b = b"%PDF-1.4\n".to_vec();
    b.resize(len, b' ');
    b
}

#[tokio::test]
async fn each_client_has_a_daily_byte_budget() {
    let t = TestApp::with_limits(crate::http::ratelimit::Limits {
        upload_bytes_per_day: 1_048_576,
        ..Default::default()
    });
    for _ in 0..2 {
        let (status, body) = t.upload("draft-0001", pdf(409_600)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    // Exactly up to the budget is fine; one byte more is not.
    let (status, body) = t.upload("draft-0001", pdf(229_376)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = t.upload("draft-0001", pdf(10)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "daily_upload_limit");
    assert_eq!(
        body["message"],
        "今日上传的文件已达每日上限（1MB），请明日再上传"
    );
    assert_eq!(t.count("uploads"), 3);
    // No temporary file is left behind.
    let files = std::fs::read_dir(t.dir.path().join("uploads"))
        .unwrap()
        .count();
    assert_eq!(files, 3);
    // Another client, or the next day, has its own budget.
    let req = Request::post("/api/uploads?draft=draft-0002")
        .body(Body::from(pdf(10)))
        .unwrap();
    let (status, _, _) = t.send_from(ip(2), req).await;
    assert_eq!(status, StatusCode::OK);
    t.days_later(1);
    let (status, _) = t.upload("draft-0001", pdf(10)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn eight_uploads_at_a_time() {
    let t = TestApp::new();
    let held = t
        .state
        .upload_slots
        .clone()
        .try_acquire_many_owned(7)
        .unwrap();
    let (status, _) = t.upload("draft-0001", pdf(100)).await;
    assert_eq!(status, StatusCode::OK, "the eighth slot is free");
    let last = t.state.upload_slots.clone().try_acquire_owned().unwrap();
    let (status, body) = t.upload("draft-0001", pdf(100)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["code"], "busy");
    assert_eq!(body["message"], "当前上传人数较多，请稍后重试");
    drop((held, last));
    let (status, _) = t.upload("draft-0001", pdf(100)).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_nearly_full_disk_refuses_uploads() {
    let t = TestApp::with_limits(crate::http::ratelimit::Limits {
        min_free_bytes: u64::MAX / 2,
        ..Default::default()
    });
    let (status, body) = t.upload("draft-0001", pdf(100)).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["code"], "storage_full");
    assert_eq!(
        body["message"],
        "系统存储空间不足，暂时无法上传，请稍后再试或到办事大厅窗口办理"
    );
    assert_eq!(t.count("uploads"), 0);
}

#[cfg(unix)]
#[tokio::test]
async fn stored_files_are_the_service_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let t = TestApp::new();
    let id = t.upload_png().await;
    let mode = |p: std::path::PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(t.dir.path().to_path_buf()), 0o700);
    assert_eq!(mode(t.dir.path().join("portal.sqlite3")), 0o600);
    assert_eq!(mode(t.dir.path().join("uploads")), 0o700);
    assert_eq!(mode(t.dir.path().join("uploads").join(id)), 0o600);
}

/// Staff downloads: never cached, sandboxed, and PDFs as attachments.
#[tokio::test]
async fn staff_downloads_are_sandboxed() {
    let t = TestApp::new();
    let (_, body) = t.upload("draft-0001", pdf(100)).await;
    let pdf_id = body["upload_id"].as_str().unwrap().to_string();
    let png_id = t.upload_png().await;
    for (id, disposition) in [(&pdf_id, "attachment"), (&png_id, "inline")] {
        let req = Request::get(format!("/api/staff/uploads/{id}"))
            .header("authorization", format!("Bearer {STAFF_TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let (status, headers, _) = t.send_from(ip(1), req).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["cache-control"], "no-store");
        assert!(headers["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("sandbox"));
        assert_eq!(
            headers["content-disposition"],
            format!("{disposition}; filename=\"{id}\"").as_str()
        );
    }
}

/// The cap per draft is a limit waiting does not lift: its own code, a message that says so
/// and what to do, never the "busy" of momentary rate limiting.
#[tokio::test]
async fn a_draft_holds_at_most_two_hundred_uploads() {
    let t = TestApp::new();
    // 199 uploads already in the draft (rows only: the count is what is checked).
    t.state
        .db
        .with(|c| {
            for i in 0..199 {
                crate::uploads::store::insert(
                    c,
                    &crate::uploads::store::NewUpload {
                        id: &format!("{i:032x}"),
                        draft_id: "draft-full",
                        content_type: "image/png",
                        bytes: 10,
                        sha256: "0",
                        created_at: start_time(),
                    },
                )
                .unwrap();
            }
        })
        .unwrap();
    let (status, body) = t.upload("draft-full", samples::png(10, 10)).await;
    assert_eq!(status, StatusCode::OK, "the 200th: {body}");
    let (status, body) = t.upload("draft-full", samples::png(10, 10)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "too_many_uploads");
    assert_eq!(
        body["message"],
        "这份申报上传的文件已达200个的上限，无法继续上传，请到窗口办理"
    );
    // Another draft is not affected.
    let (status, _) = t.upload("draft-other", samples::png(10, 10)).await;
    assert_eq!(status, StatusCode::OK);
}
