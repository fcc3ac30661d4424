use super::*;
use crate::uploads::cleanup::{sweep, MAX_AGE_SECS};

#[tokio::test]
async fn removes_day_old_uploads_that_no_case_uses() {
    let t = TestApp::new();
    let dir = t.dir.path().join("uploads");
    let attached = t.upload_png().await;
    let (_, body) = t.submit("key-cleanup-01", &application(&attached)).await;
    assert!(body["case_number"].is_string(), "{body}");
    let abandoned = t.upload_png().await;

    t.state.clock.advance(MAX_AGE_SECS + 3600);
    let fresh = t.upload_png().await;
    let now = t.state.clock.now();
    let removed = t.state.db.with(|c| sweep(c, &dir, now)).unwrap().unwrap();
    assert_eq!(removed, 1);

    assert!(!dir.join(&abandoned).exists());
    assert!(dir.join(&attached).exists());
    assert!(dir.join(&fresh).exists());
    let ids: Vec<String> = t
        .state
        .db
        .with(|c| {
            let mut stmt = c.prepare("SELECT id FROM uploads ORDER BY id").unwrap();
            let rows = stmt.query_map([], |r| r.get("id")).unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        })
        .unwrap();
    let mut expected = vec![attached, fresh];
    expected.sort();
    assert_eq!(ids, expected);

    // An application naming the removed upload is told to upload again.
    let (status, body) = t.submit("key-cleanup-02", &application(&abandoned)).await;
    assert_eq!(status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["message"], "文件已失效，请重新上传");
}
