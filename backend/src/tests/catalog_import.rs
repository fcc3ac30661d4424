//! A city's own catalog: `catalog check` names every problem with file, service and field;
//! `catalog import` loads a good directory whole and a bad one not at all; cases keep the
//! guide they were filed under; documents are served as safe HTML.

use std::path::Path;

use axum::http::StatusCode;
use clap::Parser;

use super::*;
use crate::catalog::check::{Catalog, Problem};
use crate::catalog::import::{self, load_checked, CatalogCommand};
use crate::config::{Cli, Command};

const TEST_PLACE: &str = "测试市政务服务中心";

/// The test service made complete enough to pass the check.
fn valid_service(code: &str) -> Service {
    let mut s = test_service(code, true);
    s.legal_basis = vec![LegalBasis {
        law: "《测试条例》".into(),
        article: "第一条".into(),
    }];
    s.statutory_limit.citation = Some(LegalBasis {
        law: "《测试条例》".into(),
        article: "第二条".into(),
    });
    s.conditions = vec!["年满十八周岁。".into()];
    s.places = vec![Place {
        name: TEST_PLACE.into(),
        address: "测试市人民路1号".into(),
        hours: "周一至周五 9:00-17:00".into(),
        district: None,
        phone: None,
    }];
    s.steps = vec![ProcessStep {
        name: "申请".into(),
        description: "网上提交。".into(),
    }];
    s
}

fn form_for(code: &str) -> FormDefinition {
    FormDefinition {
        service_code: code.into(),
        fields: vec![FormField {
            id: "reason".into(),
            label: "申请原因".into(),
            kind: FieldKind::Text { max_chars: 50 },
            required: true,
            hint: String::new(),
        }],
    }
}

fn write(dir: &Path, name: &str, value: &impl serde::Serialize) {
    std::fs::write(dir.join(name), serde_json::to_string_pretty(value).unwrap()).unwrap();
}

/// A directory holding a good two-file catalog; `edit` spoils it.
fn catalog_dir(edit: impl FnOnce(&mut Vec<Service>, &mut Vec<Service>)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut a = vec![valid_service("CITY0001")];
    let mut b = vec![valid_service("CITY0002")];
    edit(&mut a, &mut b);
    write(dir.path(), "a.json", &a);
    write(dir.path(), "b.json", &b);
    write(
        dir.path(),
        "forms.json",
        &vec![form_for("CITY0001"), form_for("CITY0002")],
    );
    // The places' hours beside them, naming the test services' hall.
    let mut hours = crate::appointments::hours::embedded().unwrap();
    hours.places[0].name = TEST_PLACE.into();
    write(dir.path(), "places-hours.json", &hours);
    dir
}

fn problems_of(dir: &Path) -> Vec<Problem> {
    load_checked(dir).err().unwrap_or_default()
}

