//! 办件公示: licensing decisions on legal persons are published, nothing about natural persons.

use super::*;

const FOOD: &str = "11990100SCJG010006000";
const CODE: &str = "92110105MA0000000U";

/// A complete application for 食品经营许可 (a 行政许可 for legal persons too).
async fn food_application(t: &TestApp, legal: Option<LegalPerson>) -> Application {
    let (service, form) = t
        .state
        .db
        .with(|c| {
            let s = crate::catalog::service_items::load_service(c, FOOD)
                .unwrap()
                .unwrap();
            let form = crate::catalog::seed::forms()
                .into_iter()
                .find(|f| f.service_code == FOOD)
                .unwrap();
            (s, form)
        })
        .unwrap();
    let situation: Vec<String> = service
        .situations
        .iter()
        .filter_map(|s| s.options.first().map(|o| o.id.clone()))
        .collect();
    let mut app = application("unused");
    app.service_code = FOOD.into();
    app.fields = crate::demo::fields(&form, &app.applicant, t.state.clock.today());
    app.materials = Vec::new();
    for m in service.materials_for(&situation) {
        app.materials.push(MaterialPages {
            material_id: m.id.clone(),
            upload_ids: vec![t.upload_png().await],
        });
    }
    app.situation = situation;
    app.legal_person = legal;
    app
}

fn legal(name: &str, code: &str) -> Option<LegalPerson> {
    Some(LegalPerson {
        name: name.into(),
        credit_code: code.into(),
    })
}

