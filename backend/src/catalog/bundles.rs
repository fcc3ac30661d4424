//! 一件事 bundles: kept with the catalog (`backend/catalog/bundles.json`, a JSON array of
//! `contract::Bundle`), checked against the services they join, and served as
//! `GET /api/bundles` and `GET /api/bundles/{id}`.
//!
//! The bundles are stored as one JSON value in `catalog_meta` (key `bundles`), written in the
//! same transaction as the services they name: they are a handful of small records read
//! whole, and keeping them beside the catalog's other metadata needs no schema change.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, State};
use axum::Json;
use contract::bundle::Bundle;
use contract::{BundleGuide, BundleSummary, LimitUnit, Service, TimeLimit};
use rusqlite::{params, Connection, OptionalExtension};

use super::check::{Catalog, Problem};
use crate::app::AppState;
use crate::http::error::{ApiResult, AppError};

/// The file a catalog directory keeps its bundles in.
pub const FILE: &str = "bundles.json";

/// The `catalog_meta` key holding the bundles.
const META_KEY: &str = "bundles";

const EMBEDDED: &str = include_str!("../../catalog/bundles.json");

/// The example city's bundles, compiled in (the tests check them against the catalog).
pub fn embedded() -> Vec<Bundle> {
    serde_json::from_str(EMBEDDED)
        .unwrap_or_else(|e| panic!("backend/catalog/{FILE} is compiled in and must parse: {e}"))
}

/// Writes `bundles` in place of those stored; part of the caller's transaction.
pub fn store_all(conn: &Connection, bundles: &[Bundle]) -> anyhow::Result<()> {
    conn.execute(
        "INSERT INTO catalog_meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = ?2",
        params![META_KEY, serde_json::to_string(bundles)?],
    )?;
    Ok(())
}

/// Every stored bundle, in the catalog's order; none before a catalog with bundles was written.
pub fn load_all(conn: &Connection) -> Result<Vec<Bundle>, AppError> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM catalog_meta WHERE key = ?1",
            [META_KEY],
            |r| r.get("value"),
        )
        .optional()?;
    Ok(match value {
        Some(v) => serde_json::from_str(&v)?,
        None => Vec::new(),
    })
}

/// One bundle with every service it may join, in the bundle's order.
pub fn load_guide(conn: &Connection, id: &str) -> Result<Option<BundleGuide>, AppError> {
    let Some(bundle) = load_all(conn)?.into_iter().find(|b| b.id == id) else {
        return Ok(None);
    };
    let mut services = Vec::new();
    for s in &bundle.services {
        if let Some(service) = super::service_items::load_service(conn, &s.service_code)? {
            services.push(service);
        }
    }
    Ok(Some(BundleGuide { bundle, services }))
}

#[utoipa::path(get, path = "/api/bundles", tag = "catalog",
    params(("service" = Option<String>, Query, description = "Only the bundles that join this service (实施编码)")),
    responses((status = 200, description = "Every 一件事, in catalog order", body = [BundleSummary])))]
pub async fn list(
    State(state): State<AppState>,
    query: axum::extract::Query<ListQuery>,
) -> ApiResult<Json<Vec<BundleSummary>>> {
    let service = query.0.service;
    let out = state
        .db
        .read(move |c| {
            let bundles = load_all(c)?;
            let mut out = Vec::new();
            for b in &bundles {
                if let Some(code) = &service {
                    if !b.services.iter().any(|s| &s.service_code == code) {
                        continue;
                    }
                }
                let mut members = Vec::new();
                for s in &b.services {
                    if let Some(service) = super::service_items::load_service(c, &s.service_code)? {
                        members.push(service);
                    }
                }
                out.push(b.summary(&members));
            }
            Ok(out)
        })
        .await?;
    Ok(Json(out))
}

/// `?service=` of the list.
#[derive(serde::Deserialize, Debug)]
pub struct ListQuery {
    #[serde(default)]
    pub service: Option<String>,
}

#[utoipa::path(get, path = "/api/bundles/{id}", tag = "catalog",
    params(("id" = String, Path, description = "The bundle's id, e.g. newborn")),
    responses((status = 200, description = "The bundle with the whole guide of every service it may join", body = BundleGuide),
              (status = 404, description = "Unknown id", body = contract::ApiError)))]
