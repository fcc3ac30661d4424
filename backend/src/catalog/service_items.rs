//! The catalog endpoints: the service list for search and one whole guide, with ETags.

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contract::{FormDefinition, Service, ServiceSummary};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::catalog::pinyin_keys;
use crate::http::error::{ApiResult, AppError};

/// Brings the catalog tables to the embedded catalog: seeds them on first start, and replaces
/// the reference services and forms when the embedded catalog differs from the one they were
/// written from (its fingerprint is kept in `catalog_meta`).
///
/// Why replace rather than only read old rows leniently: rows from an older version parse (a
/// bare number reads as working days), but they say what the older catalog said, e.g. "60 个
/// 工作日" where the law says 60 日. The embedded catalog is the only writer of these tables,
/// so nothing is lost; rows whose code the embedded catalog lacks are left alone, and rowids
/// (the list order) of existing rows are kept.
pub fn seed_or_update(conn: &mut Connection) -> anyhow::Result<()> {
    // A city's imported catalog is the data; the example never replaces it.
    let source: Option<String> = conn
        .query_row(
            "SELECT value FROM catalog_meta WHERE key = ?1",
            [crate::catalog::import::SOURCE_KEY],
            |r| r.get("value"),
        )
        .optional()?;
    if source.as_deref() == Some("imported") {
        return Ok(());
    }
    let services = crate::catalog::seed::services();
    let forms = crate::catalog::seed::forms();
    let documents = crate::catalog::documents::embedded();
    let bundles = crate::catalog::bundles::embedded();
    let mut all = String::new();
    for service in &services {
        all.push_str(&serde_json::to_string(service)?);
    }
    for form in &forms {
        all.push_str(&serde_json::to_string(form)?);
    }
    for doc in &documents {
        all.push_str(&serde_json::to_string(doc)?);
    }
    all.push_str(&serde_json::to_string(&bundles)?);
    let fingerprint = etag_of(&all);
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM catalog_meta WHERE key = 'catalog'",
            [],
            |r| r.get("value"),
        )
        .optional()?;
    if stored.as_deref() == Some(fingerprint.as_str()) {
        return Ok(());
    }
    let tx = conn.transaction()?;
    let count: i64 = tx.query_row("SELECT COUNT(*) AS n FROM services", [], |r| r.get("n"))?;
    for service in &services {
        let body = serde_json::to_string(service)?;
        let pinyin = serde_json::to_string(&pinyin_keys::keys(&service.name, &service.aliases))?;
        tx.execute(
            "INSERT INTO services (code, name, department, body, pinyin, etag) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (code) DO UPDATE SET name = ?2, department = ?3, body = ?4, pinyin = ?5, etag = ?6",
            params![service.code, service.name, service.department, body, pinyin, etag_of(&body)],
        )?;
    }
    for form in &forms {
        tx.execute(
            "INSERT INTO forms (service_code, body) VALUES (?1, ?2)
             ON CONFLICT (service_code) DO UPDATE SET body = ?2",
            params![form.service_code, serde_json::to_string(form)?],
        )?;
    }
    crate::catalog::documents::store_all(&tx, &documents)?;
    crate::catalog::bundles::store_all(&tx, &bundles)?;
    tx.execute(
        "INSERT INTO catalog_meta (key, value) VALUES ('catalog', ?1)
         ON CONFLICT (key) DO UPDATE SET value = ?1",
        [&fingerprint],
    )?;
    tx.commit()?;
    if count == 0 {
        tracing::info!("seeded the service catalog");
    } else {
        tracing::info!("updated the service catalog to the embedded version");
    }
    Ok(())
}

