//! The working-day calendar: one embedded file per State Council notice, served to the app and
//! used for due dates.
//!
//! Next year's notice: add `calendar/<year>.json` and one line to `YEARS`.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use contract::calendar::{CalendarYear, WorkCalendar};

use crate::app::AppState;
use crate::error::{ApiResult, AppError};

/// Every notice, embedded in the binary.
const YEARS: &[(&str, &str)] = &[
    ("2024.json", include_str!("../calendar/2024.json")),
    ("2025.json", include_str!("../calendar/2025.json")),
    ("2026.json", include_str!("../calendar/2026.json")),
];

/// Parses and checks every year; a bad file stops start-up rather than moving a due date.
pub fn load() -> anyhow::Result<WorkCalendar> {
    let mut years = Vec::new();
    for (name, text) in YEARS {
        let year: CalendarYear =
            serde_json::from_str(text).map_err(|e| anyhow::anyhow!("calendar/{name}: {e}"))?;
        if !name.starts_with(&year.year.to_string()) {
            anyhow::bail!("calendar/{name} holds year {}", year.year);
        }
        years.push(year);
    }
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
        AppError::new(StatusCode::NOT_FOUND, "not_found", "暂无该年度的节假日安排")
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
    fn every_embedded_year_loads_and_checks() {
        let calendar = load().unwrap();
        assert_eq!(calendar.years().len(), YEARS.len());
        for year in calendar.years() {
            assert_eq!(year.count_working_days(), year.working_days);
        }
    }
}