pub async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<BundleGuide>> {
    let guide = state.db.read(move |c| load_guide(c, &id)).await?;
    Ok(Json(guide.ok_or_else(AppError::not_found)?))
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Every rule a bundle keeps so that its guide and application tell the truth about the
/// services it joins.
pub fn check(catalog: &Catalog) -> Vec<Problem> {
    let services: HashMap<&str, &Service> = catalog
        .services
        .iter()
        .map(|(_, s)| (s.code.as_str(), s))
        .collect();
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for b in &catalog.bundles {
        let mut add = |field: String, message: String| {
            out.push(Problem {
                file: FILE.into(),
                service: Some(b.id.clone()),
                field,
                message,
            })
        };
        if !is_slug(&b.id) {
            add("id".into(), "not an ASCII slug (a-z, 0-9, - and _)".into());
        }
        if !ids.insert(b.id.as_str()) {
            add("id".into(), "duplicate".into());
        }
        for (field, value) in [
            ("name", &b.name),
            ("description", &b.description),
            ("lead_department", &b.lead_department),
        ] {
            if value.trim().is_empty() {
                add(field.into(), "empty".into());
            }
        }
        if b.basis.is_empty() || b.basis.iter().any(|l| l.law.trim().is_empty()) {
            add(
                "basis".into(),
                "name the list or rule that sets up the bundle".into(),
            );
        }
        if !b.services.iter().any(|s| !s.optional) {
            add(
                "services".into(),
                "no service that applies without an answer".into(),
            );
        }
        let codes: Vec<&str> = b.services.iter().map(|s| s.service_code.as_str()).collect();
        let mut seen = HashSet::new();
        for (i, s) in b.services.iter().enumerate() {
            if !seen.insert(s.service_code.as_str()) {
                add(format!("services[{i}].service_code"), "duplicate".into());
            }
            match services.get(s.service_code.as_str()) {
                None if catalog.unreadable.contains(&s.service_code) => {}
                None => add(
                    format!("services[{i}].service_code"),
                    format!("no service has the code {}", s.service_code),
                ),
                Some(service) => {
                    let own: Vec<&str> = service
                        .situations
                        .iter()
                        .flat_map(|q| &q.options)
                        .map(|o| o.id.as_str())
                        .collect();
                    for id in &s.preset {
                        if !own.contains(&id.as_str()) {
                            add(
                                format!("services[{i}].preset"),
                                format!("{id} is no situation option of {}", service.name),
                            );
                        }
                    }
                }
            }
        }
        let mut option_ids = HashSet::new();
        for (q, question) in b.situations.iter().enumerate() {
            if question.question.trim().is_empty() {
                add(format!("situations[{q}].question"), "empty".into());
            }
            if question.options.len() < 2 {
                add(
                    format!("situations[{q}].options"),
                    "a question needs at least two answers".into(),
                );
            }
            for (o, opt) in question.options.iter().enumerate() {
                let field = |name: &str| format!("situations[{q}].options[{o}].{name}");
                if !is_slug(&opt.id) {
                    add(field("id"), "not an ASCII slug (a-z, 0-9, - and _)".into());
                }
                if !option_ids.insert(opt.id.as_str()) {
                    add(field("id"), "duplicate within the bundle".into());
                }
                if opt.label.trim().is_empty() {
                    add(field("label"), "empty".into());
                }
                for code in &opt.adds {
                    match b.services.iter().find(|s| &s.service_code == code) {
                        None => add(field("adds"), format!("{code} is no service of the bundle")),
                        Some(s) if !s.optional => add(
                            field("adds"),
                            format!("{code} applies anyway; only an optional service can be added"),
                        ),
                        Some(_) => {}
                    }
                }
                for code in &opt.removes {
                    if !codes.contains(&code.as_str()) {
                        add(
                            field("removes"),
                            format!("{code} is no service of the bundle"),
                        );
                    }
                }
            }
        }
        let mut shared_ids = HashSet::new();
        let mut covered = HashSet::new();
        for (m, shared) in b.shared_materials.iter().enumerate() {
            if !is_slug(&shared.id) || !shared_ids.insert(shared.id.as_str()) {
                add(
                    format!("shared_materials[{m}].id"),
                    "not a unique ASCII slug".into(),
                );
            }
            if shared.name.trim().is_empty() {
                add(format!("shared_materials[{m}].name"), "empty".into());
            }
            let users: HashSet<&str> = shared
                .uses
                .iter()
                .map(|u| u.service_code.as_str())
                .collect();
            if users.len() < 2 {
                add(
                    format!("shared_materials[{m}].uses"),
                    "a shared material is used by at least two services".into(),
                );
            }
            for (u, using) in shared.uses.iter().enumerate() {
                let field = format!("shared_materials[{m}].uses[{u}]");
                if !covered.insert((using.service_code.as_str(), using.material_id.as_str())) {
                    add(
                        field.clone(),
                        "this material is already covered by a shared material".into(),
                    );
                }
                if !codes.contains(&using.service_code.as_str()) {
                    add(
                        field,
                        format!("{} is no service of the bundle", using.service_code),
                    );
                    continue;
                }
                if let Some(service) = services.get(using.service_code.as_str()) {
                    if !service.materials.iter().any(|x| x.id == using.material_id) {
                        add(
                            field,
                            format!("{} has no material {}", service.name, using.material_id),
                        );
                    }
                }
            }
        }
        let members: Vec<&Service> = codes
            .iter()
            .filter_map(|c| services.get(c))
            .copied()
            .collect();
        if let Some(message) = limit_problem(b.promised_limit, &members) {
            add("promised_limit".into(), message);
        }
    }
    out
}

/// The services run side by side (并联), so the bundle is done when its slowest service is:
/// its promise is the longest of its services' promises, neither shorter (a service would
/// break it) nor longer (a promise no track needs).
fn limit_problem(promised: TimeLimit, members: &[&Service]) -> Option<String> {
    let days = |l: TimeLimit| match l {
        TimeLimit::OnTheSpot => Some((0, None)),
        TimeLimit::Days { days, unit } => Some((days, Some(unit))),
        TimeLimit::NotSet => None,
    };
    let Some((own, own_unit)) = days(promised) else {
        return Some("a promise cannot be not_set".into());
    };
    let mut longest = 0;
    for s in members {
        let Some((d, unit)) = days(s.promised_limit) else {
            continue;
        };
        // Working days against calendar days depend on the day: only like is compared.
        if unit.is_some() && own_unit.is_some() && unit != own_unit {
            return None;
        }
        if d > own {
            return Some(format!(
                "promises {own} days, shorter than {}'s own {d}",
                s.name
            ));
        }
        longest = longest.max(d);
    }
    (!members.is_empty() && own > longest).then(|| {
        format!(
            "promises {own} {}, longer than its slowest service ({longest})",
            match own_unit {
                Some(LimitUnit::CalendarDays) => "calendar days",
                _ => "working days",
            }
        )
    })
}
