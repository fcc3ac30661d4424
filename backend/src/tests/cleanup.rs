use super::*;
use crate::uploads::cleanup::sweep;

#[tokio::test]
async fn removes_day_old_uploads_that_no_case_uses() {
    let t = TestApp::new();
    let dir = t.dir.path().join("uploads");
    let attached = t.upload_png().await;
    let (_, body) = t.submit("key-cleanup-01", &application(&attached)).await;
    assert!(body["case_number"].is_string(), "{body}");
    let abandoned = t.upload_png().await;

    t.state.clock.advance(25 * 3600);
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

    // An application naming the removed upload is told which upload is gone, by its own code,
    // so that the app can send that page again from the phone.
    let (status, body) = t.submit("key-cleanup-02", &application(&abandoned)).await;
    assert_eq!(status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "uploads_expired", "{body}");
    assert_eq!(body["expired_uploads"], json!([abandoned]));
}

/// A draft continued the next day: its upload was swept, the photo is sent again, and the
/// application goes through under a new key; nothing else is refused on the way.
#[tokio::test]
async fn a_draft_continued_after_the_sweep_names_the_gone_uploads_and_goes_through_once_sent_again()
{
    let t = TestApp::new();
    let dir = t.dir.path().join("uploads");
    let kept = t.upload_png().await;
    let swept = t.upload_png().await;
    // 23 hours later the photo is still there; 25 hours later it is gone.
    t.state.clock.advance(23 * 3600);
    let now = t.state.clock.now();
    assert_eq!(
        t.state.db.with(|c| sweep(c, &dir, now)).unwrap().unwrap(),
        0
    );
    assert!(dir.join(&swept).exists());
    t.state.clock.advance(2 * 3600);
    // One of the two pages is uploaded again shortly before the sweep (it was retaken).
    let fresh_kept = t.upload_png().await;
    let now = t.state.clock.now();
    assert_eq!(
        t.state.db.with(|c| sweep(c, &dir, now)).unwrap().unwrap(),
        2
    );
    assert!(!dir.join(&kept).exists() && dir.join(&fresh_kept).exists());

    let mut app = application(&fresh_kept);
    app.materials[0].upload_ids.push(swept.clone());
    let (status, body) = t.submit("key-swept-0001", &app).await;
    assert_eq!(
        status,
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        "{body}"
    );
    assert_eq!(body["code"], "uploads_expired");
    assert_eq!(body["expired_uploads"], json!([swept]));
    assert!(body["message"].as_str().unwrap_or("").contains("重新上传"));
    assert_eq!(t.count("cases"), 0);
    // The same request again is judged again, not replayed: no case was made of it.
    let (status, again) = t.submit("key-swept-0001", &app).await;
    assert_eq!(status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(again, body);

    let resent = t.upload_png().await;
    app.materials[0].upload_ids = vec![fresh_kept, resent];
    let (status, body) = t.submit("key-swept-0002", &app).await;
    assert_eq!(status, axum::http::StatusCode::OK, "{body}");
    assert_eq!(t.count("cases"), 1);
}

/// A crash between a file's rename into place and its row's insert leaves a file no row names:
/// the sweep removes it once it is a day old, and leaves younger ones and every named file.
#[tokio::test]
async fn stored_files_no_upload_names_go_once_a_day_old() {
    let t = TestApp::new();
    let dir = t.dir.path().join("uploads");
    let kept = t.upload_png().await;
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(25 * 3600);
    let age = |name: &str| {
        std::fs::File::options()
            .write(true)
            .open(dir.join(name))
            .unwrap()
            .set_modified(day_ago)
            .unwrap();
    };
    for name in ["orphan-old", "orphan-new"] {
        std::fs::write(dir.join(name), b"photo").unwrap();
    }
    age("orphan-old");
    age(&kept);

    let now = t.state.clock.now();
    t.state.db.with(|c| sweep(c, &dir, now)).unwrap().unwrap();

    assert!(!dir.join("orphan-old").exists());
    assert!(dir.join("orphan-new").exists());
    // A day-old file its row names stays: the row, not the file's age, decides (the upload
    // itself is the database's to expire, 24 h after its row was made by the clock).
    assert!(dir.join(&kept).exists());
}
