//! 一件事 bundles: served with the catalog, checked against the services they join, imported
//! with them.

use std::path::Path;

use super::*;
use crate::catalog::bundles;
use crate::catalog::check::{self, Catalog};
use crate::catalog::import::{self, load_checked};

const FOOD: &str = "11990100SCJG010006000";
const SOLE: &str = "11990100SCJG010001000";

#[tokio::test]
async fn the_list_names_every_bundle_with_its_departments_and_limit() {
    let t = TestApp::new();
    let (status, body) = t.get("/api/bundles").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list: Vec<BundleSummary> = serde_json::from_value(body).unwrap();
    let names: Vec<&str> = list.iter().map(|b| b.name.as_str()).collect();
    for name in [
        "新生儿出生一件事",
        "开办餐饮店一件事",
        "残疾人服务一件事",
        "退休一件事",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    let newborn = list.iter().find(|b| b.id == "newborn").unwrap();
    // The card is optional: only the departments joined without an answer are named.
    assert_eq!(newborn.departments, ["市公安局", "市医疗保障局"]);
    assert_eq!(newborn.promised_limit, TimeLimit::working_days(10));

    // Filtered by service: the line on a guide.
    let (status, body) = t.get(&format!("/api/bundles?service={FOOD}")).await;
    assert_eq!(status, StatusCode::OK);
    let only: Vec<BundleSummary> = serde_json::from_value(body).unwrap();
    assert_eq!(
        only.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        ["restaurant"]
    );
    let (_, body) = t.get("/api/bundles?service=NO-SUCH-CODE").await;
    assert_eq!(body, json!([]));
}

#[tokio::test]
async fn one_bundle_comes_with_the_whole_guide_of_each_service_and_an_unknown_one_is_404() {
    let t = TestApp::new();
    let (status, body) = t.get("/api/bundles/restaurant").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let guide: BundleGuide = serde_json::from_value(body).unwrap();
    let codes: Vec<&str> = guide.services.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, [SOLE, FOOD]);
    // The operator's identity is asked for once, for both services.
    let list = contract::bundle::combined_list(&guide.bundle, &guide.services, &[]);
    assert_eq!(list.shared.len(), 1);
    assert_eq!(list.shared[0].shared.name, "经营者居民身份证");
    assert_eq!(list.shared[0].services.len(), 2);
    for entry in &list.per_service {
        assert!(entry.materials.iter().all(|m| m.id != "operator-id"));
    }

    let (status, body) = t.get("/api/bundles/no-such-bundle").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found", "{body}");
}

/// The embedded catalog as a directory a city could write, with `edit` applied to its bundles.
fn embedded_with(edit: impl FnOnce(&mut Vec<contract::bundle::Bundle>)) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let mut list = bundles::embedded();
    edit(&mut list);
    std::fs::write(
        dir.path().join(bundles::FILE),
        serde_json::to_string_pretty(&list).unwrap(),
    )
    .unwrap();
    dir
}

fn bundle_problems(dir: &Path) -> Vec<(String, String)> {
    load_checked(dir)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            assert_eq!(p.file, bundles::FILE, "{p}");
            (p.field, p.message)
        })
        .collect()
}

/// A change that spoils the bundles.
type Spoil = Box<dyn FnOnce(&mut Vec<contract::bundle::Bundle>)>;

#[test]
fn the_embedded_bundles_pass_and_each_kind_of_mistake_is_named() {
    let dir = embedded_with(|_| {});
    let catalog = load_checked(dir.path()).unwrap();
    assert_eq!(catalog.bundles.len(), bundles::embedded().len());

    fn restaurant(list: &mut [contract::bundle::Bundle]) -> usize {
        list.iter().position(|b| b.id == "restaurant").unwrap()
    }
    let cases: Vec<(Spoil, &str, &str)> = vec![
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].services.push(contract::bundle::BundleService {
                    service_code: "NOPE".into(),
                    optional: true,
                    preset: vec![],
                });
            }),
            "services[2].service_code",
            "no service has the code NOPE",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].shared_materials[0].uses[1].material_id = "passport".into();
            }),
            "shared_materials[0].uses[1]",
            "has no material passport",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].situations[1].options[1].id = "individual".into();
            }),
            "situations[1].options[1].id",
            "duplicate",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].situations[1].options[1].removes = vec!["11990100GAHZ070003000".into()];
            }),
            "situations[1].options[1].removes",
            "no service of the bundle",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].services[1].preset = vec!["renewal".into()];
            }),
            "services[1].preset",
            "renewal is no situation option",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].promised_limit = TimeLimit::working_days(3);
            }),
            "promised_limit",
            "shorter than 食品经营许可's own 5",
        ),
        (
            Box::new(|l| {
                let i = restaurant(l);
                l[i].promised_limit = TimeLimit::working_days(30);
            }),
            "promised_limit",
            "longer than its slowest service",
        ),
    ];
    for (edit, field, message) in cases {
        let dir = embedded_with(edit);
        let problems = bundle_problems(dir.path());
        assert_eq!(problems.len(), 1, "{field}: {problems:#?}");
        assert_eq!(problems[0].0, field);
        assert!(problems[0].1.contains(message), "{problems:#?}");
    }
}

