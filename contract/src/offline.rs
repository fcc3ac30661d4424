//! What the service worker (public/sw.js) must agree on with the app and the backend, declared
//! once: the API routes it keeps for offline reading, the header that marks a saved copy, and the
//! pattern of hashed (immutable) asset names. The worker reads them from `/sw-config.js`, which
//! the backend serves and `cargo xtask build` writes into `dist/`, both from `service_worker_config`.

/// Set by the service worker on a response it answers from its cache: the time it was saved.
pub const SAVED_AT_HEADER: &str = "x-portal-saved-at";

/// The reading endpoints, as axum route templates (`{name}` is one segment); the backend's
/// router is built from these same constants.
pub const SERVICES: &str = "/api/services";
pub const SERVICE: &str = "/api/services/{code}";
pub const SERVICE_FORM: &str = "/api/services/{code}/form";
pub const CALENDAR_YEAR: &str = "/api/calendar/{year}";
pub const QR_CODE: &str = "/api/qr.svg";
/// The script the service worker imports.
pub const WORKER_CONFIG: &str = "/sw-config.js";

/// The API GETs kept for offline reading.
pub const OFFLINE_API_ROUTES: [&str; 5] = [SERVICES, SERVICE, SERVICE_FORM, CALENDAR_YEAR, QR_CODE];

/// Trunk names hashed outputs `name-<hash>.ext` (or `name-<hash>_bg.wasm`). The hash is a 64-bit
/// number in hex without leading zeros, so it has up to 16 digits; fewer than 8 is taken as a word.
const HASH_DIGITS: std::ops::RangeInclusive<usize> = 8..=16;
const HASHED_EXTENSIONS: [&str; 3] = ["js", "wasm", "css"];

/// Whether a file name (or path) is one of Trunk's hashed outputs, which never change.
pub fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !HASHED_EXTENSIONS.contains(&ext) {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(name, hash)| {
        !name.is_empty()
            && HASH_DIGITS.contains(&hash.len())
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// Whether `path` is one of `OFFLINE_API_ROUTES`.
pub fn is_offline_api_route(path: &str) -> bool {
    OFFLINE_API_ROUTES
        .iter()
        .any(|route| matches_template(route, path))
}

fn matches_template(template: &str, path: &str) -> bool {
    let (mut t, mut p) = (template.split('/'), path.split('/'));
    loop {
        match (t.next(), p.next()) {
            (None, None) => return true,
            (Some(ts), Some(ps)) if ts.starts_with('{') => {
                if ps.is_empty() {
                    return false;
                }
            }
            (Some(ts), Some(ps)) if ts == ps => {}
            _ => return false,
        }
    }
}

/// The same rules as JavaScript regular expressions, for the service worker.
fn route_regex(template: &str) -> String {
    let body: Vec<String> = template
        .split('/')
        .map(|seg| {
            if seg.starts_with('{') {
                "[^/]+".to_string()
            } else {
                seg.replace('.', "\\.")
            }
        })
        .collect();
    format!("^{}$", body.join("\\/"))
}

/// `/sw-config.js`: the declarations above as a script the service worker imports.
pub fn service_worker_config() -> String {
    let routes: Vec<String> = OFFLINE_API_ROUTES
        .iter()
        .map(|r| format!("/{}/", route_regex(r)))
        .collect();
    let asset = format!(
        "-[0-9a-f]{{{},{}}}(?:_bg)?\\.(?:{})",
        HASH_DIGITS.start(),
        HASH_DIGITS.end(),
        HASHED_EXTENSIONS.join("|")
    );
    format!(
        "// Generated from contract/src/offline.rs; do not edit.\n\
         self.PORTAL_SW = {{\n  \
         savedAtHeader: '{SAVED_AT_HEADER}',\n  \
         offlineApi: [{}],\n  \
         hashedAsset: /{asset}$/,\n  \
         hashedAssetInHtml: /[\"'(]\\/?([\\w.-]+?{asset})/g,\n\
         }};\n",
        routes.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashes() {
        assert!(is_hashed_asset("portal-3f2a9c1d4e5b6a7f_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        // A hash with leading zeros is printed shorter.
        assert!(is_hashed_asset("portal-54cf5613b2a8c5.js"));
        assert!(is_hashed_asset("portal-54cf5613b2a8c5_bg.wasm"));
        assert!(!is_hashed_asset("portal-notahash.js"));
        assert!(!is_hashed_asset("portal-1234567.js"));
        assert!(!is_hashed_asset("portal-54cf5613b2a8c5.html"));
        assert!(!is_hashed_asset("-54cf5613b2a8c5.js"));
        assert!(!is_hashed_asset("index.html"));
        assert!(!is_hashed_asset("sw.js"));
        assert!(!is_hashed_asset("manifest.webmanifest"));
    }

    #[test]
    fn offline_routes_are_the_reading_endpoints() {
        for kept in [
            "/api/services",
            "/api/services/330100-001",
            "/api/services/330100-001/form",
            "/api/calendar/2026",
            "/api/qr.svg",
        ] {
            assert!(is_offline_api_route(kept), "{kept}");
        }
        for not in [
            "/api/cases/lookup",
            "/api/services/",
            "/api/services/a/b",
            "/api/uploads",
            "/api/qrxsvg",
            "/api/calendar",
        ] {
            assert!(!is_offline_api_route(not), "{not}");
        }
    }

    #[test]
    fn worker_config_carries_every_declaration() {
        let js = service_worker_config();
        assert!(js.contains("savedAtHeader: 'x-portal-saved-at'"));
        assert!(js.contains(r"/^\/api\/services\/[^/]+\/form$/"));
        assert!(js.contains(r"/^\/api\/qr\.svg$/"));
        assert!(js.contains(r"hashedAsset: /-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css)$/"));
    }
}
