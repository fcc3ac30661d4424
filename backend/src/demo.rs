//! `backend demo history --days 180`: a plausible history of cases for the example city, so
//! that the public figures (效能公开) are not empty in a demonstration. DEMO DATA: every case is
//! invented. It is made the way real cases are: applications with their photos go through the
//! API, staff act through the API (the same state machine as the staff API and command line),
//! applicants send supplements and ratings through the API, all on a clock moved day by day.
//! Nothing is written to the tables directly.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use axum::Router;
use contract::calendar::{Pause, WorkCalendar};
use contract::chrono::{Duration, NaiveDate as Date};
use contract::performance::RECENT_DAYS;
use contract::{
    Applicant, Application, Delivery, FieldKind, FormDefinition, LimitUnit, MaterialPages, Service,
    ServiceKind, SubmitReceipt, TimeLimit,
};
use http_body_util::BodyExt;
use serde::Serialize;
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::app::{api_router, AppState};
use crate::clock::china_midnight;
use crate::config::Config;
use crate::http::ratelimit::{Limits, WindowLimiter};

#[derive(clap::Subcommand, Debug, Clone)]
pub enum DemoCommand {
    /// 生成演示办件历史 (demo data) for the online services, ending yesterday.
    History {
        /// How many days back the history starts.
        #[arg(long, default_value_t = 180)]
        days: u32,
        /// Seed of the generator: the same seed on the same day gives the same history.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Only these services (实施编码); all online services when not given.
        #[arg(long = "service")]
        services: Vec<String>,
        /// Add to a database that already holds cases (for tests). Without it the command
        /// refuses, so that invented cases never mix with a city's real ones.
        #[arg(long)]
        allow_existing: bool,
        /// Print, as JSON, what the history should show on each guide over the last 90 days.
        #[arg(long)]
        summary: bool,
    },
}

pub async fn run(config: &Config, command: DemoCommand) -> anyhow::Result<()> {
    let DemoCommand::History {
        days,
        seed,
        services,
        allow_existing,
        summary,
    } = command;
    let mut state = AppState::open(config)?;
    let existing: i64 = state
        .db
        .with(|c| c.query_row("SELECT COUNT(*) AS n FROM cases", [], |r| r.get("n")))??;
    if existing > 0 && !allow_existing {
        anyhow::bail!(
            "the database in {} already holds {existing} cases; demo history goes into an empty data folder",
            config.data_dir.display()
        );
    }
    // One generator stands for thousands of citizens: the per-client and per-applicant
    // limits would stop it, not protect anyone.
    state.limits = std::sync::Arc::new(Limits {
        submissions: WindowLimiter::new(usize::MAX, 1),
        submissions_per_applicant_per_day: u32::MAX,
        upload_bytes_per_day: u64::MAX,
        ..Limits::default()
    });
    let token = random_id()?;
    state.staff_token = Some(token.clone().into());
    let today = state.clock.today();
    let out = generate(state, token, days, seed, &services, today).await?;
    if summary {
        println!("{}", serde_json::to_string_pretty(&out.expected)?);
    }
    eprintln!(
        "demo history: {} cases submitted, {} events, {} applications the generator could not fill in",
        out.cases, out.events, out.skipped
    );
    Ok(())
}

/// What the history should show on a guide: the raw counts of the last 90 days, to check the
/// published figures against.
#[derive(Debug, Default, Serialize)]
pub struct Expected {
    pub service_code: String,
    pub decided: u32,
    pub working_days: u32,
    pub with_limit: u32,
    pub on_time: u32,
    pub rated: u32,
    pub satisfied: u32,
}

pub(crate) struct Outcome {
    pub expected: Vec<Expected>,
    pub cases: usize,
    pub events: usize,
    pub skipped: usize,
}

/// splitmix64: small, seeded, good enough for invented data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (0 when n is 0).
    fn below(&mut self, n: u32) -> u32 {
        if n == 0 {
            0
        } else {
            (self.next() % u64::from(n)) as u32
        }
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }
}

#[derive(Clone, Debug)]
enum Step {
    Submit,
    Accept,
    RefuseIntake,
    RequestSupplement,
    Supply,
    StartSpecial,
    EndSpecial,
    Approve,
    Refuse,
    Deliver,
    Rate(u8),
}

struct Event {
    day: Date,
    /// Minutes after midnight, China time.
    minute: u32,
    case: usize,
    step: Step,
}

