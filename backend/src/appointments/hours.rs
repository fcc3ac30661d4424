//! The places' opening hours (`backend/catalog/places-hours.json`), kept with the catalog as
//! data: a city replaces them with `<data-dir>/places-hours.json` and a restart, no rebuild.

use std::path::Path;

use contract::appointment::OpeningHours;

const EMBEDDED: &str = include_str!("../../catalog/places-hours.json");
pub const FILE_NAME: &str = "places-hours.json";

pub fn parse(name: &str, text: &str) -> anyhow::Result<OpeningHours> {
    let hours: OpeningHours =
        serde_json::from_str(text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    hours.check().map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    Ok(hours)
}

/// The hours embedded in the binary (`None` only if the embedded file were broken, which a
/// test rules out).
pub fn embedded() -> Option<OpeningHours> {
    parse(FILE_NAME, EMBEDDED).ok()
}

/// The data directory's file when there is one, else the embedded one; a bad file stops
/// start-up rather than offering slots nobody staffs.
pub fn load(data_dir: &Path) -> anyhow::Result<OpeningHours> {
    let path = data_dir.join(FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            tracing::info!(file = %path.display(), "opening hours loaded from the data directory");
            parse(&path.display().to_string(), &text)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => parse(FILE_NAME, EMBEDDED),
        Err(e) => Err(anyhow::anyhow!("{}: {e}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_hours_parse_and_name_the_catalog_s_places() {
        let hours = parse(FILE_NAME, EMBEDDED).unwrap();
        let services = crate::catalog::seed::services();
        for s in &services {
            for p in &s.places {
                assert!(
                    hours.place_named(&p.name).is_some(),
                    "{}: no opening hours for {}",
                    s.code,
                    p.name
                );
            }
        }
        // Places vary: some open in the evening, some on weekend mornings, some on holidays.
        assert!(hours.places.iter().any(|p| p.evening.is_some()));
        assert!(hours.places.iter().any(|p| p.weekend.is_some()));
        assert!(hours.places.iter().any(|p| p.holidays.is_some()));
        assert!(hours
            .places
            .iter()
            .any(|p| p.evening.is_none() && p.weekend.is_none()));
    }

    #[test]
    fn a_file_in_the_data_directory_replaces_the_embedded_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut hours = parse(FILE_NAME, EMBEDDED).unwrap();
        hours.places[0].capacity = 1;
        std::fs::write(
            dir.path().join(FILE_NAME),
            serde_json::to_string(&hours).unwrap(),
        )
        .unwrap();
        assert_eq!(load(dir.path()).unwrap().places[0].capacity, 1);
        hours.places[0].capacity = 0;
        std::fs::write(
            dir.path().join(FILE_NAME),
            serde_json::to_string(&hours).unwrap(),
        )
        .unwrap();
        assert!(load(dir.path()).is_err());
    }
}
