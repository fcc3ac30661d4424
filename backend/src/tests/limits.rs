//! Rate limits: look-ups per client (atomic, slowing, IPv6 by /64), submissions per client
//! and per applicant, and the daily case numbers.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::{Request, StatusCode};

use super::*;

fn lookup_req(number: &str, code: &str) -> Request<Body> {
    Request::post("/api/cases/lookup")
        .header("content-type", "application/json")
        .body(Body::from(
            json!({"case_number": number, "query_code": code}).to_string(),
        ))
        .unwrap()
}

/// A burst of concurrent guesses gets exactly ten, not more.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_concurrent_burst_gets_ten_guesses() {
    let t = Arc::new(TestApp::strict());
    let r = t.new_case().await;
    let tasks: Vec<_> = (0..40)
        .map(|_| {
            let (t, number) = (t.clone(), r.case_number.clone());
            tokio::spawn(async move { t.send_from(ip(9), lookup_req(&number, "WRONGCDE")).await.0 })
        })
        .collect();
    let mut not_found = 0;
    let mut limited = 0;
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::NOT_FOUND => not_found += 1,
            StatusCode::TOO_MANY_REQUESTS => limited += 1,
            other => panic!("{other}"),
        }
    }
    assert_eq!((not_found, limited), (10, 30));
}

/// Right answers do not use up the allowance.
#[tokio::test]
async fn right_look_ups_are_not_counted() {
    let t = TestApp::new();
    let r = t.new_case().await;
    for _ in 0..15 {
        let (status, _, _) = t
            .send_from(ip(3), lookup_req(&r.case_number, &r.query_code))
            .await;
        assert_eq!(status, StatusCode::OK);
    }
}

#[tokio::test]
async fn ipv6_clients_are_limited_by_their_64_bit_network() {
    let t = TestApp::new();
    let r = t.new_case().await;
    let from = |last: u16| {
        SocketAddr::from((
            IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 2, 0, 0, 0, last)),
            40000,
        ))
    };
    for i in 0..10 {
        let (status, _, _) = t
            .send_from(from(i), lookup_req(&r.case_number, "WRONGCDE"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    // A fresh address in the same /64 is the same client.
    let (status, _, _) = t
        .send_from(from(999), lookup_req(&r.case_number, &r.query_code))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another /64 is not.
    let other = SocketAddr::from((
        IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 1, 3, 0, 0, 0, 1)),
        40000,
    ));
    let (status, _, _) = t
        .send_from(other, lookup_req(&r.case_number, &r.query_code))
        .await;
    assert_eq!(status, StatusCode::OK);
}

/// Each failure is answered later than the one before: 0 ms, then 100, 200, 300 ms.
#[tokio::test]
async fn a_guesser_is_slowed_down() {
    let t = TestApp::with_limits(Limits {
        failure_delay: Duration::from_millis(100),
        ..Limits::default()
    });
    let r = t.new_case().await;
    // The first guess counts as one failure: 100 ms.
    let mut waits = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let (status, _, _) = t
            .send_from(ip(4), lookup_req(&r.case_number, "WRONGCDE"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        waits.push(start.elapsed());
    }
    assert!(waits[0] >= Duration::from_millis(100), "{waits:?}");
    assert!(waits[1] >= Duration::from_millis(200), "{waits:?}");
    assert!(waits[2] >= Duration::from_millis(300), "{waits:?}");
    // The owner elsewhere is answered at once.
    let start = Instant::now();
    let (status, _, _) = t
        .send_from(ip(5), lookup_req(&r.case_number, &r.query_code))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(start.elapsed() < Duration::from_millis(100));
}

#[tokio::test]
async fn limiters_are_pruned() {
    let t = TestApp::new();
    let r = t.new_case().await;
    for last in 10..20 {
        t.send_from(ip(last), lookup_req(&r.case_number, "WRONGCDE"))
            .await;
    }
    assert_eq!(t.state.limits.lookups.keys(), 10);
    t.state.limits.prune(t.state.clock.now() + 15 * 60);
    assert_eq!(t.state.limits.lookups.keys(), 0);
}

/// 60 new submissions an hour per client; a replay is not counted.
#[tokio::test]
async fn submissions_are_limited_per_client() {
    let t = TestApp::strict();
    let receipt = t.new_case().await; // 1
    let mut bad = application("none");
    bad.consent = false;
    for i in 2..=60 {
        let (status, _) = t.submit(&format!("key-flood-{i:04}"), &bad).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{i}");
    }
    let (status, body) = t.submit("key-flood-0061", &bad).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "rate_limited");
    assert_eq!(body["message"], "提交过于频繁，请1小时后再试");
    // Another client is not affected.
    let req = Request::post("/api/applications")
        .header("content-type", "application/json")
        .header("idempotency-key", "key-flood-other")
        .body(Body::from(serde_json::to_string(&bad).unwrap()))
        .unwrap();
    let (status, _, _) = t.send_from(ip(2), req).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let _ = receipt;
    t.state.clock.advance(3600);
    let (status, _) = t.submit("key-flood-0062", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// 10 applications per ID number per China day.
#[tokio::test]
async fn submissions_are_limited_per_applicant_per_day() {
    let t = TestApp::strict();
    for _ in 0..10 {
        t.new_case().await;
    }
    let app = application(&t.upload_png().await);
    let (status, body) = t.submit("key-per-id-0011", &app).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "too_many_submissions");
    assert_eq!(
        body["message"],
        "同一身份证号码每天最多提交10件申请，请明日再提交"
    );
    // Another applicant may; the same one tomorrow may.
    let mut other = app.clone();
    other.applicant.id_number = "440524188001010014".into();
    let (status, body) = t.submit("key-per-id-other", &other).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    t.days_later(1);
    let app = application(&t.upload_png().await);
    let (status, body) = t.submit("key-per-id-0012", &app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Case 99,999 of a day is the last; the next is a clear 503, not a 500.
#[tokio::test]
async fn a_full_day_of_case_numbers_is_a_clear_503() {
    let t = TestApp::new();
    let mut last = application("none");
    last.applicant.id_number = "440524188001010014".into();
    t.state
        .db
        .with(|c| {
            c.execute(
                "INSERT INTO cases (case_number, query_code, service_code, service_name, department,
                 status, applicant_name, applicant_id_number, application, promised_limit,
                 submitted_at, submitted_on)
                 VALUES ('2026030299998', 'X', ?1, 'n', 'd', 'submitted', 'n', 'x', ?2, 5,
                 '2026-03-02 10:00:00+08:00', '2026-03-02')",
                rusqlite::params![SERVICE, serde_json::to_string(&last).unwrap()],
            )
        })
        .unwrap()
        .unwrap();
    let r = t.new_case().await;
    assert_eq!(r.case_number, "2026030299999");
    let app = application(&t.upload_png().await);
    let (status, body) = t.submit("key-full-day-01", &app).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["code"], "daily_capacity_reached");
    assert_eq!(
        body["message"],
        "今日受理量已满，请明日再提交；急需办理的，请到办事大厅窗口办理"
    );
}