struct Case {
    service: usize,
    application: Application,
    receipt: Option<SubmitReceipt>,
    handler: &'static str,
    failed: bool,
}

const SURNAMES: [&str; 12] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
];
const GIVEN: [&str; 12] = [
    "伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "婷",
];
const STAFF: [&str; 6] = ["王晓敏", "李建国", "张丽", "刘洋", "陈静", "赵志强"];
const DISTRICTS: [&str; 4] = ["东城区", "西城区", "朝阳区", "海淀区"];
const REGIONS: [&str; 4] = ["110101", "110102", "110105", "110108"];

fn random_id() -> anyhow::Result<String> {
    crate::tokens::random_id().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The `n`-th working day after `day` (`day` itself, or the next working day, for 0).
fn after(calendar: &WorkCalendar, day: Date, n: u32) -> Date {
    if n == 0 {
        let mut d = day;
        while !calendar.is_working_day(d) {
            d = d.succ_opt().unwrap_or(d);
        }
        return d;
    }
    calendar.due_date(day, n, &[], day)
}

fn applicant(rng: &mut Rng, today: Date) -> Applicant {
    let name = format!(
        "{}{}{}",
        rng.pick(&SURNAMES),
        rng.pick(&GIVEN),
        if rng.chance(60) {
            *rng.pick(&GIVEN)
        } else {
            ""
        }
    );
    let birth = Date::from_ymd_opt(1960, 1, 1).unwrap_or(today)
        + Duration::days(i64::from(rng.below(40 * 365)));
    let first17 = format!(
        "{}{}{:03}",
        rng.pick(&REGIONS),
        birth.format("%Y%m%d"),
        rng.below(1000)
    );
    let check = contract::validate::id_check_char(first17.as_bytes()).unwrap_or(b'0') as char;
    Applicant {
        name,
        id_number: format!("{first17}{check}"),
        phone: format!("13{}{:08}", 5 + rng.below(5), rng.below(100_000_000)),
        address: format!(
            "北京市{}示例路{}号{}室",
            rng.pick(&DISTRICTS),
            1 + rng.below(200),
            101 + rng.below(20)
        ),
    }
}

/// A filled-in form: every field with a value of its kind (the first option of a choice).
pub(crate) fn fields(form: &FormDefinition, a: &Applicant, day: Date) -> Vec<(String, String)> {
    form.fields
        .iter()
        .map(|f| {
            let value = match &f.kind {
                FieldKind::Text { max_chars } => {
                    "示例内容".chars().take(*max_chars as usize).collect()
                }
                FieldKind::IdNumber => a.id_number.clone(),
                FieldKind::Phone => a.phone.clone(),
                FieldKind::Date => (day - Duration::days(30)).to_string(),
                FieldKind::Choice { options } => options.first().cloned().unwrap_or_default(),
                FieldKind::Address => a.address.clone(),
            };
            (f.id.clone(), value)
        })
        .collect()
}

/// Working days a decision may take under `limit`, for planning.
fn planned_limit(limit: TimeLimit) -> u32 {
    match limit {
        TimeLimit::Days {
            days,
            unit: LimitUnit::WorkingDays,
        } => days,
        TimeLimit::Days {
            days,
            unit: LimitUnit::CalendarDays,
        } => (days * 5 / 7).max(1),
        TimeLimit::OnTheSpot => 0,
        TimeLimit::NotSet => 20,
    }
}

pub(crate) async fn generate(
    state: AppState,
    token: String,
    days: u32,
    seed: u64,
    only: &[String],
    today: Date,
) -> anyhow::Result<Outcome> {
    let calendar = state.calendar.clone();
    let router = api_router().with_state(state.clone());
    let catalog: Vec<(Service, FormDefinition)> = state
        .db
        .with(|c| {
            let mut out = Vec::new();
            for form in crate::catalog::seed::forms() {
                if !only.is_empty() && !only.contains(&form.service_code) {
                    continue;
                }
                if let Some(s) = crate::catalog::service_items::load_service(c, &form.service_code)?
                {
                    if s.online_application {
                        out.push((s, form));
                    }
                }
            }
            Ok::<_, crate::http::error::AppError>(out)
        })?
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    anyhow::ensure!(!catalog.is_empty(), "no online service to invent cases for");

    let mut rng = Rng(seed);
    let first = today - Duration::days(i64::from(days));
    let last = today - Duration::days(1);
    let recent_from = today - Duration::days(i64::from(RECENT_DAYS) - 1);
    // Some services are asked for far more than others.
    let rates: Vec<u32> = catalog.iter().map(|_| 20 + rng.below(130)).collect();
    let mut expected: Vec<Expected> = catalog
        .iter()
        .map(|(s, _)| Expected {
            service_code: s.code.clone(),
            ..Expected::default()
        })
        .collect();
    let mut cases: Vec<Case> = Vec::new();
    let mut events: Vec<Event> = Vec::new();

    let mut day = first;
    while day <= last {
        let working = calendar.is_working_day(day);
        for (si, (service, form)) in catalog.iter().enumerate() {
            // Fewer online applications on days off; rate in hundredths per day.
            let rate = if working { rates[si] } else { rates[si] / 4 };
            let count = rate / 100 + u32::from(rng.below(100) < rate % 100);
            for _ in 0..count {
                let case = cases.len();
                let a = applicant(&mut rng, today);
                let situation: Vec<String> = service
                    .situations
                    .iter()
                    .filter_map(|s| s.options.first().map(|o| o.id.clone()))
                    .collect();
                let limit = service.promised_limit_for(&situation);
                let application = Application {
                    service_code: service.code.clone(),
                    fields: fields(form, &a, day),
                    materials: service
                        .materials_for(&situation)
                        .map(|m| MaterialPages {
                            material_id: m.id.clone(),
                            upload_ids: Vec::new(),
                        })
                        .collect(),
                    situation,
                    applicant: a,
                    legal_person: None,
                    agent: None,
                    delivery: Delivery::Window,
                    consent: true,
                };
                cases.push(Case {
                    service: si,
                    application,
                    receipt: None,
                    handler: STAFF[rng.below(STAFF.len() as u32) as usize],
                    failed: false,
                });
                let plan = plan(&mut rng, &calendar, service, limit, day);
                if let Some((decided, working_days, on_time, score)) = plan.outcome {
                    if recent_from <= decided && decided <= last {
                        let e = &mut expected[si];
                        e.decided += 1;
                        e.working_days += working_days;
                        if let Some(on_time) = on_time {
                            e.with_limit += 1;
                            e.on_time += u32::from(on_time);
                        }
                        if let Some(score) = score.filter(|_| plan.rated_by <= last) {
                            e.rated += 1;
                            e.satisfied += u32::from(score >= 4);
                        }
                    }
                }
                events.extend(plan.steps.into_iter().map(|(day, minute, step)| Event {
                    day,
                    minute,
                    case,
                    step,
                }));
            }
        }
        day = day.succ_opt().unwrap_or(last + Duration::days(1));
    }
    events.retain(|e| e.day <= last);
    events.sort_by_key(|e| (e.day, e.minute, e.case));

    let client = Client {
        router,
        token,
        png: demo_png(),
    };
    let mut skipped = 0;
    for event in &events {
        let case = &mut cases[event.case];
        if case.failed {
            continue;
        }
        state
            .clock
            .set(china_midnight(event.day) + i64::from(event.minute) * 60);
        if let Err(e) = client.perform(case, &event.step).await {
            if matches!(event.step, Step::Submit) {
                // A form the generator cannot fill in: that service gets no invented cases.
                tracing::warn!(service = %catalog[case.service].0.code, "demo application refused: {e}");
                case.failed = true;
                skipped += 1;
                continue;
            }
            return Err(e.context(format!("{:?} on {}", event.step, event.day)));
        }
    }
    // The summary only counts what was really filed.
    if skipped > 0 {
        for (si, e) in expected.iter_mut().enumerate() {
            if cases.iter().any(|c| c.service == si && c.failed) {
                *e = Expected {
                    service_code: e.service_code.clone(),
                    ..Expected::default()
                };
            }
        }
    }
    Ok(Outcome {
        expected,
        cases: cases.len() - skipped,
        events: events.len(),
        skipped,
    })
}

struct Plan {
    steps: Vec<(Date, u32, Step)>,
    /// Decision day, working days taken, on time, rating.
    outcome: Option<(Date, u32, Option<bool>, Option<u8>)>,
    rated_by: Date,
}

/// The course of one case, decided in advance: when staff act, whether a supplement or a
/// special procedure stops the clock, how long the decision takes, the rating.
fn plan(
    rng: &mut Rng,
    calendar: &WorkCalendar,
    service: &Service,
    limit: TimeLimit,
    submitted: Date,
) -> Plan {
    let mut steps = vec![(submitted, 8 * 60 + rng.below(14 * 60), Step::Submit)];
    // Staff act from 09:50 on, one step every 20 minutes within a case's day.
    let mut phase = 0;
    let mut staff_time = |rng: &mut Rng| {
        phase += 1;
        9 * 60 + 30 + 20 * phase + rng.below(15)
    };
    let accepted = after(calendar, submitted, 1);
    let accept_minute = 9 * 60 + rng.below(30);
    let score = |rng: &mut Rng| match rng.below(100) {
        0..=69 => 5,
        70..=89 => 4,
        90..=95 => 3,
        96..=98 => 2,
        _ => 1,
    };
    if rng.chance(3) {
        steps.push((accepted, accept_minute, Step::RefuseIntake));
        let rated_by = accepted;
        if rng.chance(40) {
            let s = score(rng);
            steps.push((rated_by, 20 * 60 + rng.below(120), Step::Rate(s)));
        }
        return Plan {
            steps,
            outcome: None,
            rated_by,
        };
    }
    steps.push((accepted, accept_minute, Step::Accept));
    let n = planned_limit(limit);
    let late = rng.chance(3);
    let k = if late {
        n + 1 + rng.below(3)
    } else if n == 0 {
        0
    } else {
        // Most cases finish well within the promise.
        1 + rng.below(n).min(rng.below(n))
    };
    let mut pauses: Vec<Pause> = Vec::new();
    if k >= 2 {
        let j = 1 + rng.below(k - 1);
        let from = after(calendar, accepted, j);
        if rng.chance(12) {
            let until = from + Duration::days(i64::from(1 + rng.below(5)));
            steps.push((from, staff_time(rng), Step::RequestSupplement));
            steps.push((until, 19 * 60 + rng.below(120), Step::Supply));
            pauses.push(Pause {
                from,
                until: Some(until),
            });
        } else if service.kind == ServiceKind::Licensing && rng.chance(5) {
            let until = after(calendar, from, 2 + rng.below(4));
            steps.push((from, staff_time(rng), Step::StartSpecial));
            steps.push((until, staff_time(rng), Step::EndSpecial));
            pauses.push(Pause {
                from,
                until: Some(until),
            });
        }
    }
    let resumed = pauses.last().and_then(|p| p.until).unwrap_or(accepted);
    let decided = calendar.due_date(accepted, k, &pauses, resumed);
    steps.push((
        decided,
        staff_time(rng),
        if rng.chance(4) {
            Step::Refuse
        } else {
            Step::Approve
        },
    ));
    let delivered = after(calendar, decided, rng.below(3));
    steps.push((delivered, staff_time(rng), Step::Deliver));
    let rated_by = delivered + Duration::days(i64::from(rng.below(4)));
    let rating = rng.chance(65).then(|| score(rng));
    if let Some(s) = rating {
        steps.push((rated_by, 20 * 60 + rng.below(180), Step::Rate(s)));
    }
    let on_time = calendar
        .due_date_for(accepted, limit, &pauses, decided)
        .map(|due| decided <= due);
    Plan {
        steps,
        outcome: Some((decided, k, on_time, rating)),
        rated_by,
    }
}

struct Client {
    router: Router,
    token: String,
    png: Vec<u8>,
}

impl Client {
    async fn call(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: Body,
    ) -> anyhow::Result<Value> {
        let mut req = Request::post(path);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut req = req.body(body)?;
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 0))));
        let res = self.router.clone().oneshot(req).await?;
        let status = res.status();
        let bytes = res.into_body().collect().await?.to_bytes();
        let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        anyhow::ensure!(status == StatusCode::OK, "{path}: {status} {value}");
        Ok(value)
    }

    async fn json(&self, path: &str, auth: bool, body: Value) -> anyhow::Result<Value> {
        let bearer = format!("Bearer {}", self.token);
        let mut headers = vec![("content-type", "application/json")];
        if auth {
            headers.push(("authorization", bearer.as_str()));
        }
        self.call(path, &headers, Body::from(body.to_string()))
            .await
    }

    async fn upload(&self, draft: &str) -> anyhow::Result<String> {
        let value = self
            .call(
                &format!("/api/uploads?draft={draft}"),
                &[("content-type", "image/png")],
                Body::from(self.png.clone()),
            )
            .await?;
        value["upload_id"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("upload without an id"))
    }

    async fn act(&self, case: &Case, action: Value) -> anyhow::Result<()> {
        let number = case
            .receipt
            .as_ref()
            .map(|r| r.case_number.clone())
            .unwrap_or_default();
        self.json(&format!("/api/staff/cases/{number}/actions"), true, action)
            .await
            .map(|_| ())
    }

    async fn perform(&self, case: &mut Case, step: &Step) -> anyhow::Result<()> {
        let handler = case.handler;
        let lookup = |case: &Case| {
            let r = case.receipt.as_ref();
            (
                r.map(|r| r.case_number.clone()).unwrap_or_default(),
                r.map(|r| r.query_code.clone()).unwrap_or_default(),
            )
        };
        match step {
            Step::Submit => {
                let draft = random_id()?;
                for m in &mut case.application.materials {
                    m.upload_ids = vec![self.upload(&draft).await?];
                }
                let key = random_id()?;
                let body = serde_json::to_string(&case.application)?;
                let receipt = self
                    .call(
                        "/api/applications",
                        &[
                            ("content-type", "application/json"),
                            ("idempotency-key", &key),
                        ],
                        Body::from(body),
                    )
                    .await?;
                case.receipt = Some(serde_json::from_value(receipt)?);
            }
            Step::Accept => {
                self.act(case, json!({"action": "accept", "handler": handler}))
                    .await?
            }
            Step::RefuseIntake => {
                self.act(
                    case,
                    json!({"action": "refuse_intake", "handler": handler,
                           "reason": "申请事项不属于本部门职权范围，请向有关部门申请"}),
                )
                .await?
            }
            Step::RequestSupplement => {
                let material = case
                    .application
                    .materials
                    .first()
                    .map(|m| m.material_id.clone())
                    .unwrap_or_default();
                self.act(
                    case,
                    json!({"action": "request_supplement", "handler": handler,
                           "items": [{"material_id": material, "reason": "照片不清晰，请重新拍摄"}]}),
                )
                .await?
            }
            Step::Supply => {
                let material = case
                    .application
                    .materials
                    .first()
                    .map(|m| m.material_id.clone())
                    .unwrap_or_default();
                let page = self.upload(&random_id()?).await?;
                let (number, code) = lookup(case);
                self.json(
                    "/api/cases/supplement",
                    false,
                    json!({"case_number": number, "query_code": code,
                           "materials": [{"material_id": material, "upload_ids": [page]}]}),
                )
                .await?;
            }
            Step::StartSpecial => {
                self.act(
                    case,
                    json!({"action": "start_special_procedure", "handler": handler,
                           "procedure": "inspection", "reason": "需现场核查经营场所"}),
                )
                .await?
            }
            Step::EndSpecial => {
                self.act(
                    case,
                    json!({"action": "end_special_procedure", "handler": handler,
                           "opinion": "现场核查符合要求"}),
                )
                .await?
            }
            Step::Approve => {
                self.act(case, json!({"action": "approve", "handler": handler}))
                    .await?
            }
            Step::Refuse => {
                self.act(
                    case,
                    json!({"action": "refuse", "handler": handler,
                           "reason": "申请材料所述情况与实际核查不符"}),
                )
                .await?
            }
            Step::Deliver => {
                self.act(case, json!({"action": "deliver", "handler": handler}))
                    .await?
            }
            Step::Rate(score) => {
                let (number, code) = lookup(case);
                let reason = if *score <= 2 {
                    "等候时间较长"
                } else {
                    ""
                };
                self.json(
                    "/api/cases/rating",
                    false,
                    json!({"case_number": number, "query_code": code,
                           "rating": {"score": score, "reason": reason}}),
                )
                .await?;
            }
        }
        Ok(())
    }
}

/// A small real PNG (a light grey page, 600 × 800), so that staff opening a demo case see an
/// image rather than a broken file.
fn demo_png() -> Vec<u8> {
    use std::io::Write;
    let (width, height) = (600u32, 800u32);
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for _ in 0..height {
        raw.push(0); // filter: none
        raw.extend(std::iter::repeat_n(0xEE, width as usize));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = z.write_all(&raw);
    let data = z.finish().unwrap_or_default();
    let chunk = |out: &mut Vec<u8>, kind: &[u8; 4], body: &[u8]| {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(body);
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut header = Vec::new();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale
    chunk(&mut png, b"IHDR", &header);
    chunk(&mut png, b"IDAT", &data);
    chunk(&mut png, b"IEND", &[]);
    png
}
