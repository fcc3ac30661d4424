//! 咨询, 投诉 and 差评整改 through the API and the staff command line.

use axum::http::StatusCode;
use clap::Parser;

use super::*;
use crate::config::{Cli, Command};

const KEY: &str = "feedback-key-0001";

impl TestApp {
    async fn post_keyed(
        &self,
        path: &str,
        key: &str,
        body: Value,
    ) -> (StatusCode, HeaderMap, Value) {
        let req = Request::post(path)
            .header("content-type", "application/json")
            .header("idempotency-key", key)
            .body(Body::from(body.to_string()))
            .unwrap();
        let (status, headers, body) = self.send_from(ip(1), req).await;
        (status, headers, parse(&body))
    }

    pub(super) async fn staff_post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let auth = format!("Bearer {STAFF_TOKEN}");
        self.request(Method::POST, path, &[("authorization", &auth)], Some(body))
            .await
    }

    async fn staff_get(&self, path: &str) -> (StatusCode, Value) {
        let auth = format!("Bearer {STAFF_TOKEN}");
        self.request(Method::GET, path, &[("authorization", &auth)], None)
            .await
    }

    async fn ask(&self, key: &str, question: &str) -> TicketReceipt {
        let (status, _, body) = self
            .post_keyed(
                "/api/inquiries",
                key,
                json!({"service_code": SERVICE, "question": question, "phone": "13800138000"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    async fn complain(&self, key: &str, subject: Value) -> (StatusCode, Value) {
        let (status, _, body) = self
            .post_keyed(
                "/api/complaints",
                key,
                json!({"subject": subject, "category": "repeated_visits",
                       "description": "材料已经交齐，仍被要求再跑一次"}),
            )
            .await;
        (status, body)
    }

    async fn complaint(&self, key: &str) -> TicketReceipt {
        let (status, body) = self
            .complain(key, json!({"kind": "service", "service_code": SERVICE}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    async fn follow(&self, path: &str, r: &TicketReceipt) -> (StatusCode, Value) {
        self.post(
            path,
            json!({"ticket_number": r.ticket_number, "query_code": r.query_code}),
        )
        .await
    }

    /// A concluded case rated `score`.
    async fn rated_case(&self, score: u8) -> SubmitReceipt {
        let r = self.new_case().await;
        self.act(&r.case_number, action("accept")).await;
        self.act(&r.case_number, action("approve")).await;
        let (status, body) = self
            .post(
                "/api/cases/rating",
                json!({"case_number": r.case_number, "query_code": r.query_code,
                       "rating": {"score": score, "reason": "窗口让我跑了三次"}}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        r
    }

    async fn case_feedback(&self, r: &SubmitReceipt) -> CaseFeedback {
        let (status, body) = self
            .post(
                "/api/cases/feedback",
                json!({"case_number": r.case_number, "query_code": r.query_code}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[tokio::test]
async fn a_question_is_answered_and_published_to_the_guide_without_the_phone() {
    let t = TestApp::new();
    let r = t.ask(KEY, "委托他人代办需要带什么？").await;
    assert!(
        r.ticket_number.starts_with("ZX20260302"),
        "{}",
        r.ticket_number
    );

    // A retry after a lost reply gets the same ticket; nothing is stored twice.
    let (status, headers, body) = t
        .post_keyed(
            "/api/inquiries",
            KEY,
            json!({"service_code": SERVICE, "question": "委托他人代办需要带什么？", "phone": "13800138000"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["idempotent-replayed"], "true");
    assert_eq!(body["ticket_number"], r.ticket_number.as_str());
    assert_eq!(t.count("inquiries"), 1);

    let (status, body) = t
        .post(
            "/api/inquiries/lookup",
            json!({"ticket_number": r.ticket_number, "query_code": "WRONG234"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["message"], "未找到该编号，请核对编号和查询码");

    let (status, body) = t.follow("/api/inquiries/lookup", &r).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "open");
    assert!(body.get("phone").is_none(), "the phone stays with staff");

    // Publishing needs an answer first.
    let publish = format!("/api/staff/inquiries/{}/publish", r.ticket_number);
    let faq =
        json!({"question": "委托他人代办需要带什么？", "answer": "带委托书和双方身份证原件。"});
    let (status, body) = t.staff_post(&publish, faq.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let (status, body) = t
        .staff_post(
            &format!("/api/staff/inquiries/{}/answer", r.ticket_number),
            json!({"handler": "  ", "answer": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<_> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].clone())
        .collect();
    assert_eq!(fields, [json!("handler"), json!("answer")]);

    let (status, body) = t
        .staff_post(
            &format!("/api/staff/inquiries/{}/answer", r.ticket_number),
            json!({"handler": "钱咨询", "answer": "请携带委托书及双方身份证原件。"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["phone"], "13800138000");
    let (_, body) = t.follow("/api/inquiries/lookup", &r).await;
    assert_eq!(body["status"], "answered");
    assert_eq!(body["answer"], "请携带委托书及双方身份证原件。");

    let (_, before) = t.get(&format!("/api/services/{SERVICE}")).await;
    assert_eq!(before["faq"], json!([]));
    // The asker's number pasted into the public text is refused.
    let (status, body) = t
        .staff_post(
            &publish,
            json!({"question": "13800138000问：委托他人代办需要带什么？", "answer": "带委托书。"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "question");
    let (status, body) = t.staff_post(&publish, faq).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["published"], true);
    let (status, guide) = t.get(&format!("/api/services/{SERVICE}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(guide["faq"][0]["answer"], "带委托书和双方身份证原件。");
    assert!(!guide.to_string().contains("13800138000"));
    // Other services are untouched.
    let (_, other) = t.get(&format!("/api/services/{OFFLINE_SERVICE}")).await;
    assert_eq!(other["faq"], json!([]));
}

#[tokio::test]
async fn a_published_question_changes_the_guides_etag() {
    let t = TestApp::new();
    let req = || {
        Request::get(format!("/api/services/{SERVICE}"))
            .body(Body::empty())
            .unwrap()
    };
    let before = t.send_from(ip(1), req()).await.1["etag"].clone();
    let r = t.ask(KEY, "可以邮寄领取吗？").await;
    t.staff_post(
        &format!("/api/staff/inquiries/{}/answer", r.ticket_number),
        json!({"handler": "钱咨询", "answer": "可以，申请时选择邮寄送达。"}),
    )
    .await;
    t.staff_post(
        &format!("/api/staff/inquiries/{}/publish", r.ticket_number),
        json!({"question": "可以邮寄领取吗？", "answer": "可以，申请时选择邮寄送达。"}),
    )
    .await;
    let after = t.send_from(ip(1), req()).await.1["etag"].clone();
    assert_ne!(after, before, "a cached guide must be fetched again");
}

#[tokio::test]
async fn questions_and_complaints_are_checked_with_messages_beside_the_fields() {
    let t = TestApp::new();
    let (status, _, body) = t
        .post_keyed(
            "/api/inquiries",
            KEY,
            json!({"service_code": SERVICE, "question": "问", "phone": "12"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "question");
    assert_eq!(body["fields"][1]["message"], "请输入11位手机号码");
    let (status, _, body) = t
        .post_keyed(
            "/api/inquiries",
            KEY,
            json!({"service_code": SERVICE, "question": "问".repeat(501)}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["fields"][0]["message"],
        "不能超过500个字（现在501个字）"
    );
    let (status, body) = t
        .post(
            "/api/inquiries",
            json!({"service_code": SERVICE, "question": "没有幂等键的提问"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _, body) = t
        .post_keyed(
            "/api/inquiries",
            KEY,
            json!({"service_code": "NO-SUCH", "question": "这个事项存在吗？"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "service_code");
    // A window complaint names one of the service's places.
    let (status, body) = t
        .complain(
            "feedback-key-0002",
            json!({"kind": "window", "service_code": SERVICE, "place": "不存在的大厅"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "place");
    assert_eq!(t.count("inquiries") + t.count("complaints"), 0);
}

#[tokio::test]
async fn a_window_complaint_names_the_place() {
    let t = TestApp::new();
    t.state
        .db
        .with(|c| {
            let mut s = test_service(SERVICE, true);
            s.places = vec![Place {
                name: "市民中心二楼".into(),
                address: "测试路1号".into(),
                hours: "工作日9:00-17:00".into(),
                district: None,
                phone: None,
            }];
            c.execute(
                "UPDATE services SET body = ?1 WHERE code = ?2",
                rusqlite::params![serde_json::to_string(&s).unwrap(), SERVICE],
            )
            .unwrap();
        })
        .unwrap();
    let (status, body) = t
        .complain(
            KEY,
            json!({"kind": "window", "service_code": SERVICE, "place": "市民中心二楼"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let r: TicketReceipt = serde_json::from_value(body).unwrap();
    let (_, view) = t.follow("/api/complaints/lookup", &r).await;
    assert_eq!(view["about"], "测试证明开具 · 市民中心二楼");
}

#[tokio::test]
async fn only_the_owner_of_a_case_complains_about_it_and_sees_the_reply_on_the_case() {
    let t = TestApp::new();
    let case = t.new_case().await;
    let (status, body) = t
        .complain(
            KEY,
            json!({"kind": "case", "case_number": case.case_number, "query_code": "WRONG234"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(t.count("complaints"), 0);

    let (status, body) = t
        .complain(
            "feedback-key-0002",
            json!({"kind": "case", "case_number": case.case_number, "query_code": case.query_code}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let r: TicketReceipt = serde_json::from_value(body).unwrap();
    assert!(r.ticket_number.starts_with("TS20260302"));
    // Received on Monday 2 March 2026: five working days are 3–6 and 9 March.
    assert_eq!(r.due_date, Some(day("2026-03-09")));

    let seen = t.case_feedback(&case).await;
    assert_eq!(seen.complaints.len(), 1);
    assert_eq!(seen.complaints[0].status, ComplaintStatus::Received);
    assert_eq!(seen.follow_up, None);

    let act = format!("/api/staff/complaints/{}/actions", r.ticket_number);
    let (status, body) = t
        .staff_post(&act, json!({"action": "reply", "handler": "孙督查", "reply": "已核实，向您致歉并已整改窗口告知流程。"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "replied");
    assert_eq!(body["overdue"], false);
    let (_, view) = t.follow("/api/complaints/lookup", &r).await;
    assert_eq!(view["reply"], "已核实，向您致歉并已整改窗口告知流程。");
    assert_eq!(view["replied_on"], "2026-03-02");
    assert_eq!(
        t.case_feedback(&case).await.complaints[0].status,
        ComplaintStatus::Replied
    );
}

#[tokio::test]
async fn the_reply_deadline_is_the_centers_and_overdue_complaints_show_in_the_staff_list() {
    let t = TestApp::new();
    let mut state = t.state.clone();
    state.feedback.complaint_reply_days = 2;
    let t = TestApp {
        router: api_router().with_state(state.clone()),
        dir: t.dir,
        state,
    };
    let late = t.complaint(KEY).await;
    assert_eq!(late.due_date, Some(day("2026-03-04")));
    let answered = t.complaint("feedback-key-0002").await;
    t.staff_post(
        &format!("/api/staff/complaints/{}/actions", answered.ticket_number),
        json!({"action": "reply", "handler": "孙督查", "reply": "已答复"}),
    )
    .await;

    t.days_later(2);
    let (_, list) = t.staff_get("/api/staff/complaints").await;
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|c| c["overdue"] == false),
        "due today is not late"
    );
    t.days_later(1);
    let (status, list) = t.staff_get("/api/staff/complaints").await;
    assert_eq!(status, StatusCode::OK);
    let list = list.as_array().unwrap();
    assert_eq!(
        list[0]["ticket_number"],
        late.ticket_number.as_str(),
        "open ones first"
    );
    assert_eq!(list[0]["overdue"], true);
    assert_eq!(
        list[1]["overdue"], false,
        "a replied complaint is never overdue"
    );
}

/// Puts a complaint into `status` through the staff actions.
async fn complaint_in(t: &TestApp, key: &str, status: ComplaintStatus) -> TicketReceipt {
    let r = t.complaint(key).await;
    let act = format!("/api/staff/complaints/{}/actions", r.ticket_number);
    if status != ComplaintStatus::Received {
        t.staff_post(&act, json!({"action": "start", "handler": "孙督查"}))
            .await;
    }
    if status == ComplaintStatus::Replied {
        t.staff_post(
            &act,
            json!({"action": "reply", "handler": "孙督查", "reply": "已答复"}),
        )
        .await;
    }
    let (_, view) = t.follow("/api/complaints/lookup", &r).await;
    assert_eq!(view["status"], serde_json::to_value(status).unwrap());
    r
}

#[tokio::test]
async fn complaints_state_machine_every_pair() {
    let t = TestApp::new();
    let mut n = 0;
    for from in ComplaintStatus::ALL {
        for to in ComplaintStatus::ALL {
            n += 1;
            let r = complaint_in(&t, &format!("feedback-key-{n:04}"), from).await;
            let act = format!("/api/staff/complaints/{}/actions", r.ticket_number);
            let body = match to {
                ComplaintStatus::InProgress => json!({"action": "start", "handler": "孙督查"}),
                ComplaintStatus::Replied => {
                    json!({"action": "reply", "handler": "孙督查", "reply": "答复"})
                }
                // No action leads back to 已受理.
                ComplaintStatus::Received => {
                    assert!(!from.can_move_to(to));
                    continue;
                }
            };
            let (status, answer) = t.staff_post(&act, body).await;
            // A reply to a complaint still 已受理 records 处理中 on the way.
            let allowed = from.can_move_to(to)
                || (to == ComplaintStatus::Replied
                    && from.can_move_to(ComplaintStatus::InProgress));
            let (_, view) = t.follow("/api/complaints/lookup", &r).await;
            if allowed {
                assert_eq!(status, StatusCode::OK, "{from:?} → {to:?}: {answer}");
                assert_eq!(view["status"], serde_json::to_value(to).unwrap());
            } else {
                assert_eq!(status, StatusCode::CONFLICT, "{from:?} → {to:?}: {answer}");
                assert_eq!(answer["code"], "illegal_transition");
                assert_eq!(
                    view["status"],
                    serde_json::to_value(from).unwrap(),
                    "unchanged"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_bad_rating_opens_a_follow_up_with_the_centers_limit() {
    let t = TestApp::new();
    let fine = t.rated_case(3).await;
    assert_eq!(t.case_feedback(&fine).await.follow_up, None);
    assert_eq!(t.count("follow_ups"), 0);

    let bad = t.rated_case(2).await;
    let f = t.case_feedback(&bad).await.follow_up.unwrap();
    assert_eq!(f.status, FollowUpStatus::Open);
    assert_eq!(f.limit_days, 15);
    assert_eq!(f.opened_on, day("2026-03-02"));
    // 15 working days after Monday 2 March 2026 (no holiday in between).
    assert_eq!(f.due_date, day("2026-03-23"));

    let act = format!("/api/staff/follow-ups/{}/actions", bad.case_number);
    let (status, body) = t
        .staff_post(
            &act,
            json!({"action": "rectify", "handler": "周整改", "note": "先整改"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "回访 comes first: {body}");
    let (status, body) = t
        .staff_post(
            &act,
            json!({"action": "contact", "handler": "周整改", "note": "已电话回访，了解到等候过久"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    t.days_later(21);
    let (_, overdue) = t.staff_get("/api/staff/follow-ups?overdue=true").await;
    assert_eq!(overdue, json!([]), "due on 23 March: not late yet");
    t.days_later(1);
    let (_, overdue) = t.staff_get("/api/staff/follow-ups?overdue=true").await;
    assert_eq!(overdue[0]["case_number"], bad.case_number.as_str());
    assert_eq!(overdue[0]["score"], 2);
    assert_eq!(overdue[0]["reason"], "窗口让我跑了三次");
    let (status, body) = t
        .staff_post(
            &act,
            json!({"action": "rectify", "handler": "周整改", "note": "增设取号引导员"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, overdue) = t.staff_get("/api/staff/follow-ups?overdue=true").await;
    assert_eq!(overdue, json!([]), "a rectified follow-up is done");
    let f = t.case_feedback(&bad).await.follow_up.unwrap();
    assert_eq!(f.status, FollowUpStatus::Rectified);
    assert_eq!(
        f.contact_note.as_deref(),
        Some("已电话回访，了解到等候过久")
    );
    assert_eq!(f.rectification.as_deref(), Some("增设取号引导员"));
}

#[tokio::test]
async fn follow_ups_state_machine_every_pair() {
    let t = TestApp::new();
    for from in FollowUpStatus::ALL {
        for to in FollowUpStatus::ALL {
            let case = t.rated_case(1).await;
            let act = format!("/api/staff/follow-ups/{}/actions", case.case_number);
            let contact = json!({"action": "contact", "handler": "周整改", "note": "已回访"});
            let rectify = json!({"action": "rectify", "handler": "周整改", "note": "已整改"});
            if from != FollowUpStatus::Open {
                assert_eq!(t.staff_post(&act, contact.clone()).await.0, StatusCode::OK);
            }
            if from == FollowUpStatus::Rectified {
                assert_eq!(t.staff_post(&act, rectify.clone()).await.0, StatusCode::OK);
            }
            let body = match to {
                FollowUpStatus::Contacted => contact,
                FollowUpStatus::Rectified => rectify,
                FollowUpStatus::Open => {
                    assert!(!from.can_move_to(to));
                    continue;
                }
            };
            let (status, answer) = t.staff_post(&act, body).await;
            let now = t.case_feedback(&case).await.follow_up.unwrap().status;
            if from.can_move_to(to) {
                assert_eq!(status, StatusCode::OK, "{from:?} → {to:?}: {answer}");
                assert_eq!(now, to);
            } else {
                assert_eq!(status, StatusCode::CONFLICT, "{from:?} → {to:?}: {answer}");
                assert_eq!(now, from, "unchanged");
            }
        }
    }
}

#[tokio::test]
async fn new_questions_and_complaints_are_rate_limited_but_replays_are_not() {
    let t = TestApp::with_limits(Limits {
        feedback: crate::http::ratelimit::WindowLimiter::new(2, 3600),
        ..Limits::default()
    });
    t.ask("feedback-key-0001", "第一个问题是什么？").await;
    t.complaint("feedback-key-0002").await;
    // The same question again is its retry: answered, not counted.
    t.ask("feedback-key-0001", "第一个问题是什么？").await;
    let (status, _, body) = t
        .post_keyed(
            "/api/inquiries",
            "feedback-key-0003",
            json!({"service_code": SERVICE, "question": "第三个问题是什么？"}),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["message"], "提交过于频繁，请1小时后再试");
}

#[tokio::test]
async fn the_staff_endpoints_need_the_token_and_are_documented() {
    let t = TestApp::new();
    for path in [
        "/api/staff/inquiries",
        "/api/staff/complaints",
        "/api/staff/follow-ups",
    ] {
        let (status, _) = t.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let (_, doc) = t.get("/api/openapi.json").await;
    for (path, method) in [
        ("/api/inquiries", "post"),
        ("/api/inquiries/lookup", "post"),
        ("/api/complaints", "post"),
        ("/api/complaints/lookup", "post"),
        ("/api/cases/feedback", "post"),
        ("/api/staff/inquiries", "get"),
        ("/api/staff/inquiries/{ticket}/answer", "post"),
        ("/api/staff/inquiries/{ticket}/publish", "post"),
        ("/api/staff/complaints", "get"),
        ("/api/staff/complaints/{ticket}/actions", "post"),
        ("/api/staff/follow-ups", "get"),
        ("/api/staff/follow-ups/{number}/actions", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    for schema in [
        "ComplaintSubmission",
        "ComplaintAction",
        "FollowUpAction",
        "CaseFeedback",
        "TicketReceipt",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

fn staff_command(args: &[&str]) -> crate::cases::cli::StaffCommand {
    match Cli::try_parse_from(args).unwrap().command {
        Some(Command::Staff(c)) => c,
        _ => panic!("not a staff command"),
    }
}

#[tokio::test]
async fn staff_answer_reply_and_follow_up_from_the_command_line() {
    let t = TestApp::new();
    let q = t.ask(KEY, "周末可以办理吗？").await;
    let c = t.complaint("feedback-key-0002").await;
    let bad = t.rated_case(1).await;
    let run = |args: &[&str]| {
        let command = staff_command(args);
        let now = t.state.clock.now();
        t.state
            .db
            .with(|conn| crate::cases::cli::execute(conn, &t.state.calendar, now, command))
            .unwrap()
    };
    let list = run(&["backend", "staff", "inquiries"]).unwrap();
    assert!(
        list.contains(&q.ticket_number) && list.contains("待答复"),
        "{list}"
    );
    run(&[
        "backend",
        "staff",
        "answer",
        &q.ticket_number,
        "--handler",
        "钱咨询",
        "--answer",
        "周六上午可预约办理",
    ])
    .unwrap();
    run(&[
        "backend",
        "staff",
        "publish",
        &q.ticket_number,
        "--question",
        "周末可以办理吗？",
        "--answer",
        "周六上午可预约办理",
    ])
    .unwrap();
    let (_, guide) = t.get(&format!("/api/services/{SERVICE}")).await;
    assert_eq!(guide["faq"][0]["question"], "周末可以办理吗？");

    run(&[
        "backend",
        "staff",
        "start-complaint",
        &c.ticket_number,
        "--handler",
        "孙督查",
    ])
    .unwrap();
    let again = run(&[
        "backend",
        "staff",
        "start-complaint",
        &c.ticket_number,
        "--handler",
        "孙督查",
    ]);
    assert!(again.is_err(), "already 处理中");
    run(&[
        "backend",
        "staff",
        "reply-complaint",
        &c.ticket_number,
        "--handler",
        "孙督查",
        "--reply",
        "已答复您",
    ])
    .unwrap();
    let list = run(&["backend", "staff", "complaints"]).unwrap();
    assert!(list.contains("已答复"), "{list}");

    run(&[
        "backend",
        "staff",
        "contact",
        &bad.case_number,
        "--handler",
        "周整改",
        "--note",
        "已回访",
    ])
    .unwrap();
    t.days_later(30);
    let overdue = run(&["backend", "staff", "follow-ups", "--overdue"]).unwrap();
    assert!(
        overdue.contains(&bad.case_number) && overdue.contains("逾期"),
        "{overdue}"
    );
    run(&[
        "backend",
        "staff",
        "rectify",
        &bad.case_number,
        "--handler",
        "周整改",
        "--note",
        "已整改",
    ])
    .unwrap();
    assert_eq!(
        run(&["backend", "staff", "follow-ups", "--overdue"]).unwrap(),
        ""
    );
    assert!(
        Cli::try_parse_from(["backend", "staff", "answer", "ZX1"]).is_err(),
        "handler needed"
    );
}

#[test]
fn the_center_sets_its_limits_on_the_command_line() {
    let cli = Cli::try_parse_from(["backend"]).unwrap();
    assert_eq!(cli.feedback.complaint_reply_days, 5);
    assert_eq!(cli.feedback.follow_up_days, 15);
    let cli = Cli::try_parse_from([
        "backend",
        "--complaint-reply-days",
        "3",
        "--follow-up-days",
        "10",
    ])
    .unwrap();
    assert_eq!(
        (
            cli.feedback.complaint_reply_days,
            cli.feedback.follow_up_days
        ),
        (3, 10)
    );
    assert!(Cli::try_parse_from(["backend", "--follow-up-days", "0"]).is_err());
}
