//! The 开办餐饮店 application's pages, whole service and submission, on the example catalog.

use super::*;
use crate::components::material_pages::PageRef;

const LICENCE: &str = "11990100SCJG010001000";
const FOOD: &str = "11990100SCJG010006000";

fn loaded() -> Loaded {
    let bundles: Vec<Bundle> =
        serde_json::from_str(include_str!("../../../backend/catalog/bundles.json")).unwrap();
    let services: Vec<Service> = serde_json::from_str(include_str!(
        "../../../backend/catalog/market-regulation.json"
    ))
    .unwrap();
    let forms: Vec<FormDefinition> =
        serde_json::from_str(include_str!("../../../backend/catalog/forms.json")).unwrap();
    let bundle = bundles.into_iter().find(|b| b.id == "restaurant").unwrap();
    let services = [LICENCE, FOOD]
        .iter()
        .map(|code| {
            let s = services.iter().find(|s| s.code == *code).unwrap().clone();
            let f = forms
                .iter()
                .find(|f| f.service_code == *code)
                .unwrap()
                .clone();
            (s, f)
        })
        .collect();
    Loaded { bundle, services }
}

fn draft() -> Draft {
    let mut d = Draft::new("d1".into(), "restaurant", "开办餐饮店一件事", 0.0);
    d.bundle_id = "restaurant".into();
    d.situation = vec!["individual".into(), "licence-no".into()];
    d.consent = true;
    d.applicant.name = "张三".into();
    d.applicant.id_number = "11010519491231002x".into();
    d.applicant.phone = "13800138000".into();
    d.applicant.address = "北京市西城区某某街1号".into();
    for (code, id, v) in [
        (LICENCE, "premises", "北京市西城区某某街1号"),
        (LICENCE, "business_scope", "餐饮服务"),
        (LICENCE, "capital", "10"),
        (FOOD, "operator_name", "张三小吃店"),
        (FOOD, "uscc", "91350100M000100Y43"),
        (FOOD, "premises", "北京市西城区某某街1号"),
        (FOOD, "operator_type", "餐饮服务经营者"),
        (FOOD, "business_items", "热食类食品制售"),
    ] {
        d.set_field(&field_key(code, id), v.into());
    }
    let page = |key: String, photo: &str| PageRef {
        material_id: key,
        photo_id: photo.into(),
        warnings: vec![],
        pdf: false,
    };
    d.pages = vec![
        page("operator-id".into(), "p1"),
        page(format!("{LICENCE}.premises-proof"), "p2"),
        page(format!("{FOOD}.layout"), "p3"),
        page(format!("{FOOD}.rules"), "p4"),
    ];
    d
}

fn today() -> Date {
    Date::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn one_page_per_service_and_answers_take_services_out() {
    let l = loaded();
    let mut d = draft();
    let slugs: Vec<String> = l.pages(&d).iter().map(Page::slug).collect();
    assert_eq!(
        slugs,
        [
            "notice".to_string(),
            "situation".into(),
            "applicant".into(),
            format!("service-{LICENCE}"),
            format!("service-{FOOD}"),
            "materials".into(),
            "delivery".into(),
            "check".into()
        ]
    );
    for p in l.pages(&d) {
        assert_eq!(Page::from_slug(&p.slug()), Some(p));
    }
    d.situation = vec!["licence-yes".into()];
    assert!(!l.pages(&d).contains(&Page::Service(LICENCE.into())));
}

#[test]
fn each_material_is_asked_for_once() {
    let l = loaded();
    let whole = l.whole(&draft()).unwrap();
    let ids: Vec<&str> = whole.materials.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.iter().filter(|id| **id == "operator-id").count(), 1);
    let shared = whole
        .materials
        .iter()
        .find(|m| m.id == "operator-id")
        .unwrap();
    assert!(
        shared.notes.contains("个体工商户设立登记"),
        "{}",
        shared.notes
    );
    assert!(shared.notes.contains("食品经营许可"), "{}", shared.notes);
    assert!(ids.contains(&format!("{FOOD}.rules").as_str()));
    assert_eq!(whole.department, l.bundle.lead_department);
    assert_eq!(whole.situations.len(), l.bundle.situations.len());
}

#[test]
fn the_draft_submits_each_services_answers_and_errors_find_their_page() {
    let l = loaded();
    let mut d = draft();
    assert_eq!(l.errors(&d, today()), vec![]);
    let app = l.application(&d, |p| Some(format!("u-{p}")));
    assert_eq!(app.applicant.id_number, "11010519491231002X");
    let food = app.answers(FOOD).unwrap();
    assert!(food
        .fields
        .contains(&("operator_type".to_string(), "餐饮服务经营者".to_string())));
    let shared = app
        .materials
        .iter()
        .find(|m| m.material_id == "operator-id")
        .unwrap();
    assert_eq!(shared.upload_ids, ["u-p1"]);

    d.set_field(&field_key(FOOD, "operator_type"), String::new());
    d.pages.retain(|p| p.material_id != "operator-id");
    let food_page = Page::Service(FOOD.into());
    let on_food: Vec<String> = l
        .errors_on(&food_page, &d, today())
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(on_food, [field_key(FOOD, "operator_type")]);
    assert_eq!(
        l.errors_on(&Page::Materials, &d, today())[0].field,
        "material.operator-id"
    );
    assert!(l.errors_on(&Page::Applicant, &d, today()).is_empty());
}