/// The one problem a spoiled catalog has, as (file, service, field).
fn only_problem(edit: impl FnOnce(&mut Vec<Service>, &mut Vec<Service>)) -> Problem {
    let dir = catalog_dir(edit);
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn at(p: &Problem) -> (&str, Option<&str>, &str) {
    (p.file.as_str(), p.service.as_deref(), p.field.as_str())
}

#[test]
fn a_good_directory_passes_and_so_does_the_embedded_catalog() {
    let dir = catalog_dir(|_, _| {});
    let catalog = load_checked(dir.path()).unwrap();
    assert_eq!(catalog.services.len(), 2);
    // The example catalog is itself a directory in the format a city writes.
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let problems = problems_of(&embedded);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn check_names_file_service_and_field_of_each_kind_of_problem() {
    // A value of the wrong shape: serde's message at the field's path.
    let dir = catalog_dir(|_, _| {});
    let mut raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    raw[0]["materials"][1]["form"] = json!("scan");
    write(dir.path(), "b.json", &raw);
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        at(&problems[0]),
        ("b.json", Some("CITY0002"), "materials[1].form")
    );
    assert!(problems[0].message.contains("scan"), "{}", problems[0]);

    // Not JSON at all.
    let dir = catalog_dir(|_, _| {});
    std::fs::write(dir.path().join("a.json"), "[{\"code\": ").unwrap();
    let problems = problems_of(dir.path());
    assert!(problems
        .iter()
        .any(|p| p.file == "a.json" && p.message.contains("not a JSON array")));

    // The same code twice (forms.json now names a service no file has, too).
    let dir = catalog_dir(|_, b| b[0].code = "CITY0001".into());
    let problems = problems_of(dir.path());
    assert!(
        problems
            .iter()
            .any(|p| at(p) == ("b.json", Some("CITY0001"), "code")
                && p.message.contains("also in a.json")),
        "{problems:#?}"
    );

    // A code that cannot be part of a URL; its form now names no service, and the service
    // has no form: three problems, each where it is.
    let dir = catalog_dir(|a, _| a[0].code = "CITY-0001".into());
    let problems = problems_of(dir.path());
    assert!(problems
        .iter()
        .any(|p| at(p) == ("a.json", Some("CITY-0001"), "code")));
    assert!(problems
        .iter()
        .any(|p| at(p) == ("forms.json", Some("CITY0001"), "service_code")));

    let p = only_problem(|a, _| a[0].name = " ".into());
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "name"));

    let p = only_problem(|a, _| a[0].statutory_limit.citation = None);
    assert_eq!(
        at(&p),
        ("a.json", Some("CITY0001"), "statutory_limit.citation")
    );

    let p = only_problem(|a, _| a[0].promised_limit = TimeLimit::working_days(21));
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "promised_limit"));
    assert!(p.message.contains("longer"), "{p}");

    let p = only_problem(|a, _| a[0].promised_limit = TimeLimit::OnTheSpot);
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "promised_limit"));

    let p = only_problem(|a, _| {
        a[0].fees = vec![Fee {
            item: "工本费".into(),
            standard: "每证10元".into(),
            basis: vec![],
            reductions: String::new(),
            applies_when: vec![],
        }]
    });
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "fees[0].basis"));

    let p = only_problem(|a, _| a[0].materials[0].applies_when = vec!["nobody".into()]);
    assert_eq!(
        at(&p),
        ("a.json", Some("CITY0001"), "materials[0].applies_when")
    );

    let p = only_problem(|a, _| a[0].materials[1].id = "form".into());
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "materials[1].id"));

    let p = only_problem(|a, _| {
        a[0].materials[0].blank_form = Some("/api/documents/no-such-form/blank".into())
    });
    assert_eq!(
        at(&p),
        ("a.json", Some("CITY0001"), "materials[0].blank_form")
    );

    let p = only_problem(|a, _| a[0].materials[0].sample = Some("javascript:alert(1)".into()));
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "materials[0].sample"));

    let p = only_problem(|a, _| a[0].channels = vec![Channel::Window]);
    assert_eq!(at(&p), ("a.json", Some("CITY0001"), "channels"));

    // A service taking online applications needs its form.
    let dir = catalog_dir(|_, _| {});
    write(dir.path(), "forms.json", &vec![form_for("CITY0001")]);
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        at(&problems[0]),
        ("b.json", Some("CITY0002"), "online_application")
    );

    // Every problem is reported at once, not the first one only.
    let dir = catalog_dir(|a, b| {
        a[0].name = String::new();
        b[0].statutory_limit.citation = None;
    });
    assert_eq!(problems_of(dir.path()).len(), 2);
}

#[test]
fn every_place_a_service_names_has_opening_hours() {
    let p = only_problem(|_, b| b[0].places[0].name = "测试市第二政务服务中心".into());
    assert_eq!(at(&p), ("b.json", Some("CITY0002"), "places[0].name"));
    assert!(
        p.message.contains("测试市第二政务服务中心") && p.message.contains("places-hours.json"),
        "{p}"
    );

    // Without its own places-hours.json a directory is checked against the embedded one, which
    // the backend then uses: the test hall is not in it, a hall of the example city is.
    let dir = catalog_dir(|_, b| b[0].places[0].name = "市民中心政务服务大厅".into());
    std::fs::remove_file(dir.path().join("places-hours.json")).unwrap();
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        at(&problems[0]),
        ("a.json", Some("CITY0001"), "places[0].name")
    );
    assert!(problems[0].message.contains("embedded"), "{}", problems[0]);

    // A places-hours.json that does not parse is reported once, not again for every place.
    let dir = catalog_dir(|_, _| {});
    std::fs::write(dir.path().join("places-hours.json"), "{}").unwrap();
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, "places-hours.json");
}

#[test]
fn catalog_commands_parse() {
    let cli = Cli::try_parse_from(["backend", "catalog", "check", "/srv/city"]).unwrap();
    assert!(matches!(
        cli.command,
        Some(Command::Catalog(CatalogCommand::Check { dir })) if dir == Path::new("/srv/city")
    ));
    let cli = Cli::try_parse_from([
        "backend",
        "catalog",
        "import",
        "/srv/city",
        "--data-dir",
        "/srv/data",
    ])
    .unwrap();
    assert!(matches!(
        cli.command,
        Some(Command::Catalog(CatalogCommand::Import { .. }))
    ));
    assert_eq!(cli.config.data_dir, Path::new("/srv/data"));
}

fn config_for(data_dir: &Path) -> crate::config::Config {
    crate::config::Config {
        addr: "127.0.0.1:0".into(),
        data_dir: data_dir.to_path_buf(),
        dist_dir: data_dir.join("dist"),
        staff_token: None,
        trust_proxy: false,
        behind_tls: false,
        api_origin: None,
    }
}

