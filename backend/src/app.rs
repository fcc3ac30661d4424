//! The router: API routes, the built app, and the layers every response passes through.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use contract::calendar::WorkCalendar;
use contract::{offline, ErrorCode, Health};
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

use crate::catalog::service_items;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::http::error::AppError;
use crate::http::pages::Pages;
use crate::http::ratelimit::Limits;
use crate::http::security;
use crate::http::static_files::Assets;
use crate::{applications, calendar, cases, openapi, uploads};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub calendar: Arc<WorkCalendar>,
    pub clock: Clock,
    /// `<data-dir>/uploads`.
    pub uploads_dir: Arc<PathBuf>,
    pub limits: Arc<Limits>,
    /// Uploads being received now (`uploads::CONCURRENT_UPLOADS`).
    pub upload_slots: Arc<tokio::sync::Semaphore>,
    /// `None`: the staff API is switched off.
    pub staff_token: Option<Arc<str>>,
    pub trust_proxy: bool,
    /// The places' opening hours (预约).
    pub hours: Arc<contract::appointment::OpeningHours>,
    /// Reply and follow-up limits the center sets (`feedback::Settings`).
    pub feedback: crate::feedback::Settings,
}

impl AppState {
    pub fn open(config: &Config) -> anyhow::Result<AppState> {
        let db = Db::open(&config.data_dir)?;
        db.with(service_items::seed_or_update)??;
        let uploads_dir = uploads::store::dir(&config.data_dir);
        uploads::store::create_private_dir(&uploads_dir)?;
        Ok(AppState {
            db,
            calendar: Arc::new(calendar::load(&config.data_dir)?),
            clock: Clock::default(),
            uploads_dir: Arc::new(uploads_dir),
            limits: Arc::default(),
            upload_slots: Arc::new(tokio::sync::Semaphore::new(uploads::CONCURRENT_UPLOADS)),
            staff_token: config
                .staff_token
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(Arc::from),
            trust_proxy: config.trust_proxy,
            hours: Arc::new(crate::appointments::hours::load(&config.data_dir)?),
            feedback: Default::default(),
        })
    }
}

/// Body limit of JSON routes that carry an application or a supplement (a long form and
/// hundreds of upload ids fit many times over).
pub const FORM_BODY_LIMIT: usize = 64 * 1024;
/// Body limit of every other route: a look-up, a rating or a staff action.
pub const SMALL_BODY_LIMIT: usize = 16 * 1024;

/// Longest time for a request other than an upload, from its head to the answer.
pub const REQUEST_TIMEOUT_SECS: u64 = 30;
/// Longest time for an upload.
pub const UPLOAD_TIMEOUT_SECS: u64 = 120;

/// Longest time the server spends rendering a public page before it sends the app shell.
const RENDER_TIMEOUT: Duration = Duration::from_secs(5);

