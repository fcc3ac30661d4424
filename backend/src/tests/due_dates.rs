//! The promised limit counts its days (working or calendar) from acceptance and stops while
//! paused.

use super::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[tokio::test]
async fn a_supplement_pause_moves_the_due_date_by_its_length() {
    let t = TestApp::new();
    let calendar = t.state.calendar.clone();
    let r = t.new_case().await;
    // Monday 2026-03-02: accepted; 5 working days → Monday 2026-03-09.
    let view = t.act(&r.case_number, action("accept")).await;
    assert_eq!(view.accepted_on, Some(date("2026-03-02")));
    assert_eq!(view.due_date, Some(date("2026-03-09")));
    let before = date("2026-03-09");

    // Tuesday: supplement requested; the clock stops.
    t.days_later(1);
    let view = t.act(&r.case_number, action("request_supplement")).await;
    let paused = view.paused.clone().unwrap();
    assert_eq!(
        (paused.kind, paused.since),
        (PauseKind::Supplement, date("2026-03-03"))
    );
    assert!(paused.reason.contains("签名不清晰"));
    // While it lasts, the due date moves out a working day each working day.
    t.days_later(2);
    let view = t.lookup(&r).await;
    assert_eq!(view.due_date, Some(date("2026-03-12")));

    // Thursday: the pages arrive; Tuesday to Thursday (3 working days) were not counted.
    let page = t.upload_png().await;
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code,
                   "materials": [{"material_id": "form", "upload_ids": [page]}]}),
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::OK, "{body}");
    let view: CaseView = serde_json::from_value(body).unwrap();
    let after = view.due_date.unwrap();
    assert_eq!(calendar.working_days_between(before, after), 3);
    assert_eq!(view.pauses[0].until, Some(date("2026-03-05")));
    assert_eq!(view.paused, None);

    // Once running again, waiting does not move it.
    t.days_later(1);
    assert_eq!(t.lookup(&r).await.due_date, view.due_date);

    // A special procedure pauses the clock as well.
    let view = t
        .act(&r.case_number, action("start_special_procedure"))
        .await;
    let paused = view.paused.unwrap();
    assert_eq!(paused.kind, PauseKind::SpecialProcedure);
    assert_eq!(paused.procedure, Some(SpecialProcedureKind::Inspection));
    t.days_later(3); // Friday → Monday
    let view = t.act(&r.case_number, action("end_special_procedure")).await;
    let ended = view.due_date.unwrap();
    // Friday 03-06 and Monday 03-09 were paused.
    assert_eq!(calendar.working_days_between(after, ended), 2);

    // Concluded: frozen, however long one waits.
    let view = t.act(&r.case_number, action("approve")).await;
    let frozen = view.due_date;
    t.days_later(40);
    assert_eq!(t.lookup(&r).await.due_date, frozen);
}

#[tokio::test]
async fn holidays_are_not_working_days() {
    let t = TestApp::new();
    // Accepted on Thursday 2026-04-30: 05-01 and 05-04/05 are 劳动节, 05-09 (Sat) is worked.
    t.state
        .clock
        .set(crate::clock::china_midnight(date("2026-04-30")) + 9 * 3600);
    let r = t.new_case().await;
    let view = t.act(&r.case_number, action("accept")).await;
    // 05-06 (1), 05-07 (2), 05-08 (3), 05-09 Sat worked (4), 05-11 (5).
    assert_eq!(view.due_date, Some(date("2026-05-11")));
}

#[tokio::test]
async fn a_promise_in_calendar_days_counts_every_day_and_pauses_too() {
    let t = TestApp::new();
    let mut app = application(&t.upload_png().await);
    app.situation = vec!["by_law".into()];
    let (status, body) = t.submit("key-by-law-0001", &app).await;
    assert_eq!(status, axum::http::StatusCode::OK, "{body}");
    let r: SubmitReceipt = serde_json::from_value(body).unwrap();
    assert_eq!(r.promised_limit, TimeLimit::calendar_days(10));
    // Monday 2026-03-02 + 10 calendar days: Thursday 03-12 (10 working days would be 03-16).
    let view = t.act(&r.case_number, action("accept")).await;
    assert_eq!(view.promised_limit, TimeLimit::calendar_days(10));
    assert_eq!(view.due_date, Some(date("2026-03-12")));

    // Supplement asked Tuesday 03-03, supplied Thursday 03-05: three calendar days stopped,
    // which ends on Sunday 03-15, so the limit runs to Monday 03-16.
    t.days_later(1);
    t.act(&r.case_number, action("request_supplement")).await;
    t.days_later(2);
    let page = t.upload_png().await;
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code,
                   "materials": [{"material_id": "form", "upload_ids": [page]}]}),
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::OK, "{body}");
    let view: CaseView = serde_json::from_value(body).unwrap();
    assert_eq!(view.due_date, Some(date("2026-03-16")));
}