#[tokio::test]
async fn import_replaces_the_bundles_with_the_catalog_in_one_go() {
    let t = TestApp::new();
    let dir = embedded_with(|l| {
        l.retain(|b| b.id == "restaurant");
        l[0].name = "开办小餐馆一件事".into();
    });
    let catalog: Catalog = load_checked(dir.path()).unwrap();
    t.state
        .db
        .with(|c| import::import(c, &catalog))
        .unwrap()
        .unwrap();
    let (_, body) = t.get("/api/bundles").await;
    let list: Vec<BundleSummary> = serde_json::from_value(body).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "开办小餐馆一件事");

    // A directory whose bundle names a missing service is refused whole: nothing changes.
    let bad = embedded_with(|l| l[0].services[0].service_code = "NOPE".into());
    let (read, problems) = check::read_dir(bad.path());
    assert!(problems.is_empty());
    assert!(!check::check(&read, &crate::catalog::documents::embedded()).is_empty());
    assert!(load_checked(bad.path()).is_err());
    let (_, body) = t.get("/api/bundles").await;
    assert_eq!(body.as_array().map(Vec::len), Some(1));
}

/// The page's markup as a reader sees it: without scripts, islands' props and the renderer's
/// `<!>` markers.
async fn page(router: &axum::Router, path: &str) -> (StatusCode, String) {
    let (status, _, html) = super::pages::get(router, path).await;
    let mut markup = String::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<script") {
        markup.push_str(&rest[..at]);
        rest = rest[at..]
            .split_once("</script>")
            .map_or("", |(_, after)| after);
    }
    markup.push_str(rest);
    // An island's props (what it redraws from when an answer changes) are not shown.
    let mut shown = String::new();
    let mut rest = markup.as_str();
    while let Some(at) = rest.find(" data-props=\"") {
        shown.push_str(&rest[..at]);
        let after = &rest[at + " data-props=\"".len()..];
        rest = after.split_once('"').map_or("", |(_, after)| after);
    }
    shown.push_str(rest);
    (status, shown.replace("<!>", ""))
}

#[tokio::test]
async fn the_bundle_guide_arrives_as_html_with_each_shared_material_once() {
    let (_dir, router) =
        whole_router("<!DOCTYPE html><html><head><title>门户</title></head><body></body></html>");
    let (status, html) = page(&router, "/bundles/newborn").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>新生儿出生一件事</h1>"), "{html}");
    // 出生医学证明 is needed by two services and listed once, saying for which.
    let shared = html.split("bundle-shared").nth(1).unwrap_or_default();
    assert_eq!(html.matches(">出生医学证明<").count(), 1, "{html}");
    assert!(shared.contains("用于：出生登记（新生儿落户）、城乡居民基本医疗保险参保登记<"));
    assert!(html.contains("国发〔2024〕3号"));
    assert!(html.contains("一件事承诺时限</dt><dd>10 个工作日"));
    // Without the answer, the card is not part of the bundle; with it, it is.
    assert!(!html.contains("社会保障卡申领"));
    let (_, html) = page(&router, "/bundles/newborn?s=card-yes").await;
    assert!(html.contains("<h3>社会保障卡申领</h3>"), "{html}");
    assert!(html
        .contains("用于：出生登记（新生儿落户）、城乡居民基本医疗保险参保登记、社会保障卡申领<"));
    assert!(html.contains("href=\"/bundles/newborn/apply?s=card-yes\""));

    // 残疾人证 is applied for at a window: no online application is offered for the bundle.
    let (_, html) = page(&router, "/bundles/disability").await;
    assert!(!html.contains("/bundles/disability/apply"));
    assert!(
        html.contains("残疾人证申领（新办、换领、补办）需要到窗口办理"),
        "{html}"
    );

    // A member service's guide links the bundle.
    let (_, html) = page(&router, "/services/11990100GAHZ070003000").await;
    assert!(html.contains("href=\"/bundles/newborn\""), "{html}");
    let (_, html) = page(&router, "/services/11990100GAHZ070001000").await;
    assert!(!html.contains("href=\"/bundles/"));
    // The list and an unknown bundle.
    let (_, html) = page(&router, "/bundles").await;
    assert!(html.contains("开办餐饮店一件事"));
    let (_, html) = page(&router, "/bundles/nope").await;
    assert!(!html.contains("<h1>新生儿出生一件事"));
}
