//! 效能公开 from a known history: cases moved by staff day by day, rated by their applicants.

use super::*;

async fn rate(t: &TestApp, r: &SubmitReceipt, score: u8) {
    let (status, body) = t
        .post(
            "/api/cases/rating",
            json!({"case_number": r.case_number, "query_code": r.query_code,
                   "rating": {"score": score, "reason": "等候时间长"}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn figures(t: &TestApp, path: &str) -> Performance {
    let (status, body) = t.get(path).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_value(body).unwrap()
}

const SERVICE_PATH: &str = "/api/performance/services/TEST-ONLINE-0001";

#[tokio::test]
async fn figures_come_from_the_cases() {
    let t = TestApp::new();
    // Monday 2026-03-02: seven applications; five accepted (limit 5 working days), one refused
    // at intake, one accepted and never decided.
    let mut r = Vec::new();
    for _ in 0..7 {
        r.push(t.new_case().await);
    }
    let [a, b, c, d, e, f, g] = &r[..] else {
        unreachable!()
    };
    for case in [a, b, c, d, e, g] {
        t.act(&case.case_number, action("accept")).await;
    }
    t.act(&f.case_number, action("refuse_intake")).await;

    // Tuesday 03-03: B needs a supplement; D and E are refused (1 working day each).
    t.days_later(1);
    t.act(&b.case_number, action("request_supplement")).await;
    t.act(&d.case_number, action("refuse")).await;
    t.act(&e.case_number, action("refuse")).await;
    let early = figures(&t, SERVICE_PATH).await;
    assert_eq!(early.recent.decided, 2);
    assert_eq!(early.recent.average_working_days, None, "fewer than 5");
    assert_eq!(early.recent.on_time_percent, None);

    // Wednesday 03-04: A approved after 2 working days.
    t.days_later(1);
    t.act(&a.case_number, action("approve")).await;

    // Friday 03-06: B's pages arrive; 03-03 to 03-06 are not counted.
    t.days_later(2);
    let page = t.upload_png().await;
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": b.case_number, "query_code": b.query_code,
                   "materials": [{"material_id": "form", "upload_ids": [page]}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Tuesday 03-10: B approved (09 and 10 counted: 2 working days, due 03-13).
    t.days_later(4);
    t.act(&b.case_number, action("approve")).await;
    // Wednesday 03-11: C approved after 7 working days, two past its due date 03-09.
    t.days_later(1);
    t.act(&c.case_number, action("approve")).await;

    rate(&t, a, 5).await;
    rate(&t, b, 4).await;
    rate(&t, c, 2).await;
    rate(&t, d, 3).await;
    rate(&t, e, 5).await;
    rate(&t, f, 1).await; // not decided on its merits: not counted

    t.days_later(1);
    let p = figures(&t, SERVICE_PATH).await;
    assert_eq!(p.name, "测试证明开具");
    assert_eq!(p.department, "测试市市场监督管理局");
    assert_eq!(p.recent.to, "2026-03-12".parse::<Date>().unwrap());
    assert_eq!(p.recent.decided, 5);
    // (2 + 2 + 7 + 1 + 1) / 5
    assert_eq!(p.recent.average_working_days, Some(2.6));
    assert_eq!(p.recent.on_time_percent, Some(80));
    assert_eq!(p.recent.rated, 5);
    // 5, 4 of 5, 4, 2, 3, 5
    assert_eq!(p.recent.satisfied_percent, Some(60));
    assert_eq!(p.months[0].from, "2026-03-01".parse::<Date>().unwrap());
    assert_eq!(
        p.months[0],
        Figures {
            from: p.months[0].from,
            ..p.recent.clone()
        }
    );
    assert_eq!(p.months[1].decided, 0);

    let dept = figures(
        &t,
        "/api/performance/departments/%E6%B5%8B%E8%AF%95%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80",
    )
    .await;
    assert_eq!(dept.recent, p.recent);
    assert_eq!(dept.services.len(), 2);
    assert_eq!(dept.services[0].recent, p.recent);
    assert_eq!(dept.services[1].recent.decided, 0);

    // 95 days on, the cases have left the 90 days but still count in March.
    t.days_later(95);
    let later = figures(&t, SERVICE_PATH).await;
    assert_eq!(later.recent.decided, 0);
    let march = later
        .months
        .iter()
        .find(|m| m.from.to_string() == "2026-03-01");
    assert_eq!(march.map(|m| m.decided), Some(5));

    let (status, _) = t.get("/api/performance/services/NO-SUCH").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = t.get("/api/performance/departments/%E6%97%A0").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn openapi_documents_the_figures() {
    let t = TestApp::new();
    let (_, doc) = t.get("/api/openapi.json").await;
    for path in [
        "/api/performance/services/{code}",
        "/api/performance/departments/{department}",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path}");
    }
    let schemas = &doc["components"]["schemas"];
    assert!(schemas["Performance"]["properties"]["recent"].is_object());
    assert!(schemas["Figures"]["properties"]["satisfied_percent"].is_object());
}

/// The guide's line and the public pages arrive as HTML.
#[tokio::test]
async fn the_figures_are_on_the_guide_and_their_own_pages() {
    use http_body_util::BodyExt;
    let (_dir, router) = whole_router("<!DOCTYPE html><html><head></head><body></body></html>");
    let html = |path: &'static str| {
        let router = router.clone();
        async move {
            let res = router
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let body = res.into_body().collect().await.unwrap().to_bytes();
            // Leptos marks text boundaries with comments; read the text.
            String::from_utf8_lossy(&body).replace("<!>", "")
        }
    };
    // No cases yet: the line says so rather than showing a figure.
    let guide = html("/services/11990100SCJG010006000").await;
    assert!(
        guide.contains("近 90 天办结 0 件，不足 5 件，暂不公布用时、按时办结率和满意率"),
        "{guide}"
    );
    assert!(guide.contains("href=\"/performance/services/11990100SCJG010006000\""));
    let department = "%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80";
    assert!(guide.contains(&format!("href=\"/performance/departments/{department}\"")));

    let page = html("/performance/services/11990100SCJG010006000").await;
    assert!(page.contains("<h1>食品经营许可 · 效能公开</h1>"), "{page}");
    assert!(page.contains("各月办件情况"));
    assert_eq!(page.matches("<h3>").count(), 6, "six months");

    let page = html(
        "/performance/departments/%E5%B8%82%E5%B8%82%E5%9C%BA%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%B1%80",
    )
    .await;
    assert!(
        page.contains("<h1>市市场监督管理局 · 效能公开</h1>"),
        "{page}"
    );
    assert!(page.contains(">个体工商户设立登记</a>"));
    assert!(page.contains(">食品经营许可</a>"));
}

/// The demo history goes through the state machine, and the figures published from it are
/// what its plan says happened.
#[tokio::test]
async fn the_demo_history_shows_what_it_planned() {
    let t = TestApp::new();
    let mut state = t.state.clone();
    state.staff_token = Some("demo-token-0123456789".into());
    let today = state.clock.today();
    let code = "11990100SCJG010006000";
    let out = crate::demo::generate(
        state,
        "demo-token-0123456789".into(),
        60,
        7,
        &[code.to_string()],
        today,
    )
    .await
    .unwrap();
    assert_eq!(out.skipped, 0);
    assert!(out.cases >= 20, "{} cases", out.cases);
    let e = &out.expected[0];
    assert_eq!(e.service_code, code);
    // The clock was moved back to each day; it ends on the day before today.
    t.state
        .clock
        .set(crate::clock::china_midnight(today) + 8 * 3600);
    let p = figures(&t, &format!("/api/performance/services/{code}")).await;
    assert_eq!(p.recent.decided, e.decided);
    assert!(e.decided >= 5);
    let tenths =
        (u64::from(e.working_days) * 20 + u64::from(e.decided)) / (2 * u64::from(e.decided));
    assert_eq!(p.recent.average_working_days, Some(tenths as f64 / 10.0));
    assert_eq!(
        p.recent.on_time_percent,
        Some(e.on_time * 100 / e.with_limit)
    );
    assert_eq!(p.recent.rated, e.rated);
    // Every case went through the timeline: submitted, then acted on by staff.
    let steps = t.count("case_timeline");
    assert!(steps >= 3 * out.cases as i64, "{steps} steps");
}

#[test]
fn the_demo_command_reads_as_documented() {
    use clap::Parser;
    let cli = crate::config::Cli::try_parse_from([
        "backend",
        "demo",
        "history",
        "--days",
        "180",
        "--data-dir",
        "/tmp/x",
    ])
    .unwrap();
    match cli.command {
        Some(crate::config::Command::Demo(crate::demo::DemoCommand::History {
            days,
            allow_existing,
            ..
        })) => assert_eq!((days, allow_existing), (180, false)),
        other => panic!("{other:?}"),
    }
}
