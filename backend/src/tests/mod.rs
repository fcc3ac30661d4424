//! Tests of the API through the router, on a real SQLite database in a temporary folder.

mod applications;
mod appointments;
mod bounds;
mod bundle_cases;
mod bundles;
mod calendar_api;
mod catalog_import;
mod catalog_services;
mod cleanup;
mod cli;
mod deployment;
mod due_dates;
mod english;
mod feedback;
mod islands_lists;
mod limits;
mod lookup;
mod offline_routes;
mod old_data;
mod openapi_doc;
mod pages;
mod performance;
mod publications;
mod rating;
mod replays;
mod staff;
mod transitions;
mod uploads;

use std::net::SocketAddr;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use contract::chrono::NaiveDate as Date;
use contract::*;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tempfile::TempDir;
use tower::ServiceExt;

use crate::app::{api_router, AppState};
use crate::clock::china_midnight;
use crate::config::Config;
use crate::http::ratelimit::Limits;
use crate::uploads::sniff::samples;

/// The whole router (API, pages, files) over a `dist/` holding `index_html` (given the app's
/// module script if it has none, as Trunk writes it) and the islands bundle's page, as the
/// backend serves it; the folder lives as long as the returned guard.
pub fn whole_router(index_html: &str) -> (TempDir, Router) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let module = |bundle: &str| {
        format!(
            "<script type=\"module\">import init from '/{bundle}-0123456789abcdef.js';</script>"
        )
    };
    let index_html = if index_html.contains("<script type=\"module\">") {
        index_html.to_string()
    } else {
        index_html.replacen("</head>", &format!("{}</head>", module("portal")), 1)
    };
    std::fs::write(dir.path().join("dist/index.html"), index_html).unwrap();
    // As Trunk writes it: the loader and the preloads of the bundle's script and wasm.
    std::fs::write(
        dir.path().join("dist/islands.html"),
        format!(
            "<html><head>{}<link rel=\"modulepreload\" href=\"/islands-0123456789abcdef.js\">\
             <link rel=\"preload\" href=\"/islands-0123456789abcdef_bg.wasm\"></head>\
             <body></body></html>",
            module("islands")
        ),
    )
    .unwrap();
    let config = Config {
        addr: "127.0.0.1:0".into(),
        data_dir: dir.path().join("data"),
        dist_dir: dir.path().join("dist"),
        staff_token: None,
        trust_proxy: false,
        behind_tls: false,
        api_origin: None,
    };
    let state = AppState::open(&config).unwrap();
    let router = crate::app::router(state, &config).unwrap();
    (dir, router)
}

pub const STAFF_TOKEN: &str = "test-staff-token-0123456789";
pub const SERVICE: &str = "TEST-ONLINE-0001";
pub const OFFLINE_SERVICE: &str = "TEST-WINDOW-0002";
pub const ID_NUMBER: &str = "11010519491231002X";

pub struct TestApp {
    pub dir: TempDir,
    pub state: AppState,
    router: Router,
}

/// Monday 2026-03-02, 10:00 in Beijing.
pub fn start_time() -> i64 {
    china_midnight(Date::from_ymd_opt(2026, 3, 2).unwrap()) + 10 * 3600
}

pub fn ip(last: u8) -> SocketAddr {
    SocketAddr::from(([192, 0, 2, last], 40000))
}

impl TestApp {
    pub fn new() -> TestApp {
        TestApp::with_token(Some(STAFF_TOKEN))
    }

    pub fn with_token(token: Option<&str>) -> TestApp {
        // Tests build many cases for one applicant from one address: the submission limits
        // are lifted here and tested with `strict`.
        TestApp::build(
            token,
            Limits {
                failure_delay: std::time::Duration::ZERO,
                submissions: crate::http::ratelimit::WindowLimiter::new(usize::MAX, 1),
                submissions_per_applicant_per_day: u32::MAX,
                ..TestApp::any_disk()
            },
        )
    }

    /// The backend's limits, but uploads do not depend on how full the test machine's disk is
    /// (the free-space guard has its own test).
    fn any_disk() -> Limits {
        Limits {
            min_free_bytes: 0,
            min_free_percent: 0,
            ..Limits::default()
        }
    }

    /// The backend's own limits, without the delay after a failed look-up.
    pub fn strict() -> TestApp {
        TestApp::with_limits(Limits {
            failure_delay: std::time::Duration::ZERO,
            ..TestApp::any_disk()
        })
    }

    /// With other limits (the numbers of a test).
    pub fn with_limits(limits: Limits) -> TestApp {
        TestApp::build(Some(STAFF_TOKEN), limits)
    }