fn codes(state: &AppState) -> Vec<String> {
    state
        .db
        .with(|c| {
            crate::catalog::service_items::list_summaries(c, false)
                .unwrap()
                .into_iter()
                .map(|s| s.code)
                .collect()
        })
        .unwrap()
}

#[tokio::test]
async fn import_replaces_the_example_and_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let config = config_for(data.path());
    let state = AppState::open(&config).unwrap();
    let example = codes(&state);
    assert!(example.len() >= 40, "the example catalog is the default");
    drop(state);

    let dir = catalog_dir(|_, _| {});
    import::run(
        &config,
        CatalogCommand::Import {
            dir: dir.path().into(),
        },
    )
    .unwrap();

    // Start-up does not put the example back.
    let state = AppState::open(&config).unwrap();
    assert_eq!(codes(&state), ["CITY0001", "CITY0002"]);
    let router = api_router().with_state(state);
    let get = |path: String| {
        let router = router.clone();
        async move {
            let mut req = Request::get(path).body(Body::empty()).unwrap();
            req.extensions_mut().insert(ConnectInfo(ip(1)));
            let res = router.oneshot(req).await.unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            (status, parse(&body))
        }
    };
    let (status, body) = get("/api/services/CITY0002".into()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["name"], "测试证明开具");
    let (status, _) = get(format!("/api/services/{}", example[0])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = get("/api/services/CITY0001/form".into()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Without a documents.json, the example documents stay available.
    let (status, _) = get("/api/documents/power-of-attorney/blank".into()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_bad_directory_imports_nothing() {
    let data = tempfile::tempdir().unwrap();
    let config = config_for(data.path());
    let before = codes(&AppState::open(&config).unwrap());

    // One good file and one bad: nothing of either is loaded.
    let dir = catalog_dir(|_, b| b[0].statutory_limit.citation = None);
    let err = import::run(
        &config,
        CatalogCommand::Import {
            dir: dir.path().into(),
        },
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(codes(&AppState::open(&config).unwrap()), before);

    // A directory that does not exist.
    assert!(import::run(
        &config,
        CatalogCommand::Import {
            dir: data.path().join("missing")
        }
    )
    .is_err());
    assert_eq!(codes(&AppState::open(&config).unwrap()), before);
}

#[tokio::test]
async fn a_case_keeps_the_guide_it_was_filed_under() {
    let t = TestApp::new();
    let old = t.new_case().await;

    // The city's new version of the same service asks for other materials.
    let mut next = valid_service(SERVICE);
    next.version = "2".into();
    next.materials[0].id = "form-2026".into();
    next.materials[0].name = "申请表（2026版）".into();
    let catalog = Catalog {
        services: vec![("city.json".into(), next)],
        forms: vec![form_for(SERVICE)],
        ..Catalog::default()
    };
    t.state
        .db
        .with(|c| import::import(c, &catalog))
        .unwrap()
        .unwrap();

    // The old case is examined against the guide it was filed under...
    let n = &old.case_number;
    t.act(n, action("accept")).await;
    t.act(n, action("start_review")).await;
    let view = t.act(n, action("request_supplement")).await;
    assert_eq!(view.supplements[0].material_name, "申请表");
    let (status, body) = t
        .request(
            Method::GET,
            &format!("/api/staff/cases/{n}"),
            &[("authorization", &format!("Bearer {STAFF_TOKEN}"))],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["materials"][0]["material_name"], "申请表");

    // ...while a case filed now gets the new one.
    let upload = t.upload_png().await;
    let mut app = application(&upload);
    app.materials[0].material_id = "form-2026".into();
    let (status, body) = t.submit("key-after-import-01", &app).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let new: SubmitReceipt = serde_json::from_value(body).unwrap();
    let m = &new.case_number;
    t.act(m, action("accept")).await;
    t.act(m, action("start_review")).await;
    let (status, body) = t.staff_action(m, action("request_supplement")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[tokio::test]
async fn documents_are_served_as_standalone_html() {
    let t = TestApp::new();
    let (status, headers, body) = t
        .get_raw("/api/documents/real-estate-registration-application/blank")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    let blank = String::from_utf8(body.to_vec()).unwrap();
    assert!(blank.contains("不动产登记申请书"));
    assert!(
        !blank.contains("周八"),
        "a blank form carries no sample values"
    );
    let (status, _, body) = t
        .get_raw("/api/documents/real-estate-registration-application/sample")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(String::from_utf8(body.to_vec()).unwrap().contains("周八"));
    // A result sample has no blank; unknown ids and variants are 404.
    for path in [
        "/api/documents/tax-clearance-certificate/blank",
        "/api/documents/nothing/blank",
        "/api/documents/power-of-attorney/filled",
    ] {
        let (status, _, _) = t.get_raw(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}
