//! 一件事 cases on the example catalog's 开办餐饮店: one application, one case number, a track per
//! service moving on its own, a 补正 pausing only its track, and the look-up showing them all.

use super::*;

const LICENCE: &str = "11990100SCJG010001000";
const FOOD: &str = "11990100SCJG010006000";

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The applicant given once, each service's own fields, and pages keyed once per material:
/// the shared 经营者居民身份证 under its shared id.
fn restaurant(ids: &[String; 5]) -> BundleApplication {
    let pages = |key: String, ids: &[String]| MaterialPages {
        material_id: key,
        upload_ids: ids.to_vec(),
    };
    BundleApplication {
        bundle_id: "restaurant".into(),
        situation: vec!["individual".into(), "licence-no".into()],
        applicant: Applicant {
            name: "张三".into(),
            id_number: ID_NUMBER.into(),
            phone: "13800138000".into(),
            address: "北京市西城区某某街1号".into(),
        },
        legal_person: None,
        agent: None,
        services: vec![
            ServiceAnswers {
                service_code: LICENCE.into(),
                situation: vec![],
                fields: fields(&[
                    ("premises", "北京市西城区某某街1号"),
                    ("business_scope", "餐饮服务"),
                    ("capital", "10"),
                ]),
            },
            ServiceAnswers {
                service_code: FOOD.into(),
                situation: vec![],
                fields: fields(&[
                    ("operator_name", "张三小吃店"),
                    ("uscc", "91350100M000100Y43"),
                    ("premises", "北京市西城区某某街1号"),
                    ("operator_type", "餐饮服务经营者"),
                    ("business_items", "热食类食品制售"),
                ]),
            },
        ],
        materials: vec![
            pages("operator-id".into(), &ids[0..2]),
            pages(format!("{LICENCE}.premises-proof"), &ids[2..3]),
            pages(format!("{FOOD}.layout"), &ids[3..4]),
            pages(format!("{FOOD}.rules"), &ids[4..5]),
        ],
        delivery: Delivery::Window,
        consent: true,
    }
}

impl TestApp {
    async fn submit_bundle(&self, key: &str, app: &BundleApplication) -> (StatusCode, Value) {
        self.request(
            Method::POST,
            "/api/bundle-applications",
            &[("idempotency-key", key)],
            Some(serde_json::to_value(app).unwrap()),
        )
        .await
    }

    async fn five_pages(&self) -> [String; 5] {
        let mut ids = Vec::new();
        for _ in 0..5 {
            ids.push(self.upload_png().await);
        }
        ids.try_into().unwrap()
    }

    async fn new_restaurant(&self) -> (SubmitReceipt, [String; 5]) {
        let ids = self.five_pages().await;
        let (status, body) = self
            .submit_bundle("bundle-key-0001", &restaurant(&ids))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        (serde_json::from_value(body).unwrap(), ids)
    }

