//! A bundle application checked as its services' applications are, on the example catalog's
//! 个体工商户设立登记 and 食品经营许可.

use super::*;

const LICENCE: &str = "11990100SCJG010001000";
const FOOD: &str = "11990100SCJG010006000";

fn catalog() -> (Vec<Service>, Vec<FormDefinition>) {
    let services: Vec<Service> = serde_json::from_str(include_str!(
        "../../../backend/catalog/market-regulation.json"
    ))
    .unwrap();
    let forms: Vec<FormDefinition> =
        serde_json::from_str(include_str!("../../../backend/catalog/forms.json")).unwrap();
    (services, forms)
}

fn bundle() -> Bundle {
    let all: Vec<Bundle> =
        serde_json::from_str(include_str!("../../../backend/catalog/bundles.json")).unwrap();
    all.into_iter().find(|b| b.id == "restaurant").unwrap()
}

fn application() -> BundleApplication {
    let pages = |key: &str, ids: &[&str]| MaterialPages {
        material_id: key.into(),
        upload_ids: ids.iter().map(|s| s.to_string()).collect(),
    };
    let fields = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    BundleApplication {
        bundle_id: "restaurant".into(),
        situation: vec!["licence-no".into()],
        applicant: Applicant {
            name: "王小明".into(),
            id_number: "11010519491231002X".into(),
            phone: "13800138000".into(),
            address: "示例市中山路1号".into(),
        },
        legal_person: None,
        agent: None,
        services: vec![
            ServiceAnswers {
                service_code: LICENCE.into(),
                situation: vec![],
                fields: fields(&[
                    ("premises", "示例市中山路1号"),
                    ("business_scope", "餐饮服务"),
                    ("capital", "10"),
                ]),
            },
            ServiceAnswers {
                service_code: FOOD.into(),
                situation: vec![],
                fields: fields(&[
                    ("operator_name", "王小明小吃店"),
                    ("uscc", "91350100M000100Y43"),
                    ("premises", "示例市中山路1号"),
                    ("operator_type", "餐饮服务经营者"),
                    ("business_items", "热食类食品制售"),
                ]),
            },
        ],
        materials: vec![
            pages("operator-id", &["u1", "u2"]),
            pages(&format!("{LICENCE}.premises-proof"), &["u3"]),
            pages(&format!("{FOOD}.layout"), &["u4"]),
            pages(&format!("{FOOD}.rules"), &["u5"]),
        ],
        delivery: Delivery::Window,
        consent: true,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn check(app: &BundleApplication) -> Vec<FieldError> {
    let (services, forms) = catalog();
    let b = bundle();
    let pairs: Vec<(&Service, &FormDefinition)> = b
        .services_for(&app.situation)
        .iter()
        .map(|code| {
            let s = services.iter().find(|s| s.code == *code).unwrap();
            let f = forms.iter().find(|f| f.service_code == *code).unwrap();
            (s, f)
        })
        .collect();
    validate_bundle_application(app, &b, &pairs, today())
}

#[test]
fn a_shared_material_is_given_once_and_counts_for_each_service() {
    let (services, _) = catalog();
    let (b, app) = (bundle(), application());
    let licence = services.iter().find(|s| s.code == LICENCE).unwrap();
    let food = services.iter().find(|s| s.code == FOOD).unwrap();
    let one = app.for_service(&b, licence);
    let two = app.for_service(&b, food);
    let pages_of = |a: &Application, id: &str| {
        a.materials
            .iter()
            .find(|m| m.material_id == id)
            .map(|m| m.upload_ids.clone())
    };
    let both = Some(vec!["u1".to_string(), "u2".to_string()]);
    assert_eq!(pages_of(&one, "operator-id"), both);
    assert_eq!(pages_of(&two, "operator-id"), both);
    assert_eq!(pages_of(&one, "premises-proof"), Some(vec!["u3".into()]));
    assert_eq!(pages_of(&two, "premises-proof"), None);
    assert_eq!(pages_of(&two, "layout"), Some(vec!["u4".into()]));
    assert_eq!(one.applicant, two.applicant);
    // The bundle's presets answer each service's own question.
    assert_eq!(one.situation, ["individual"]);
    assert_eq!(two.situation, ["new"]);
    assert_eq!(check(&app), vec![]);
}

#[test]
fn errors_name_the_page_that_asks() {
    let mut app = application();
    app.applicant.phone = "123".into();
    app.services[1].fields.retain(|(k, _)| k != "operator_type");
    app.materials.retain(|m| m.material_id != "operator-id");
    app.materials.push(MaterialPages {
        material_id: "not-ours".into(),
        upload_ids: vec!["u9".into()],
    });
    let fields: Vec<String> = check(&app).into_iter().map(|e| e.field).collect();
    // The phone is given once, so its error appears once although two services check it.
    assert_eq!(fields.iter().filter(|f| *f == "applicant.phone").count(), 1);
    assert!(fields.contains(&format!("service.{FOOD}.operator_type")));
    // The shared material missing is one error, under its one key.
    assert!(fields.contains(&"material.operator-id".to_string()));
    assert!(fields.contains(&"material.not-ours".to_string()));
    assert_eq!(fields.len(), 4, "{fields:?}");
}

#[test]
fn the_bundles_answer_overrides_a_preset_and_removes_a_service() {
    let (services, _) = catalog();
    let licence = services.iter().find(|s| s.code == LICENCE).unwrap();
    let mut app = application();
    app.situation = vec!["family".into(), "licence-no".into()];
    assert_eq!(app.for_service(&bundle(), licence).situation, ["family"]);
    // 家庭经营 asks for the family members' papers, under the licence's own key.
    let fields: Vec<String> = check(&app).into_iter().map(|e| e.field).collect();
    assert_eq!(fields, [format!("material.{LICENCE}.family-members")]);
    // Already licensed: only the food permit applies, and the licence's pages are not ours.
    app.situation = vec!["licence-yes".into()];
    assert_eq!(bundle().services_for(&app.situation), [FOOD]);
    let fields: Vec<String> = check(&app).into_iter().map(|e| e.field).collect();
    assert_eq!(fields, [format!("material.{LICENCE}.premises-proof")]);
}

#[test]
fn oversized_lists_are_refused_first() {
    let mut app = application();
    app.materials = (0..100)
        .map(|i| MaterialPages {
            material_id: format!("m{i}"),
            upload_ids: vec![],
        })
        .collect();
    let errors = bundle_application_bounds(&app, &bundle());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "materials");
    assert!(bundle_application_bounds(&application(), &bundle()).is_empty());
}

fn track(status: CaseStatus, due: Option<(u32, u32)>) -> CaseView {
    let json = r#"{"case_number":"1","service_code":"S","service_name":"s","department":"d",
        "status":"submitted","applicant_name":"王*","applicant_id_masked":"1*X",
        "submitted_at":"2026-11-30T09:00:00+08:00","promised_limit":{"kind":"on_the_spot"},
        "timeline":[],"delivery":{"kind":"window"}}"#;
    let mut view: CaseView = serde_json::from_str(json).unwrap();
    view.status = status;
    view.due_date = due.map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d).unwrap());
    view
}

