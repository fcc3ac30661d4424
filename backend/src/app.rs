//! The router: API routes, the built app, and the layers every response passes through.

use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use contract::calendar::WorkCalendar;
use contract::{offline, ErrorCode, Health};
use tower_http::compression::CompressionLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

use crate::catalog::service_items;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use crate::http::error::AppError;
use crate::http::ratelimit::FailureLimiter;
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
    pub limiter: Arc<FailureLimiter>,
    /// `None`: the staff API is switched off.
    pub staff_token: Option<Arc<str>>,
    pub trust_proxy: bool,
}

impl AppState {
    pub fn open(config: &Config) -> anyhow::Result<AppState> {
        let db = Db::open(&config.data_dir)?;
        db.with(service_items::seed_or_update)??;
        let uploads_dir = uploads::store::dir(&config.data_dir);
        std::fs::create_dir_all(&uploads_dir)?;
        Ok(AppState {
            db,
            calendar: Arc::new(calendar::load(&config.data_dir)?),
            clock: Clock::default(),
            uploads_dir: Arc::new(uploads_dir),
            limiter: Arc::default(),
            staff_token: config
                .staff_token
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(Arc::from),
            trust_proxy: config.trust_proxy,
        })
    }
}

/// Every `/api` route. Kept apart from the app shell so tests can drive the API alone.
pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/openapi.json", get(openapi::document))
        .route(offline::SERVICES, get(service_items::list))
        .route(offline::SERVICE, get(service_items::get_one))
        .route(offline::SERVICE_FORM, get(service_items::form))
        .route(offline::CALENDAR_YEAR, get(calendar::get_year))
        .route(offline::QR_CODE, get(crate::qr::qr))
        .route(
            "/api/uploads",
            post(uploads::create).layer(DefaultBodyLimit::max(uploads::MAX_BYTES)),
        )
        .route("/api/applications", post(applications::submit))
        .route("/api/cases/lookup", post(cases::lookup::lookup))
        .route("/api/cases/supplement", post(cases::supplement::submit))
        .route("/api/cases/rating", post(cases::rating::submit))
        .route("/api/staff/cases", get(cases::staff::list))
        .route("/api/staff/cases/{number}", get(cases::staff::show))
        .route("/api/staff/cases/{number}/actions", post(cases::staff::act))
        .route("/api/staff/uploads/{id}", get(uploads::staff_file))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
}

pub fn router(state: AppState, config: &Config) -> anyhow::Result<Router> {
    let assets = Arc::new(Assets::load(&config.dist_dir)?);
    let csp = security::content_security_policy(
        assets.inline_script_hashes(),
        config.api_origin.as_deref(),
    );
    Ok(api_router()
        .route(offline::WORKER_CONFIG, get(worker_config))
        .with_state(state)
        .fallback_service(crate::http::static_files::service(assets))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(axum::middleware::from_fn(move |req, next| {
            security::headers(csp.clone(), req, next)
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