/// Every `/api` route. Kept apart from the app shell so tests can drive the API alone.
pub fn api_router() -> Router<AppState> {
    let form_limit = || DefaultBodyLimit::max(FORM_BODY_LIMIT);
    let timeout = |secs| {
        TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(secs))
    };
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi::document))
        .route(offline::SERVICES, get(service_items::list))
        .route(offline::SERVICE, get(service_items::get_one))
        .route(offline::SERVICE_FORM, get(service_items::form))
        .route(offline::CALENDAR_YEAR, get(calendar::get_year))
        .route(offline::QR_CODE, get(crate::qr::qr))
        .route(
            "/api/documents/{id}/{variant}",
            get(crate::catalog::documents::get),
        )
        .route(
            "/api/applications",
            post(applications::submit).layer(form_limit()),
        )
        .route(
            "/api/bundle-applications",
            post(cases::bundle::submit).layer(form_limit()),
        )
        .route("/api/cases/lookup", post(cases::lookup::lookup))
        .route(
            "/api/cases/supplement",
            post(cases::supplement::submit).layer(form_limit()),
        )
        .route("/api/cases/rating", post(cases::rating::submit))
        .route("/api/staff/cases", get(cases::staff::list))
        .route("/api/staff/cases/{number}", get(cases::staff::show))
        .route("/api/staff/cases/{number}/actions", post(cases::staff::act))
        .route("/api/staff/uploads/{id}", get(uploads::staff_file))
        .merge(crate::appointments::api::routes())
        .merge(crate::feedback::routes())
        .route(
            "/api/performance/services/{code}",
            get(crate::performance::service),
        )
        .route(
            "/api/performance/departments/{department}",
            get(crate::performance::department),
        )
        .route("/api/publications", get(crate::publications::list))
        .route("/api/publications/{id}", get(crate::publications::get_one))
        .route("/api/bundles", get(crate::catalog::bundles::list))
        .route("/api/bundles/{id}", get(crate::catalog::bundles::get_one))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        // Whole requests, body included: a slow sender cannot hold a connection.
        .layer(timeout(REQUEST_TIMEOUT_SECS))
        // Merged after that layer, so with its own longer timeout: 10 MB over a weak phone
        // connection (each piece of the body must also come within 20 s).
        .merge(
            Router::new()
                .route(
                    "/api/uploads",
                    post(uploads::create).layer(DefaultBodyLimit::max(uploads::MAX_BYTES)),
                )
                .layer(timeout(UPLOAD_TIMEOUT_SECS)),
        )
        // Routes without their own limit: small JSON bodies only.
        .layer(DefaultBodyLimit::max(SMALL_BODY_LIMIT))
        .layer(axum::middleware::from_fn(crate::http::error::json_errors))
}

pub fn router(state: AppState, config: &Config) -> anyhow::Result<Router> {
    let assets = Arc::new(Assets::load(&config.dist_dir)?);
    let behind_tls = config.behind_tls;
    let csp = security::content_security_policy(
        assets.inline_script_hashes(),
        config.api_origin.as_deref(),
    );
    portal::ssr::init();
    let api = api_router().with_state(state);
    let pages = Pages::new(&assets, &csp, api.clone());
    let files = crate::http::static_files::service(assets);
    Ok(api
        .route(offline::WORKER_CONFIG, get(worker_config))
        .fallback(move |req: Request| {
            let (pages, files) = (pages.clone(), files.clone());
            async move {
                match pages {
                    Some(pages) if Pages::takes(&req) => {
                        // Should rendering fail or stall, the citizen still gets the app, which
                        // renders the page in the browser.
                        let (uri, headers) = (req.uri().clone(), req.headers().clone());
                        match tokio::time::timeout(RENDER_TIMEOUT, pages.render(req)).await {
                            Ok(res) => res,
                            Err(_) => {
                                tracing::error!(%uri, "rendering the page took too long; sent the app shell");
                                let mut shell = Request::new(axum::body::Body::empty());
                                *shell.uri_mut() = uri;
                                *shell.headers_mut() = headers;
                                files.oneshot(shell).await.into_response()
                            }
                        }
                    }
                    _ => files.oneshot(req).await.into_response(),
                }
            }
        })
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::from_fn(move |req, next| {
            security::headers(csp.clone(), behind_tls, req, next)
        }))
        // One structured (JSON) line per request at INFO: method, path, status, latency.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        ))
}

#[utoipa::path(get, path = "/api/health", tag = "system",
    responses((status = 200, description = "The backend is up", body = Health)))]
pub async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> Result<Json<Health>, AppError> {
    // Touch the database so a broken disk shows as unhealthy.
    state
        .db
        .call(|c| Ok(c.query_row("SELECT 1 AS ok", [], |r| r.get::<_, i64>("ok"))?))
        .await?;
    Ok(Json(Health {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// `/sw-config.js`: what the service worker shares with the app and this backend.
async fn worker_config() -> impl axum::response::IntoResponse {
    (
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/javascript; charset=utf-8",
            ),
            // Changes with a deploy, like the worker itself.
            (axum::http::header::CACHE_CONTROL, "no-cache"),
        ],
        offline::service_worker_config(),
    )
}

async fn api_not_found() -> AppError {
    AppError::new(StatusCode::NOT_FOUND, ErrorCode::NotFound, "接口不存在")
}