async fn submit_ok(t: &TestApp, app: &Application) -> SubmitReceipt {
    let key = crate::tokens::random_id().unwrap();
    let (status, body) = t.submit(&key, app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_value(body).unwrap()
}

#[tokio::test]
async fn a_licensing_decision_on_a_company_is_published_and_a_persons_is_not() {
    let t = TestApp::new();

    // The credit code is checked like an ID number; a person-only service takes no company.
    let bad = food_application(&t, legal("北京示例餐饮有限公司", "92110105MA0000000A")).await;
    let (status, body) = t.submit("key-bad-code-01", &bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "legal_person.credit_code");
    assert_eq!(
        body["fields"][0]["message"],
        "统一社会信用代码校验位不正确，请核对后重新输入"
    );
    let mut person_only = application(&t.upload_png().await);
    person_only.legal_person = legal("北京示例餐饮有限公司", CODE);
    let (status, body) = t.submit("key-person-only", &person_only).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "legal_person");

    // A company's licence, approved: published the same day.
    let company = submit_ok(
        &t,
        &food_application(&t, legal(" 北京示例餐饮有限公司 ", "92110105ma0000000u")).await,
    )
    .await;
    // A natural person's licence, approved too: not published.
    let person = submit_ok(&t, &food_application(&t, None).await).await;
    for r in [&company, &person] {
        t.act(&r.case_number, action("accept")).await;
    }
    let (_, list) = t.get("/api/publications").await;
    assert_eq!(list, json!([]), "nothing before a decision");
    t.days_later(1);
    for r in [&company, &person] {
        t.act(&r.case_number, action("approve")).await;
    }

    let (status, list) = t.get("/api/publications").await;
    assert_eq!(status, StatusCode::OK);
    let list: Vec<Publication> = serde_json::from_value(list).unwrap();
    assert_eq!(list.len(), 1);
    let p = &list[0];
    assert_eq!(p.enterprise_name, "北京示例餐饮有限公司");
    assert_eq!(p.credit_code, CODE);
    assert_eq!(p.service_name, "食品经营许可");
    assert_eq!(p.department, "市市场监督管理局");
    assert_eq!(p.decision, PublishedDecision::Approved);
    assert_eq!(p.decided_on, "2026-03-03".parse::<Date>().unwrap());
    assert_eq!(p.id, "XK2026030300001");
    // Nothing about the person who acted for the company, nor the case.
    let text = serde_json::to_string(&list).unwrap();
    for private in ["张三", ID_NUMBER, "13800138000", &company.case_number] {
        assert!(!text.contains(private), "{private}");
    }

    // A stable address per decision, unchanged by what happens to the case afterwards.
    t.days_later(1);
    t.act(&company.case_number, action("deliver")).await;
    let (status, one) = t.get(&format!("/api/publications/{}", p.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_value::<Publication>(one).unwrap(), *p);
    let (status, _) = t.get("/api/publications/XK2026030300002").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Searchable by part of the name or the code; text that matches nothing finds nothing.
    for q in [
        "%E7%A4%BA%E4%BE%8B%E9%A4%90%E9%A5%AE",
        "MA0000000",
        "ma0000000u",
    ] {
        let (_, found) = t.get(&format!("/api/publications?q={q}")).await;
        assert_eq!(found.as_array().map(Vec::len), Some(1), "{q}");
    }
    for q in ["%25", "_", "%E5%8C%BB%E9%99%A2"] {
        let (_, found) = t.get(&format!("/api/publications?q={q}")).await;
        assert_eq!(found, json!([]), "{q}");
    }

    // Kept to one service (the guide's link), alone or with a search.
    for (query, n) in [
        (format!("service={FOOD}"), 1),
        (format!("service={FOOD}&q=MA0000000"), 1),
        (format!("service={FOOD}&q=%E5%8C%BB%E9%99%A2"), 0),
        ("service=11990100SCJG010001000".to_string(), 0),
    ] {
        let (status, found) = t.get(&format!("/api/publications?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(found.as_array().map(Vec::len), Some(n), "{query}");
    }

    // The company's case page shows what was published; the person's shows nothing.
    let seen = t.lookup(&company).await;
    assert_eq!(seen.publication.as_ref(), Some(p));
    assert_eq!(t.lookup(&person).await.publication, None);
    // The company is named as the applicant on its own case, and no organisation on a person's.
    assert_eq!(seen.organisation.as_deref(), Some("北京示例餐饮有限公司"));
    assert_eq!(t.lookup(&person).await.organisation, None);
}

/// The public pages arrive as HTML; the search form works without JavaScript.
#[tokio::test]
async fn the_publication_pages_are_rendered_on_the_server() {
    use http_body_util::BodyExt;
    let (_dir, router) = whole_router("<!DOCTYPE html><html><head></head><body></body></html>");
    let get = |path: &'static str| {
        let router = router.clone();
        async move {
            let res = router
                .oneshot(Request::get(path).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&body).replace("<!>", ""))
        }
    };
    let (status, html) = get("/publications?q=%E9%A4%90%E9%A5%AE").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>办件公示（行政许可）</h1>"), "{html}");
    assert!(html.contains("method=\"get\" action=\"/publications\""));
    assert!(
        html.contains("value=\"餐饮\""),
        "the query stays in the box"
    );
    assert!(html.contains("没有找到相关公示"));
    // The guide of a licensing service for legal persons says so and links to its decisions;
    // one for natural persons only does not; the home page links to them all.
    let (_, html) = get("/services/11990100SCJG010006000").await;
    assert!(
        html.contains("href=\"/publications?service=11990100SCJG010006000\""),
        "{html}"
    );
    assert!(html.contains("7个工作日内公示"));
    let (_, html) = get("/services/11990100JYJU010001000").await;
    assert!(html.contains("<h1>教师资格认定</h1>"));
    assert!(!html.contains("/publications"));
    let (_, html) = get("/").await;
    assert!(html.contains("href=\"/publications\""));
    let (_, html) = get("/publications?service=11990100SCJG010006000").await;
    assert!(
        html.contains("name=\"service\" value=\"11990100SCJG010006000\""),
        "the search keeps the service: {html}"
    );
    let (_, html) = get("/publications/XK2026113000001").await;
    assert!(html.contains("data-rendered-for=\"/publications/XK2026113000001\""));
    assert!(
        html.contains("暂时无法加载") || html.contains("不存在"),
        "{html}"
    );
}
