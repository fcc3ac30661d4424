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
