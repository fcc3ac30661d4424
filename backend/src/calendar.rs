//! The working-day calendar: one embedded file per State Council notice, served to the app and
//! used for due dates.
//!
//! Next year's notice needs no code change: drop `<year>.json` into `<data-dir>/calendar/` and
//! restart; a file there also replaces an embedded year (a corrected notice). To ship it with the
//! binary instead, add `calendar/<year>.json` and one line to `YEARS`.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use contract::calendar::{CalendarYear, WorkCalendar};
use contract::ErrorCode;
use std::path::Path as FsPath;

use crate::app::AppState;
use crate::http::error::{ApiResult, AppError};

/// Every notice, embedded in the binary.
const YEARS: &[(&str, &str)] = &[
    ("2024.json", include_str!("../calendar/2024.json")),
    ("2025.json", include_str!("../calendar/2025.json")),
    ("2026.json", include_str!("../calendar/2026.json")),
];

fn parse(name: &str, text: &str) -> anyhow::Result<CalendarYear> {
    let year: CalendarYear =
        serde_json::from_str(text).map_err(|e| anyhow::anyhow!("calendar/{name}: {e}"))?;
    if !name.starts_with(&year.year.to_string()) {
        anyhow::bail!("calendar/{name} holds year {}", year.year);
    }
    Ok(year)
}

/// Parses and checks every year, embedded and from `<data_dir>/calendar/`; a bad file stops
/// start-up rather than moving a due date.
pub fn load(data_dir: &FsPath) -> anyhow::Result<WorkCalendar> {
    let mut years = Vec::new();
    for (name, text) in YEARS {
        years.push(parse(name, text)?);
    }
    let dir = data_dir.join("calendar");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries {
            let path = entry?.path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !name.ends_with(".json") {
                continue;
            }
            let year = parse(&name, &std::fs::read_to_string(&path)?)?;
            years.retain(|y| y.year != year.year);
            tracing::info!(year = year.year, file = %path.display(), "calendar notice loaded from the data directory");
            years.push(year);
        }
    }
    years.sort_by_key(|y| y.year);
    WorkCalendar::new(years).map_err(anyhow::Error::msg)
}

#[utoipa::path(get, path = "/api/calendar/{year}", tag = "calendar",
    params(("year" = i32, Path, description = "e.g. 2026")),
    responses((status = 200, description = "Holidays, adjusted working days and the working-day count of the year", body = CalendarYear),
              (status = 404, description = "No notice loaded for that year", body = contract::ApiError)))]
pub async fn get_year(
    State(state): State<AppState>,
    Path(year): Path<String>,
) -> ApiResult<impl IntoResponse> {
    let found = year
        .parse::<i32>()
        .ok()
        .and_then(|y| state.calendar.years().iter().find(|c| c.year == y));
    let year = found.ok_or_else(|| {
        AppError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "暂无该年度的节假日安排",
        )
    })?;
    // A notice does not change once published; a day's caching is safe.
    Ok((
        [(header::CACHE_CONTROL, "public, max-age=86400")],
        Json(year.clone()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_notice_in_the_data_directory_is_loaded_without_a_code_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("calendar")).unwrap();
        // A made-up 2027 with only New Year's Day off: Mon-Fri minus one day.
        let mut y = CalendarYear {
            year: 2027,
            holidays: vec![contract::calendar::Holiday {
                date: contract::chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
                name: "元旦".into(),
            }],
            adjusted_working_days: vec![],
            working_days: 0,
        };
        y.working_days = y.count_working_days();
        std::fs::write(
            dir.path().join("calendar/2027.json"),
            serde_json::to_string(&y).unwrap(),
        )
        .unwrap();
        let calendar = load(dir.path()).unwrap();
        assert!(calendar.covers(2027));
        assert!(!calendar
            .is_working_day(contract::chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
        assert_eq!(calendar.years().len(), YEARS.len() + 1);
    }

    #[test]
    fn every_embedded_year_loads_and_checks() {
        let calendar = load(std::path::Path::new("/nonexistent")).unwrap();
        assert_eq!(calendar.years().len(), YEARS.len());
        for year in calendar.years() {
            assert_eq!(year.count_working_days(), year.working_days);
        }
    }
}