    async fn staff_detail(&self, number: &str) -> StaffCaseDetail {
        let auth = format!("Bearer {STAFF_TOKEN}");
        let (status, body) = self
            .request(
                Method::GET,
                &format!("/api/staff/cases/{number}"),
                &[("authorization", &auth)],
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }
}

fn pages_of(detail: &StaffCaseDetail, material: &str) -> Vec<String> {
    detail
        .materials
        .iter()
        .find(|m| m.material_id == material)
        .map(|m| m.upload_ids.clone())
        .unwrap_or_default()
}

#[tokio::test]
async fn one_application_makes_one_case_with_a_track_per_service() {
    let t = TestApp::new();
    let (receipt, ids) = t.new_restaurant().await;
    assert_eq!(receipt.case_number.len(), 13);
    assert_eq!(receipt.promised_limit, TimeLimit::working_days(5));

    let whole = t.lookup(&receipt).await;
    assert_eq!(whole.service_name, "开办餐饮店一件事");
    assert_eq!(whole.status, CaseStatus::Submitted);
    assert_eq!(whole.applicant_id_masked, "1****************X");
    let tracks: Vec<(&str, &str)> = whole
        .tracks
        .iter()
        .map(|t| (t.case_number.as_str(), t.service_code.as_str()))
        .collect();
    let one = format!("{}-1", receipt.case_number);
    let two = format!("{}-2", receipt.case_number);
    assert_eq!(tracks, [(one.as_str(), LICENCE), (two.as_str(), FOOD)]);
    assert!(whole
        .tracks
        .iter()
        .all(|t| t.status == CaseStatus::Submitted));

    // The 经营者居民身份证 was photographed once: both departments see the same two pages, and
    // the files are stored once.
    let licence = t.staff_detail(&one).await;
    let food = t.staff_detail(&two).await;
    assert_eq!(pages_of(&licence, "operator-id"), ids[0..2]);
    assert_eq!(pages_of(&food, "operator-id"), ids[0..2]);
    assert_eq!(pages_of(&licence, "premises-proof"), ids[2..3]);
    assert!(pages_of(&food, "premises-proof").is_empty());
    assert_eq!(pages_of(&food, "rules"), ids[4..5]);
    assert_eq!(t.count("uploads"), 5);
    assert_eq!(food.application.applicant.name, "张三");
    assert_eq!(food.application.situation, ["new"]);
    assert_eq!(
        food.application.fields,
        fields(&[
            ("operator_name", "张三小吃店"),
            ("uscc", "91350100M000100Y43"),
            ("premises", "北京市西城区某某街1号"),
            ("operator_type", "餐饮服务经营者"),
            ("business_items", "热食类食品制售"),
        ])
    );

    // The next case takes the next number of the day, after the whole.
    let next = t.new_case().await;
    let seq = |n: &str| n[8..13].parse::<u32>().unwrap();
    assert_eq!(seq(&next.case_number), seq(&receipt.case_number) + 1);
}

#[tokio::test]
async fn tracks_move_on_their_own_and_a_supplement_pauses_only_its_track() {
    let t = TestApp::new();
    let (receipt, _) = t.new_restaurant().await;
    let one = format!("{}-1", receipt.case_number);
    let two = format!("{}-2", receipt.case_number);

    // Monday 2026-03-02: the licence is approved on the spot; the food permit accepted.
    t.act(&one, action("accept")).await;
    let whole = t.lookup(&receipt).await;
    assert_eq!(
        whole.accepted_on, None,
        "not accepted as a whole while a track waits"
    );
    assert_eq!(whole.due_date, None);
    t.act(&one, action("approve")).await;
    t.act(&two, action("accept")).await;
    let whole = t.lookup(&receipt).await;
    assert_eq!(whole.tracks[0].status, CaseStatus::Approved);
    assert_eq!(whole.tracks[1].status, CaseStatus::Accepted);
    // 5 working days from Tuesday 03-03.
    let due_food = Date::from_ymd_opt(2026, 3, 9);
    assert_eq!(whole.tracks[1].due_date, due_food);
    assert_eq!(whole.due_date, due_food, "the latest of the tracks");
    assert_eq!(whole.status, CaseStatus::Accepted);
    assert_eq!(whole.accepted_on, Date::from_ymd_opt(2026, 3, 2));

    // Tuesday: the food permit asks again for the shared ID card; only its clock stops.
    t.days_later(1);
    t.act(
        &two,
        json!({"action": "request_supplement", "handler": "王审查",
               "items": [{"material_id": "operator-id", "reason": "照片模糊"}]}),
    )
    .await;
    let whole = t.lookup(&receipt).await;
    assert_eq!(whole.status, CaseStatus::SupplementRequired);
    assert_eq!(whole.tracks[0].status, CaseStatus::Approved);
    assert!(whole.tracks[0].paused.is_none());
    assert_eq!(whole.tracks[1].supplements.len(), 1);
    assert!(whole.tracks[1].paused.is_some());

    // Friday: the citizen answers it for that track, with the one query code.
    t.days_later(3);
    let page = t.upload_png().await;
    let (status, body) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": two, "query_code": receipt.query_code,
                   "materials": [{"material_id": "operator-id", "upload_ids": [page]}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let whole = t.lookup(&receipt).await;
    assert_eq!(whole.tracks[1].status, CaseStatus::UnderReview);
    // 03-03 to 03-06 are not counted: four working days later than before.
    let later = Date::from_ymd_opt(2026, 3, 13);
    assert_eq!(whole.tracks[1].due_date, later);
    assert_eq!(whole.due_date, later);
    // The licence track kept its date (frozen at its decision on 03-02, not moved by the pause).
    assert_eq!(whole.tracks[0].due_date, Date::from_ymd_opt(2026, 3, 2));
    // Every step of both tracks, in time order, each naming its department.
    assert_eq!(whole.timeline.len(), 4 + 5);
    assert!(whole.timeline.windows(2).all(|w| w[0].at <= w[1].at));

    t.act(&two, action("approve")).await;
    t.act(&one, action("deliver")).await;
    t.act(&two, action("deliver")).await;
    assert_eq!(t.lookup(&receipt).await.status, CaseStatus::Delivered);
}

#[tokio::test]
async fn a_retry_gets_the_same_case_and_another_body_is_refused() {
    let t = TestApp::new();
    let ids = t.five_pages().await;
    let app = restaurant(&ids);
    let (s1, first) = t.submit_bundle("bundle-key-0002", &app).await;
    let (s2, again) = t.submit_bundle("bundle-key-0002", &app).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
    assert_eq!(first, again);
    assert_eq!(t.count("bundle_cases"), 1);
    assert_eq!(t.count("cases"), 2);
    let mut other = app.clone();
    other.applicant.phone = "13900139000".into();
    let (status, body) = t.submit_bundle("bundle-key-0002", &other).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    // Pages already in a case cannot be given again under a new key.
    let (status, body) = t.submit_bundle("bundle-key-0003", &other).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "material.operator-id");
}

#[tokio::test]
async fn errors_name_what_was_given_once_and_each_services_own() {
    let t = TestApp::new();
    let ids = t.five_pages().await;
    let mut app = restaurant(&ids);
    app.applicant.id_number = "110105194912310021".into();
    app.services[1].fields.retain(|(k, _)| k != "operator_type");
    app.materials.retain(|m| m.material_id != "operator-id");
    let (status, body) = t.submit_bundle("bundle-key-0004", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let mut fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    fields.sort();
    let food_field = format!("service.{FOOD}.operator_type");
    assert_eq!(
        fields,
        [
            "applicant.id_number",
            "material.operator-id",
            food_field.as_str()
        ]
    );
    assert_eq!(t.count("cases"), 0);

    app = restaurant(&ids);
    app.bundle_id = "no-such-bundle".into();
    let (status, body) = t.submit_bundle("bundle-key-0005", &app).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["fields"][0]["field"], "bundle_id");
}

#[tokio::test]
async fn already_licensed_applies_for_the_food_permit_alone() {
    let t = TestApp::new();
    let ids = t.five_pages().await;
    let mut app = restaurant(&ids);
    app.situation = vec!["individual".into(), "licence-yes".into()];
    app.materials
        .retain(|m| m.material_id != format!("{LICENCE}.premises-proof"));
    let (status, body) = t.submit_bundle("bundle-key-0006", &app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let receipt: SubmitReceipt = serde_json::from_value(body).unwrap();
    let whole = t.lookup(&receipt).await;
    assert_eq!(whole.tracks.len(), 1);
    assert_eq!(whole.tracks[0].service_code, FOOD);
}

#[tokio::test]
async fn the_look_up_needs_the_code_and_a_bundle_counts_once_per_day() {
    let t = TestApp::with_limits(crate::http::ratelimit::Limits {
        failure_delay: std::time::Duration::ZERO,
        submissions_per_applicant_per_day: 2,
        min_free_bytes: 0,
        min_free_percent: 0,
        ..Default::default()
    });
    let (receipt, _) = t.new_restaurant().await;
    let (status, _) = t
        .post(
            "/api/cases/lookup",
            json!({"case_number": receipt.case_number, "query_code": "ABCDEFGH"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Two tracks, one submission: one more application is allowed today, then no more.
    t.new_case().await;
    let mut app = application(&t.upload_png().await);
    app.fields = vec![("reason".into(), "再次申请".into())];
    let (status, body) = t.submit("single-key-0001", &app).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

#[tokio::test]
async fn a_single_case_keeps_its_shape_and_each_track_counts_for_its_service() {
    let t = TestApp::new();
    let single = t.new_case().await;
    let (status, body) = t
        .post(
            "/api/cases/lookup",
            json!({"case_number": single.case_number, "query_code": single.query_code}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.get("tracks").is_none(), "{body}");

    let (receipt, _) = t.new_restaurant().await;
    let two = format!("{}-2", receipt.case_number);
    t.act(&two, action("accept")).await;
    t.act(&two, action("approve")).await;
    // The track's own number and the same code open that track alone.
    let track = t
        .lookup(&SubmitReceipt {
            case_number: two.clone(),
            ..receipt.clone()
        })
        .await;
    assert_eq!(track.service_code, FOOD);
    assert!(track.tracks.is_empty());
    let (status, body) = t.get(&format!("/api/performance/services/{FOOD}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recent"]["decided"], 1);
    let (_, body) = t.get(&format!("/api/performance/services/{LICENCE}")).await;
    assert_eq!(body["recent"]["decided"], 0);
}

#[tokio::test]
async fn staff_act_on_a_track_from_the_command_line() {
    use crate::cases::cli::execute;
    use crate::config::{Cli, Command};
    use clap::Parser;

    let t = TestApp::new();
    let (receipt, _) = t.new_restaurant().await;
    let two = format!("{}-2", receipt.case_number);
    let run = |args: &[&str]| {
        let Some(Command::Staff(command)) = Cli::try_parse_from(args).unwrap().command else {
            panic!("no staff command in {args:?}");
        };
        let calendar = t.state.calendar.clone();
        let now = t.state.clock.now();
        t.state
            .db
            .with(|c| execute(c, &calendar, now, command))
            .unwrap()
    };
    let out = run(&["backend", "staff", "accept", &two, "--handler", "张三"]).unwrap();
    let view: CaseView = serde_json::from_str(&out).unwrap();
    assert_eq!(view.status, CaseStatus::Accepted);
    let out = run(&["backend", "staff", "show", &receipt.case_number]).unwrap();
    let whole: CaseView = serde_json::from_str(&out).unwrap();
    let statuses: Vec<CaseStatus> = whole.tracks.iter().map(|t| t.status).collect();
    assert_eq!(statuses, [CaseStatus::Submitted, CaseStatus::Accepted]);
    // Staff see the name in full.
    assert_eq!(whole.applicant_name, "张三");
}

#[tokio::test]
async fn a_companys_licence_decided_on_one_track_is_published_for_that_service() {
    let t = TestApp::new();
    let ids = t.five_pages().await;
    let mut app = restaurant(&ids);
    app.legal_person = Some(LegalPerson {
        name: "北京示例餐饮有限公司".into(),
        credit_code: "92110105MA0000000U".into(),
    });
    let (status, body) = t.submit_bundle("bundle-key-0007", &app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let receipt: SubmitReceipt = serde_json::from_value(body).unwrap();
    let two = format!("{}-2", receipt.case_number);
    t.act(&two, action("accept")).await;
    t.act(&two, action("approve")).await;
    let (_, list) = t.get("/api/publications").await;
    let list: Vec<Publication> = serde_json::from_value(list).unwrap();
    assert_eq!(list.len(), 1, "only the decided track");
    assert_eq!(list[0].service_name, "食品经营许可");
    assert_eq!(list[0].enterprise_name, "北京示例餐饮有限公司");
    // Nothing about the person who acted for the company.
    let text = serde_json::to_string(&list).unwrap();
    for private in ["张三", ID_NUMBER, "13800138000"] {
        assert!(!text.contains(private), "{private}");
    }
}