    fn build(token: Option<&str>, limits: Limits) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let config = Config {
            addr: "127.0.0.1:0".into(),
            data_dir: dir.path().to_path_buf(),
            dist_dir: dir.path().join("dist"),
            staff_token: token.map(str::to_string),
            trust_proxy: false,
            behind_tls: false,
            api_origin: None,
        };
        let mut state = AppState::open(&config).unwrap();
        state.limits = std::sync::Arc::new(limits);
        state.db.with(insert_test_services).unwrap();
        state.clock.set(start_time());
        let router = api_router().with_state(state.clone());
        TestApp { dir, state, router }
    }

    /// Sends a request from `from`; returns status, headers and body.
    pub async fn send_from(
        &self,
        from: SocketAddr,
        mut req: Request<Body>,
    ) -> (StatusCode, HeaderMap, Bytes) {
        req.extensions_mut().insert(ConnectInfo(from));
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        (status, headers, body)
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method).uri(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = match body {
            Some(b) => req
                .header("content-type", "application/json")
                .body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let (status, _, body) = self.send_from(ip(1), req).await;
        (status, parse(&body))
    }

    /// A GET answered as it is: status, headers and the raw body.
    pub async fn get_raw(&self, path: &str) -> (StatusCode, HeaderMap, Bytes) {
        let req = Request::get(path).body(Body::empty()).unwrap();
        self.send_from(ip(1), req).await
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.request(Method::GET, path, &[], None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.request(Method::POST, path, &[], Some(body)).await
    }

    pub async fn upload(&self, draft: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
        let req = Request::post(format!("/api/uploads?draft={draft}"))
            .header("content-type", "application/octet-stream")
            .body(Body::from(bytes))
            .unwrap();
        let (status, _, body) = self.send_from(ip(1), req).await;
        (status, parse(&body))
    }

    /// Uploads a small PNG and returns its id.
    pub async fn upload_png(&self) -> String {
        let (status, body) = self.upload("draft-0001", samples::png(800, 600)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["upload_id"].as_str().unwrap().to_string()
    }

    pub async fn submit(&self, key: &str, app: &Application) -> (StatusCode, Value) {
        self.request(
            Method::POST,
            "/api/applications",
            &[("idempotency-key", key)],
            Some(serde_json::to_value(app).unwrap()),
        )
        .await
    }

    /// A submitted case (delivery at the window unless `post`).
    pub async fn new_case_with(&self, post: bool) -> SubmitReceipt {
        let mut app = application(&self.upload_png().await);
        if post {
            app.delivery = Delivery::Post {
                recipient: "李四".into(),
                phone: "13900139000".into(),
                address: "北京市东城区某某路2号".into(),
            };
        }
        let key = crate::tokens::random_id().unwrap();
        let (status, body) = self.submit(&key, &app).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    pub async fn new_case(&self) -> SubmitReceipt {
        self.new_case_with(false).await
    }

    pub async fn staff_action(&self, number: &str, action: Value) -> (StatusCode, Value) {
        let auth = format!("Bearer {STAFF_TOKEN}");
        self.request(
            Method::POST,
            &format!("/api/staff/cases/{number}/actions"),
            &[("authorization", &auth)],
            Some(action),
        )
        .await
    }

    pub async fn act(&self, number: &str, action: Value) -> CaseView {
        let (status, body) = self.staff_action(number, action).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    pub async fn lookup(&self, receipt: &SubmitReceipt) -> CaseView {
        let (status, body) = self
            .post(
                "/api/cases/lookup",
                json!({"case_number": receipt.case_number, "query_code": receipt.query_code}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_value(body).unwrap()
    }

    /// Rows of `from`: a table name, with a WHERE clause if wanted.
    pub fn count(&self, from: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) AS n FROM {from}");
        self.state
            .db
            .with(|c| c.query_row(&sql, [], |r| r.get("n")).unwrap())
            .unwrap()
    }

    pub fn days_later(&self, days: i64) {
        self.state.clock.advance(days * 86_400);
    }
}

pub fn parse(body: &[u8]) -> Value {
    serde_json::from_slice(body).unwrap_or(Value::Null)
}

/// Actions by name, with valid inputs.
pub fn action(name: &str) -> Value {
    match name {
        "request_supplement" => json!({"action": name, "handler": "王审查",
            "items": [{"material_id": "form", "reason": "签名不清晰"}]}),
        "start_special_procedure" => json!({"action": name, "handler": "王审查",
            "procedure": "inspection", "reason": "需要现场核实经营场所"}),
        "refuse_intake" | "refuse" => json!({"action": name, "handler": "王审查",
            "reason": "不符合申请条件"}),
        "deliver" => json!({"action": name, "handler": "赵窗口"}),
        _ => json!({"action": name, "handler": "王审查", "opinion": ""}),
    }
}

pub fn application(upload_id: &str) -> Application {
    Application {
        service_code: SERVICE.into(),
        situation: vec!["normal".into()],
        applicant: Applicant {
            name: "张三".into(),
            id_number: ID_NUMBER.into(),
            phone: "13800138000".into(),
            address: "北京市西城区某某街1号".into(),
        },
        legal_person: None,
        agent: None,
        fields: vec![("reason".into(), "证件遗失".into())],
        materials: vec![MaterialPages {
            material_id: "form".into(),
            upload_ids: vec![upload_id.into()],
        }],
        delivery: Delivery::Window,
        consent: true,
    }
}

fn material(id: &str, name: &str, required: Necessity) -> Material {
    Material {
        id: id.into(),
        name: name.into(),
        form: MaterialForm::Electronic,
        copies: 1,
        required,
        source: MaterialSource::Applicant,
        blank_form: None,
        sample: None,
        notes: String::new(),
        applies_when: vec![],
        spec: String::new(),
        acceptance: String::new(),
    }
}

pub fn test_service(code: &str, online: bool) -> Service {
    let option = |id: &str, limit| SituationOption {
        id: id.into(),
        label: id.into(),
        promised_limit: limit,
    };
    Service {
        code: code.into(),
        name: "测试证明开具".into(),
        aliases: vec![],
        kind: ServiceKind::Confirmation,
        department: "测试市市场监督管理局".into(),
        delegated_department: None,
        audience: vec![Audience::Person],
        themes: vec![],
        legal_basis: vec![],
        conditions: vec![],
        case_type: CaseType::Committed,
        statutory_limit: contract::StatutoryLimit {
            limit: contract::TimeLimit::working_days(20),
            citation: None,
        },
        promised_limit: contract::TimeLimit::working_days(5),
        limit_note: String::new(),
        visits_required: 0,
        channels: vec![Channel::Window, Channel::Online, Channel::Post],
        online_application: online,
        places: vec![],
        consult_phone: "12345".into(),
        complaint_phone: "12345".into(),
        fees: vec![],
        steps: vec![],
        result: ServiceResult {
            name: "证明".into(),
            kind: "证照".into(),
            sample: None,
        },
        materials: vec![
            material("form", "申请表", Necessity::Required),
            material("photo", "现场照片", Necessity::Optional),
        ],
        situations: vec![Situation {
            id: "urgency".into(),
            question: "是否加急？".into(),
            options: vec![
                option("normal", None),
                option("urgent", Some(contract::TimeLimit::working_days(3))),
                // A promise in calendar days, as a city may copy from a statute in 日.
                option("by_law", Some(contract::TimeLimit::calendar_days(10))),
            ],
        }],
        faq: vec![],
        refusal_reasons: vec![],
        appeal: AppealRights {
            review: "60日内申请行政复议".into(),
            litigation: "6个月内提起行政诉讼".into(),
        },
        version: "1".into(),
        updated: Date::from_ymd_opt(2026, 1, 1).unwrap(),
        base_code: None,
        levels: vec![],
        intermediaries: vec![],
        quantity_limit: None,
        special_procedures: vec![],
        online_depth: None,
        scope: None,
        takes_appointments: false,
        online_payment: false,
        progress: vec![],
        content_lang: Default::default(),
        department_en: None,
        en: None,
    }
}

fn insert_test_services(conn: &mut rusqlite::Connection) {
    for (code, online) in [(SERVICE, true), (OFFLINE_SERVICE, false)] {
        let service = test_service(code, online);
        conn.execute(
            "INSERT INTO services (code, name, department, body, pinyin, etag) VALUES (?1, ?2, ?3, ?4, '[]', '\"t\"')",
            rusqlite::params![code, service.name, service.department, serde_json::to_string(&service).unwrap()],
        )
        .unwrap();
        let form = FormDefinition {
            service_code: code.into(),
            fields: vec![FormField {
                id: "reason".into(),
                label: "申请原因".into(),
                kind: FieldKind::Text { max_chars: 50 },
                required: true,
                hint: String::new(),
            }],
        };
        conn.execute(
            "INSERT INTO forms (service_code, body) VALUES (?1, ?2)",
            rusqlite::params![code, serde_json::to_string(&form).unwrap()],
        )
        .unwrap();
    }
}