#[test]
fn the_whole_is_due_on_the_latest_track_date() {
    use CaseStatus::*;
    let a = track(UnderReview, Some((12, 4)));
    let b = track(SupplementRequired, Some((12, 9)));
    assert_eq!(
        overall_due_date(&[a.clone(), b.clone()]),
        NaiveDate::from_ymd_opt(2026, 12, 9)
    );
    // Not known while a track waits to be accepted.
    assert_eq!(overall_due_date(&[a.clone(), track(Submitted, None)]), None);
    // A track refused at intake does not hold the whole back.
    assert_eq!(
        overall_due_date(&[a.clone(), track(NotAccepted, None)]),
        NaiveDate::from_ymd_opt(2026, 12, 4)
    );
    assert_eq!(overall_status(&[a.clone(), b]), SupplementRequired);
    assert_eq!(overall_status(&[a, track(Delivered, None)]), UnderReview);
    assert_eq!(
        overall_status(&[track(Delivered, None), track(NotAccepted, None)]),
        Delivered
    );
}

#[test]
fn a_single_case_is_its_own_one_track_and_old_json_reads() {
    let single = track(CaseStatus::Accepted, None);
    assert_eq!(single.tracks(), std::slice::from_ref(&single));
    let json = serde_json::to_string(&single).unwrap();
    assert!(!json.contains("tracks"), "old readers see the same JSON");
    let mut whole = track(CaseStatus::Accepted, None);
    whole.tracks = vec![single.clone(), single.clone()];
    assert_eq!(whole.tracks().len(), 2);
    let back: CaseView = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
    assert_eq!(back, whole);
}

#[test]
fn a_supplement_on_one_track_does_not_stop_the_whole_clock() {
    use CaseStatus::*;
    let review = track(UnderReview, Some((12, 4)));
    let waiting = track(SupplementRequired, Some((12, 9)));
    assert!(!overall_clock_paused(&[review.clone(), waiting.clone()]));
    assert!(overall_clock_paused(&[waiting.clone(), waiting.clone()]));
    // A finished track neither runs nor stops the clock of the others.
    assert!(overall_clock_paused(&[waiting, track(Delivered, None)]));
    assert!(!overall_clock_paused(&[track(Delivered, None)]));
}