pub fn etag_of(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// Answers 304 when the client already holds this version, else the JSON with its ETag.
fn with_etag(headers: &HeaderMap, etag: String, body: String) -> Response {
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let common = [
        (header::ETAG, etag),
        (header::CACHE_CONTROL, "no-cache".to_string()),
    ];
    if fresh {
        return (StatusCode::NOT_MODIFIED, common).into_response();
    }
    (
        common,
        [(header::CONTENT_TYPE, "application/json".to_string())],
        body,
    )
        .into_response()
}

/// Loads every summary, in catalog order, in English where a service has it when `english`.
pub fn list_summaries(conn: &Connection, english: bool) -> Result<Vec<ServiceSummary>, AppError> {
    let mut stmt = conn.prepare("SELECT body, pinyin FROM services ORDER BY rowid")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>("body")?, r.get::<_, String>("pinyin")?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (body, pinyin) = row?;
        let service: Service = serde_json::from_str(&body)?;
        out.push(service.served_summary(english, serde_json::from_str(&pinyin)?));
    }
    Ok(out)
}

/// Loads one whole service.
pub fn load_service(conn: &Connection, code: &str) -> Result<Option<Service>, AppError> {
    let body: Option<String> = conn
        .query_row("SELECT body FROM services WHERE code = ?1", [code], |r| {
            r.get("body")
        })
        .optional()?;
    Ok(match body {
        Some(b) => Some(serde_json::from_str(&b)?),
        None => None,
    })
}

#[utoipa::path(get, path = "/api/services", tag = "catalog",
    params(("lang" = Option<String>, Query, description = "`en` serves the English version where the catalog has one (`content_lang` says which language was served); any other value, or none, serves Chinese")),
    responses((status = 200, description = "Every service, with the fields search needs", body = [ServiceSummary]),
              (status = 304, description = "Not modified")))]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let english = contract::asks_for_english(query.as_deref());
    let summaries = state.db.read(move |c| list_summaries(c, english)).await?;
    let body = serde_json::to_string(&summaries)?;
    let etag = etag_of(&body);
    Ok(with_etag(&headers, etag, body))
}

#[utoipa::path(get, path = "/api/services/{code}", tag = "catalog",
    params(("code" = String, Path, description = "实施编码"), ("lang" = Option<String>, Query, description = "`en` serves the English version where the catalog has one (`content_lang` says which language was served); any other value, or none, serves Chinese")),
    responses((status = 200, description = "The whole guide", body = Service),
              (status = 304, description = "Not modified"),
              (status = 404, description = "Unknown code", body = contract::ApiError)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(code): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let english = contract::asks_for_english(query.as_deref());
    let found = state
        .db
        .read(move |c| {
            let found = c
                .query_row(
                    "SELECT body, etag FROM services WHERE code = ?1",
                    [&code],
                    |r| Ok((r.get::<_, String>("body")?, r.get::<_, String>("etag")?)),
                )
                .optional()?;
            // Questions staff published to the guide (咨询 → 常见问题) join its FAQ.
            match found {
                Some((body, etag)) => {
                    match crate::feedback::inquiries::with_published(c, &code, &body)? {
                        Some(merged) => Ok(Some((etag_of(&merged), merged))),
                        None => Ok(Some((etag, body))),
                    }
                }
                None => Ok(None),
            }
        })
        .await?;
    let (_, body) = found.ok_or_else(AppError::not_found)?;
    // In the language asked for, without the overlay: the tag is of what is sent.
    let service: Service = serde_json::from_str(&body)?;
    let body = serde_json::to_string(&service.served(english))?;
    Ok(with_etag(&headers, etag_of(&body), body))
}

#[utoipa::path(get, path = "/api/services/{code}/form", tag = "catalog",
    params(("code" = String, Path, description = "实施编码")),
    responses((status = 200, description = "The service-specific application fields", body = FormDefinition),
              (status = 404, description = "The service takes no online applications", body = contract::ApiError)))]
pub async fn form(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> ApiResult<Json<FormDefinition>> {
    let body: Option<String> = state
        .db
        .read(move |c| {
            Ok(c.query_row(
                "SELECT body FROM forms WHERE service_code = ?1",
                [code],
                |r| r.get("body"),
            )
            .optional()?)
        })
        .await?;
    let body = body.ok_or_else(AppError::not_found)?;
    Ok(Json(serde_json::from_str(&body)?))
}
